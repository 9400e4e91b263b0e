"""HTML-AAM's element role mappings as data: the implicit role of each HTML element.

Read from `facts/data/html-aam.json`, which `scripts/aria-tables` takes from the HTML-AAM
editor's draft (the file names the commit read). The roles rules use come from
`html_roles.markup_role`, written out for speed; `tests/check/test_html_aam.py` compares the
two and lists every deliberate difference. For an element, the first mapping whose elements
include its tag and whose condition holds applies; its roles are synonyms, the first
preferred (`image`, `img`), and `()` means "no corresponding role".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from vngpublish.check.facts.html_conditions import holds, is_custom_element

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@dataclass(frozen=True, slots=True)
class Mapping:
    """One row (and case) of HTML-AAM's element mappings."""

    id: str
    elements: tuple[str, ...]
    condition: dict[str, Any] | None
    roles: tuple[str, ...]


def _read() -> tuple[dict[str, Any], list[Mapping]]:
    text = resources.files("vngpublish.check.facts").joinpath("data/html-aam.json")
    data: dict[str, Any] = json.loads(text.read_text("utf-8"))
    mappings = [
        Mapping(m["id"], tuple(m["elements"]), m["when"], tuple(m["roles"]))
        for m in data["mappings"]
    ]
    return data, mappings


_DATA, MAPPINGS = _read()

VERSION: str = (
    f"{_DATA['spec']['title']} ({_DATA['spec']['version']}, commit "
    f"{_DATA['source']['commit'][:12]} of {_DATA['source']['commit_date'][:10]})"
)
"""What the table was read from, for people."""

ELEMENTS: frozenset[str] = frozenset(tag for m in MAPPINGS for tag in m.elements if tag != "*")
"""Every element HTML-AAM maps."""


def mapping_of(page: Page, el: Element) -> Mapping | None:
    """The mapping that applies to `el`, or None when HTML-AAM has none for it."""
    tag = el.tag
    custom = isinstance(tag, str) and is_custom_element(el)
    for mapping in MAPPINGS:
        if (tag in mapping.elements or (custom and "*" in mapping.elements)) and holds(
            page, el, mapping.condition
        ):
            return mapping
    return None
