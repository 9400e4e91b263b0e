"""The header cells of a table: which header cells the HTML standard assigns to each cell
(§ 4.9.12.2, "Forming relationships between data cells and header cells"), whether a header
heads any cell, and which tables assistive technology presents as tables.

One deliberate difference from the standard: an empty data cell (the blank top-left corner of
many tables) does not stop a `th` without `scope` from being a column or row header; browsers
and screen readers treat such a `th` as a header, and so does this module. The grid itself is
`vngpublish.check.facts.table_model`'s.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from vngpublish.check.dom import text_content
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.table_model import (
    Cell,
    PlainGrid,
    Table,
    is_empty_cell,
    owning_table,
    table_model,
)
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


# ------------------------------------------------------------- assigning header cells
def assigned_headers(page: Page, table: Table, cell: Cell) -> list[Cell]:
    """The header cells assigned to `cell`: those its `headers` attribute names (cells of the
    same table, not itself), else those the standard's scan up and to the left finds, with
    row group and column group headers; empty header cells left out."""
    known = table.assigned.get(cell)
    if known is None:
        known = table.assigned[cell] = _assign(page, table, cell)
    return known


def has_assigned_cells(page: Page, table: Table, header: Cell) -> bool:
    """True when some other cell of the table has `header` among its assigned headers.

    Asks the cells most likely to have it first (those naming it in `headers`, then those
    below it and to its right, nearest first), so a header that heads something costs a few
    cells, not the whole table."""
    candidates = [c for c in _with_headers_attribute(table) if c is not header]
    for x in range(header.x, header.x + header.width):
        for y in range(header.y + header.height, table.height):
            candidates.extend(table.at(x, y))
    for y in range(header.y, header.y + header.height):
        for x in range(header.x + header.width, table.width):
            candidates.extend(table.at(x, y))
    if any(header in assigned_headers(page, table, c) for c in candidates):
        return True
    if _scope(header) in ("rowgroup", "colgroup"):
        return any(
            header in assigned_headers(page, table, c) for c in table.cells if c is not header
        )
    return False


def heads_a_neighbour(grid: PlainGrid, header: Element) -> bool:
    """True when the non-empty `th` `header` of a table without spans (`grid`) certainly has
    an assigned cell: as a column header, the cell right below it; as a row header, the cell
    right after it; that cell without a `headers` attribute of its own. (The scan up, or to
    the left, from that cell meets `header` first.) False says nothing: then only
    `has_assigned_cells` on the table model can tell.

    What makes a `th` a column or row header is `is_column_header`'s and `is_row_header`'s
    reading, here on the grid: no `scope` and no data cell with content in its row makes it
    a column header; else no such cell in its column, a row header."""
    where = grid.headers.get(header)
    if where is None or is_empty_cell(header):
        return False  # an empty header cell is assigned to no cell
    x, y = where
    rows = grid.rows
    scope = _scope_of(header)
    if scope == "auto":
        if not any(cell.tag == "td" and not is_empty_cell(cell) for cell in rows[y]):
            scope = "col"
        elif not any(
            len(row) > x and row[x].tag == "td" and not is_empty_cell(row[x]) for row in rows
        ):
            scope = "row"
    if scope == "col":
        below = rows[y + 1] if y + 1 < len(rows) else []
        return len(below) > x and below[x].get("headers") is None
    if scope == "row":
        return len(rows[y]) > x + 1 and rows[y][x + 1].get("headers") is None
    return False


def _with_headers_attribute(table: Table) -> list[Cell]:
    if table.explicit is None:
        table.explicit = [c for c in table.cells if c.element.get("headers") is not None]
    return table.explicit


def _group_headers(table: Table) -> list[Cell]:
    if table.group_headers is None:
        table.group_headers = [
            c for c in table.cells if c.header and _scope(c) in ("rowgroup", "colgroup")
        ]
    return table.group_headers


def _assign(page: Page, table: Table, cell: Cell) -> list[Cell]:
    found: list[Cell] = []
    headers = cell.element.get("headers")
    if headers is not None:
        for token in headers.split():
            target = page.by_id(token)
            other = table.by_element.get(target) if target is not None else None
            if other is not None and other is not cell:
                found.append(other)
    else:
        for y in range(cell.y, cell.y + cell.height):
            _scan(table, cell, found, cell.x, y, -1, 0)
        for x in range(cell.x, cell.x + cell.width):
            _scan(table, cell, found, x, cell.y, 0, -1)
        right = cell.x + cell.width - 1
        bottom = cell.y + cell.height - 1
        for other in _group_headers(table):
            if other.x > right or other.y > bottom:
                continue
            scope = _scope(other)
            same_row_group = other.row_group == cell.row_group is not None
            same_column_group = other.column_group == cell.column_group is not None
            if (scope == "rowgroup" and same_row_group) or (
                scope == "colgroup" and same_column_group
            ):
                found.append(other)
    unique: list[Cell] = []
    for other in found:
        if not other.empty and other is not cell and other not in unique:
            unique.append(other)
    return unique


def _scan(
    table: Table, principal: Cell, found: list[Cell], x: int, y: int, dx: int, dy: int
) -> None:
    opaque: list[Cell] = []
    in_header_block = principal.header
    block: list[Cell] = [principal] if principal.header else []
    while True:
        x += dx
        y += dy
        if x < 0 or y < 0:
            return
        covering = table.at(x, y)
        if len(covering) != 1:
            continue
        current = covering[0]
        if current.header:
            in_header_block = True
            block.append(current)
            blocked = False
            if dx == 0:
                if any(o.x == current.x and o.width == current.width for o in opaque):
                    blocked = True
                if not is_column_header(table, current):
                    blocked = True
            else:
                if any(o.y == current.y and o.height == current.height for o in opaque):
                    blocked = True
                if not is_row_header(table, current):
                    blocked = True
            if not blocked:
                found.append(current)
        elif in_header_block:
            in_header_block = False
            opaque.extend(block)
            block = []


def _scope(cell: Cell) -> str:
    return _scope_of(cell.element)


def _scope_of(el: Element) -> str:
    value = (el.get("scope") or "").strip().lower()
    return value if value in ("row", "col", "rowgroup", "colgroup") else "auto"


def is_column_header(table: Table, cell: Cell) -> bool:
    """A header cell that heads its column(s): `scope="col"`, or no scope and no data cell
    with content in its row(s)."""
    return _kind(table, cell)[0]


def is_row_header(table: Table, cell: Cell) -> bool:
    """A header cell that heads its row(s): `scope="row"`, or no scope, not a column header,
    and no data cell with content in its column(s)."""
    return _kind(table, cell)[1]


def heads_neither(table: Table, cell: Cell) -> bool:
    """A header cell without `scope` that is neither a column nor a row header (it has data
    in its row and in its column): the standard assigns it to no cell."""
    return _scope(cell) == "auto" and not any(_kind(table, cell))


def _kind(table: Table, cell: Cell) -> tuple[bool, bool]:
    known = table.kinds.get(cell)
    if known is None:
        column = _is_column_header(table, cell)
        known = table.kinds[cell] = (column, _is_row_header(table, cell, column))
    return known


def _is_column_header(table: Table, cell: Cell) -> bool:
    scope = _scope(cell)
    if scope == "col":
        return True
    if scope != "auto":
        return False
    return not _data_in(table, ((x, y) for y in _rows(cell) for x in range(table.width)))


def _is_row_header(table: Table, cell: Cell, column: bool) -> bool:
    scope = _scope(cell)
    if scope == "row":
        return True
    if scope != "auto" or column:
        return False
    return not _data_in(table, ((x, y) for x in _columns(cell) for y in range(table.height)))


def _rows(cell: Cell) -> range:
    return range(cell.y, cell.y + cell.height)


def _columns(cell: Cell) -> range:
    return range(cell.x, cell.x + cell.width)


def _data_in(table: Table, slots: Iterable[tuple[int, int]]) -> bool:
    for slot in slots:
        for other in table.slots.get(slot, ()):
            if not other.header and not other.empty:
                return True
    return False


# ----------------------------------------------------------------------- which tables
TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
HEADER_ROLES = frozenset({"columnheader", "rowheader"})
CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})
"""The role `cell` and the roles that inherit from it."""


def shown_tables(page: Page) -> list[Element]:
    """The `table` elements that assistive technology presents as tables: in the
    accessibility tree, with role table, grid or treegrid (not a layout table with
    `role="presentation"`). A table moved out of sight is still read by screen readers, and
    so counts."""
    return _shown_tables(page)


@page_fact
def _shown_tables(page: Page) -> list[Element]:
    # A `table` without a `role` is a table: its role need not be asked.
    return [
        table
        for table in page.by_tag("table")
        if (table.get("role") is None or role(page, table) in TABLE_ROLES)
        and not is_hidden(page, table)
    ]


def aria_header_has_cells(page: Page, el: Element, header_role: str) -> bool:
    """For a header cell that is one by its `role` (a `columnheader` or `rowheader` given to a
    `td` or to an element of an ARIA table), whether it heads a cell with content: one in its
    column in another row (a column header) or in its row (a row header), or one that names
    it in `headers`."""
    element_id = el.get("id")
    table = owning_table(el)
    model = table_model(page, table) if table is not None else None
    cell = model.by_element.get(el) if model is not None else None
    if model is not None and not model.complete:
        return True  # too large to model: taken to head something
    if model is not None and cell is not None:
        if element_id and any(
            element_id in (c.element.get("headers") or "").split()
            for c in _with_headers_attribute(model)
        ):
            return True
        if header_role == "columnheader":
            slots = [
                (x, y) for x in _columns(cell) for y in range(model.height) if y not in _rows(cell)
            ]
        else:
            slots = [
                (x, y) for y in _rows(cell) for x in range(model.width) if x not in _columns(cell)
            ]
        return any(
            not other.empty for slot in slots for other in model.at(*slot) if other is not cell
        )
    return _aria_grid_header_has_cells(page, el, header_role, element_id)


def _aria_grid_header_has_cells(
    page: Page, el: Element, header_role: str, element_id: str | None
) -> bool:
    row = _closest(page, el, {"row"})
    container = _closest(page, el, TABLE_ROLES)
    if row is None or container is None:
        return False
    rows = [
        r
        for r in container.iter()
        if role(page, r) == "row" and _closest(page, r, TABLE_ROLES) is container
    ]
    cells = {r: _row_cells(page, r) for r in rows}
    if element_id and any(
        element_id in (c.get("headers") or "").split() for found in cells.values() for c in found
    ):
        return True
    own = cells.get(row, [])
    if el not in own:
        return False
    if header_role == "rowheader":
        return any(c is not el and text_content(c).strip() for c in own)
    index = own.index(el)
    return any(
        len(found) > index and text_content(found[index]).strip()
        for other, found in cells.items()
        if other is not row
    )


def _row_cells(page: Page, row: Element) -> list[Element]:
    return [
        c
        for c in row.iterdescendants()
        if isinstance(c.tag, str)
        and role(page, c) in CELL_ROLES
        and _closest(page, c, {"row"}) is row
    ]


def _closest(page: Page, el: Element, roles: Collection[str]) -> Element | None:
    ancestor = el.getparent()
    while ancestor is not None:
        if role(page, ancestor) in roles:
            return ancestor
        ancestor = ancestor.getparent()
    return None
