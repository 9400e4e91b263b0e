"""The language of an element, as HTML's "language" rules give it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import inherited_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


_UNKNOWN: str | None = None  # above the root element: no language set


@inherited_fact(_UNKNOWN)
def lang(page: Page, el: Element, parent_lang: str | None) -> str | None:
    """The language of the element: the nearest `lang` on it or an ancestor, stripped; None
    when no element up to the root sets one.

    `xml:lang` counts only in XHTML; in HTML it has no effect (HTML's "language" rules).
    """
    value = el.get("lang")
    if value is None and page.is_xhtml:
        value = el.get("xml:lang")
    return parent_lang if value is None else str(value).strip()
