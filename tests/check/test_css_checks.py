"""CSS-aware checking as a user meets it: stylesheets linked and imported from files decide
contrast and hidden content, a remote stylesheet makes results depend on it, a hostile
stylesheet never stops the check, and the house style gates publishing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from vngpublish import load_issue, render_issue
from vngpublish.check import check_html
from vngpublish.check.facts.contrast import text_colours
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.pytest_plugin import assert_accessible

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "raadsledennieuws-2024-03"

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><title>Nieuws van de gemeente</title>
<link rel="stylesheet" href="css/huisstijl.css"></head>
<body><main>
<h1>Nieuws</h1>
<p class="intro">Welkom op de nieuwspagina van de gemeente.</p>
<p>De gemeenteraad vergadert dinsdag. Lees de <a href="/agenda">agenda van de raad</a>.</p>
<div class="banner">Meld u aan voor de nieuwsbrief</div>
</main>
<footer>Gemeente Voorbeeld, Raadhuisplein 1</footer>
</body></html>
"""

PALE = """body { color: #c8c8c8; background: #ffffff; }
p { color: #000000; } .intro { color: #c8c8c8; }
a { color: #444444; text-decoration: none; }
.banner { background: #e6f2fa; color: #ffffff; padding: 1em; }
footer { color: #999999; font-size: 11px; }
"""

FIXED = """body { color: #1b1b1b; background: #ffffff; }
a { color: #00527a; text-decoration: underline; }
.banner { background: #00527a; color: #ffffff; padding: 1em; }
footer { color: #4a4a4a; font-size: 14px; }
"""

CSS_RULES = ["color-contrast", "link-in-text-block"]


def site(tmp_path: Path, css: str) -> Path:
    (tmp_path / "css").mkdir(exist_ok=True)
    (tmp_path / "css" / "huisstijl.css").write_text(css, encoding="utf-8")
    page = tmp_path / "nieuws.html"
    page.write_text(PAGE, encoding="utf-8")
    return page


def test_pale_house_style_in_a_linked_stylesheet_is_found_with_file_line_and_ratio(
    tmp_path: Path,
) -> None:
    page = site(tmp_path, PALE)
    findings = check_html(page.read_text(), str(page), select=CSS_RULES)
    found = {(f.rule, f.line, f.args.get("ratio")) for f in findings}
    assert ("color-contrast", 5, "1.67") in found  # the h1 in pale grey
    assert ("color-contrast", 6, "1.67") in found  # the pale introduction
    assert ("color-contrast", 8, "1.13") in found  # white on the light banner
    assert ("color-contrast", 10, "2.84") in found  # the 11px grey footer
    assert ("link-in-text-block", 7, "2.15") in found  # dark grey link in black text
    assert all(f.path == str(page) for f in findings)
    pale = next(f for f in findings if f.line == 6 and f.rule == "color-contrast")
    assert pale.args["source"].endswith("huisstijl.css:2")  # where the colour is declared
    assert "1.67:1" in pale.text() and "#c8c8c8" in pale.text()


def test_the_same_page_with_the_colours_fixed_has_no_findings(tmp_path: Path) -> None:
    page = site(tmp_path, FIXED)
    assert check_html(page.read_text(), str(page), select=CSS_RULES) == []


def test_a_root_relative_stylesheet_is_read_against_the_site_root(tmp_path: Path) -> None:
    page = site(tmp_path, PALE)
    page.write_text(PAGE.replace("css/huisstijl.css", "/css/huisstijl.css"), encoding="utf-8")
    without_root = check_html(page.read_text(), str(page), select=["color-contrast"])
    assert without_root == []  # the sheet is not found: nothing to say about its colours
    with_root = check_html(
        page.read_text(), str(page), select=["color-contrast"], site_root=tmp_path
    )
    assert {f.line for f in with_root} == {5, 6, 8, 10}


def test_imported_sheets_hide_content_for_every_rule(tmp_path: Path) -> None:
    (tmp_path / "basis.css").write_text('@import "verbergen.css";\n', encoding="utf-8")
    (tmp_path / "verbergen.css").write_text(
        ".weg { display: none } .stil { visibility: hidden }", encoding="utf-8"
    )
    html = (
        '<!DOCTYPE html><html lang="nl"><head><title>T</title>'
        '<link rel="stylesheet" href="basis.css"></head><body><main><h1>Kop</h1>'
        '<a class="weg" href="/a"></a><a class="stil" href="/b"></a><a href="/c"></a>'
        '<img class="weg" src="x.png"></main></body></html>'
    )
    page = Page(html, str(tmp_path / "p.html"))
    links = page.by_tag("a")
    assert [is_hidden(page, link) for link in links] == [True, True, False]
    findings = check_html(html, str(tmp_path / "p.html"), select=["link-name", "image-alt"])
    assert [(f.rule, f.selector) for f in findings] == [
        ("link-name", "body > main > a:nth-of-type(3)")
    ]


def test_a_remote_stylesheet_is_said_once_and_makes_failures_reviews(tmp_path: Path) -> None:
    html = PAGE.replace(
        '<link rel="stylesheet" href="css/huisstijl.css">',
        '<link rel="stylesheet" href="https://cdn.example.org/huisstijl.css">'
        '<link rel="stylesheet" href="https://cdn.example.org/extra.css">'
        "<style>footer { color: #999 }</style>",
    )
    findings = check_html(html, "p.html", select=["color-contrast", "stylesheet-not-read"])
    notes = [f for f in findings if f.rule == "stylesheet-not-read"]
    assert len(notes) == 1 and "extra.css" in notes[0].text()
    footer = [f for f in findings if f.rule == "color-contrast"]
    assert [(f.outcome.value, f.message_id) for f in footer] == [("cantTell", "check-remote")]


@pytest.mark.parametrize(
    "css",
    [
        '@import "lus.css"; p { color: #767676 }',  # imports itself
        "p { color: #767676 } .x { color: red",  # truncated
        "@foo bar { baz } p { color: #767676 } @media {{{ }",  # unknown and broken at-rules
        ":root { --a: x; --b: var(--a) var(--a); --c: var(--b) var(--b); --d: var(--c) var(--c);"
        " --e: var(--d) var(--d); --f: var(--e) var(--e); --g: var(--f) var(--f);"
        " --h: var(--g) var(--g); --i: var(--h) var(--h); --j: var(--i) var(--i);"
        " --k: var(--j) var(--j); --l: var(--k) var(--k); --m: var(--l) var(--l);"
        " --n: var(--m) var(--m); --o: var(--n) var(--n); --p: var(--o) var(--o);"
        " --q: var(--p) var(--p); --r: var(--q) var(--q); --s: var(--r) var(--r);"
        " --t: var(--s) var(--s); --u: var(--t) var(--t); --v: var(--u) var(--u); }"
        " p { color: #767676; font-family: var(--v) }",  # expands to 2^20 tokens
        "".join(f".c{i} {{ color: red }}\n" for i in range(100_000)) + "p { color: #767676 }",
    ],
    ids=["import-loop", "truncated", "unknown-at-rules", "var-explosion", "100k-rules"],
)
def test_hostile_stylesheets_never_stop_the_check(tmp_path: Path, css: str) -> None:
    (tmp_path / "lus.css").write_text(css, encoding="utf-8")
    html = PAGE.replace("css/huisstijl.css", "lus.css")
    start = time.perf_counter()
    findings = check_html(html, str(tmp_path / "p.html"), select="all")
    assert time.perf_counter() - start < 60
    contrast = [f for f in findings if f.rule == "color-contrast"]
    assert not contrast, "#767676 on white passes 4.5:1 however the rest of the sheet reads"


def test_a_five_megabyte_stylesheet_is_read(tmp_path: Path) -> None:
    rule = ".kaart-{n} .titel {{ color: #333; background: #fff; font: 12px/1.5 Arial; }}\n"
    css = "".join(rule.format(n=n) for n in range(70_000)) + "p { color: #777 }"
    assert len(css) > 5_000_000
    (tmp_path / "groot.css").write_text(css, encoding="utf-8")
    html = PAGE.replace("css/huisstijl.css", "groot.css")
    findings = check_html(html, str(tmp_path / "p.html"), select=["color-contrast"])
    assert [f.line for f in findings] == [6, 7]  # #777 is 4.47:1


def test_contrast_composes_opacity_and_alpha_down_the_tree() -> None:
    html = (
        '<!DOCTYPE html><html lang="nl"><head><title>T</title></head><body>'
        '<div style="background: #000"><div style="opacity: 0.5">'
        '<p style="color: rgba(255, 255, 255, 0.5)">Tekst</p></div></div></body></html>'
    )
    page = Page(html)
    colours = text_colours(page, page.by_tag("p")[0])
    assert colours is not None
    # White at half alpha over black is mid grey; the group at half opacity over black halves
    # it again: the text is a quarter white, and the background stays black.
    assert colours.foreground.hex == "#404040"
    assert colours.background.hex == "#000000"


def test_a_failing_house_style_gates_render_issue_and_assert_accessible(tmp_path: Path) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.css").write_text(
        "body { color: #c8c8c8; background: #fff; font-family: sans-serif }\n"
        "a { color: #aaaaaa }\n",
        encoding="utf-8",
    )
    rendered = render_issue(load_issue(EXAMPLE), "web", templates=house)
    contrast = [f for f in rendered.findings if f.rule == "color-contrast"]
    assert contrast and all(f.outcome.value == "failed" for f in contrast)
    with pytest.raises(AssertionError, match="color-contrast"):
        assert_accessible(rendered.html)


def test_the_example_passes_its_presets() -> None:
    issue = load_issue(EXAMPLE)
    assert render_issue(issue, "web").findings == []
    assert render_issue(issue, "email").findings == []
