"""Which elements are part of sequential focus navigation: what the Tab key reaches.

An element is in the tab order when its markup makes it focusable without a negative
`tabindex` (`focus.is_sequentially_focusable`), it is rendered (`visibility.is_rendered`), its
computed `visibility` is `visible`, and neither it nor an ancestor is `inert`. The elements
are found once per page from its indexes (the tags that can take focus, and every element
with `tabindex` or `contenteditable`), not by walking the tree.

Not known statically, and so never counted: focus moved by script, and the scroll containers
some browsers make focusable. Content of embedded documents (`iframe`) is another page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.focus import is_sequentially_focusable
from vngpublish.check.facts.visibility import computed_visibility, is_rendered

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_FOCUSABLE_TAGS = (
    "a",
    "area",
    "audio",
    "button",
    "input",
    "optgroup",
    "option",
    "select",
    "summary",
    "textarea",
    "video",
)


@page_fact
def tab_stops(page: Page) -> list[Element]:
    """The elements of the page in sequential focus navigation (by kind, then in document
    order: callers ask whether an element is one, or which are inside another)."""
    candidates = dict.fromkeys(
        [
            *page.by_tag(*_FOCUSABLE_TAGS),
            *page.with_attribute("tabindex"),
            *page.with_attribute("contenteditable"),
        ]
    )
    if not candidates:
        return []
    inert = set(page.with_attribute("inert"))
    return [
        el
        for el in candidates
        if is_sequentially_focusable(el)
        and is_rendered(page, el)
        and computed_visibility(page, el) == "visible"
        and not (inert and _under(el, inert))
    ]


def is_inert(page: Page, el: Element) -> bool:
    """True when `el` or an ancestor has the `inert` attribute: it cannot take focus."""
    inert = page.with_attribute("inert")
    return bool(inert) and _under(el, set(inert))


def _under(el: Element, roots: set[Element]) -> bool:
    node: Element | None = el
    while node is not None:
        if node in roots:
            return True
        node = node.getparent()
    return False


def in_tab_order(page: Page, el: Element) -> bool:
    """True when `el` is in sequential focus navigation."""
    return el in _tab_stop_set(page)


@page_fact
def _tab_stop_set(page: Page) -> frozenset[Element]:
    return frozenset(tab_stops(page))
