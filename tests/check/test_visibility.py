"""Rendered, hidden from assistive technology, and visually hidden: from markup and page CSS."""

from __future__ import annotations

import pytest

from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden, is_rendered, is_visually_hidden
from vngpublish.check.page import Page


def page_of(body: str, head: str = "") -> Page:
    return Page(f"<!doctype html><html lang=nl><head>{head}</head><body>{body}</body></html>")


def state(body: str, element_id: str = "x", head: str = "") -> tuple[bool, bool]:
    """(rendered, hidden) of #element_id."""
    page = page_of(body, head)
    el = page.by_id(element_id)
    assert el is not None, f"no #{element_id} in {body}"
    return is_rendered(page, el), is_hidden(page, el)


SHOWN = (True, False)
NOT_RENDERED = (False, True)
HIDDEN_BUT_RENDERED = (True, True)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p id=x>tekst</p>", SHOWN),
        ("<p id=x hidden>tekst</p>", NOT_RENDERED),
        ('<p id=x hidden="until-found">tekst</p>', NOT_RENDERED),
        ("<div hidden><p id=x>tekst</p></div>", NOT_RENDERED),
        ('<p id=x style="display:none">tekst</p>', NOT_RENDERED),
        ('<p id=x style="DISPLAY : None !important">tekst</p>', NOT_RENDERED),
        ('<div style="display: none"><span id=x>tekst</span></div>', NOT_RENDERED),
        ('<p id=x style="visibility:hidden">tekst</p>', HIDDEN_BUT_RENDERED),
        ('<div style="visibility:hidden"><p id=x>tekst</p></div>', HIDDEN_BUT_RENDERED),
        ('<div style="visibility:hidden"><p id=x style="visibility:visible">t</p></div>', SHOWN),
        ('<p id=x hidden style="display: block">tekst</p>', SHOWN),
        ('<p id=x style="display: block; color: red">tekst</p>', SHOWN),
        ('<p id=x aria-hidden="true">tekst</p>', HIDDEN_BUT_RENDERED),
        ('<div aria-hidden="true"><p id=x aria-hidden="false">t</p></div>', HIDDEN_BUT_RENDERED),
        ('<p id=x aria-hidden="false">tekst</p>', SHOWN),
        ('<p id=x aria-hidden="TRUE">tekst</p>', HIDDEN_BUT_RENDERED),
        ("<div inert><button id=x>knop</button></div>", HIDDEN_BUT_RENDERED),
        ("<template><p id=x>tekst</p></template>", NOT_RENDERED),
        ("<noscript><p id=x>Zet JavaScript aan</p></noscript>", NOT_RENDERED),
        ("<input id=x type=hidden>", NOT_RENDERED),
        ("<dialog><p id=x>t</p></dialog>", NOT_RENDERED),
        ("<dialog open><p id=x>t</p></dialog>", SHOWN),
        ("<details><summary id=x>Meer</summary><p>t</p></details>", SHOWN),
        ("<details><summary>Meer</summary><p id=x>t</p></details>", NOT_RENDERED),
        ("<details open><summary>Meer</summary><p id=x>t</p></details>", SHOWN),
        ('<div style="content-visibility: hidden"><p id=x>t</p></div>', NOT_RENDERED),
        ('<div id=x style="content-visibility: hidden">t</div>', SHOWN),
        ("<svg><defs><path id=x d=M0/></defs></svg>", NOT_RENDERED),
    ],
)
def test_markup_and_style_attributes(body: str, expected: tuple[bool, bool]) -> None:
    assert state(body) == expected


def test_head_content_is_not_rendered() -> None:
    page = page_of("<p>t</p>", head="<title id=x>Titel</title><meta name=a content=b>")
    title = page.by_id("x")
    assert title is not None and not is_rendered(page, title)
    assert page.body is not None and is_rendered(page, page.body)


@pytest.mark.parametrize(
    ("css", "body", "expected"),
    [
        (".verborgen { display: none }", "<p id=x class=verborgen>t</p>", NOT_RENDERED),
        (".verborgen { display: none }", "<p class=verborgen><b id=x>t</b></p>", NOT_RENDERED),
        ("#menu { visibility: hidden }", "<ul id=menu><li id=x>a</li></ul>", HIDDEN_BUT_RENDERED),
        ("nav p { display: none }", "<nav><div><p id=x>t</p></div></nav>", NOT_RENDERED),
        ("nav > p { display: none }", "<nav><div><p id=x>t</p></div></nav>", SHOWN),
        ("h2 + p { display: none }", "<h2>k</h2><p id=x>t</p>", NOT_RENDERED),
        ("li:nth-child(2) { display: none }", "<ul><li>a</li><li id=x>b</li></ul>", NOT_RENDERED),
        # Specificity: the id selector wins whatever the order.
        ("#x { display: block } .v { display: none }", "<p id=x class=v>t</p>", SHOWN),
        # Source order between equal specificity.
        (".a { display: none } .b { display: block }", "<p id=x class='a b'>t</p>", SHOWN),
        (".b { display: block } .a { display: none }", "<p id=x class='a b'>t</p>", NOT_RENDERED),
        # !important beats specificity.
        (
            ".v { display: none !important } #x { display: block }",
            "<p id=x class=v>t</p>",
            NOT_RENDERED,
        ),
        # An author rule overrides the `hidden` attribute; `[hidden]` rules keep it.
        (".toon { display: block }", "<p id=x class=toon hidden>t</p>", SHOWN),
        ("[hidden] { display: none !important }", "<p id=x hidden>t</p>", NOT_RENDERED),
        # Dynamic states do not apply to the static page.
        (".m:hover { display: none }", "<p id=x class=m>t</p>", SHOWN),
        (".m:not(:focus) { display: none }", "<p id=x class=m>t</p>", NOT_RENDERED),
        # Media: print-only and viewport-dependent rules do not count.
        ("@media print { .p { display: none } }", "<p id=x class=p>t</p>", SHOWN),
        ("@media (max-width: 600px) { .p { display: none } }", "<p id=x class=p>t</p>", SHOWN),
        ("@media screen { .p { display: none } }", "<p id=x class=p>t</p>", NOT_RENDERED),
        (
            "@supports (display: grid) { .p { display: none } }",
            "<p id=x class=p>t</p>",
            NOT_RENDERED,
        ),
        ("@layer base { .p { display: none } }", "<p id=x class=p>t</p>", NOT_RENDERED),
        ("@container (width > 40em) { .p { display: none } }", "<p id=x class=p>t</p>", SHOWN),
        # Comments and strings with braces do not confuse the reader.
        (
            "/* .p { display: none } */ .q { content: '}' } .p { color: red }",
            "<p id=x class=p>t</p>",
            SHOWN,
        ),
        (
            "@font-face { font-family: x; display: none } .p { color: red }",
            "<p id=x class=p>t</p>",
            SHOWN,
        ),
        ("p::before { display: none }", "<p id=x>t</p>", SHOWN),
        (".v { visibility: collapse }", "<tr id=x class=v><td>t</td></tr>", HIDDEN_BUT_RENDERED),
    ],
)
def test_page_stylesheets(css: str, body: str, expected: tuple[bool, bool]) -> None:
    assert state(body, head=f"<style>{css}</style>") == expected


def test_style_attribute_beats_stylesheet_unless_important() -> None:
    head = "<style>.v { display: none } .w { display: none !important }</style>"
    assert state('<p id=x class=v style="display:block">t</p>', head=head) == SHOWN
    assert state('<p id=x class=w style="display:block">t</p>', head=head) == NOT_RENDERED
    assert state('<p id=x class=w style="display:block !important">t</p>', head=head) == SHOWN


def test_style_elements_with_print_media_or_in_templates_do_not_count() -> None:
    css = ".p { display: none }"
    assert state("<p id=x class=p>t</p>", head=f"<style media=print>{css}</style>") == SHOWN
    assert state("<p id=x class=p>t</p>", head=f"<style media='screen'>{css}</style>") == (
        NOT_RENDERED
    )
    body = f"<template><style>{css}</style></template><p id=x class=p>t</p>"
    assert state(body) == SHOWN


def test_invalid_css_is_ignored_not_fatal() -> None:
    head = "<style>.p { display: none; } ::: {{{ } .q {display:none</style>"
    assert state("<p id=x class=p>t</p>", head=head) == NOT_RENDERED
    assert state("<p id=x>t</p>", head=head) == SHOWN


SR_ONLY = (
    ".sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;"
    " overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0 }"
)


@pytest.mark.parametrize(
    ("css", "body", "expected"),
    [
        (SR_ONLY, "<span id=x class=sr-only>over de begroting</span>", True),
        (SR_ONLY, "<span class=sr-only><b id=x>over</b></span>", True),
        (
            ".vh { position: absolute !important; clip-path: inset(50%) }",
            "<span id=x class=vh>t</span>",
            True,
        ),
        (".off { position: absolute; left: -9999px }", "<span id=x class=off>t</span>", True),
        (".vh { clip: rect(0 0 0 0) }", "<span id=x class=vh>t</span>", False),
        (
            ".abs { position: absolute; width: 200px; height: 1px }",
            "<span id=x class=abs>t</span>",
            False,
        ),
        ("", "<span id=x>t</span>", False),
        ("", '<span id=x style="position:absolute;clip:rect(1px,1px,1px,1px)">t</span>', True),
        ("", '<span id=x style="position:absolute;left:-10000px">t</span>', True),
    ],
)
def test_visually_hidden(css: str, body: str, expected: bool) -> None:
    page = page_of(body, head=f"<style>{css}</style>")
    el = page.by_id("x")
    assert el is not None
    assert is_visually_hidden(page, el) is expected
    # Visually hidden text stays in the accessibility tree.
    assert not is_hidden(page, el)


def test_focus_styles_of_skip_links_do_not_apply() -> None:
    head = "<style>.skip { position: absolute; left: -9999px } .skip:focus { left: 0 }</style>"
    page = page_of('<a id=x class=skip href="#main">Naar de inhoud</a>', head)
    el = page.by_id("x")
    assert el is not None and is_visually_hidden(page, el)


def test_deeply_nested_content_after_the_deep_spot_is_kept_and_answered() -> None:
    inner = "diep"
    for _ in range(600):
        inner = f"<span>{inner}</span>"
    page = page_of(f'<a href="/a" id=a>{inner}</a><p id=x hidden>t</p><a href="/b" id=b>B</a>')
    deepest = max(page.by_tag("span"), key=lambda e: sum(1 for _ in e.iterancestors()))
    assert not is_hidden(page, deepest)
    assert not is_visually_hidden(page, deepest)
    assert state(f"<div>{inner}</div><p id=x hidden>t</p>") == NOT_RENDERED
    a, b = page.by_id("a"), page.by_id("b")
    assert a is not None and b is not None
    assert accessible_name(page, a) == "diep" and accessible_name(page, b) == "B"
