"""The value an embedded control gives to the accessible name of what contains it (accname
1.2, step 2C): a text field its text, a combobox or listbox its selected options, a range
widget its value text or value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.dom import collapse, text_content
from vngpublish.check.facts.focus import is_disabled
from vngpublish.check.facts.html_roles import input_type, markup_role

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

TEXTBOX_ROLES = frozenset({"textbox", "searchbox"})
RANGE_ROLES = frozenset({"slider", "spinbutton", "progressbar", "scrollbar", "meter"})


def embedded_value(page: Page, node: Element, role: str | None) -> str | None:
    """The value an embedded control contributes, or None when `node` is not one."""
    if role in TEXTBOX_ROLES:
        if node.tag == "input":
            return str(node.get("value") or "")
        return str(text_content(node))
    if role in ("combobox", "listbox"):
        if node.tag == "input":
            return str(node.get("value") or "")
        return " ".join(_option_text(o) for o in _selected_options(page, node))
    if role in RANGE_ROLES:
        for attribute in ("aria-valuetext", "aria-valuenow"):
            value: str | None = node.get(attribute)
            if value is not None and value.strip():
                return value
        if node.tag == "input" and input_type(node) == "range":
            return str(node.get("value") or _range_default(node))
        if node.tag in ("input", "meter", "progress"):
            return str(node.get("value") or "")
        return ""
    return None


def _selected_options(page: Page, node: Element) -> list[Element]:
    if node.tag == "select":
        options = [o for o in node.iter("option")]
        chosen = [o for o in options if o.get("selected") is not None]
        single = node.get("multiple") is None
        if single and chosen:
            return chosen[-1:]
        if single and not chosen:
            first = next((o for o in options if not is_disabled(o)), None)
            return [first] if first is not None else []
        return chosen
    return [
        o
        for o in node.iter()
        if isinstance(o.tag, str)
        and (o.get("aria-selected") or "").strip().lower() == "true"
        and markup_role(page, o) in ("option", "treeitem")
    ]


def _option_text(option: Element) -> str:
    label = option.get("label")
    if label is not None and label.strip():
        return collapse(label)
    return collapse(text_content(option))


def _range_default(node: Element) -> str:
    def number(attribute: str, default: float) -> float:
        try:
            return float(node.get(attribute) or default)
        except ValueError:
            return default

    low, high = number("min", 0.0), number("max", 100.0)
    middle = low + (high - low) / 2 if high >= low else low
    return str(int(middle)) if middle.is_integer() else str(middle)
