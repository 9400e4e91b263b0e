"""Language and page rules beyond the case catalogue: file types, and the value parsers."""

from __future__ import annotations

import pytest

from vngpublish.check import check_html
from vngpublish.check.facts.refresh import parse_refresh
from vngpublish.check.rules.page.meta_viewport import parse_viewport, viewport_number

LANGUAGE_AND_PAGE_RULES = [
    "html-has-lang",
    "html-lang-valid",
    "html-xml-lang-mismatch",
    "document-title",
]


def test_an_svg_document_is_not_an_html_page() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title></svg>'
    assert check_html(svg, "logo.svg", select=LANGUAGE_AND_PAGE_RULES) == []
    # The same markup served as HTML is a page without a language and without a title.
    rules = {f.rule for f in check_html(svg, "logo.html", select=LANGUAGE_AND_PAGE_RULES)}
    assert rules == {"html-has-lang", "document-title"}


def test_xml_lang_gives_an_xhtml_page_its_language() -> None:
    page = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl"><head><title>Nieuws</title>'
        "</head><body><p>Welkom.</p></body></html>"
    )
    assert check_html(page, "nieuws.xhtml", select=["html-has-lang"]) == []
    assert [f.rule for f in check_html(page, "nieuws.html", select=["html-has-lang"])] == [
        "html-has-lang"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("0", (0, "")),
        ("5; url=https://vng.nl/", (5, "https://vng.nl/")),
        ("5;URL='https://vng.nl/a b'", (5, "https://vng.nl/a b")),
        ("  3 , https://vng.nl/", (3, "https://vng.nl/")),
        ("1.9", (1, "")),  # the fraction is read and ignored
        (".5; url=x", (0, "x")),
        ("30 https://vng.nl/", (30, "https://vng.nl/")),
    ],
)
def test_refresh_values_browsers_accept(content: str, expected: tuple[int, str]) -> None:
    assert parse_refresh(content) == expected


@pytest.mark.parametrize("content", ["", " ", "+5", "-1", "0: https://vng.nl/", "foo", "; 5"])
def test_refresh_values_browsers_ignore(content: str) -> None:
    assert parse_refresh(content) is None


def test_viewport_pairs_are_read_like_browsers_do() -> None:
    pairs = parse_viewport("width = device-width;Initial-Scale=1, MAXIMUM-SCALE=1 user-scalable")
    assert pairs == {
        "width": "device-width",
        "initial-scale": "1",
        "maximum-scale": "1",
        "user-scalable": "",
    }
    assert parse_viewport("maximum-scale=2, maximum-scale=1")["maximum-scale"] == "1"


@pytest.mark.parametrize(
    ("value", "number"),
    [("2.0", 2.0), ("1.5abc", 1.5), ("yes", 1.0), ("NO", 0.0), ("device-width", 10.0), ("x", 0.0)],
)
def test_viewport_numbers(value: str, number: float) -> None:
    assert viewport_number(value) == number
