"""Form facts: the grammar of autocomplete values, labels that name no control."""

from __future__ import annotations

import pytest

from vngpublish.check.facts.forms import autofill_problem, form_fields, unconnected_label_near
from vngpublish.check.page import Page


@pytest.mark.parametrize(
    "value",
    [
        "email",
        "EMAIL",
        "section-werk work email",
        "shipping postal-code",
        "billing mobile tel",
        "current-password webauthn",
        "section-a billing home tel-national webauthn",
    ],
)
def test_valid_autocomplete_values(value: str) -> None:
    assert autofill_problem(value) is None


@pytest.mark.parametrize(
    ("value", "kind", "token"),
    [
        ("emial", "unknown", "emial"),
        ("work,email", "unknown", "work,email"),
        ("shipping", "no-field", ""),
        ("address-line1 address-line2", "two-fields", "address-line2"),
        ("work photo", "hint-not-contact", "work"),
        ("email work", "order", "work"),
        ("webauthn email", "order", "webauthn"),
        ("email section-a", "order", "section-a"),
    ],
)
def test_invalid_autocomplete_values(value: str, kind: str, token: str) -> None:
    problem = autofill_problem(value)
    assert problem is not None
    assert (problem.kind, problem.token) == (kind, token)


def page_of(body: str) -> Page:
    return Page(f"<!doctype html><html lang=nl><body>{body}</body></html>")


def test_an_unconnected_label_before_the_field_is_found() -> None:
    page = page_of("<label>E-mailadres</label> <input id=x type=email>")
    label = unconnected_label_near(page, page.by_id("x"))  # type: ignore[arg-type]
    assert label is not None and label.text == "E-mailadres"


def test_a_label_of_another_field_is_not_offered() -> None:
    page = page_of("<label for=a>Naam</label><input id=a><input id=x>")
    assert unconnected_label_near(page, page.by_id("x")) is None  # type: ignore[arg-type]


def test_form_fields_leave_out_hidden_ones_and_buttons() -> None:
    page = page_of(
        "<input id=a><input type=hidden><button>Ok</button><select id=b></select>"
        '<div role=textbox id=c></div><input id=d style="display:none">'
    )
    assert [el.get("id") for el in form_fields(page)] == ["a", "b", "c"]
