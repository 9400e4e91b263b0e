"""Whether an element is SVG content: an `svg` element or inside one, up to a
`foreignObject` (whose content is HTML again).

The HTML parser gives SVG elements plain lower-case names, so an SVG element is told apart by
its place in the tree, not its namespace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import inherited_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


def in_svg(page: Page, el: Element) -> bool:
    """True for an `svg` element and everything inside one (up to a `foreignObject`)."""
    if not page.by_tag("svg"):
        return False  # most pages: nothing to look up
    return el.tag == "svg" or _inside_svg(page, el)


def in_svg_content(page: Page, el: Element) -> bool:
    """True for an SVG element other than the outermost `svg`: a shape, group or text of an
    SVG image."""
    if not page.by_tag("svg"):
        return False
    return _inside_svg(page, el)


def _inside_svg(page: Page, el: Element) -> bool:
    parent = el.getparent()
    return parent is not None and _children_are_svg(page, parent)


@inherited_fact(False)
def _children_are_svg(page: Page, el: Element, parent_value: bool) -> bool:
    """True when the element's children are SVG content."""
    if el.tag == "svg":
        return True
    if el.tag == "foreignobject":
        return False
    return parent_value
