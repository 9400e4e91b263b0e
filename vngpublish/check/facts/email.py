"""Whether a page is e-mail HTML, and the elements that wrap an e-mail's content.

`is_email(page)` is True for HTML written for mail clients: a page with the meta element Apple
Mail reads (`x-apple-disable-message-reformatting`), conditional comments or styles for Outlook
(`[if mso]`, `mso-` properties), a table with `role="presentation"`, or a body whose content is
laid out in one table without a data table's parts (header cells, caption, head or foot).
Rules for e-mail HTML (tagged `email-only`) apply only there, and landmark-one-main not there,
so `--select all` on a web site does not hold its pages to them.

`content_wrappers(page)` are the elements from `body` down that each hold all of the message
(the only element in their parent, with no text beside it; a preview text hidden from the
message is left out), outermost first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.layout_tables import has_data_markup, is_presentational

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

# Outlook markup: a conditional comment for it, or an `mso-` property. Each is looked for only
# where its start is (one expression over the whole page, case-insensitive, is many times
# slower on long pages).
_CONDITION: Final = re.compile(r"\[if\s+(?:[a-z!]+\s+)?mso", re.IGNORECASE)
_CONDITION_START: Final = re.compile(r"\[if", re.IGNORECASE)
_PROPERTY: Final = re.compile(r"(?<![\w-])mso-[a-z]", re.IGNORECASE)
_PROPERTY_START: Final = re.compile(r"mso-", re.IGNORECASE)
_SKIPPED: Final = frozenset({"script", "style", "template", "noscript", "meta", "link", "title"})


@page_fact
def is_email(page: Page) -> bool:
    """True when the page is HTML written for mail clients (see the module)."""
    for meta in page.by_tag("meta"):
        if (meta.get("name") or "").strip().lower() == "x-apple-disable-message-reformatting":
            return True
    tables = page.by_tag("table")
    if not tables:
        return False  # e-mail HTML for Outlook is laid out in tables
    if any(is_presentational(table) for table in tables):
        return True
    source = page.source
    if ("mso" in source or "MSO" in source) and _outlook(source):
        return True
    # A body holding only one table is e-mail layout when that table has none of a data
    # table's parts: a page showing one data table (a timetable, a test page) is no e-mail.
    return any(el.tag == "table" and not has_data_markup(page, el) for el in content_wrappers(page))


def _outlook(source: str) -> bool:
    """True when `source` has Outlook markup (see `_CONDITION` and `_PROPERTY`)."""
    for start in _CONDITION_START.finditer(source):
        if _CONDITION.match(source, start.start()):
            return True
    return any(_PROPERTY.match(source, start.start()) for start in _PROPERTY_START.finditer(source))


@page_fact
def content_wrappers(page: Page) -> list[Element]:
    """The elements that each wrap all of the message, outermost first (see the module)."""
    found: list[Element] = []
    node = page.body
    while node is not None:
        children = [
            child
            for child in node
            if isinstance(child.tag, str) and child.tag not in _SKIPPED and not _preview(child)
        ]
        if len(children) != 1 or (node.text or "").strip():
            break
        if any((child.tail or "").strip() for child in node if isinstance(child.tag, str)):
            break
        node = children[0]
        found.append(node)
    return found


def _preview(el: Element) -> bool:
    """A preview text hidden from the message (aria-hidden, or display: none in its style)."""
    style = (el.get("style") or "").replace(" ", "").lower()
    return (el.get("aria-hidden") or "").strip().lower() == "true" or "display:none" in style
