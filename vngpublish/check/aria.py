"""WAI-ARIA roles: explicit roles with fallback and implicit roles per HTML-AAM.

First version with the common implicit roles. (To be completed from WAI-ARIA 1.2 / HTML-AAM.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from vngpublish.check.page import Page

_IMPLICIT = {
    "nav": "navigation",
    "main": "main",
    "button": "button",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "ul": "list",
    "ol": "list",
    "li": "listitem",
    "table": "table",
    "img": "img",
}


def role_of(page: Page, el: HtmlElement) -> str | None:
    """The element's role: the first valid token of `role`, else the implicit role."""
    explicit = (el.get("role") or "").split()
    if explicit:
        return explicit[0].lower()
    if el.tag in ("a", "area") and el.get("href") is not None:
        return "link"
    if el.tag == "img" and el.get("alt") == "":
        return "presentation"
    return _IMPLICIT.get(el.tag)
