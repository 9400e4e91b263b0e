"""The HTML table model and the header cells assigned to each cell (HTML § 4.9.12)."""

from __future__ import annotations

import pytest

from vngpublish.check.facts.table_model import Cell, Table, own_cells, plain_grid, table_model
from vngpublish.check.facts.tables import assigned_headers, has_assigned_cells, heads_a_neighbour
from vngpublish.check.page import Page


def model_of(body: str) -> tuple[Page, Table]:
    page = Page(f"<!doctype html><html lang=nl><body>{body}</body></html>")
    return page, table_model(page, page.by_tag("table")[0])


def cell(table: Table, text: str) -> Cell:
    return next(c for c in table.cells if "".join(c.element.itertext()).strip() == text)


def headers_of(page: Page, table: Table, text: str) -> list[str]:
    return ["".join(h.element.itertext()) for h in assigned_headers(page, table, cell(table, text))]


def test_spans_place_cells_in_the_grid() -> None:
    _page, table = model_of(
        "<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr>"
        "<tr><td>C</td><td>D</td></tr></table>"
    )
    assert (table.width, table.height) == (3, 2)
    assert [(c.x, c.y, c.width, c.height) for c in table.cells] == [
        (0, 0, 1, 2),
        (1, 0, 2, 1),
        (1, 1, 1, 1),
        (2, 1, 1, 1),
    ]


def test_tfoot_comes_last_and_rowspan_zero_fills_its_group() -> None:
    _page, table = model_of(
        "<table><tfoot><tr><td>Voet</td></tr></tfoot>"
        "<tbody><tr><td rowspan=0>Lang</td><td>1</td></tr><tr><td>2</td></tr></tbody></table>"
    )
    assert cell(table, "Voet").y == 2
    assert cell(table, "Lang").height == 2
    assert cell(table, "2").x == 1


def test_nested_tables_keep_their_own_cells() -> None:
    page, table = model_of(
        "<table><tr><td>Buiten<table><tr><td>Binnen</td></tr></table></td></tr></table>"
    )
    assert [c.element.tag for c in table.cells] == ["td"]
    assert len(own_cells(page.by_tag("table")[0])) == 1


def test_column_and_row_headers_are_assigned() -> None:
    page, table = model_of(
        "<table><tr><td></td><th>2023</th><th>2024</th></tr>"
        "<tr><th>Inwoners</th><td>36.000</td><td>36.400</td></tr></table>"
    )
    assert headers_of(page, table, "36.400") == ["Inwoners", "2024"]
    assert has_assigned_cells(page, table, cell(table, "2023"))


def test_headers_attribute_replaces_the_scan() -> None:
    page, table = model_of(
        "<table><tr><th id=a>Land</th><th id=b>Met een Z</th></tr>"
        "<tr><td>Zambia</td><td headers=a>Zimbabwe</td></tr></table>"
    )
    assert headers_of(page, table, "Zimbabwe") == ["Land"]
    assert not has_assigned_cells(page, table, cell(table, "Met een Z"))


def test_a_th_amid_data_heads_nothing_without_scope() -> None:
    page, table = model_of(
        "<table><tr><td>Naam</td><th>Leeftijd</th></tr><tr><td>Jan</td><td>40</td></tr></table>"
    )
    assert not has_assigned_cells(page, table, cell(table, "Leeftijd"))
    page, table = model_of(
        "<table><tr><td>Naam</td><th scope=col>Leeftijd</th></tr>"
        "<tr><td>Jan</td><td>40</td></tr></table>"
    )
    assert has_assigned_cells(page, table, cell(table, "Leeftijd"))


def test_row_group_headers() -> None:
    page, table = model_of(
        "<table><tbody><tr><th scope=rowgroup>Onderzoek</th><td>1.109</td></tr>"
        "<tr><th scope=row>Percentage</th><td>3,4%</td></tr></tbody></table>"
    )
    assert "Onderzoek" in headers_of(page, table, "3,4%")


def test_a_rowspan_ends_with_its_row_group_as_in_browsers() -> None:
    _page, table = model_of(
        "<table><tbody><tr><td rowspan=65534 colspan=1000>Groot</td></tr></tbody>"
        "<tr><td>Na</td></tr></table>"
    )
    assert cell(table, "Groot").height == 1
    assert cell(table, "Na").y == 1
    assert len(table.slots) == 1001


def test_a_table_too_large_to_model_is_marked_incomplete() -> None:
    rows = "".join(f"<tr><td colspan=1000>{i}</td></tr>" for i in range(600))
    _page, table = model_of(f"<table>{rows}</table>")
    assert not table.complete
    assert len(table.slots) <= 500_000


PLAIN_TABLES = [
    # a header row, a header column and a blank corner
    "<table><tr><td></td><th>2023</th><th>2024</th></tr>"
    "<tr><th>Inwoners</th><td>36.000</td><td>36.400</td></tr></table>",
    # tfoot written first comes last; a short row; a header naming another header
    "<table><tfoot><tr><th>Totaal</th><td>9</td></tr></tfoot>"
    "<thead><tr><th>Wijk</th><th>Aantal</th></tr></thead>"
    "<tbody><tr><td>Noord</td></tr><tr><td>Zuid</td><td headers=x>4</td></tr></tbody></table>",
    # a th amid data heads nothing; scope col makes it head its column
    "<table><tr><td>Naam</td><th>Leeftijd</th><th scope=col>Plaats</th></tr>"
    "<tr><td>Jan</td><td>40</td><td>Ede</td></tr></table>",
    # a header whose only neighbour names other headers; row and rowgroup scopes
    "<table><tr><th id=a>Land</th><th>Met een Z</th></tr>"
    "<tr><td headers=a>Zambia</td><td headers=a>Zimbabwe</td></tr>"
    "<tr><th scope=row>Rij</th><td>1</td></tr><tr><th scope=rowgroup>Groep</th></tr></table>",
    # headers only, and a last row of headers
    "<table><tr><th>Let op</th></tr><tr><th>Tweede</th><th>Derde</th></tr></table>",
]


@pytest.mark.parametrize("body", PLAIN_TABLES)
def test_the_plain_grid_places_cells_as_the_model_and_its_proof_never_errs(body: str) -> None:
    page, table = model_of(body)
    grid = plain_grid(page, page.by_tag("table")[0])
    assert grid is not None
    assert {c.element for c in table.headers} == set(grid.headers)
    for header in table.headers:
        assert grid.headers[header.element] == (header.x, header.y)
        if heads_a_neighbour(grid, header.element):
            assert has_assigned_cells(page, table, header)


def test_a_table_with_a_span_has_no_plain_grid() -> None:
    page, _table = model_of("<table><tr><th colspan=2>Kop</th></tr><tr><td>a</td><td>b</td></tr>")
    assert plain_grid(page, page.by_tag("table")[0]) is None
