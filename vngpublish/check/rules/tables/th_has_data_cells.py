"""th-has-data-cells."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.table_model import (
    is_empty_cell,
    own_header_cells,
    owning_table,
    plain_grid,
    table_model,
)
from vngpublish.check.facts.tables import (
    HEADER_ROLES,
    TABLE_ROLES,
    aria_header_has_cells,
    has_assigned_cells,
    heads_a_neighbour,
    heads_neither,
    shown_tables,
)
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class ThHasDataCells(Rule):
    """Applies to every rendered header cell in the accessibility tree of a table that is
    itself in the accessibility tree: a `th` of a table presented as a table (role table,
    grid or treegrid), and any element with role `columnheader` or `rowheader` (in an HTML
    table or an ARIA one). An empty header cell shows nothing and is not checked.

    Passes when the header is assigned to at least one other cell. For a `th`, that follows
    the HTML standard's algorithm: cells that name it in `headers`, and cells below a column
    header or right of a row header that are not cut off by a `headers` attribute of their
    own (a blank top-left corner cell does not stop a `th` from heading its column). For an
    ARIA header, a cell in its column (or row) in another row (or the same row) will do.
    Fails otherwise, such as a column header above a column without cells, or a header whose
    column's cells all name other headers.
    A table with header cells only (a box drawn around a note) needs review instead: it may
    be a table used for layout, which a person must judge; so does a `th` without `scope`
    that has data in both its row and its column, which the standard makes head neither
    but browsers may treat as a row header.
    """

    id = "th-has-data-cells"
    title = N_("Header cells head some cells")
    level = "A"
    wcag = ("1.3.1",)
    act = ("d0f69e",)
    axe = ("th-has-data-cells",)
    tags = ("tables",)
    why = N_(
        "A header that heads no cell is not announced with any data: the relationship the "
        "table shows visually is lost for screen reader users."
    )
    fix = N_(
        "Make sure each header cell has data cells in its column or row, give a th that heads "
        'neither a scope ("col" or "row"), or use td for a cell that is no header.'
    )
    messages = {
        "no-cells": N_(
            "The header cell “{text}” heads no cell of its table: give its column or row data "
            'cells, set scope="col" or scope="row", or make it a td if it is no header.'
        ),
        "heads-neither": N_(
            "The header cell “{text}” has data in both its row and its column and no scope, so "
            "by the HTML standard it heads neither, though some browsers guess one: add "
            'scope="row" or scope="col" to say which it heads.'
        ),
        "only-headers": N_(
            "The header cell “{text}” is in a table without data cells: if the table is only a "
            "frame around text, use a div instead; if it holds data, add the data cells."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        targets: list[Element] = []
        for table in shown_tables(page) if page.by_tag("th") else ():
            if not own_header_cells(page, table):
                continue
            grid = plain_grid(page, table)
            if grid is not None:
                # A `th` without a `role` in a table presented as one is a column or row
                # header (HTML-AAM), so its role need not be asked.
                targets += [
                    el
                    for el in grid.headers
                    if not is_empty_cell(el)
                    and (el.get("role") is None or role(page, el) in HEADER_ROLES)
                    and not is_hidden(page, el)
                ]
                continue
            model = table_model(page, table)
            if not model.complete:
                continue  # too large to model: left alone
            targets += [
                cell.element
                for cell in model.headers
                if not cell.empty and _shown_header(page, cell.element)
            ]
        seen = set(targets)
        for el in page.with_attribute("role"):
            if el not in seen and role(page, el) in HEADER_ROLES and _shown_header(page, el):
                container = _closest_table(page, el)
                if container is not None and not is_hidden(page, container) and collapsed_text(el):
                    targets.append(el)
        return targets

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            table = owning_table(el)
            grid = plain_grid(page, table) if table is not None and el.tag == "th" else None
            if grid is not None and heads_a_neighbour(grid, el):
                continue  # the common case, proved without forming the table model
            model = table_model(page, table) if table is not None else None
            cell = model.by_element.get(el) if model is not None else None
            if model is not None and cell is not None and cell.header:
                heads = has_assigned_cells(page, model, cell)
            else:
                heads = aria_header_has_cells(page, el, role(page, el) or "")
            if heads:
                continue
            text = collapsed_text(el)[:60]
            if model is not None and not any(not c.header and not c.empty for c in model.cells):
                yield self.cant_tell(el, "only-headers", text=text)
            elif (
                model is not None
                and cell is not None
                and cell.header
                and heads_neither(model, cell)
            ):
                yield self.cant_tell(el, "heads-neither", text=text)
            else:
                yield self.fail(el, "no-cells", text=text)


def _shown_header(page: Page, el: Element) -> bool:
    return role(page, el) in HEADER_ROLES and not is_hidden(page, el)


def _closest_table(page: Page, el: Element) -> Element | None:
    ancestor = el.getparent()
    while ancestor is not None:
        if role(page, ancestor) in TABLE_ROLES:
            return ancestor
        ancestor = ancestor.getparent()
    return None
