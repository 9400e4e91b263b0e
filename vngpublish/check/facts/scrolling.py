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
from vngpublish.check.facts import css
from vngpublish.check.facts.fact import page_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_NOT_CONTAINERS = frozenset({"html", "body", "textarea", "select", "iframe", "frame", "object"})


@page_fact
def scroll_containers(page: Page) -> list[Element]:
    """The elements the page's CSS makes scroll containers, in document order."""
    candidates: set[Element] = {
        el for el in page.with_attribute("style") if "verflow" in (el.get("style") or "").lower()
    }
    # Most stylesheets set no scrolling overflow: then they are not compiled for it at all.
    if any(_SCROLLING_RULE.search(style.text or "") for style in page.by_tag("style")):
        keys = css.styles(page).trigger_keys(css.SCROLLING)
        if keys.universal:
            candidates.update(page.elements)
        else:
            for element_id in keys.ids:
                candidates.update(page.ids.get(element_id, ()))
            if keys.classes:
                candidates.update(
                    el
                    for el in page.with_attribute("class")
                    if not keys.classes.isdisjoint((el.get("class") or "").split())
                )
            for tag in keys.tags:
                candidates.update(page.by_tag(tag))
    if not candidates:
        return []
    return [
        el
        for el in page.elements
        if el in candidates and el.tag not in _NOT_CONTAINERS and _scrolls(page, el)
    ]


_SCROLLING_RULE = re.compile(r"overflow(?:-[xy])?\s*:[^;}]*\b(?:auto|scroll)", re.IGNORECASE)


def _scrolls(page: Page, el: Element) -> bool:
    x, y = scroll_axes(page, el)
    return x or y


def scroll_axes(page: Page, el: Element) -> tuple[bool, bool]:
    """Whether the element's CSS lets it scroll horizontally, and vertically."""
    style = css.declared(page, el, css.SCROLLING)
    both = (style.get("overflow") or "").replace("!important", "").split()
    x = (style.get("overflow-x") or (both[0] if both else "")).split()[:1]
    y = (style.get("overflow-y") or (both[-1] if both else "")).split()[:1]
    return x in (["auto"], ["scroll"]), y in (["auto"], ["scroll"])


# Wider than this many characters, a line or word can overflow a box on a narrow screen
# (320 CSS pixels, as WCAG's reflow criterion takes, hold about 30 characters of code).
NARROW_LINE = 30
_WIDE_CONTENT = ("img", "svg", "video", "canvas", "iframe", "object", "embed", "table", "input")


def may_overflow(page: Page, el: Element) -> bool:
    """False when the content of a scroll container cannot overflow it whatever the layout:
    it scrolls only vertically but has no height or max-height, or only horizontally and holds
    only text whose longest line (unwrapped text) or word (wrapped text) is short."""
    x, y = scroll_axes(page, el)
    style = css.declared(page, el, css.SCROLLING)
    if y and any(
        (style.get(prop) or "auto").split()[0] not in ("auto", "none", "initial", "unset")
        for prop in ("height", "max-height")
    ):
        return True
    if not x:
        return False
    if any(True for _ in el.iter(*_WIDE_CONTENT)):
        return True
    text = text_content(el)
    unwrapped = el.tag == "pre" or any(True for _ in el.iter("pre")) or _in_pre(el)
    unwrapped = unwrapped or (style.get("white-space") or "").split()[:1] in (["pre"], ["nowrap"])
    pieces = text.split("\n") if unwrapped else text.split()
    return any(len(piece.strip()) > NARROW_LINE for piece in pieces)


def _in_pre(el: Element) -> bool:
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "pre":
            return True
        ancestor = ancestor.getparent()
    return False
