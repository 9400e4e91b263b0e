"""The conditions under which a row of HTML-AAM or ARIA in HTML applies to an element.

`html-aam.json` and `html-aria.json` (in `facts/data/`) describe each row's condition in one
small vocabulary, documented in the files' `conventions.condition_vocabulary`: an attribute
present, equal to a value or blank, an `input` type, an ancestor or parent element or role,
the role of the owning table, the kind of a header cell, whether the element has an
accessible name, a descendant, the first `summary` of a `details`, a custom element, and
`all`/`any`/`not` of conditions. `holds` decides one for an element of a page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vngpublish.check.facts.content_model import is_custom_element_name
from vngpublish.check.facts.html_roles import explicit_role, input_type, markup_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_ASCII_WHITESPACE = " \t\n\f\r"


def is_custom_element(el: Element) -> bool:
    """True for an autonomous custom element (`<vng-kaart>`)."""
    return is_custom_element_name(el.tag)


def holds(page: Page, el: Element, condition: dict[str, Any] | None) -> bool:
    """True when `condition` (in the vocabulary of the data files) holds for `el`."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(page, el, part) for part in condition["all"])
    if "any" in condition:
        return any(holds(page, el, part) for part in condition["any"])
    if "not" in condition:
        return not holds(page, el, condition["not"])
    if "attribute" in condition:
        return _attribute_holds(el, condition)
    if "input_type" in condition:
        return el.tag == "input" and input_type(el) in condition["input_type"]
    if "ancestor" in condition:
        return _ancestor_matches(el, condition["ancestor"])
    if "parent" in condition:
        parent = el.getparent()
        return parent is not None and _element_matches(page, parent, condition["parent"])
    if "table_role" in condition:
        table = next((a for a in el.iterancestors("table")), None)
        return table is not None and markup_role(page, table) in condition["table_role"]
    if "header_kind" in condition:
        return bool(header_kind(el) == condition["header_kind"])
    if "has_accessible_name" in condition:
        return bool(_has_name(page, el) == condition["has_accessible_name"])
    if "has_descendant" in condition:
        return next(el.iterdescendants(condition["has_descendant"]), None) is not None
    if "summary_for_parent_details" in condition:
        return bool(_is_details_summary(el) == condition["summary_for_parent_details"])
    if "custom_element" in condition:
        # Whether a custom element is form-associated is known to script only: the
        # autonomous row is the one that applies to what markup shows.
        return is_custom_element(el) and condition["custom_element"] == "autonomous"
    raise ValueError(f"unknown condition {condition!r}")


def _attribute_holds(el: Element, condition: dict[str, Any]) -> bool:
    value = el.get(condition["attribute"])
    if "present" in condition:
        return bool((value is not None) == condition["present"])
    if value is None:
        return False
    if "equals" in condition:
        return bool(value == condition["equals"])
    if "empty_after_trim" in condition:
        return bool((value.strip(_ASCII_WHITESPACE) == "") == condition["empty_after_trim"])
    if "integer_greater_than" in condition:
        number = ascii_integer(value.strip(_ASCII_WHITESPACE))
        return number is not None and number > condition["integer_greater_than"]
    raise ValueError(f"unknown attribute condition {condition!r}")


def _ancestor_matches(el: Element, wanted: dict[str, Any]) -> bool:
    elements = frozenset(wanted.get("elements", ()))
    roles = frozenset(wanted.get("roles", ()))
    for ancestor in el.iterancestors():
        if ancestor.tag in elements or (roles and explicit_role(ancestor) in roles):
            return True
    return False


def _element_matches(page: Page, el: Element, wanted: dict[str, Any]) -> bool:
    if el.tag in wanted.get("elements", ()):
        return True
    roles = wanted.get("roles", ())
    return bool(roles) and markup_role(page, el) in roles


def header_kind(el: Element) -> str:
    """ "column", "row" or "none": what a `th` heads by HTML's table model (its `scope`, else
    its place: in `thead` or in a row of header cells only it heads a column, first in a row
    of data cells it heads the row)."""
    scope = (el.get("scope") or "").strip().lower()
    if scope in ("col", "colgroup"):
        return "column"
    if scope in ("row", "rowgroup"):
        return "row"
    row = el.getparent()
    if row is None:
        return "none"
    group = row.getparent()
    if group is not None and group.tag == "thead":
        return "column"
    cells = [c for c in row if c.tag in ("td", "th")]
    if all(c.tag == "th" for c in cells):
        return "column"
    if cells and cells[0] is el:
        return "row"
    return "none"


def _has_name(page: Page, el: Element) -> bool:
    return accessible_name(page, el) != ""


def _is_details_summary(el: Element) -> bool:
    parent = el.getparent()
    if parent is None or parent.tag != "details":
        return False
    return next((c for c in parent if c.tag == "summary"), None) is el
