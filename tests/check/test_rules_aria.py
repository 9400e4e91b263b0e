"""The ARIA rules as a newsletter editor meets them: a page with three ARIA mistakes gets a
finding for each, with file, line and rule id, in Dutch and in English; the repaired page gets
none. And the accessibility tree facts the rules share."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vngpublish.check import cli
from vngpublish.check.facts.tree import owned, tree_parent
from vngpublish.check.page import Page

NEWSLETTER = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Raadsledennieuws maart 2024</title>
</head>
<body>
<main>
<h1>Raadsledennieuws maart 2024</h1>
<p>Het gemeentefonds stijgt. <a href="/gemeentefonds">Lees meer over het gemeentefonds</a></p>
<nav role="navigaton" aria-label="Thema's">
  <a href="/thema/financien">Financiën</a>
</nav>
<form action="/aanmelden">
  <h2>Aanmelden voor de nieuwsbrief</h2>
  <label for="email">E-mailadres</label>
  <input id="email" type="email" autocomplete="email">
  <div role="checkbox" tabindex="0" aria-labelledby="akkoord"></div>
  <span id="akkoord">Ik ga akkoord met de privacyverklaring</span>
  <button>Aanmelden</button>
</form>
<div aria-hidden="true">
  <a href="https://www.linkedin.com/share">Delen op LinkedIn</a>
</div>
</main>
</body>
</html>
"""

REPAIRS = (
    ('role="navigaton"', 'role="navigation"'),
    ('role="checkbox" tabindex="0"', 'role="checkbox" aria-checked="false" tabindex="0"'),
    (
        '<a href="https://www.linkedin.com/share">',
        '<a href="https://www.linkedin.com/share" tabindex="-1">',
    ),
)


def run(path: Path, lang: str) -> tuple[int, list[str]]:
    out = io.StringIO()
    status = cli.main([str(path), "--lang", lang, "--no-progress"], out, io.StringIO())
    return status, out.getvalue().splitlines()[:-1]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ("geen WAI-ARIA-rol", "aria-checked", "Tab-toets")),
        ("en", ("not a WAI-ARIA role", "aria-checked", "Tab key")),
    ],
)
def test_each_aria_mistake_in_a_newsletter_is_found(
    tmp_path: Path, lang: str, words: tuple[str, str, str]
) -> None:
    page = tmp_path / "nieuwsbrief.html"
    page.write_text(NEWSLETTER, encoding="utf-8")
    status, lines = run(page, lang)
    assert status == 1
    expected = [
        (f"{page}:12:1: error aria-roles", words[0]),
        (f"{page}:19:3: error aria-required-attr", words[1]),
        (f"{page}:23:1: error aria-hidden-focus", words[2]),
    ]
    assert len(lines) == len(expected), lines
    for line, (start, word) in zip(lines, expected, strict=True):
        assert line.startswith(start), line
        assert word in line, line


def test_the_repaired_newsletter_has_no_findings(tmp_path: Path) -> None:
    text = NEWSLETTER
    for before, after in REPAIRS:
        text = text.replace(before, after)
    page = tmp_path / "nieuwsbrief.html"
    page.write_text(text, encoding="utf-8")
    assert run(page, "nl") == (0, [])


def _page(body: str) -> Page:
    return Page(f"<!doctype html><html lang=nl><body>{body}</body></html>")


def test_owned_elements_skip_generic_and_presentational_wrappers_and_follow_aria_owns() -> None:
    page = _page(
        '<div id="l" role="list" aria-owns="later">'
        '<div><div role="listitem" id="a">A</div></div>'
        '<ul role="none"><li id="b" role="listitem">B</li></ul>'
        '<p id="c" hidden>C</p>'
        "</div>"
        '<div role="listitem" id="later">D</div>'
    )
    content = owned(page, page.by_id("l"))  # type: ignore[arg-type]
    assert [el.get("id") for el in content.children] == ["a", "b", "later"]
    assert content.text == ""
    assert tree_parent(page, page.by_id("later")) is page.by_id("l")  # type: ignore[arg-type]


def test_owned_text_leaves_out_what_browsers_move_out_of_a_table() -> None:
    page = _page('<table id="t"><tr id="r">los<span>ook los</span><td>cel</td></tr></table>')
    assert owned(page, page.by_id("r")).text == ""  # type: ignore[arg-type]
    assert [el.tag for el in owned(page, page.by_id("r")).children] == ["td"]  # type: ignore[arg-type]
