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


def _references(page: Page) -> dict[str, list[str]]:
    """Every id something refers to -> the attributes found referring to it."""
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
    for tag in ("a", "area"):
        for el in page.by_tag(tag):
            href = el.get("href") or ""
            if href.startswith("#") and len(href) > 1:
                refs.setdefault(unquote(href[1:]), []).append("href")
    refs.pop("", None)
    return refs


@page_fact
def duplicate_ids(page: Page) -> list[DuplicateId]:
    """Id values used more than once in the document, in document order of their first use.

    Elements inside a `template` are not part of the document and are left out.
    """
    found: list[DuplicateId] = []
    refs: dict[str, list[str]] | None = None
    for value, elements in page.ids.items():
        if len(elements) < 2 or value == "":
            continue
        in_document = tuple(el for el in elements if not in_template(page, el))
        if len(in_document) < 2:
            continue
        if refs is None:
            refs = _references(page)
        tags = {el.tag for el in in_document}
        referring = refs.get(value, ())
        referenced_by = next(
            (
                attr
                for attr in referring
                if attr != "href" and (attr not in _TARGET_TAGS or tags & _TARGET_TAGS[attr])
            ),
            "",
        )
        found.append(DuplicateId(value, in_document, referenced_by, "href" in referring))
    return found
