"""Whether an element is rendered, and whether it is in the accessibility tree.

First version: `hidden`, `aria-hidden="true"`, `inert`, and `display:none` /
`visibility:hidden` in the `style` attribute. (To be extended with a static CSS cascade.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from vngpublish.check.page import Page


def is_rendered(page: Page, el: HtmlElement) -> bool:
    """False when the element or an ancestor is not rendered (hidden, display:none)."""
    if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", ""):
        return False
    parent = el.getparent()
    return True if parent is None else page.is_rendered(parent)


def is_hidden(page: Page, el: HtmlElement) -> bool:
    """True when the element is excluded from the accessibility tree."""
    if not page.is_rendered(el):
        return True
    if el.get("aria-hidden", "").strip().lower() == "true":
        return True
    parent = el.getparent()
    return False if parent is None else page.is_hidden(parent)
