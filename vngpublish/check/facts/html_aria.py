"""ARIA in HTML: which `aria-*` attributes authors may use on each HTML element.

Read from `facts/data/html-aria.json`, which `scripts/aria-tables` takes from the ARIA in HTML
editor's draft (the file names the commit read). For an element, the first row whose elements
include its tag and whose condition holds applies (`html_conditions.holds`); elements the
specification does not list (SVG content, unknown tags) have no row.

A row says whether global `aria-*` attributes are allowed, whose role's supported attributes
are allowed besides (the element's own role, or a named one: `audio` may use those of
`application`), attributes allowed by name, and attributes authors MUST NOT or SHOULD NOT use
there (`aria-checked` on a native checkbox, `aria-hidden="true"` on `body`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from vngpublish.check.facts.aria_tables import ALL_GLOBAL_ATTRIBUTES, SUPPORTED_IN_EITHER
from vngpublish.check.facts.fact import element_fact
from vngpublish.check.facts.html_conditions import holds, is_custom_element
from vngpublish.check.facts.roles import role

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@dataclass(frozen=True, slots=True)
class Row:
    """One row (and case) of ARIA in HTML's table of elements."""

    id: str
    condition: dict[str, Any] | None
    global_aria: bool
    role_aria: str | tuple[str, ...] | None
    """"allowed" (the element's role), the roles whose attributes are allowed, or None."""
    extra_aria: frozenset[str]
    must_not: dict[str, str | None]
    """Attribute -> the value authors MUST NOT use (None: any value)."""
    should_not: dict[str, str | None]


def _read() -> tuple[dict[str, Any], dict[str, list[Row]]]:
    text = resources.files("vngpublish.check.facts").joinpath("data/html-aria.json")
    data: dict[str, Any] = json.loads(text.read_text("utf-8"))
    rows: dict[str, list[Row]] = {}
    for entry in data["entries"]:
        role_aria = entry["role_aria"]
        row = Row(
            id=entry["id"],
            condition=entry["when"],
            global_aria=entry["global_aria"],
            role_aria=tuple(role_aria) if isinstance(role_aria, list) else role_aria,
            extra_aria=frozenset(entry["extra_aria"]),
            must_not=dict(entry["must_not_aria"]),
            should_not=dict(entry["should_not_aria"]),
        )
        for tag in entry["elements"]:
            rows.setdefault(tag, []).append(row)
    return data, rows


_DATA, _ROWS = _read()

MAY_BE_FORBIDDEN: frozenset[str] = frozenset(
    name for rows in _ROWS.values() for row in rows for name in (*row.must_not, *row.should_not)
)
"""The attributes that ARIA in HTML says authors must not or should not use on some element."""

VERSION: str = (
    f"{_DATA['spec']['title']} ({_DATA['spec']['version']}, commit "
    f"{_DATA['source']['commit'][:12]} of {_DATA['source']['commit_date'][:10]})"
)
"""What the table was read from, for people."""


@element_fact
def row_of(page: Page, el: Element) -> Row | None:
    """The row of ARIA in HTML that applies to `el`, or None when it lists no such element."""
    tag = el.tag
    if not isinstance(tag, str):
        return None
    candidates = _ROWS.get(tag)
    if candidates is None and is_custom_element(el):
        candidates = _ROWS.get("*")
    for row in candidates or ():
        if holds(page, el, row.condition):
            return row
    return None


def allows(page: Page, el: Element, attribute: str) -> bool:
    """True when ARIA in HTML allows `attribute` on `el` (False when it has no row for it)."""
    row = row_of(page, el)
    if row is None:
        return False
    if attribute in row.extra_aria:
        return True
    if row.global_aria and attribute in ALL_GLOBAL_ATTRIBUTES:
        return True
    if row.role_aria == "allowed":
        semantic = role(page, el)
        return semantic is not None and attribute in SUPPORTED_IN_EITHER.get(semantic, ())
    if isinstance(row.role_aria, tuple):
        return any(attribute in SUPPORTED_IN_EITHER.get(name, ()) for name in row.role_aria)
    return False


def forbidden(page: Page, el: Element) -> list[tuple[str, str, bool]]:
    """The attributes on `el` that ARIA in HTML says authors MUST NOT (True) or SHOULD NOT
    (False) use there: (attribute, its value, must)."""
    row = row_of(page, el)
    if row is None or not (row.must_not or row.should_not):
        return []
    found = []
    for rules, must in ((row.must_not, True), (row.should_not, False)):
        for name, value in rules.items():
            given = el.get(name)
            if given is None:
                continue
            if value is None or given.strip().lower() == value:
                found.append((name, given, must))
    return found
