"""Rules about the page as a whole: its title, meta elements and ids.

`is_html_document` is shared with the language rules: page-level rules apply to HTML pages
only, not to SVG or XML documents that a site may also contain.
"""

from __future__ import annotations

from vngpublish.check.page import Page

_NOT_HTML_SUFFIXES = (".svg", ".svgz", ".xml", ".mml")


def is_html_document(page: Page) -> bool:
    """True when the page is an HTML document (judged by its file name, as a server would)."""
    return not page.path.lower().endswith(_NOT_HTML_SUFFIXES)
