"""layout-table-role."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.email import is_email
from vngpublish.check.facts.layout_tables import has_data_markup, is_presentational
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LayoutTableRole(Rule):
    """Applies to a visible table in e-mail HTML without what a data table needs (header
    cells, a caption, a head or foot of rows, `scope` or `headers`): a table that lays the
    message out. E-mail HTML is a page with markup for Outlook or Apple Mail, a table with
    `role="presentation"`, or its content laid out in one table.

    Passes when it has `role="presentation"` (or `role="none"`). Fails otherwise: screen
    readers then announce every layout table with its rows and columns, and a message built
    from a dozen nested tables becomes hard to follow.
    """

    id = "layout-table-role"
    title = N_("Layout tables in an e-mail have role=presentation")
    level = "best-practice"
    severity = Severity.WARNING
    wcag = ("1.3.1",)
    tags = ("tables", "email-only")
    why = N_(
        "Screen readers announce a table, its rows and columns; in an e-mail built from "
        "layout tables that noise hides the message."
    )
    fix = N_(
        'Add role="presentation" to tables used for layout; give tables with data header '
        "cells (th) instead."
    )
    messages = {
        "no-role": N_(
            "This table has no header cells or caption, so it lays the message out: add "
            'role="presentation". If it holds data, give it header cells (th) instead.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_email(page):
            return []
        return [
            table
            for table in page.by_tag("table")
            if not has_data_markup(page, table) and not is_hidden(page, table)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for table in targets:
            if not is_presentational(table):
                yield self.fail(table, "no-role")
