"""The page's headings: their levels and the outline they form.

A heading here is what assistive technology sees: an element whose role is `heading` (an
`h1`-`h6`, or `role="heading"`) and that is in the accessibility tree. Its level is a valid
`aria-level` when present, else the number of the `hN` tag, else 2 (the WAI-ARIA default).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vngpublish.check.facts.content_model import HEADING_TAGS
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.roles import role, with_tag_or_role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@dataclass(frozen=True, slots=True)
class Heading:
    """One heading in the accessibility tree and its level."""

    element: Element
    level: int


def heading_level(el: Element) -> int:
    """The level of an element with role heading (aria-level, else hN, else 2)."""
    level = ascii_integer((el.get("aria-level") or "").strip())
    if level is not None and level >= 1:
        return level
    if el.tag in HEADING_TAGS:
        return int(el.tag[1])
    return 2


@page_fact
def outline(page: Page) -> list[Heading]:
    """The page's headings in the accessibility tree, in document order."""
    return [
        Heading(el, heading_level(el))
        for el in with_tag_or_role(page, HEADING_TAGS, {"heading"})
        if role(page, el) == "heading" and not is_hidden(page, el)
    ]


def heading_ancestor(page: Page, el: Element) -> Element | None:
    """The nearest ancestor of `el` with role heading, if any."""
    for ancestor in el.iterancestors():
        maybe_heading = ancestor.tag in HEADING_TAGS or ancestor.get("role") is not None
        if maybe_heading and role(page, ancestor) == "heading":
            return ancestor
    return None
