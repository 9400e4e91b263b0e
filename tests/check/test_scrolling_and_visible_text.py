"""Scroll containers from the page's CSS, and the text of an element that can be seen."""

from __future__ import annotations

from vngpublish.check.facts.scrolling import may_overflow, scroll_containers
from vngpublish.check.facts.visible_text import visible_text, visible_text_nodes
from vngpublish.check.page import Page


def page_of(body: str, head: str = "") -> Page:
    return Page(f"<!doctype html><html lang=nl><head>{head}</head><body>{body}</body></html>")


def test_scroll_containers_from_style_rules_and_attributes() -> None:
    page = page_of(
        '<pre id=a>x</pre><div id=b style="overflow-y: scroll">y</div>'
        '<div id=c style="overflow: hidden">z</div><div class=tabel id=d>t</div>',
        "<style>pre { overflow-x: auto } .tabel { overflow: hidden auto }</style>",
    )
    assert [el.get("id") for el in scroll_containers(page)] == ["a", "b", "d"]


def test_what_cannot_overflow() -> None:
    page = page_of(
        '<div id=a style="overflow-y: auto">Groeit mee</div>'
        '<div id=b style="overflow-y: auto; max-height: 5em">Vaste hoogte</div>'
        '<pre id=c style="overflow-x: auto">kort</pre>'
        '<pre id=d style="overflow-x: auto">' + "x" * 40 + "</pre>"
    )
    assert [may_overflow(page, page.by_id(x)) for x in "abcd"] == [False, True, False, True]  # type: ignore[arg-type]


def test_visible_text_keeps_aria_hidden_and_drops_what_cannot_be_seen() -> None:
    page = page_of(
        '<a id=x href=/>Agenda <span aria-hidden="true">raad</span>'
        '<span style="position:absolute;left:-9999px">verborgen</span>'
        "<span hidden>weg</span><div>downloaden</div></a>"
    )
    el = page.by_id("x")
    assert el is not None
    assert visible_text(page, el) == "Agenda raad downloaden"
    assert visible_text_nodes(page, el) == ["Agenda", "raad", "downloaden"]
