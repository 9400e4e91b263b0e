"""layout-table-headers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.email import is_email
from vngpublish.check.facts.layout_tables import data_markup, is_presentational
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_HEADERS = ("th", "caption")


class LayoutTableHeaders(Rule):
    """Applies to a visible table with `role="presentation"` or `role="none"` in e-mail HTML:
    a table that lays the message out. E-mail HTML is a page with markup for Outlook or Apple
    Mail, a table with `role="presentation"`, or its content laid out in one table.

    Fails for each header cell (`th`) and `caption` that belongs to it (not to a table nested
    in it): data-table markup in a layout table tells nothing true about the content, and mail
    clients that drop the role announce a data table that is not one (WCAG failure F46).
    """

    id = "layout-table-headers"
    title = N_("Layout tables in an e-mail have no header cells or caption")
    level = "A"
    wcag = ("1.3.1",)
    tags = ("tables", "email-only")
    why = N_(
        "Header cells and captions say that a table holds data; in a layout table they make "
        "screen readers announce structure that is not there."
    )
    fix = N_(
        "Use td instead of th, and a paragraph or heading instead of a caption, in tables "
        'with role="presentation".'
    )
    messages = {
        "header-cell": N_(
            'This th is in a table with role="presentation": use td for layout, or make the '
            "table a data table without that role."
        ),
        "caption": N_(
            'This caption is in a table with role="presentation": use a paragraph or a '
            "heading above the table instead."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_email(page):
            return []
        return [
            table
            for table in page.by_tag("table")
            if is_presentational(table) and not is_hidden(page, table)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for table in targets:
            parts = [el for el in data_markup(page).get(table, ()) if el.tag in _HEADERS]
            for part in sorted(parts, key=lambda el: el.sourceline or 0):
                yield self.fail(part, "header-cell" if part.tag == "th" else "caption")
