"""Whether an element is SVG content: an `svg` element or inside one.

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
    """True for an `svg` element and everything inside one (up to a `foreignObject`, whose
    content is HTML again)."""
    if not page.by_tag("svg"):
        return False  # most pages: nothing to look up
    return _svg_state(page, el)


@inherited_fact(False)
def _svg_state(page: Page, el: Element, parent_value: bool) -> bool:
    if el.tag == "svg":
        return True
    if not parent_value:
        return False
    parent = el.getparent()
    return parent is None or parent.tag != "foreignobject"
