"""Duplicate ids, and the attributes that refer to ids."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.page import Page

# Attributes holding a space-separated list of ids.
_ID_LIST_ATTRIBUTES = (
    "aria-labelledby",
    "aria-describedby",
    "aria-controls",
    "aria-owns",
    "aria-flowto",
    "aria-details",
    "aria-errormessage",
    "headers",
    "itemref",
)
# Attributes holding one id, and the elements on which they refer to one.
_ID_ATTRIBUTES: dict[str, frozenset[str] | None] = {
    "aria-activedescendant": None,
    "popovertarget": frozenset({"button", "input"}),
    "commandfor": frozenset({"button"}),
    "list": frozenset({"input"}),
    "form": frozenset({"button", "fieldset", "input", "object", "output", "select", "textarea"}),
}


# References that can only point at certain elements: a duplicate id elsewhere is not theirs.
_TARGET_TAGS = {
    "usemap": frozenset({"map"}),
    "list": frozenset({"datalist"}),
    "form": frozenset({"form"}),
}


@dataclass(frozen=True, slots=True)
class DuplicateId:
    """An id value used by more than one element.

    `referenced_by` names an attribute that ties another element to it in the accessibility
    tree or a form (e.g. "aria-labelledby", "for"), or is "" when none does; `linked` is True
    when an in-page link (`href="#..."`) points at it.
    """

    value: str
    elements: tuple[Element, ...]
    referenced_by: str
    linked: bool = False


@page_fact
def _relationships(page: Page) -> dict[str, list[str]]:
    """Every id an attribute ties another element to (labels, ARIA relations, headers, form,
    list, usemap) -> the attributes found referring to it."""
    refs: dict[str, list[str]] = {}
    for attr in _ID_LIST_ATTRIBUTES:
        for el in page.with_attribute(attr):
            for value in (el.get(attr) or "").split():
                refs.setdefault(value, []).append(attr)
    for attr, tags in _ID_ATTRIBUTES.items():
        for el in page.with_attribute(attr):
            if tags is None or el.tag in tags:
                refs.setdefault((el.get(attr) or "").strip(), []).append(attr)
    for el in page.with_attribute("for"):
        if el.tag == "label":
            refs.setdefault(el.get("for") or "", []).append("for")
        elif el.tag == "output":
            for value in (el.get("for") or "").split():
                refs.setdefault(value, []).append("for")
    for el in page.with_attribute("usemap"):
        usemap = el.get("usemap") or ""
        if usemap.startswith("#"):
            refs.setdefault(usemap[1:], []).append("usemap")
    refs.pop("", None)
    return refs


@page_fact
def _link_targets(page: Page) -> set[str]:
    """Every id an in-page link (`href="#..."` on `a` or `area`) points at."""
    return {
        unquote(href[1:])
        for tag in ("a", "area")
        for el in page.by_tag(tag)
        if (href := el.get("href") or "").startswith("#") and len(href) > 1
    }


@page_fact
def ids_in_document(page: Page) -> dict[str, tuple[Element, ...]]:
    """Each id value (not empty) -> the elements of the document that have it, in document
    order. Elements inside a `template` are not part of the document and are left out."""
    if not page.by_tag("template"):
        return {value: tuple(elements) for value, elements in page.ids.items() if value}
    found: dict[str, tuple[Element, ...]] = {}
    for value, elements in page.ids.items():
        in_document = tuple(el for el in elements if not in_template(page, el))
        if value and in_document:
            found[value] = in_document
    return found


def referring_attribute(page: Page, value: str) -> str:
    """The attribute that ties another element to the elements with id `value` in the
    accessibility tree or a form ("aria-labelledby", "for", ...), or "" when none does. An
    attribute that can only point at some elements (`usemap` at a `map`) counts only when one
    of them has the id."""
    return referenced_ids(page).get(value, "")


@page_fact
def referenced_ids(page: Page) -> dict[str, str]:
    """Each id of the document that something refers to -> the first attribute doing so."""
    relationships = _relationships(page)
    if not relationships:
        return {}
    ids = ids_in_document(page)
    found: dict[str, str] = {}
    for value, attributes in relationships.items():
        elements = ids.get(value)
        if not elements:
            continue
        tags = {el.tag for el in elements}
        for attribute in attributes:
            if attribute not in _TARGET_TAGS or tags & _TARGET_TAGS[attribute]:
                found[value] = attribute
                break
    return found


@page_fact
def duplicate_ids(page: Page) -> list[DuplicateId]:
    """Id values used more than once in the document, in document order of their first use."""
    return [
        DuplicateId(
            value,
            elements,
            referring_attribute(page, value),
            value in _link_targets(page),
        )
        for value, elements in ids_in_document(page).items()
        if len(elements) > 1
    ]
