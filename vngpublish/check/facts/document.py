"""What kind of document a page is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import inherited_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_NOT_HTML_SUFFIXES = (".svg", ".svgz", ".xml", ".mml")


def is_html_document(page: Page) -> bool:
    """True when the page is an HTML document (judged by its file name, as a server would):
    page-level rules apply to HTML pages only, not to SVG or XML documents a site may hold."""
    return not page.path.lower().endswith(_NOT_HTML_SUFFIXES)


@inherited_fact(False)
def _is_or_in_template(page: Page, el: Element, parent_value: bool) -> bool:
    return parent_value or el.tag == "template"


def in_template(page: Page, el: Element) -> bool:
    """True when the element is content of a `template`: not part of the document, never
    rendered, no target of ids or references."""
    if not page.by_tag("template"):
        return False  # most pages: nothing to look up
    parent = el.getparent()
    return parent is not None and _is_or_in_template(page, parent)
