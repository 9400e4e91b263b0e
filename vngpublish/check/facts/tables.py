"""HTML tables as the HTML standard models them: a grid of slots covered by cells, and the
header cells assigned to each cell (§ 4.9.12, "Processing model"; § 4.9.12.2, "Forming
relationships between data cells and header cells").

`table_model(page, table)` forms the table once per page; `assigned_headers` then says which
header cells each cell has. One deliberate difference from the standard: an empty data cell
(the blank top-left corner of many tables) does not stop a `th` without `scope` from being a
column or row header; browsers and screen readers treat such a `th` as a header, and so does
this model.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vngpublish.check.dom import text_content
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 65534
# Past this many slots a table is not modelled (a hostile page could ask for a billion):
# rules then leave it alone.
MAX_SLOTS = 500_000
_ROW_GROUPS = ("thead", "tbody", "tfoot")


@dataclass(eq=False, slots=True)
class Cell:
    """A cell of the table model: its element, where it is anchored, and its size."""

    element: Element
    x: int
    y: int
    width: int
    height: int
    header: bool
    """A `th` (a header cell); otherwise a `td` (a data cell)."""
    row_group: int | None = None
    """The index of the row group (`thead`, `tbody`, `tfoot`) it is anchored in, if any."""
    column_group: int | None = None
    """The index of the column group (`colgroup`) it is anchored in, if any."""

    @property
    def empty(self) -> bool:
        """No child elements and only whitespace as text (the standard's "empty cell")."""
        return not len(self.element) and not text_content(self.element).strip()


@dataclass(slots=True)
class Table:
    """The table model of one `table` element."""

    element: Element
    cells: list[Cell] = field(default_factory=list)
    width: int = 0
    height: int = 0
    slots: dict[tuple[int, int], list[Cell]] = field(default_factory=dict)
    column_groups: list[tuple[int, int]] = field(default_factory=list)
    """(first x, width) of each column group."""
    by_element: dict[Element, Cell] = field(default_factory=dict)
    headers: list[Cell] = field(default_factory=list)
    """Its header cells (`th`), in the order they are written."""
    complete: bool = True
    """False when the table is larger than `MAX_SLOTS` and was not modelled to its end."""
    _headers: dict[Cell, list[Cell]] = field(default_factory=dict)
    _kinds: dict[Cell, tuple[bool, bool]] = field(default_factory=dict)
    _explicit: list[Cell] | None = None
    _group_headers: list[Cell] | None = None

    def at(self, x: int, y: int) -> list[Cell]:
        """The cells covering slot (x, y): none, one, or several (a table model error)."""
        return self.slots.get((x, y), [])


def table_model(page: Page, table: Element) -> Table:
    """The table model of `table`, formed once per page."""
    known = _models(page)
    found = known.get(table)
    if found is None:
        spans = bool(page.with_attribute("colspan") or page.with_attribute("rowspan"))
        found = known[table] = _form(table, spans)
    return found


def owning_table(el: Element) -> Element | None:
    """The `table` a cell or row belongs to: the nearest `table` ancestor."""
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "table":
            return ancestor
        ancestor = ancestor.getparent()
    return None


@page_fact
def _models(page: Page) -> dict[Element, Table]:
    return {}


# ------------------------------------------------------------------ forming a table
@dataclass(slots=True)
class _Builder:
    table: Table
    y_current: int = 0
    growing: list[tuple[Cell, int, int]] = field(default_factory=list)
    row_group: int | None = None
    spans: bool = True


def _form(element: Element, spans: bool = True) -> Table:
    """The table model of `element`; `spans` is False when no cell of the page has a
    `colspan` or `rowspan`, so that every row takes the plain path."""
    table = Table(element)
    builder = _Builder(table, spans=spans)
    pending_feet: list[Element] = []
    group_index = 0
    children = list(element)
    # Rows written straight in the table form an implied group with the rows that follow
    # them up to the next row group: how many rows are left in it, from each child on.
    left = [0] * (len(children) + 1)
    for position in range(len(children) - 1, -1, -1):
        tag = children[position].tag
        left[position] = 0 if tag in _ROW_GROUPS else left[position + 1] + (tag == "tr")
    for position, child in enumerate(children):
        tag = child.tag
        if tag == "colgroup":
            _column_group(table, child)
        elif tag == "tr":
            _process_row(builder, child, left[position])
        elif tag in _ROW_GROUPS:
            _end_row_group(builder)
            if tag == "tfoot":
                pending_feet.append(child)
                continue
            _process_row_group(builder, child, group_index)
            group_index += 1
        if not table.complete:
            return table
    _end_row_group(builder)
    for foot in pending_feet:
        _process_row_group(builder, foot, group_index)
        group_index += 1
        if not table.complete:
            return table
    for cell in table.cells:
        cell.column_group = next(
            (i for i, (x, w) in enumerate(table.column_groups) if x <= cell.x < x + w), None
        )
    return table


def _column_group(table: Table, colgroup: Element) -> None:
    cols = [c for c in colgroup if c.tag == "col"]
    start = table.width
    if cols:
        for col in cols:
            table.width += _span(col.get("span"), 1, _MAX_COLSPAN, zero_ok=False)
    else:
        table.width += _span(colgroup.get("span"), 1, _MAX_COLSPAN, zero_ok=False)
    if table.width > start:
        table.column_groups.append((start, table.width - start))


def _process_row_group(builder: _Builder, group: Element, index: int) -> None:
    builder.row_group = index
    rows = [row for row in group if row.tag == "tr"]
    for position, row in enumerate(rows):
        _process_row(builder, row, len(rows) - position)
        if not builder.table.complete:
            return
    _end_row_group(builder)
    builder.row_group = None


def _end_row_group(builder: _Builder) -> None:
    table = builder.table
    while builder.y_current < table.height:
        _grow(builder)
        builder.y_current += 1
    builder.growing.clear()


def _process_row(builder: _Builder, row: Element, rows_left: int) -> None:
    """Place the cells of `row`; `rows_left` counts it and the rows after it in its group:
    as in browsers, no cell spans further down than that."""
    table = builder.table
    y = builder.y_current
    fresh = table.height == y  # no cell of an earlier row reaches into this one
    if fresh:
        table.height += 1
    if fresh and not builder.growing and (not builder.spans or _plain_row(row)):
        _process_plain_row(builder, row, y)
        builder.y_current += 1
        return
    x_current = 0
    _grow(builder)
    slots = table.slots
    for cell_element in row:
        if cell_element.tag not in ("td", "th"):
            continue
        while x_current < table.width and (x_current, y) in slots:
            x_current += 1
        if x_current == table.width:
            table.width += 1
        colspan = _span(cell_element.get("colspan"), 1, _MAX_COLSPAN, zero_ok=False)
        rowspan = min(_span(cell_element.get("rowspan"), 1, _MAX_ROWSPAN, zero_ok=True), rows_left)
        grows_downward = rowspan == 0
        if grows_downward:
            rowspan = 1
        table.width = max(table.width, x_current + colspan)
        table.height = max(table.height, y + rowspan)
        cell = Cell(
            cell_element,
            x_current,
            y,
            colspan,
            rowspan,
            cell_element.tag == "th",
            builder.row_group,
        )
        table.cells.append(cell)
        if cell.header:
            table.headers.append(cell)
        table.by_element[cell_element] = cell
        if colspan == 1 and rowspan == 1 and (x_current, y) not in slots:
            slots[(x_current, y)] = [cell]  # most cells: one slot, no overlap
        elif len(slots) + colspan * rowspan > MAX_SLOTS:
            table.complete = False
            return
        else:
            for x in range(x_current, x_current + colspan):
                for covered in range(y, y + rowspan):
                    slots.setdefault((x, covered), []).append(cell)
        if grows_downward:
            builder.growing.append((cell, x_current, colspan))
        x_current += colspan
    builder.y_current += 1


def _plain_row(row: Element) -> bool:
    """A row whose cells all take one slot (no `colspan` or `rowspan`)."""
    return all(
        cell.get("colspan") is None and cell.get("rowspan") is None
        for cell in row
        if cell.tag in ("td", "th")
    )


def _process_plain_row(builder: _Builder, row: Element, y: int) -> None:
    """`_process_row` for a row of one-slot cells that no earlier cell reaches into: its cells
    take the slots 0, 1, 2, ... of the row, in order (the common case, done without the
    general bookkeeping)."""
    table = builder.table
    slots = table.slots
    cells = table.cells
    by_element = table.by_element
    group = builder.row_group
    x = 0
    for cell_element in row:
        tag = cell_element.tag
        if tag != "td" and tag != "th":
            continue
        cell = Cell(cell_element, x, y, 1, 1, tag == "th", group)
        cells.append(cell)
        if tag == "th":
            table.headers.append(cell)
        by_element[cell_element] = cell
        slots[(x, y)] = [cell]
        x += 1
    if x > table.width:
        table.width = x


def _grow(builder: _Builder) -> None:
    table = builder.table
    y = builder.y_current
    for cell, x_start, width in builder.growing:
        if y >= cell.y + cell.height:
            cell.height = y - cell.y + 1
            for x in range(x_start, x_start + width):
                table.slots.setdefault((x, y), []).append(cell)


def _span(value: str | None, default: int, limit: int, *, zero_ok: bool) -> int:
    if value is None:
        return default
    number = ascii_integer((value or "").strip())
    if number is None or number < 0 or (number == 0 and not zero_ok):
        return default
    return min(number, limit)


# ------------------------------------------------------------- assigning header cells
def assigned_headers(page: Page, table: Table, cell: Cell) -> list[Cell]:
    """The header cells assigned to `cell`: those its `headers` attribute names (cells of the
    same table, not itself), else those the standard's scan up and to the left finds, with
    row group and column group headers; empty header cells left out."""
    known = table._headers.get(cell)
    if known is None:
        known = table._headers[cell] = _assign(page, table, cell)
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


def _with_headers_attribute(table: Table) -> list[Cell]:
    if table._explicit is None:
        table._explicit = [c for c in table.cells if c.element.get("headers") is not None]
    return table._explicit


def _group_headers(table: Table) -> list[Cell]:
    if table._group_headers is None:
        table._group_headers = [
            c for c in table.cells if c.header and _scope(c) in ("rowgroup", "colgroup")
        ]
    return table._group_headers


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
    value = (cell.element.get("scope") or "").strip().lower()
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
    known = table._kinds.get(cell)
    if known is None:
        column = _is_column_header(table, cell)
        known = table._kinds[cell] = (column, _is_row_header(table, cell, column))
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
    return [
        table
        for table in page.by_tag("table")
        if role(page, table) in TABLE_ROLES and not is_hidden(page, table)
    ]


def own_rows(table: Element) -> list[Element]:
    """The `tr` elements of `table` itself (children, or children of its row groups), in
    the order they are written; not those of tables nested in its cells."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows.extend(row for row in child if row.tag == "tr")
    return rows


def own_cells(table: Element) -> list[Element]:
    """The `td` and `th` elements of `table` itself, in the order they are written."""
    return [cell for row in own_rows(table) for cell in row if cell.tag in ("td", "th")]


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
