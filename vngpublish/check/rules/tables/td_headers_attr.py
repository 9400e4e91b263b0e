"""td-headers-attr."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.table_model import table_model
from vngpublish.check.facts.tables import shown_tables
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class TdHeadersAttr(Rule):
    """Applies to every `headers` attribute on a cell (`td` or `th`) of a table that is in
    the accessibility tree and presented as a table (role table, grid or treegrid,
    not a layout table).

    Passes when every id it lists is the id of a cell of the same table, other than the cell
    itself. Fails when an id names no element, an element that is not a cell of this table
    (a cell of another table, a heading above the table), or the cell itself: browsers ignore
    such references, so the cell loses the headers the author meant it to have.
    """

    id = "td-headers-attr"
    title = N_("headers attributes point to cells of the same table")
    level = "A"
    wcag = ("1.3.1",)
    act = ("a25f45",)
    axe = ("td-headers-attr",)
    tags = ("tables",)
    why = N_(
        "Screen readers read a cell's headers from its headers attribute; an id that is not a "
        "header cell of the same table gives the cell no header, or the wrong one."
    )
    fix = N_(
        "List in headers only the ids of header cells of the same table, or remove headers and "
        "use th with scope."
    )
    messages = {
        "no-such-id": N_(
            'headers="{headers}": no element has the id “{token}”. Use the id of a header cell '
            "of this table."
        ),
        "not-in-table": N_(
            'headers="{headers}": “{token}” is not a cell of this table. Use the id of a header '
            "cell of this table."
        ),
        "self": N_(
            'headers="{headers}" names the cell itself (“{token}”): a cell cannot be its own '
            "header."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        targets: list[Element] = []
        if not page.with_attribute("headers"):
            return targets
        for table in shown_tables(page):
            model = table_model(page, table)
            if not model.complete:
                continue  # too large to model: left alone
            targets += [
                cell.element for cell in model.cells if cell.element.get("headers") is not None
            ]
        return targets

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            headers = " ".join((el.get("headers") or "").split())
            own_id = el.get("id")
            table = el
            while table is not None and table.tag != "table":
                table = table.getparent()
            model = table_model(page, table) if table is not None else None
            for token in headers.split():
                target = page.by_id(token)
                if token == own_id:
                    yield self.fail(el, "self", headers=headers, token=token)
                elif target is None:
                    yield self.fail(el, "no-such-id", headers=headers, token=token)
                elif model is None or target not in model.by_element:
                    yield self.fail(el, "not-in-table", headers=headers, token=token)
