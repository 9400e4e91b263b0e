"""Pages with odd values that once crashed a rule: each is checked, and read as a browser reads it.

The inputs come from fuzzing the checker with random pages: Unicode digits where numbers
belong ("²" passes `str.isdigit()` but not `int()`), numbers longer than the 4,300 digits
Python's `int()` accepts, characters lxml refuses to set, URLs that do not parse, and CSS that
cssselect2 cannot compile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vngpublish.check import Page, check_html
from vngpublish.check.facts.headings import heading_level, outline
from vngpublish.check.facts.links import link_target
from vngpublish.check.facts.style import computed_style
from vngpublish.check.registry import load_rules
from vngpublish.check.runner import RunOptions, check_file

DIGITS = "1" * 4301
HEAD = '<!DOCTYPE html><html lang="nl"><head><title>Nieuws</title></head><body>'
PAGES = {
    "control character after </html>": "<p>a</p></html>\x01",
    "noncharacter after </html>": "<p>a</p></html>\uffff",
    "base URL that does not parse": '<base href="http://["><a href="/a">x</a><a href="b">x</a>',
    "superscript digit in aria-level": '<h1 aria-level="²">Kop</h1>',
    "4301 digits in aria-level": f'<h1 aria-level="{DIGITS}">Kop</h1>',
    "superscript digit in font size": '<p><font size="²">x</font></p><p><font size="+²">y</font>',
    "superscript digit in select size": '<h1><select size="²"></select>Kop</h1>',
    "4301 digits of refresh delay": f'<meta http-equiv="refresh" content="{DIGITS}">',
    "4301 digits of font-weight": f'<p style="font-weight:{DIGITS}">Titel</p><p>Tekst.</p>',
    "4301 digits in a selector": f"<style>a:nth-child({DIGITS}){{display:none}}</style>"
    '<a href="/x">y</a>',
    "4301 digits in a style attribute": f'<a href="/x" style="display:none;width:{DIGITS}">y</a>',
    "namespaced attribute selector": '<style>[*|x]{display:none}</style><a href="/x">y</a>',
    "67 descendant combinators": "<style>"
    + "b " * 67
    + 'a{display:none}</style><a href="/x">y</a>',
    "163 nested :is()": "<style>" + ":is(" * 163 + "a" + ")" * 163 + "{display:none}</style>"
    '<a href="/x">y</a>',
}


@pytest.mark.parametrize("body", PAGES.values(), ids=PAGES.keys())
def test_every_rule_checks_the_page(tmp_path: Path, body: str) -> None:
    path = tmp_path / "pagina.html"
    path.write_text(HEAD + body, encoding="utf-8")
    rules = load_rules()
    result = check_file(str(path), RunOptions(rules=tuple(rules.values()), known=frozenset(rules)))
    assert result.error is None, result.error


def test_text_after_the_end_of_the_page_keeps_its_place() -> None:
    page = Page(HEAD + "<p>a</p></html>\x01Tekst")
    assert "".join(page.html.find("body").itertext()).endswith("\ufffdTekst")


def test_a_heading_level_in_other_digits_is_no_level() -> None:
    page = Page(HEAD + '<h3 aria-level="²">Kop</h3><h2 aria-level="٣">Kop</h2>')
    assert [heading_level(h.element) for h in outline(page)] == [3, 2]


def test_a_very_long_level_is_deeper_than_any_other() -> None:
    page = Page(HEAD + f'<h1>Kop</h1><h2 aria-level="{DIGITS}">Diep</h2>')
    assert heading_level(outline(page)[1].element) > 10**9


def test_a_base_url_that_does_not_parse_is_not_used() -> None:
    with_base = Page(HEAD + '<base href="http://["><a href="nieuws.html">x</a>', "site/a.html")
    without = Page(HEAD + '<a href="nieuws.html">x</a>', "site/a.html")
    assert link_target(with_base, with_base.by_tag("a")[0]) == link_target(
        without, without.by_tag("a")[0]
    )


@pytest.mark.parametrize(
    ("style", "bold"),
    [
        ("font-weight:700", True),
        ("font-weight:700;font-weight:1200", True),  # 1200 is out of range: ignored
        ("font-weight:400;font-weight:1200", False),
        (f"font-weight:{DIGITS}", False),
        ("font-weight:²", False),
    ],
)
def test_font_weights_out_of_range_are_ignored(style: str, bold: bool) -> None:
    page = Page(HEAD + f'<p style="{style}">Titel</p>')
    assert (computed_style(page, page.by_tag("p")[0]).font_weight >= 700) is bold


def test_a_refresh_delay_of_4301_digits_is_longer_than_twenty_hours() -> None:
    html = HEAD.replace("</head>", f'<meta http-equiv="refresh" content="{DIGITS}"></head>')
    assert check_html(html, select=["meta-refresh"]) == []  # the 20-hour exception
    (finding,) = check_html(html, select=["meta-refresh-no-exceptions"])
    assert finding.args["seconds"] > 20 * 3600
