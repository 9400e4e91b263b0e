"""layout-table."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.aria_tables import is_presentational
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.table_model import own_header_cells
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LayoutTable(Rule):
    """Applies to every table in the accessibility tree that is marked as a layout table with
    `role="presentation"` or `role="none"` (as e-mail templates do).

    Passes when the table uses none of the markup of data tables. Fails when it has header
    cells (`th`), a `caption` with text, or a `summary` attribute: either it is a data table
    whose structure `role="presentation"` hides from screen readers, or a layout table that
    uses data table markup (WCAG failure F46).
    """

    id = "layout-table"
    title = N_("Layout tables do not use data table markup")
    level = "A"
    wcag = ("1.3.1",)
    axe = ("layout-table",)
    tags = ("tables",)
    why = N_(
        'A table with role="presentation" is read as plain text: header cells and a caption in '
        "it are either lost (if it holds data) or misleading (if it is only for layout)."
    )
    fix = N_(
        "For layout, use td without caption or summary; if the table holds data, remove "
        'role="presentation" and keep the th and caption.'
    )
    messages = {
        "th": N_(
            'This table has role="{role}" but {count} header cell(s) (th): use td in a layout '
            'table, or remove role="{role}" if the table holds data.'
        ),
        "caption": N_(
            'This table has role="{role}" but a caption (“{text}”): remove the caption from a '
            'layout table, or remove role="{role}" if the table holds data.'
        ),
        "summary": N_(
            'This table has role="{role}" but a summary attribute: remove summary from a layout '
            "table."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            table
            for table in page.by_tag("table")
            if is_presentational(role(page, table)) and not is_hidden(page, table)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for table in targets:
            kind = role(page, table) or ""
            headers = own_header_cells(page, table)
            if headers:
                yield self.fail(table, "th", role=kind, count=len(headers))
            caption = next((child for child in table if child.tag == "caption"), None)
            if caption is not None and collapsed_text(caption):
                yield self.fail(table, "caption", role=kind, text=collapsed_text(caption)[:60])
            if (table.get("summary") or "").strip():
                yield self.fail(table, "summary", role=kind)
