"""Tables used for layout, as e-mail HTML builds pages with them.

`own_parts(table, tags)` are the elements with one of `tags` that belong to `table` itself, not
to a table nested in one of its cells. A table `has_data_markup` when it has what only a data
table needs: header cells (`th`), a `caption`, a `thead` or `tfoot`, or cells with `scope` or
`headers`. `is_presentational` is True for `role="presentation"` or `role="none"`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import element_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

DATA_TAGS = ("th", "caption", "thead", "tfoot")


def own_parts(table: Element, tags: tuple[str, ...]) -> list[Element]:
    """The elements with one of `tags` inside `table` that are not inside a nested table."""
    found: list[Element] = []
    stack = [child for child in table if isinstance(child.tag, str)]
    while stack:
        node = stack.pop()
        if node.tag == "table":
            continue
        if node.tag in tags:
            found.append(node)
        stack.extend(child for child in node if isinstance(child.tag, str))
    return found


@element_fact
def has_data_markup(page: Page, table: Element) -> bool:
    """True when `table` itself has header cells, a caption, a head or foot of rows, or cells
    with `scope` or `headers`."""
    if own_parts(table, DATA_TAGS):
        return True
    cells = own_parts(table, ("td",))
    return any(cell.get("scope") is not None or cell.get("headers") for cell in cells)


def is_presentational(table: Element) -> bool:
    """True for a table with `role="presentation"` or `role="none"` first in its role list."""
    roles = (table.get("role") or "").strip().lower().split()
    return bool(roles) and roles[0] in ("presentation", "none")
