"""data-table-headers."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text, text_content
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.table_model import (
    Table,
    iter_own_rows,
    own_cells,
    own_header_cells,
    table_model,
)
from vngpublish.check.facts.tables import HEADER_ROLES, TABLE_ROLES, shown_tables
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_BOLD = frozenset({"b", "strong"})


class DataTableHeaders(Rule):
    """Applies to every table in the accessibility tree that is presented as a table (role
    table, grid or treegrid), that its markup marks as a data table (a `caption` with text, a
    `summary`, a `thead` or `tfoot`, or an explicit `role`), and that has at least two rows and
    two columns. Tables with no such mark may be used for layout, which only a person can
    judge.

    Passes when the table has a header cell: a `th`, or a cell with role `columnheader` or
    `rowheader`. Fails when it has none but shows a header row by its look: every cell of its
    first row (or column) is bold (`<strong>` or `<b>`) and the other rows (columns) are not.
    Needs review otherwise: a person must check whether a row or column holds headers (a
    `thead` of `td` cells, for one, suggests it does).
    """

    id = "data-table-headers"
    title = N_("Data tables have header cells")
    level = "A"
    wcag = ("1.3.1",)
    tags = ("tables",)
    why = N_(
        "Screen readers announce a data cell together with its row and column headers; without "
        "th cells, their users hear only values and must remember what each column means."
    )
    fix = N_(
        'Mark the cells that head columns or rows as <th> (with scope="col" or scope="row" '
        "where it is not obvious)."
    )
    messages = {
        "bold-row": N_(
            "The first row of this table looks like a header row (its cells are bold) but its "
            "cells are td: make them th, so screen readers announce them with the data."
        ),
        "bold-column": N_(
            "The first column of this table looks like a header column (its cells are bold) but "
            "its cells are td: make them th, so screen readers announce them with the data."
        ),
        "thead-without-th": N_(
            "This table has a header row (thead) of td cells and no th at all: if the row holds "
            "headers, make its cells th."
        ),
        "no-headers": N_(
            "This data table has no header cells (th): check whether a row or column holds "
            "headers, and if so, make those cells th."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            table
            for table in shown_tables(page)
            if _marked_as_data(table) and _at_least_two_by_two(table)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for table in targets:
            if _has_header_cell(page, table):
                continue
            model = table_model(page, table)
            if not model.complete:
                yield self.cant_tell(table, "no-headers")
            elif _bold_line(model, row=True):
                yield self.fail(table, "bold-row")
            elif _bold_line(model, row=False):
                yield self.fail(table, "bold-column")
            elif any(child.tag == "thead" for child in table):
                yield self.cant_tell(table, "thead-without-th")
            else:
                yield self.cant_tell(table, "no-headers")


def _marked_as_data(table: Element) -> bool:
    if explicit_role(table) in TABLE_ROLES or (table.get("summary") or "").strip():
        return True
    for child in table:
        if child.tag in ("thead", "tfoot"):
            return True
        if child.tag == "caption" and collapsed_text(child):
            return True
    return False


def _at_least_two_by_two(table: Element) -> bool:
    """Two rows or more, and a row at least two columns wide (read only as far as needed)."""
    wide = False
    for count, row in enumerate(iter_own_rows(table), start=1):
        wide = wide or sum(_colspan(cell) for cell in row if cell.tag in ("td", "th")) >= 2
        if count >= 2 and wide:
            return True
    return False


def _colspan(cell: Element) -> int:
    value = (cell.get("colspan") or "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _has_header_cell(page: Page, table: Element) -> bool:
    if own_header_cells(page, table):
        return True  # a th
    return any(
        cell.tag == "th" or (cell.get("role") is not None and role(page, cell) in HEADER_ROLES)
        for cell in own_cells(table)
    )


def _bold_line(model: Table, *, row: bool) -> bool:
    """Whether the first row (or column) has at least two cells with content, all of them
    bold, while no other row (column) is bold throughout."""
    lines: dict[int, list[bool]] = {}
    for cell in model.cells:
        if cell.empty:
            continue
        lines.setdefault(cell.y if row else cell.x, []).append(_all_bold(cell.element))
    first = lines.get(0, [])
    others = [flags for index, flags in lines.items() if index != 0]
    return len(first) >= 2 and all(first) and bool(others) and not any(all(f) for f in others)


def _all_bold(cell: Element) -> bool:
    """The cell's text is all inside `strong` or `b` elements."""
    text = collapsed_text(cell)
    if not text:
        return False
    bold = "".join(text_content(el) for el in cell.iter(*_BOLD) if _outermost_bold(el, cell))
    return _collapse_equal(bold, text)


def _outermost_bold(el: Element, cell: Element) -> bool:
    ancestor = el.getparent()
    while ancestor is not None and ancestor is not cell:
        if ancestor.tag in _BOLD:
            return False
        ancestor = ancestor.getparent()
    return True


def _collapse_equal(one: str, other: str) -> bool:
    return " ".join(one.split()) == " ".join(other.split())
