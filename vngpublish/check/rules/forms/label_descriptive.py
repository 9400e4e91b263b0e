"""label-descriptive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

FIELD_ROLES = frozenset(
    {"textbox", "searchbox", "combobox", "listbox", "spinbutton", "slider", "checkbox", "radio",
     "switch"}
)  # fmt: skip
# Labels that say only that there is a field.
_EMPTY_WORDS = frozenset(
    {"field", "input", "text", "value", "label", "text field", "input field", "enter text",
     "veld", "invoer", "tekst", "waarde", "tekstveld", "invoerveld", "vul in", "invullen"}
)  # fmt: skip


class LabelDescriptive(Rule):
    """Applies to form fields in the accessibility tree (the roles textbox, searchbox,
    combobox, listbox, spinbutton, slider, checkbox, radio and switch) that have an
    accessible name.

    Fails when the name says only that there is a field ("Veld", "Invoer", "Text field").
    Needs review when two fields of the same form have the same name and no group (a
    `fieldset` with a `legend`, or a named `group`) tells them apart: "Naam" twice, for the
    sender and the receiver, leaves a screen reader user guessing which is which. Other
    names pass; whether they describe the field well is for a person.
    """

    id = "label-descriptive"
    title = N_("Labels say what to fill in")
    level = "AA"
    wcag = ("2.4.6",)
    act = ("cc0f0a",)
    tags = ("forms", "names")
    why = N_(
        "The label is what a screen reader says when a field gets focus: 'Veld' or a name "
        "used twice does not tell what to fill in."
    )
    fix = N_(
        'Write in the label what to fill in ("E-mailadres"), and group fields that repeat '
        'in a fieldset with a legend ("Adres van de aanvrager").'
    )
    messages = {
        "empty-words": N_(
            'The field\'s label "{name}" does not say what to fill in: name what is asked, '
            'such as "E-mailadres".'
        ),
        "same-name": N_(
            'Several fields in this form are labelled "{name}": check that each label (or a '
            "fieldset legend around it) says which one is which."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        candidates = [
            *page.by_tag("input"),
            *page.by_tag("select"),
            *page.by_tag("textarea"),
            *page.with_attribute("role"),
        ]
        seen: set[Element] = set()
        found = []
        for el in candidates:
            if el in seen:
                continue
            seen.add(el)
            if (
                role(page, el) in FIELD_ROLES
                and not is_hidden(page, el)
                and accessible_name(page, el).strip()
            ):
                found.append(el)
        return found  # not in document order: findings are sorted by position

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        groups: dict[tuple[Element | None, str, str], list[Element]] = {}
        for el in targets:
            name = accessible_name(page, el).strip()
            key = name.casefold().rstrip(":* ")
            if key in _EMPTY_WORDS:
                yield self.fail(el, "empty-words", name=name)
                continue
            if role(page, el) == "radio":
                continue  # options of one question share a group, not a name
            groups.setdefault((_form(el), _group_name(page, el), key), []).append(el)
        for (_form_el, _group, _key), fields in groups.items():
            if len(fields) > 1:
                for el in fields:
                    yield self.cant_tell(el, "same-name", name=accessible_name(page, el).strip())


def _form(el: Element) -> Element | None:
    return next(el.iterancestors("form"), None)


def _group_name(page: Page, el: Element) -> str:
    """The name of the nearest group around the field (a fieldset's legend, a named group)."""
    for ancestor in el.iterancestors():
        if ancestor.tag == "fieldset":
            legend = next((c for c in ancestor if c.tag == "legend"), None)
            if legend is not None:
                return collapsed_text(legend)
        elif ancestor.get("role") in ("group", "radiogroup") and accessible_name(page, ancestor):
            return accessible_name(page, ancestor)
    return ""
