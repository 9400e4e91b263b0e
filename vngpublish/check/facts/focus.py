"""Whether an element can take focus, by its markup (the HTML standard's focus rules), and
which elements of a page the Tab key reaches.

`is_focusable` and its kin look at markup only: an element that is not rendered cannot take
focus either, which callers check with `vngpublish.check.facts.visibility.is_rendered`.
`tab_stops` puts the two together.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.visibility import computed_visibility, is_rendered

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_FORM_CONTROLS = frozenset({"button", "input", "select", "textarea"})
_TABINDEX = re.compile(r"^\s*[+-]?\d+\s*$")


def is_disabled(el: Element) -> bool:
    """True for a form control that is actually disabled (HTML): its own `disabled`, or in a
    disabled fieldset outside that fieldset's first legend."""
    tag = el.tag
    if tag not in _FORM_CONTROLS and tag not in ("optgroup", "option", "fieldset"):
        return False
    if el.get("disabled") is not None:
        return True
    if tag == "option":
        parent = el.getparent()
        if parent is not None and parent.tag == "optgroup" and parent.get("disabled") is not None:
            return True
    if tag not in _FORM_CONTROLS:
        return False
    child = el
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "fieldset" and ancestor.get("disabled") is not None:
            legend = next((c for c in ancestor if c.tag == "legend"), None)
            if legend is None or child is not legend:
                return True
        child = ancestor
        ancestor = ancestor.getparent()
    return False


def has_valid_tabindex(el: Element) -> bool:
    """True when `tabindex` is present and parses as an integer."""
    value = el.get("tabindex")
    return value is not None and bool(_TABINDEX.match(value))


def is_focusable(el: Element) -> bool:
    """True when the element can receive focus by its markup (HTML focus rules).

    This is about markup only: an element that is not rendered cannot take focus either, which
    callers check with `page.is_rendered`.
    """
    tag = el.tag
    if tag in _FORM_CONTROLS or tag in ("optgroup", "option"):
        if is_disabled(el):
            return False
        if tag == "input" and (el.get("type") or "").strip().lower() == "hidden":
            return False
        if tag in _FORM_CONTROLS:
            return True
    if has_valid_tabindex(el):
        return True
    if tag in ("a", "area") and (el.get("href") is not None or el.get("xlink:href") is not None):
        return True
    # Not `iframe`: focus goes to the document inside it, and browsers honour role="none"
    # on the element itself.
    if tag in ("audio", "video") and el.get("controls") is not None:
        return True
    if tag == "summary":
        parent = el.getparent()
        if parent is not None and parent.tag == "details":
            first = next((c for c in parent if c.tag == "summary"), None)
            return first is el
    editable = el.get("contenteditable")
    return editable is not None and editable.strip().lower() in ("", "true", "plaintext-only")


def is_sequentially_focusable(el: Element) -> bool:
    """True when the element is focusable and in the tab order (no negative tabindex)."""
    if not is_focusable(el):
        return False
    value = el.get("tabindex")
    if value is None or not _TABINDEX.match(value):
        return True
    return int(value) >= 0


# Tags that can be focusable without `tabindex` or `contenteditable`.
_FOCUSABLE_TAGS = (
    "a",
    "area",
    "audio",
    "button",
    "input",
    "select",
    "summary",
    "textarea",
    "video",
)
_FOCUSABLE_SET = frozenset(_FOCUSABLE_TAGS)


def tab_stops(page: Page) -> list[Element]:
    """The page's elements in sequential focus navigation (what the Tab key reaches), in
    document order: focusable by markup without a negative `tabindex`, rendered, with
    computed `visibility: visible`, and not `inert` (nor inside an inert element).

    Not known statically, and so never counted: focus moved by script, and the scroll
    containers some browsers make focusable. An `iframe`'s content is another document.
    """
    return _tab_stops(page)


def in_tab_order(page: Page, el: Element) -> bool:
    """True when `el` is one of the page's `tab_stops`."""
    return (
        is_sequentially_focusable(el)
        and is_rendered(page, el)
        and computed_visibility(page, el) == "visible"
        and not is_inert(page, el)
    )


def tab_stops_within(page: Page, el: Element, *, inclusive: bool = False) -> list[Element]:
    """The elements inside `el` (and `el` itself when `inclusive`) in the tab order, in
    document order: a walk over `el`'s own subtree, for rules whose targets are few and small
    (a button, an `aria-hidden` icon)."""
    if not len(el) and not inclusive:
        return []
    nodes = el.iter(etree.Element) if inclusive else el.iterdescendants(etree.Element)
    return [
        node
        for node in nodes
        if (
            node.tag in _FOCUSABLE_SET
            or node.get("tabindex") is not None
            or node.get("contenteditable") is not None
        )
        and in_tab_order(page, node)
    ]


def is_inert(page: Page, el: Element) -> bool:
    """True when `el` or an ancestor has the `inert` attribute: it cannot take focus."""
    return bool(page.with_attribute("inert")) and _is_inert(el)


@page_fact
def _tab_stops(page: Page) -> list[Element]:
    candidates = set(page.by_tag(*_FOCUSABLE_TAGS))
    candidates.update(page.with_attribute("tabindex"))
    candidates.update(page.with_attribute("contenteditable"))
    if not candidates:
        return []
    return [el for el in page.elements if el in candidates and in_tab_order(page, el)]


def _is_inert(el: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if node.get("inert") is not None:
            return True
        node = node.getparent()
    return False
