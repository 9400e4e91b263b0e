"""The implicit roles the checker uses (`html_roles`, `roles`) against HTML-AAM as data.

For every row of HTML-AAM's element mappings (`facts/data/html-aam.json`), an element is
built that meets the row's condition; HTML-AAM's table (read by `facts.html_aam`) must pick
that row for it, and the checker must give it the row's role, or the difference must be one of
the deliberate ones listed here with its reason.
"""

from __future__ import annotations

from typing import Any

import pytest

from vngpublish.check.facts import html_aam
from vngpublish.check.facts.roles import role
from vngpublish.check.page import Page

DELIBERATE: dict[str, tuple[str | None, str]] = {
    "el-html": (
        "document",
        "ARIA in HTML gives the root element the document role, as browsers expose it; the "
        "HTML-AAM draft now says generic.",
    ),
    "el-header": (
        "generic",
        "sectionheader is a WAI-ARIA 1.3 draft role; ARIA in HTML says generic.",
    ),
    "el-footer": (
        "generic",
        "sectionfooter is a WAI-ARIA 1.3 draft role; ARIA in HTML says generic.",
    ),
    "el-mark": (None, "mark is a WAI-ARIA 1.3 draft role; ARIA in HTML gives no role."),
    "el-dl": (
        None,
        "dl as a list awaits ARIA issue 1662 (HTML-AAM's own editorial note); ARIA in HTML "
        "gives no role, and a list of terms and definitions would break list rules.",
    ),
    "el-li": (
        "generic",
        "An li outside ul, ol, menu or a list role is generic, as ARIA in HTML says.",
    ),
    "el-th": (
        "columnheader",
        "A th is always a header: HTML's table algorithm makes a th in the auto state head "
        "the cells of its column (or row, first in a row of data cells).",
    ),
    "el-th-gridcell": ("columnheader", "As el-th: a th is always a header."),
}
"""HTML-AAM row id -> the role the checker gives instead, and why."""

TEXT_INPUTS = {
    f"el-input-{kind}": (
        "textbox",
        f"input type={kind} has no ARIA role, but browsers expose a text field that people "
        "must be able to identify: rules about form fields apply to it as to a textbox.",
    )
    for kind in ("password", "date", "datetime-local", "month", "time", "week")
}

UNREACHABLE = {
    "el-form-associated-custom-element": "Only script can tell a form-associated custom "
    "element from an autonomous one; markup always meets the autonomous row.",
}

_CONTEXT = {
    "tr": ("<table><tbody>", "</tbody></table>"),
    "tbody": ("<table>", "</table>"),
    "thead": ("<table>", "</table>"),
    "tfoot": ("<table>", "</table>"),
    "caption": ("<table>", "<tr><td>1</td></tr></table>"),
    "col": ("<table><colgroup>", "</colgroup></table>"),
    "colgroup": ("<table>", "</table>"),
    "option": ("<select>", "</select>"),
    "optgroup": ("<select>", "</select>"),
    "legend": ("<fieldset>", "</fieldset>"),
    "dt": ("<dl>", "<dd>d</dd></dl>"),
    "dd": ("<dl><dt>t</dt>", "</dl>"),
    "figcaption": ("<figure>", "</figure>"),
    "area": ('<map name="m">', "</map>"),
    "source": ("<video>", "</video>"),
    "track": ("<video>", "</video>"),
    "rt": ("<ruby>a", "</ruby>"),
    "rp": ("<ruby>a", "</ruby>"),
    "param": ("<object>", "</object>"),
}


class _Witness:
    """An element to build: its tag, attributes, content and the markup around it."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.attributes: dict[str, str] = {}
        self.inner = ""
        self.before, self.after = _CONTEXT.get(tag, ("", ""))
        self.table: tuple[str, str] | None = None

    def meet(self, condition: dict[str, Any] | None) -> None:
        if condition is None or "not" in condition:
            return  # the plain element meets the rows that say "not ..." (checked below)
        if "all" in condition:
            for part in condition["all"]:
                self.meet(part)
        elif "any" in condition:
            self.meet(condition["any"][0])
        elif "attribute" in condition:
            self._attribute(condition)
        elif "input_type" in condition:
            self.attributes["type"] = condition["input_type"][0]
        elif "ancestor" in condition or "parent" in condition:
            wanted = condition.get("ancestor") or condition["parent"]
            if wanted.get("elements"):
                tag = wanted["elements"][0]
                self.before, self.after = f"<{tag}>{self.before}", f"{self.after}</{tag}>"
            else:
                role_name = wanted["roles"][0]
                self.before = f'<div role="{role_name}">{self.before}'
                self.after += "</div>"
        elif "table_role" in condition:
            self.table = (condition["table_role"][0], self.table[1] if self.table else "auto")
        elif "header_kind" in condition:
            self.table = (self.table[0] if self.table else "table", condition["header_kind"])
        elif "has_accessible_name" in condition:
            if condition["has_accessible_name"]:
                self.attributes["aria-label"] = "Naam"
        elif "has_descendant" in condition:
            self.inner += f"<{condition['has_descendant']}>x</{condition['has_descendant']}>"
        elif "summary_for_parent_details" in condition:
            if condition["summary_for_parent_details"]:
                self.before, self.after = "<details>", "<p>inhoud</p></details>"
        elif "custom_element" in condition:
            self.tag = "vng-kaart"
        else:
            raise AssertionError(f"no witness for {condition}")

    def _attribute(self, condition: dict[str, Any]) -> None:
        name = condition["attribute"]
        if condition.get("present") is False:
            return
        if "equals" in condition:
            self.attributes[name] = condition["equals"]
        elif condition.get("empty_after_trim"):
            self.attributes[name] = ""
        elif "integer_greater_than" in condition:
            self.attributes[name] = str(condition["integer_greater_than"] + 1)
        else:
            self.attributes[name] = "/pagina" if name == "href" else "x"

    def html(self) -> str:
        attributes = "".join(f' {k}="{v}"' for k, v in self.attributes.items())
        element = f'<{self.tag} id="x"{attributes}>{self.inner}</{self.tag}>'
        if self.tag in ("td", "th"):
            table_role, kind = self.table or ("table", "auto")
            scope = {"column": ' scope="col"', "row": ' scope="row"'}.get(kind, "")
            element = element.replace(' id="x"', f' id="x"{scope}', 1)
            return f'<table role="{table_role}"><tbody><tr><td>a</td>{element}</tr></tbody></table>'
        return f"{self.before}{element}{self.after}"


def _page(mapping: html_aam.Mapping, tag: str) -> Page:
    if tag in ("html", "head", "body"):
        attributes = ' id="x"'
        page = {
            "html": f"<!doctype html><html lang=nl{attributes}><body><p>t</p></body></html>",
            "head": f"<!doctype html><html lang=nl><head{attributes}></head><body></body></html>",
            "body": f"<!doctype html><html lang=nl><body{attributes}><p>t</p></body></html>",
        }[tag]
        return Page(page)
    witness = _Witness(tag)
    witness.meet(mapping.condition)
    return Page(f"<!doctype html><html lang=nl><body>{witness.html()}</body></html>")


_SYNONYMS = {"image": "img", "none": "presentation"}

CASES = [
    pytest.param(mapping, tag, id=f"{mapping.id}-{tag}")
    for mapping in html_aam.MAPPINGS
    if mapping.id not in UNREACHABLE
    for tag in mapping.elements
]


@pytest.mark.parametrize(("mapping", "tag"), CASES)
def test_implicit_role_matches_html_aam(mapping: html_aam.Mapping, tag: str) -> None:
    page = _page(mapping, tag)
    el = page.by_id("x")
    if el is None:
        pytest.skip(f"the parser keeps no <{tag}> where the witness puts it")
    assert html_aam.mapping_of(page, el) == mapping, "the witness meets another row"
    theirs = _SYNONYMS.get(mapping.roles[0], mapping.roles[0]) if mapping.roles else None
    ours = role(page, el)
    ours = _SYNONYMS.get(ours, ours) if ours else None
    deliberate = {**DELIBERATE, **TEXT_INPUTS}.get(mapping.id)
    if deliberate is not None:
        assert ours == deliberate[0], f"{mapping.id}: documented as {deliberate[0]}"
        assert ours != theirs, f"{mapping.id} no longer differs: remove it from DELIBERATE"
    else:
        assert ours == theirs
