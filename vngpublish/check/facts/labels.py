"""The `label` elements of form controls (HTML's labeled control), found once per page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.content_model import LABELABLE
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.html_roles import input_type

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


def labels_of(page: Page, el: Element) -> list[Element]:
    """The `label` elements whose labeled control is `el`, in document order."""
    return _label_index(page).get(el, [])


@page_fact
def _label_index(page: Page) -> dict[Element, list[Element]]:
    index: dict[Element, list[Element]] = {}
    for label in page.by_tag("label"):
        control = _labeled_control(page, label)
        if control is not None:
            index.setdefault(control, []).append(label)
    return index


def _labeled_control(page: Page, label: Element) -> Element | None:
    target = label.get("for")
    if target is not None:
        found = page.by_id(target)
        return found if found is not None and _is_labelable(found) else None
    for descendant in label.iterdescendants():
        if isinstance(descendant.tag, str) and _is_labelable(descendant):
            return descendant
    return None


def _is_labelable(el: Element) -> bool:
    if el.tag not in LABELABLE:
        return False
    return not (el.tag == "input" and input_type(el) == "hidden")
