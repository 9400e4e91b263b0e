"""HTML tables as the HTML standard's table model forms them (§ 4.9.12, "Processing model"):
a grid of slots covered by cells, with their row and column groups.

`table_model(page, table)` forms a table once per page, the first time a rule asks; rows
that no span reaches into take a fast path. As in browsers, no cell spans below the end of its
row group, and a table of more than `MAX_SLOTS` slots is left incomplete. Which header cells
each cell has is `vngpublish.check.facts.tables`' business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vngpublish.check.dom import text_content
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from collections.abc import Iterator

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
        return is_empty_cell(self.element)


def is_empty_cell(el: Element) -> bool:
    """No child nodes and only whitespace as text (the standard's "empty cell")."""
    return not len(el) and not text_content(el).strip()


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
    # What `vngpublish.check.facts.tables` works out about the table, kept with it.
    assigned: dict[Cell, list[Cell]] = field(default_factory=dict)
    """The header cells of each cell asked about so far."""
    kinds: dict[Cell, tuple[bool, bool]] = field(default_factory=dict)
    """Whether each header cell asked about is a column header, and a row header."""
    explicit: list[Cell] | None = None
    """The cells with a `headers` attribute, once asked for."""
    group_headers: list[Cell] | None = None
    """The row group and column group headers, once asked for."""

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


@dataclass(frozen=True, slots=True)
class PlainGrid:
    """The cells of a table none of whose cells has a `colspan` or `rowspan`: the table model
    places the n-th cell of its m-th row at slot (n, m), which these lists say without the
    general bookkeeping of `table_model`."""

    rows: list[list[Element]]
    """The `td` and `th` elements of each row, rows in the table model's order (the rows of a
    `tfoot` last)."""
    headers: dict[Element, tuple[int, int]]
    """Each `th` and its slot (x, y), in the order they are written."""


def plain_grid(page: Page, table: Element) -> PlainGrid | None:
    """The cells of `table` as a `PlainGrid`, or None when one of them has a `colspan` or
    `rowspan` (then only `table_model` places them). Formed once per page."""
    known = _grids(page)
    if table in known:
        return known[table]
    spans = _spanning(page)
    rows: list[list[Element]] = []
    row_index: dict[Element, int] = {}
    for row in _model_rows(table):
        cells = [cell for cell in row if cell.tag == "td" or cell.tag == "th"]
        if spans and not spans.isdisjoint(cells):
            known[table] = None
            return None
        row_index[row] = len(rows)
        rows.append(cells)
    headers: dict[Element, tuple[int, int]] = {}
    for th in own_header_cells(page, table):
        y = row_index[th.getparent()]
        headers[th] = (rows[y].index(th), y)
    grid = known[table] = PlainGrid(rows, headers)
    return grid


def _model_rows(table: Element) -> list[Element]:
    """The `tr` elements of `table` in the order the table model processes them: as written,
    except that the rows of `tfoot` elements come last."""
    rows: list[Element] = []
    feet: list[Element] = []
    for child in table:
        tag = child.tag
        if tag == "tr":
            rows.append(child)
        elif tag in _ROW_GROUPS:
            (feet if tag == "tfoot" else rows).extend(row for row in child if row.tag == "tr")
    return rows + feet


@page_fact
def _grids(page: Page) -> dict[Element, PlainGrid | None]:
    return {}


@page_fact
def _spanning(page: Page) -> set[Element]:
    """The elements with a `colspan` or `rowspan` attribute."""
    return set(page.with_attribute("colspan")) | set(page.with_attribute("rowspan"))


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


def own_rows(table: Element) -> list[Element]:
    """The `tr` elements of `table` itself (children, or children of its row groups), in
    the order they are written; not those of tables nested in its cells."""
    return list(iter_own_rows(table))


def iter_own_rows(table: Element) -> Iterator[Element]:
    """`own_rows(table)`, one at a time."""
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from (row for row in child if row.tag == "tr")


def own_header_cells(page: Page, table: Element) -> list[Element]:
    """The `th` elements among `own_cells(table)`, in the order they are written (found from
    the page's `th` elements up, not from every cell down)."""
    return _own_header_cells(page).get(table) or []


@page_fact
def _own_header_cells(page: Page) -> dict[Element, list[Element]]:
    found: dict[Element, list[Element]] = {}
    for th in page.by_tag("th"):
        row = th.getparent()
        if row is None or row.tag != "tr":
            continue
        parent = row.getparent()
        if parent is not None and parent.tag in _ROW_GROUPS:
            parent = parent.getparent()
        if parent is not None and parent.tag == "table":
            found.setdefault(parent, []).append(th)
    return found


def own_cells(table: Element) -> list[Element]:
    """The `td` and `th` elements of `table` itself, in the order they are written."""
    return [cell for row in own_rows(table) for cell in row if cell.tag in ("td", "th")]
