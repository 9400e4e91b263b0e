"""Scroll containers: elements whose own CSS (`overflow`, `overflow-x`, `overflow-y`: `auto` or
`scroll`) lets their content scroll inside them, and whether their content can overflow.

Whether the content actually overflows depends on the layout (the viewport, fonts, images),
which a static check cannot know; rules use this to find the elements where a person should
look. The root element and `body` are left out (the viewport's scrolling is always keyboard
accessible), and so are form controls and embedded documents, which scroll on their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vngpublish.check.dom import text_content
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.style import computed_style, reach
from vngpublish.check.style.triggers import Triggers, Wanted

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_NOT_CONTAINERS = frozenset({"html", "body", "textarea", "select", "iframe", "frame", "object"})

SCROLLING = Wanted(
    re.compile(r"(?<![\w-])overflow(?:-[xy])?\s*:[^;}]*(?:\bauto\b|\bscroll\b|var\()", re.I),
    ("overflow",),
)
"""A declaration that can make an element a scroll container (`overflow: auto | scroll`)."""


@page_fact
def scroll_containers(page: Page) -> list[Element]:
    """The elements the page's CSS makes scroll containers, in document order."""
    triggers = reach(page, SCROLLING)
    if triggers.empty and not page.with_attribute("style"):
        return []  # most pages: no stylesheet rule and no style attribute scrolls anything
    return [
        el
        for el in _reached(page, triggers)
        if el.tag not in _NOT_CONTAINERS and _scrolls(page, el)
    ]


def _reached(page: Page, triggers: Triggers) -> list[Element]:
    """The elements `triggers` reach (`Triggers.reach`), in document order: gathered from the
    page's indexes by the tags and attributes its rules name, and among the elements with an
    `id`, a `class` or a `style` attribute, so that not every element of the page is asked."""
    if triggers.universal:
        return page.elements
    found: set[Element] = set()
    for tag in triggers.tags:
        found.update(page.by_tag(tag))
    for name in triggers.attributes:
        found.update(page.with_attribute(name))
    if triggers.ids:
        found.update(el for el in page.with_attribute("id") if triggers.may_apply(el))
    if triggers.classes:
        found.update(el for el in page.with_attribute("class") if triggers.may_apply(el))
    found.update(el for el in page.with_attribute("style") if triggers.in_style_attribute(el))
    return [el for el in page.elements if el in found] if found else []


def _scrolls(page: Page, el: Element) -> bool:
    x, y = scroll_axes(page, el)
    return x or y


def scroll_axes(page: Page, el: Element) -> tuple[bool, bool]:
    """Whether the element's computed style lets it scroll horizontally, and vertically."""
    style = computed_style(page, el)
    return (
        style.value("overflow-x") in ("auto", "scroll"),
        style.value("overflow-y") in ("auto", "scroll"),
    )


# Wider than this many characters, a line or word can overflow a box on a narrow screen
# (320 CSS pixels, as WCAG's reflow criterion takes, hold about 30 characters of code).
NARROW_LINE = 30
_WIDE_CONTENT = ("img", "svg", "video", "canvas", "iframe", "object", "embed", "table", "input")


def may_overflow(page: Page, el: Element) -> bool:
    """False when the content of a scroll container cannot overflow it whatever the layout:
    it scrolls only vertically but has no height or max-height, or only horizontally and holds
    only text whose longest line (unwrapped text) or word (wrapped text) is short."""
    x, y = scroll_axes(page, el)
    style = computed_style(page, el)
    if y and (style.value("height") != "auto" or style.value("max-height") != "none"):
        return True
    if not x:
        return False
    if any(True for _ in el.iter(*_WIDE_CONTENT)):
        return True
    text = text_content(el)
    unwrapped = el.tag == "pre" or any(True for _ in el.iter("pre")) or _in_pre(el)
    unwrapped = unwrapped or style.value("white-space") in ("pre", "nowrap")
    pieces = text.split("\n") if unwrapped else text.split()
    return any(len(piece.strip()) > NARROW_LINE for piece in pieces)


def _in_pre(el: Element) -> bool:
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "pre":
            return True
        ancestor = ancestor.getparent()
    return False
