"""Rules about headings, and the page's heading outline that several rules share.

A heading here is what assistive technology sees: an element whose role is `heading` (an
`h1`-`h6`, or `role="heading"`) and that is in the accessibility tree. Its level is a valid
`aria-level` when present, else the number of the `hN` tag, else 2 (the WAI-ARIA default).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Elements that sit inside a line of text (HTML phrasing content, plus obsolete `font` etc.).
PHRASING_TAGS = frozenset(
    (
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "img",
        "ins",
        "kbd",
        "label",
        "mark",
        "nobr",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
    )
)


@dataclass(frozen=True, slots=True)
class Heading:
    """One heading in the accessibility tree and its level."""

    element: Element
    level: int


_OUTLINES: WeakKeyDictionary[Page, list[Heading]] = WeakKeyDictionary()


def heading_level(el: Element) -> int:
    """The level of an element with role heading (aria-level, else hN, else 2)."""
    level = ascii_integer((el.get("aria-level") or "").strip())
    if level is not None and level >= 1:
        return level
    if el.tag in HEADING_TAGS:
        return int(el.tag[1])
    return 2


def with_tag_or_role(
    page: Page, tags: tuple[str, ...], roles: frozenset[str] | set[str]
) -> list[Element]:
    """Elements with one of `tags`, or with a `role` attribute that names one of `roles`, in
    document order: every element that can have one of `roles`, when `tags` are the elements
    with those implicit roles."""
    wanted = set(tags)
    with_role = {
        el
        for el in page.with_attribute("role")
        if el.tag not in wanted and not roles.isdisjoint(el.get("role", "").lower().split())
    }
    if not with_role:
        return page.by_tag(*tags)
    # One pass over the page's cached element list; cheaper than an XPath union, which walks
    # the tree once per branch.
    return [el for el in page.elements if el.tag in wanted or el in with_role]


def outline(page: Page) -> list[Heading]:
    """The page's headings in the accessibility tree, in document order (computed once)."""
    cached = _OUTLINES.get(page)
    if cached is None:
        cached = [
            Heading(el, heading_level(el))
            for el in with_tag_or_role(page, HEADING_TAGS, {"heading"})
            if page.role(el) == "heading" and not page.is_hidden(el)
        ]
        _OUTLINES[page] = cached
    return cached


def heading_ancestor(page: Page, el: Element) -> Element | None:
    """The nearest ancestor of `el` with role heading, if any."""
    for ancestor in el.iterancestors():
        maybe_heading = ancestor.tag in HEADING_TAGS or ancestor.get("role") is not None
        if maybe_heading and page.role(ancestor) == "heading":
            return ancestor
    return None
