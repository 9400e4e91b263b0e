"""Whether an element can take focus, by its markup (the HTML standard's focus rules).

These look at markup only: an element that is not rendered cannot take focus either, which
callers check with `vngpublish.check.facts.visibility.is_rendered`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vngpublish.check.dom import Element

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
