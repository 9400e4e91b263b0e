"""The `aria-*` attributes on a page, and whether a value fits its WAI-ARIA value type.

Attribute names in HTML are case-insensitive and the parser gives them in lower case; values
are read as browsers read them, with ASCII whitespace around them ignored and tokens compared
without regard to case (some browsers compare them case-sensitively, so a rule never fails a
value only for its case).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from vngpublish.check.facts.aria_tables import ARIA_1_3_ATTRIBUTES, ATTRIBUTES, ValueType
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_WHITESPACE = " \t\n\f\r"
_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_TOKENS = {
    "true/false": frozenset({"true", "false"}),
    "true/false/undefined": frozenset({"true", "false", "undefined"}),
    "tristate": frozenset({"true", "false", "mixed"}),
}
# The 1.3 draft takes these as ID reference lists (1.2: one ID reference); either is accepted.
_LISTS_IN_DRAFT = frozenset({"aria-details", "aria-errormessage"})


class AriaAttribute(NamedTuple):
    """One `aria-*` attribute of an element of the document."""

    element: Element
    name: str
    value: str
    """Its value with ASCII whitespace around it removed (see `trimmed`)."""


@page_fact
def aria_attributes(page: Page) -> list[AriaAttribute]:
    """Every `aria-*` attribute of the document (content of a `template` is not part of it):
    by name, then in document order. Each value is read once here, for every rule."""
    found: list[AriaAttribute] = []
    templates = bool(page.by_tag("template"))
    for name in sorted(n for n in page.attribute_names() if n.startswith("aria-")):
        found += [
            AriaAttribute(el, name, (el.get(name) or "").strip(_WHITESPACE))
            for el in page.with_attribute(name)
            if not (templates and in_template(page, el))
        ]
    return found


@page_fact
def elements_with_aria_attributes(page: Page) -> list[Element]:
    """The elements of `aria_attributes`, each once, in the order they first appear there."""
    return list(dict.fromkeys(found.element for found in aria_attributes(page)))


@page_fact
def shown_aria_attributes(page: Page) -> list[AriaAttribute]:
    """The `aria_attributes` of elements in the accessibility tree (not hidden)."""
    return [found for found in aria_attributes(page) if not is_hidden(page, found.element)]


def value_type(name: str) -> ValueType | None:
    """The value type of a WAI-ARIA 1.2 or 1.3 draft attribute; None for an unknown one."""
    if name in _LISTS_IN_DRAFT:
        return ValueType("idrefs")
    return ATTRIBUTES.get(name) or ARIA_1_3_ATTRIBUTES.get(name)


def trimmed(value: str | None) -> str:
    """The value with ASCII whitespace around it removed ("" for a missing attribute)."""
    return (value or "").strip(_WHITESPACE)


def fits(kind: ValueType, value: str) -> bool:
    """True when `value` (trimmed, not empty) is valid for the value type `kind`."""
    lowered = value.lower()
    if kind.kind in _TOKENS:
        return lowered in _TOKENS[kind.kind]
    if kind.kind == "token":
        return lowered in kind.tokens
    if kind.kind == "token list":
        return all(token in kind.tokens for token in lowered.split())
    if kind.kind == "idref":
        return len(value.split()) == 1
    if kind.kind == "integer":
        return _INTEGER.fullmatch(value) is not None
    if kind.kind == "number":
        return _NUMBER.fullmatch(value) is not None
    return True  # string, ID reference list


def is_true(el: Element, name: str) -> bool:
    """True when attribute `name` of `el` has the value "true" (any case, trimmed)."""
    return trimmed(el.get(name)).lower() == "true"


def allowed_values(kind: ValueType) -> list[str]:
    """The values a token-like type allows, for messages (empty for other types)."""
    if kind.kind in _TOKENS:
        return sorted(_TOKENS[kind.kind])
    return sorted(kind.tokens)
