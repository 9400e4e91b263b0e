"""Tables used for layout, as e-mail HTML builds pages with them.

A table's own parts are those that belong to it, not to a table nested in one of its cells.
`data_markup` gives each table its own parts that only a data table needs: header cells
(`th`), a `caption`, a `thead` or `tfoot`, and cells with `scope` or `headers`; a table
`has_data_markup` when it has any. `is_presentational` is True for `role="presentation"` or
`role="none"`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import page_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

DATA_TAGS = ("th", "caption", "thead", "tfoot")


@page_fact
def data_markup(page: Page) -> dict[Element, list[Element]]:
    """Each table that has parts only a data table needs -> those parts of its own (`th`,
    `caption`, `thead`, `tfoot`, and `td` with `scope` or `headers`), tag by tag.

    Found from the page's indexes, each part's nearest `table` ancestor being the table it
    belongs to: no walk through the content of every layout table of an e-mail."""
    found: dict[Element, list[Element]] = {}
    parts = [el for tag in DATA_TAGS for el in page.by_tag(tag)]
    parts += [el for el in page.with_attribute("scope") if el.tag == "td"]
    parts += [
        el
        for el in page.with_attribute("headers")
        if el.tag == "td" and el.get("headers") and el.get("scope") is None
    ]
    for part in parts:
        table = next(part.iterancestors("table"), None)
        if table is not None:
            found.setdefault(table, []).append(part)
    return found


def has_data_markup(page: Page, table: Element) -> bool:
    """True when `table` itself has header cells, a caption, a head or foot of rows, or cells
    with `scope` or `headers`."""
    return table in data_markup(page)


def is_presentational(table: Element) -> bool:
    """True for a table with `role="presentation"` or `role="none"` first in its role list."""
    roles = (table.get("role") or "").strip().lower().split()
    return bool(roles) and roles[0] in ("presentation", "none")
