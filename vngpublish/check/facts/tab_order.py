"""Which elements are part of sequential focus navigation: what the Tab key reaches.

An element is in the tab order when its markup makes it focusable without a negative
`tabindex` (`focus.is_sequentially_focusable`), it is rendered (`visibility.is_rendered`), its
computed `visibility` is `visible`, and neither it nor an ancestor is `inert`. Rules ask
about the subtree of their targets (a button, an `aria-hidden` element), which are few and
small, and only elements that can take focus at all (by tag, `tabindex` or
`contenteditable`) are looked at closely.

Not known statically, and so never counted: focus moved by script, and the scroll containers
some browsers make focusable. Content of embedded documents (`iframe`) is another page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.focus import is_sequentially_focusable
from vngpublish.check.facts.visibility import computed_visibility, is_rendered

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_FOCUSABLE_TAGS: tuple[str, ...] = (
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


_FOCUSABLE_SET = frozenset(_FOCUSABLE_TAGS)


def tab_stops_within(page: Page, el: Element, *, inclusive: bool = False) -> list[Element]:
    """The elements inside `el` (and `el` itself when `inclusive`) that are in sequential
    focus navigation, in document order: a walk over `el`'s own subtree, for rules whose
    targets are few and small (a button, an `aria-hidden` icon)."""
    if not len(el) and not inclusive:
        return []
    found = []
    nodes = el.iter() if inclusive else el.iterdescendants()
    for node in nodes:
        tag = node.tag
        if not isinstance(tag, str):
            continue
        attributes = node.attrib
        could = tag in _FOCUSABLE_SET or "tabindex" in attributes or "contenteditable" in attributes
        if could and _in_tab_order(page, node):
            found.append(node)
    return found


def _in_tab_order(page: Page, el: Element) -> bool:
    return (
        is_sequentially_focusable(el)
        and is_rendered(page, el)
        and computed_visibility(page, el) == "visible"
        and not is_inert(page, el)
    )


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
