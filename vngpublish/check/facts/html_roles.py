"""The role of an element as its markup gives it: an explicit `role`, else the implicit role
HTML-AAM and ARIA in HTML give its tag and attributes.

- The implicit role of an `img` with `alt=""` is "presentation" (as ARIA in HTML names it); an
  explicit `role="none"` stays "none". Use `is_presentational()` to test for either.
- Elements that HTML-AAM maps to `generic` (`div`, `span`, `b`, ...) get "generic"; elements
  with no corresponding role (`label`, `dl`, `abbr`, ...) get None.
- `input` types with no ARIA role that browsers expose as text fields (`password`, `date`,
  `time`, ...) get "textbox", so that rules about form fields apply to them.
- Autonomous custom elements (`<vng-kaart>`) get "generic", as HTML-AAM maps them; script may
  give them another role (`ElementInternals`), which `facts.tree.role_known` owns up to.

`tests/check/test_html_aam.py` compares these roles with HTML-AAM's table as data
(`facts/data/html-aam.json`) and lists each deliberate difference with its reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vngpublish.check.facts.aria_tables import (
    PRESENTATIONAL_ROLES,
    ROLES,
    has_global_aria_attribute,
    is_presentational,
)
from vngpublish.check.facts.content_model import is_custom_element_name
from vngpublish.check.facts.fact import element_fact
from vngpublish.check.facts.focus import is_focusable
from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


def explicit_role(el: Element) -> str | None:
    """The first valid, non-abstract token of the `role` attribute (lower-cased), if any."""
    value: str = el.get("role") or ""
    for token in value.split():
        lowered = token.lower()
        if lowered in ROLES:
            return lowered
    return None


@element_fact
def markup_role(page: Page, el: Element) -> str | None:
    """The element's role as far as markup alone decides it: the first valid token of `role`,
    else its implicit role (HTML-AAM); for `section` and `aside`, whose implicit role depends
    on their accessible name, the explicit role or "generic".

    The accessible name computation asks this (the role of `section` and `aside` takes no part
    in it); everything else asks `vngpublish.check.facts.roles.role`, which completes it.

    A `none`/`presentation` role (explicit or inherited from a table or list) gives way to the
    implicit role when the element is focusable or has a global ARIA attribute (WAI-ARIA 1.2
    §9.3, presentational roles conflict resolution).
    """
    tag = el.tag
    plain = _PLAIN_IMPLICIT.get(tag)
    if plain is not None and el.get("role") is None:
        return plain  # most elements: no role attribute, an implicit role by tag alone
    if tag == "a" and el.get("role") is None:
        return _implicit_role(page, el)  # a link or generic, never presentational
    if not isinstance(tag, str):
        return None
    explicit = explicit_role(el)
    if tag in NAMED_BY_AUTHOR:
        return explicit or "generic"
    if explicit is not None and not is_presentational(explicit):
        return explicit
    if explicit is not None and not conflicts_with_presentation(el):
        return explicit
    implicit = _implicit_role(page, el)
    if explicit is None and is_presentational(implicit) and conflicts_with_presentation(el):
        # An inherited or native presentation (img alt="", a cell of a layout table) that the
        # author overrode by making the element focusable or giving it ARIA attributes.
        return _implicit_role(page, el, presentation_allowed=False)
    return implicit


NAMED_BY_AUTHOR = frozenset({"section", "aside"})
"""Elements whose implicit role depends on whether the author gave them a name."""


def conflicts_with_presentation(el: Element) -> bool:
    """True when a presentational role on the element would be ignored: it can take focus or
    has a global ARIA attribute (WAI-ARIA 1.2 §9.3)."""
    return is_focusable(el) or has_global_aria_attribute(el)


_SIMPLE_IMPLICIT: dict[str, str] = {
    "address": "group",
    "article": "article",
    "b": "generic",
    "bdi": "generic",
    "bdo": "generic",
    "blockquote": "blockquote",
    "body": "generic",
    "button": "button",
    "caption": "caption",
    "code": "code",
    "data": "generic",
    "datalist": "listbox",
    "dd": "definition",
    "del": "deletion",
    "details": "group",
    "dfn": "term",
    "dialog": "dialog",
    "dir": "list",
    "div": "generic",
    "dt": "term",
    "em": "emphasis",
    "fieldset": "group",
    "figcaption": "caption",
    "figure": "figure",
    "form": "form",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "hgroup": "group",
    "hr": "separator",
    "html": "document",
    "i": "generic",
    "ins": "insertion",
    "main": "main",
    "math": "math",
    "menu": "list",
    "meter": "meter",
    "nav": "navigation",
    "ol": "list",
    "optgroup": "group",
    "option": "option",
    "output": "status",
    "p": "paragraph",
    "pre": "generic",
    "progress": "progressbar",
    "q": "generic",
    "s": "deletion",
    "samp": "generic",
    "search": "search",
    "small": "generic",
    "span": "generic",
    "strong": "strong",
    "sub": "subscript",
    "sup": "superscript",
    "svg": "graphics-document",
    "table": "table",
    "tbody": "rowgroup",
    "textarea": "textbox",
    "tfoot": "rowgroup",
    "thead": "rowgroup",
    "time": "time",
    "tr": "row",
    "u": "generic",
    "ul": "list",
}

# The implicit roles that depend on nothing but the tag (`_implicit_role` decides the tags it
# handles itself before looking in `_SIMPLE_IMPLICIT`), none of them presentational.
_PLAIN_IMPLICIT: dict[Any, str] = {
    tag: role
    for tag, role in _SIMPLE_IMPLICIT.items()
    if tag not in ("tbody", "thead", "tfoot", "tr") and role not in PRESENTATIONAL_ROLES
}

_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
_SECTIONING_ROLES = frozenset({"article", "complementary", "main", "navigation", "region"})
# An aside is scoped by sectioning content only; `main` does not make it generic (HTML-AAM).
_ASIDE_SCOPES = _SECTIONING - {"main"}
_ASIDE_SCOPE_ROLES = _SECTIONING_ROLES - {"main"}
_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})
_TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
_TEXT_INPUTS = frozenset({"text", "email", "tel", "url"})
# ARIA in HTML gives these no role, but browsers expose them as text fields (a password field,
# a date field with its parts) that people must be able to identify: treated as textbox.
_TEXT_LIKE_INPUTS = frozenset({"password", "date", "datetime-local", "month", "time", "week"})
_INPUT_TYPES = frozenset(
    {
        "button",
        "checkbox",
        "color",
        "date",
        "datetime-local",
        "email",
        "file",
        "hidden",
        "image",
        "month",
        "number",
        "password",
        "radio",
        "range",
        "reset",
        "search",
        "submit",
        "tel",
        "text",
        "time",
        "url",
        "week",
    }
)


def input_type(el: Element) -> str:
    """The state of an `input` element's `type` attribute ("text" when missing or unknown)."""
    value = (el.get("type") or "text").strip().lower()
    return value if value in _INPUT_TYPES else "text"


def implicit_role(page: Page, el: Element) -> str | None:
    """The role HTML-AAM gives the element by its tag and attributes, as if it had no `role`
    attribute (for `section` and `aside`, whose role depends on their name, see
    `roles.implicit_role`)."""
    return _implicit_role(page, el)


def _implicit_role(page: Page, el: Element, presentation_allowed: bool = True) -> str | None:
    tag = el.tag
    if tag in ("a", "area"):
        # SVG links may still use the old xlink:href.
        has_href = el.get("href") is not None or el.get("xlink:href") is not None
        return "link" if has_href else "generic"
    if tag == "img":
        alt = el.get("alt")
        if alt == "" and presentation_allowed:
            return "presentation"
        return "img"
    if tag == "input":
        return _input_role(el)
    if tag == "select":
        size = ascii_integer((el.get("size") or "").strip())
        if el.get("multiple") is not None or (size is not None and size > 1):
            return "listbox"
        return "combobox"
    if tag in ("header", "footer"):
        if in_sectioning(el):
            return "generic"
        return "banner" if tag == "header" else "contentinfo"
    if tag == "li":
        parent = el.getparent()
        if parent is not None and (
            parent.tag in ("ul", "ol", "menu") or markup_role(page, parent) == "list"
        ):
            if presentation_allowed and is_presentational(markup_role(page, parent)):
                return "presentation"
            return "listitem"
        return "generic"
    if tag in _TABLE_PARTS:
        table = _owning_table(el)
        table_role = markup_role(page, table) if table is not None else None
        if presentation_allowed and is_presentational(table_role):
            return "presentation"
        if tag in ("td", "th"):
            # Cells of a table given another role (a list, a region) are no cells at all.
            if table is not None and table_role not in _TABLE_ROLES:
                return None
            return _cell_role(el, table_role)
    if tag == "summary":
        parent = el.getparent()
        first = parent is not None and parent.tag == "details"
        if first and next((c for c in parent if c.tag == "summary"), None) is el:
            return None  # the details' disclosure control: no ARIA role
        return "generic"
    if is_custom_element_name(tag):
        return "generic"
    return _SIMPLE_IMPLICIT.get(tag)


def _input_role(el: Element) -> str | None:
    kind = input_type(el)
    has_list = el.get("list") is not None
    if kind in _TEXT_INPUTS:
        return "combobox" if has_list else "textbox"
    if kind == "search":
        return "combobox" if has_list else "searchbox"
    if kind in ("button", "image", "reset", "submit"):
        return "button"
    if kind in _TEXT_LIKE_INPUTS:
        return "textbox"
    return {
        "checkbox": "checkbox",
        "radio": "radio",
        "range": "slider",
        "number": "spinbutton",
    }.get(kind)


def in_sectioning(el: Element, *, main: bool = True) -> bool:
    """Inside sectioning content or (unless `main` is False) `main`, by tag or by an explicit
    role of that kind."""
    tags = _SECTIONING if main else _ASIDE_SCOPES
    roles = _SECTIONING_ROLES if main else _ASIDE_SCOPE_ROLES
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag in tags or explicit_role(ancestor) in roles:
            return True
        ancestor = ancestor.getparent()
    return False


def _owning_table(el: Element) -> Element | None:
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "table":
            return ancestor
        ancestor = ancestor.getparent()
    return None


def _cell_role(el: Element, table_role: str | None) -> str:
    in_grid = table_role in ("grid", "treegrid")
    if el.tag == "td":
        return "gridcell" if in_grid else "cell"
    scope = (el.get("scope") or "").strip().lower()
    if scope in ("row", "rowgroup"):
        return "rowheader"
    if scope in ("col", "colgroup"):
        return "columnheader"
    row = el.getparent()
    if row is not None and row.getparent() is not None and row.getparent().tag == "thead":
        return "columnheader"
    if row is not None:
        cells = [c for c in row if c.tag in ("td", "th")]
        # A header cell leading a row of data cells heads that row; otherwise it heads its
        # column (the common case of a first row of `th`).
        if cells and cells[0] is el and any(c.tag == "td" for c in cells):
            return "rowheader"
    return "columnheader"
