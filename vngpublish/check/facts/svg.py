"""Whether an element is SVG content: inside an `svg` element and not in a `foreignObject`
(whose content is HTML again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import inherited_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@inherited_fact(False)
def _svg_context(page: Page, el: Element, parent_in_svg: bool) -> bool:
    """True when the element's children are SVG content."""
    if el.tag == "svg":
        return True
    if el.tag == "foreignobject":
        return False
    return parent_in_svg


def in_svg_content(page: Page, el: Element) -> bool:
    """True for an SVG element other than the outermost `svg`: a shape, group or text of an
    SVG image (the parser gives them plain lower-case tag names, like HTML elements)."""
    if not page.by_tag("svg"):
        return False
    parent = el.getparent()
    return parent is not None and _svg_context(page, parent)
