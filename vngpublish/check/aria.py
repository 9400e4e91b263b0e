"""WAI-ARIA 1.2 tables and the role of an element (explicit with fallback, else implicit).

The tables are written from WAI-ARIA 1.2 (roles, superclasses, states and properties), the
Digital Publishing WAI-ARIA Module 1.1 (`doc-*` roles) and the Graphics ARIA module
(`graphics-*` roles). Implicit roles follow HTML-AAM / ARIA in HTML.

Conventions:

- `ROLES` holds every valid, non-abstract role token; `ABSTRACT_ROLES` the abstract ones, which
  authors must not use in `role`.
- `SUPPORTED[role]` is every state and property the role supports, inherited and global ones
  included; `REQUIRED[role]` the ones authors must set (before implicit values are considered).
- `ATTRIBUTES[name]` is the value type of each `aria-*` attribute.
- The implicit role of an `img` with `alt=""` is "presentation" (as ARIA in HTML names it); an
  explicit `role="none"` stays "none". Use `is_presentational()` to test for either.
- Elements that HTML-AAM maps to `generic` (`div`, `span`, `b`, ...) get "generic"; elements
  with no corresponding role (`label`, `dl`, `abbr`, ...) get None.
- `input` types with no ARIA role that browsers expose as text fields (`password`, `date`,
  `time`, ...) get "textbox", so that rules about form fields apply to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vngpublish.check.numbers import ascii_integer

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


# ------------------------------------------------------------------- attributes
@dataclass(frozen=True, slots=True)
class ValueType:
    """The value type of an ARIA attribute.

    `kind` is one of "true/false", "true/false/undefined", "tristate", "idref", "idrefs",
    "integer", "number", "token", "token list", "string". `tokens` lists the allowed values of
    a token or token list (empty otherwise).
    """

    kind: str
    tokens: frozenset[str] = frozenset()


def _tokens(*values: str) -> ValueType:
    return ValueType("token", frozenset(values))


def _token_list(*values: str) -> ValueType:
    return ValueType("token list", frozenset(values))


TRUE_FALSE = ValueType("true/false")
TRUE_FALSE_UNDEFINED = ValueType("true/false/undefined")
TRISTATE = ValueType("tristate")
IDREF = ValueType("idref")
IDREFS = ValueType("idrefs")
INTEGER = ValueType("integer")
NUMBER = ValueType("number")
STRING = ValueType("string")

ATTRIBUTES: dict[str, ValueType] = {
    "aria-activedescendant": IDREF,
    "aria-atomic": TRUE_FALSE,
    "aria-autocomplete": _tokens("inline", "list", "both", "none"),
    "aria-busy": TRUE_FALSE,
    "aria-checked": TRISTATE,
    "aria-colcount": INTEGER,
    "aria-colindex": INTEGER,
    "aria-colspan": INTEGER,
    "aria-controls": IDREFS,
    "aria-current": _tokens("page", "step", "location", "date", "time", "true", "false"),
    "aria-describedby": IDREFS,
    "aria-details": IDREF,
    "aria-disabled": TRUE_FALSE,
    "aria-dropeffect": _token_list("copy", "execute", "link", "move", "none", "popup"),
    "aria-errormessage": IDREF,
    "aria-expanded": TRUE_FALSE_UNDEFINED,
    "aria-flowto": IDREFS,
    "aria-grabbed": TRUE_FALSE_UNDEFINED,
    "aria-haspopup": _tokens("false", "true", "menu", "listbox", "tree", "grid", "dialog"),
    "aria-hidden": TRUE_FALSE_UNDEFINED,
    "aria-invalid": _tokens("grammar", "false", "spelling", "true"),
    "aria-keyshortcuts": STRING,
    "aria-label": STRING,
    "aria-labelledby": IDREFS,
    "aria-level": INTEGER,
    "aria-live": _tokens("assertive", "off", "polite"),
    "aria-modal": TRUE_FALSE,
    "aria-multiline": TRUE_FALSE,
    "aria-multiselectable": TRUE_FALSE,
    "aria-orientation": _tokens("horizontal", "undefined", "vertical"),
    "aria-owns": IDREFS,
    "aria-placeholder": STRING,
    "aria-posinset": INTEGER,
    "aria-pressed": TRISTATE,
    "aria-readonly": TRUE_FALSE,
    "aria-relevant": _token_list("additions", "all", "removals", "text"),
    "aria-required": TRUE_FALSE,
    "aria-roledescription": STRING,
    "aria-rowcount": INTEGER,
    "aria-rowindex": INTEGER,
    "aria-rowspan": INTEGER,
    "aria-selected": TRUE_FALSE_UNDEFINED,
    "aria-setsize": INTEGER,
    "aria-sort": _tokens("ascending", "descending", "none", "other"),
    "aria-valuemax": NUMBER,
    "aria-valuemin": NUMBER,
    "aria-valuenow": NUMBER,
    "aria-valuetext": STRING,
}
"""Every state and property of WAI-ARIA 1.2 with its value type."""

ARIA_1_3_ATTRIBUTES: dict[str, ValueType] = {
    "aria-braillelabel": STRING,
    "aria-brailleroledescription": STRING,
    "aria-description": STRING,
}
"""Attributes from the WAI-ARIA 1.3 draft that browsers already support (not in `ATTRIBUTES`)."""

GLOBAL_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "aria-atomic",
        "aria-busy",
        "aria-controls",
        "aria-current",
        "aria-describedby",
        "aria-details",
        "aria-disabled",
        "aria-dropeffect",
        "aria-errormessage",
        "aria-flowto",
        "aria-grabbed",
        "aria-haspopup",
        "aria-hidden",
        "aria-invalid",
        "aria-keyshortcuts",
        "aria-label",
        "aria-labelledby",
        "aria-live",
        "aria-owns",
        "aria-relevant",
        "aria-roledescription",
    }
)
"""States and properties every role supports (WAI-ARIA 1.2 §6.4).

aria-disabled, aria-errormessage, aria-haspopup and aria-invalid are deprecated as global in
1.2 but still global; aria-dropeffect and aria-grabbed are deprecated but still global.
"""

DEPRECATED_GLOBAL_ATTRIBUTES: frozenset[str] = frozenset(
    {
        "aria-disabled",
        "aria-dropeffect",
        "aria-errormessage",
        "aria-grabbed",
        "aria-haspopup",
        "aria-invalid",
    }
)
"""Global attributes WAI-ARIA 1.2 deprecates on roles that do not list them themselves."""


# ------------------------------------------------------------------------ roles
ABSTRACT_ROLES: frozenset[str] = frozenset(
    {
        "command",
        "composite",
        "input",
        "landmark",
        "range",
        "roletype",
        "section",
        "sectionhead",
        "select",
        "structure",
        "widget",
        "window",
    }
)
"""Abstract roles: part of the taxonomy, never valid in a `role` attribute."""

# Superclasses of every role (WAI-ARIA 1.2 "Superclass Role"; doc-* and graphics-* from
# their modules). Used to inherit supported states and properties.
SUPERCLASSES: dict[str, tuple[str, ...]] = {
    # abstract
    "roletype": (),
    "structure": ("roletype",),
    "widget": ("roletype",),
    "window": ("roletype",),
    "command": ("widget",),
    "composite": ("widget",),
    "input": ("widget",),
    "range": ("structure",),
    "section": ("structure",),
    "sectionhead": ("structure",),
    "landmark": ("section",),
    "select": ("composite", "group"),
    # concrete
    "alert": ("section",),
    "alertdialog": ("alert", "dialog"),
    "application": ("structure",),
    "article": ("document",),
    "banner": ("landmark",),
    "blockquote": ("section",),
    "button": ("command",),
    "caption": ("section",),
    "cell": ("section",),
    "checkbox": ("input",),
    "code": ("section",),
    "columnheader": ("cell", "gridcell", "sectionhead"),
    "combobox": ("input",),
    "complementary": ("landmark",),
    "contentinfo": ("landmark",),
    "definition": ("section",),
    "deletion": ("section",),
    "dialog": ("window",),
    "directory": ("list",),
    "document": ("structure",),
    "emphasis": ("section",),
    "feed": ("list",),
    "figure": ("section",),
    "form": ("landmark",),
    "generic": ("structure",),
    "grid": ("composite", "table"),
    "gridcell": ("cell", "widget"),
    "group": ("section",),
    "heading": ("sectionhead",),
    "img": ("section",),
    "insertion": ("section",),
    "link": ("command",),
    "list": ("section",),
    "listbox": ("select",),
    "listitem": ("section",),
    "log": ("section",),
    "main": ("landmark",),
    "marquee": ("section",),
    "math": ("section",),
    "menu": ("select",),
    "menubar": ("menu",),
    "menuitem": ("command",),
    "menuitemcheckbox": ("menuitem",),
    "menuitemradio": ("menuitemcheckbox",),
    "meter": ("range",),
    "navigation": ("landmark",),
    "none": ("structure",),
    "note": ("section",),
    "option": ("input",),
    "paragraph": ("section",),
    "presentation": ("structure",),
    "progressbar": ("range", "widget"),
    "radio": ("input",),
    "radiogroup": ("group",),
    "region": ("landmark",),
    "row": ("group", "widget"),
    "rowgroup": ("structure",),
    "rowheader": ("cell", "gridcell", "sectionhead"),
    "scrollbar": ("range", "widget"),
    "search": ("landmark",),
    "searchbox": ("textbox",),
    "separator": ("structure", "widget"),
    "slider": ("input", "range"),
    "spinbutton": ("composite", "input", "range"),
    "status": ("section",),
    "strong": ("section",),
    "subscript": ("section",),
    "superscript": ("section",),
    "switch": ("checkbox",),
    "tab": ("sectionhead", "widget"),
    "table": ("section",),
    "tablist": ("composite",),
    "tabpanel": ("section",),
    "term": ("section",),
    "textbox": ("input",),
    "time": ("section",),
    "timer": ("status",),
    "toolbar": ("group",),
    "tooltip": ("section",),
    "tree": ("select",),
    "treegrid": ("grid", "tree"),
    "treeitem": ("listitem", "option"),
    # Graphics ARIA
    "graphics-document": ("document",),
    "graphics-object": ("group",),
    "graphics-symbol": ("img",),
    # DPUB-ARIA 1.1
    "doc-abstract": ("section",),
    "doc-acknowledgments": ("landmark",),
    "doc-afterword": ("landmark",),
    "doc-appendix": ("landmark",),
    "doc-backlink": ("link",),
    "doc-biblioentry": ("listitem",),
    "doc-bibliography": ("landmark",),
    "doc-biblioref": ("link",),
    "doc-chapter": ("landmark",),
    "doc-colophon": ("section",),
    "doc-conclusion": ("landmark",),
    "doc-cover": ("img",),
    "doc-credit": ("section",),
    "doc-credits": ("landmark",),
    "doc-dedication": ("section",),
    "doc-endnote": ("listitem",),
    "doc-endnotes": ("landmark",),
    "doc-epigraph": ("section",),
    "doc-epilogue": ("landmark",),
    "doc-errata": ("landmark",),
    "doc-example": ("section",),
    "doc-footnote": ("section",),
    "doc-foreword": ("landmark",),
    "doc-glossary": ("landmark",),
    "doc-glossref": ("link",),
    "doc-index": ("navigation",),
    "doc-introduction": ("landmark",),
    "doc-noteref": ("link",),
    "doc-notice": ("note",),
    "doc-pagebreak": ("separator",),
    "doc-pagefooter": ("section",),
    "doc-pageheader": ("section",),
    "doc-pagelist": ("navigation",),
    "doc-part": ("landmark",),
    "doc-preface": ("landmark",),
    "doc-prologue": ("landmark",),
    "doc-pullquote": ("none",),
    "doc-qna": ("section",),
    "doc-subtitle": ("sectionhead",),
    "doc-tip": ("note",),
    "doc-toc": ("navigation",),
}
"""Superclass roles of every role, abstract ones included."""

ROLES: frozenset[str] = frozenset(SUPERCLASSES) - ABSTRACT_ROLES
"""Every valid, non-abstract role token (WAI-ARIA 1.2, DPUB-ARIA 1.1, Graphics ARIA)."""

DEPRECATED_ROLES: frozenset[str] = frozenset({"directory", "doc-biblioentry", "doc-endnote"})
"""Valid roles their specifications deprecate."""

LANDMARK_ROLES: frozenset[str] = frozenset(
    {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}
)
"""The WAI-ARIA landmark roles (doc-* landmarks not included)."""

# States and properties a role declares itself (not inherited, globals left out).
_OWN_SUPPORTED: dict[str, frozenset[str]] = {
    "window": frozenset({"aria-modal"}),
    "composite": frozenset({"aria-activedescendant", "aria-disabled"}),
    "input": frozenset({"aria-disabled"}),
    "range": frozenset({"aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"}),
    "select": frozenset({"aria-orientation"}),
    "application": frozenset(
        {
            "aria-activedescendant",
            "aria-disabled",
            "aria-errormessage",
            "aria-expanded",
            "aria-haspopup",
            "aria-invalid",
        }
    ),
    "article": frozenset({"aria-posinset", "aria-setsize"}),
    "button": frozenset({"aria-disabled", "aria-expanded", "aria-haspopup", "aria-pressed"}),
    "cell": frozenset({"aria-colindex", "aria-colspan", "aria-rowindex", "aria-rowspan"}),
    "checkbox": frozenset(
        {
            "aria-checked",
            "aria-errormessage",
            "aria-expanded",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
        }
    ),
    "columnheader": frozenset({"aria-sort"}),
    "combobox": frozenset(
        {
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-errormessage",
            "aria-expanded",
            "aria-haspopup",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
        }
    ),
    "grid": frozenset({"aria-multiselectable", "aria-readonly"}),
    "gridcell": frozenset(
        {
            "aria-disabled",
            "aria-errormessage",
            "aria-expanded",
            "aria-haspopup",
            "aria-invalid",
            "aria-readonly",
            "aria-required",
            "aria-selected",
        }
    ),
    "group": frozenset({"aria-activedescendant", "aria-disabled"}),
    "heading": frozenset({"aria-level"}),
    "link": frozenset({"aria-disabled", "aria-expanded", "aria-haspopup"}),
    "listbox": frozenset(
        {
            "aria-errormessage",
            "aria-expanded",
            "aria-invalid",
            "aria-multiselectable",
            "aria-readonly",
            "aria-required",
        }
    ),
    "listitem": frozenset({"aria-level", "aria-posinset", "aria-setsize"}),
    "menuitem": frozenset(
        {"aria-disabled", "aria-expanded", "aria-haspopup", "aria-posinset", "aria-setsize"}
    ),
    "menuitemcheckbox": frozenset({"aria-checked"}),
    "option": frozenset({"aria-checked", "aria-posinset", "aria-selected", "aria-setsize"}),
    "radio": frozenset({"aria-checked", "aria-posinset", "aria-setsize"}),
    "radiogroup": frozenset(
        {"aria-errormessage", "aria-invalid", "aria-readonly", "aria-required"}
    ),
    "row": frozenset(
        {
            "aria-colindex",
            "aria-expanded",
            "aria-level",
            "aria-posinset",
            "aria-rowindex",
            "aria-selected",
            "aria-setsize",
        }
    ),
    "rowheader": frozenset({"aria-sort"}),
    "scrollbar": frozenset({"aria-controls", "aria-orientation"}),
    "separator": frozenset(
        {
            "aria-disabled",
            "aria-orientation",
            "aria-valuemax",
            "aria-valuemin",
            "aria-valuenow",
            "aria-valuetext",
        }
    ),
    "slider": frozenset(
        {"aria-errormessage", "aria-haspopup", "aria-invalid", "aria-orientation", "aria-readonly"}
    ),
    "spinbutton": frozenset(
        {"aria-errormessage", "aria-invalid", "aria-readonly", "aria-required"}
    ),
    "tab": frozenset(
        {
            "aria-disabled",
            "aria-expanded",
            "aria-haspopup",
            "aria-posinset",
            "aria-selected",
            "aria-setsize",
        }
    ),
    "table": frozenset({"aria-colcount", "aria-rowcount"}),
    "tablist": frozenset({"aria-multiselectable", "aria-orientation"}),
    "textbox": frozenset(
        {
            "aria-activedescendant",
            "aria-autocomplete",
            "aria-errormessage",
            "aria-haspopup",
            "aria-invalid",
            "aria-multiline",
            "aria-placeholder",
            "aria-readonly",
            "aria-required",
        }
    ),
    "toolbar": frozenset({"aria-orientation"}),
    "tree": frozenset(
        {"aria-errormessage", "aria-invalid", "aria-multiselectable", "aria-required"}
    ),
    "treeitem": frozenset({"aria-expanded", "aria-haspopup"}),
}


def _supported(role: str) -> frozenset[str]:
    found: set[str] = set(GLOBAL_ATTRIBUTES)
    pending = [role]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        found |= _OWN_SUPPORTED.get(current, frozenset())
        pending.extend(SUPERCLASSES.get(current, ()))
    return frozenset(found)


SUPPORTED: dict[str, frozenset[str]] = {role: _supported(role) for role in SUPERCLASSES}
"""Every state and property each role supports: its own, inherited ones and the globals."""

REQUIRED: dict[str, frozenset[str]] = {
    "checkbox": frozenset({"aria-checked"}),
    "combobox": frozenset({"aria-controls", "aria-expanded"}),
    "heading": frozenset({"aria-level"}),
    "menuitemcheckbox": frozenset({"aria-checked"}),
    "menuitemradio": frozenset({"aria-checked"}),
    "meter": frozenset({"aria-valuenow"}),
    "radio": frozenset({"aria-checked"}),
    "scrollbar": frozenset({"aria-controls", "aria-valuenow"}),
    "separator": frozenset({"aria-valuenow"}),  # only when the separator is focusable
    "slider": frozenset({"aria-valuenow"}),
    "switch": frozenset({"aria-checked"}),
}
"""Required states and properties (WAI-ARIA 1.2), before implicit values from native semantics.

Notes: `separator` requires aria-valuenow only when focusable; `combobox` requires aria-controls
only when expanded (WAI-ARIA 1.2 prose); `heading` has the implicit level 2 in ARIA and the
level of `hN` in HTML.
"""

PROHIBITED_ATTRIBUTES: dict[str, frozenset[str]] = {
    role: frozenset({"aria-label", "aria-labelledby", "aria-braillelabel"})
    for role in (
        "caption",
        "code",
        "deletion",
        "emphasis",
        "generic",
        "insertion",
        "none",
        "paragraph",
        "presentation",
        "strong",
        "subscript",
        "superscript",
    )
}
"""States and properties a role prohibits: naming (aria-label, aria-labelledby in WAI-ARIA
1.2; aria-braillelabel, from the 1.3 draft, is prohibited wherever aria-label is)."""

NAME_PROHIBITED_ROLES: frozenset[str] = frozenset(PROHIBITED_ATTRIBUTES)
"""Roles that cannot be named by authors (WAI-ARIA 1.2 §5.2.8.6)."""

NAME_FROM_CONTENT_ROLES: frozenset[str] = frozenset(
    {
        "button",
        "cell",
        "checkbox",
        "columnheader",
        "gridcell",
        "heading",
        "link",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "option",
        "radio",
        "row",
        "rowheader",
        "switch",
        "tab",
        "tooltip",
        "treeitem",
        "doc-backlink",
        "doc-biblioref",
        "doc-glossref",
        "doc-noteref",
    }
)
"""Roles whose accessible name may come from their content (WAI-ARIA 1.2 §5.2.8.4)."""

NAME_REQUIRED_ROLES: frozenset[str] = frozenset(
    {
        "alertdialog",
        "application",
        "button",
        "checkbox",
        "columnheader",
        "combobox",
        "dialog",
        "doc-backlink",
        "doc-biblioref",
        "doc-glossref",
        "doc-noteref",
        "form",
        "grid",
        "gridcell",
        "heading",
        "img",
        "link",
        "listbox",
        "menu",
        "menubar",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
        "meter",
        "option",
        "progressbar",
        "radio",
        "radiogroup",
        "region",
        "rowheader",
        "scrollbar",
        "searchbox",
        "slider",
        "spinbutton",
        "switch",
        "tab",
        "table",
        "tabpanel",
        "textbox",
        "tree",
        "treegrid",
        "treeitem",
        "doc-cover",
        "graphics-document",
        "graphics-symbol",
    }
)
"""Roles for which WAI-ARIA 1.2 says "Accessible Name Required: True"."""

PRESENTATIONAL_CHILDREN_ROLES: frozenset[str] = frozenset(
    {
        "button",
        "checkbox",
        "img",
        "math",
        "menuitemcheckbox",
        "menuitemradio",
        "meter",
        "option",
        "progressbar",
        "radio",
        "scrollbar",
        "separator",
        "slider",
        "switch",
        "tab",
        "doc-cover",
        "doc-pagebreak",
        "graphics-symbol",
    }
)
"""Roles whose children are presentational (WAI-ARIA 1.2 "Children Presentational: True")."""

REQUIRED_CONTEXT: dict[str, frozenset[str]] = {
    "caption": frozenset({"figure", "grid", "table", "treegrid"}),
    "cell": frozenset({"row"}),
    "columnheader": frozenset({"row"}),
    "gridcell": frozenset({"row"}),
    "listitem": frozenset({"directory", "list"}),
    "menuitem": frozenset({"group", "menu", "menubar"}),
    "menuitemcheckbox": frozenset({"group", "menu", "menubar"}),
    "menuitemradio": frozenset({"group", "menu", "menubar"}),
    "option": frozenset({"group", "listbox"}),
    "row": frozenset({"grid", "rowgroup", "table", "treegrid"}),
    "rowgroup": frozenset({"grid", "table", "treegrid"}),
    "rowheader": frozenset({"row"}),
    "tab": frozenset({"tablist"}),
    "treeitem": frozenset({"group", "tree"}),
    "doc-biblioentry": frozenset({"list"}),
    "doc-endnote": frozenset({"list"}),
}
"""Required context roles: the role of an owning ancestor (WAI-ARIA 1.2).

For `group` contexts ARIA adds conditions (a `group` inside a `menu`, `listbox` or `tree`);
checking those is up to the rule.
"""

REQUIRED_OWNED: dict[str, tuple[str, ...]] = {
    "feed": ("article",),
    "grid": ("row", "rowgroup > row"),
    "list": ("listitem",),
    "directory": ("listitem",),
    "listbox": ("group > option", "option"),
    "menu": (
        "group > menuitem",
        "group > menuitemradio",
        "group > menuitemcheckbox",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
    ),
    "menubar": (
        "group > menuitem",
        "group > menuitemradio",
        "group > menuitemcheckbox",
        "menuitem",
        "menuitemcheckbox",
        "menuitemradio",
    ),
    "radiogroup": ("radio",),
    "row": ("cell", "columnheader", "gridcell", "rowheader"),
    "rowgroup": ("row",),
    "table": ("row", "rowgroup > row"),
    "tablist": ("tab",),
    "tree": ("group > treeitem", "treeitem"),
    "treegrid": ("row", "rowgroup > row"),
    "doc-bibliography": ("doc-biblioentry",),
    "doc-endnotes": ("doc-endnote",),
}
"""Required owned elements (WAI-ARIA 1.2). "group > option" means an owned `group` that in
turn owns `option` elements."""

PRESENTATIONAL_ROLES: frozenset[str] = frozenset({"none", "presentation"})
"""The two synonyms that remove an element's semantics."""


def is_presentational(role: str | None) -> bool:
    """True for "none" and "presentation"."""
    return role in PRESENTATIONAL_ROLES


def is_a(role: str | None, ancestor: str) -> bool:
    """True when `role` is `ancestor` or inherits from it (`doc-biblioref` is a `link`,
    `switch` a `checkbox`, `searchbox` a `textbox`)."""
    if role is None:
        return False
    pending = [role]
    seen: set[str] = set()
    while pending:
        current = pending.pop()
        if current == ancestor:
            return True
        if current not in seen:
            seen.add(current)
            pending.extend(SUPERCLASSES.get(current, ()))
    return False


def is_valid_role(token: str) -> bool:
    """True when `token` (case-insensitive) is a valid non-abstract role."""
    return token.lower() in ROLES


def has_global_aria_attribute(el: Element) -> bool:
    """True when the element carries a global ARIA state or property (any value)."""
    return any(name in GLOBAL_ATTRIBUTES for name in el.attrib)


# ----------------------------------------------------------------- focusability
_FORM_CONTROLS = frozenset({"button", "input", "select", "textarea"})
_TABINDEX = re.compile(r"^\s*[+-]?\d+\s*$")


def is_disabled(el: Element) -> bool:
    """True for a form control that is actually disabled (HTML): its own `disabled`, or in a
    disabled fieldset outside that fieldset's first legend."""
    tag = el.tag
    if tag not in _FORM_CONTROLS and tag not in ("optgroup", "option", "fieldset"):
        return False
    if el.get("disabled") is not None:
        return True
    if tag == "option":
        parent = el.getparent()
        if parent is not None and parent.tag == "optgroup" and parent.get("disabled") is not None:
            return True
    if tag not in _FORM_CONTROLS:
        return False
    child = el
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "fieldset" and ancestor.get("disabled") is not None:
            legend = next((c for c in ancestor if c.tag == "legend"), None)
            if legend is None or child is not legend:
                return True
        child = ancestor
        ancestor = ancestor.getparent()
    return False


def has_valid_tabindex(el: Element) -> bool:
    """True when `tabindex` is present and parses as an integer."""
    value = el.get("tabindex")
    return value is not None and bool(_TABINDEX.match(value))


def is_focusable(el: Element) -> bool:
    """True when the element can receive focus by its markup (HTML focus rules).

    This is about markup only: an element that is not rendered cannot take focus either, which
    callers check with `page.is_rendered`.
    """
    tag = el.tag
    if tag in _FORM_CONTROLS or tag in ("optgroup", "option"):
        if is_disabled(el):
            return False
        if tag == "input" and (el.get("type") or "").strip().lower() == "hidden":
            return False
        if tag in _FORM_CONTROLS:
            return True
    if has_valid_tabindex(el):
        return True
    if tag in ("a", "area") and (el.get("href") is not None or el.get("xlink:href") is not None):
        return True
    # Not `iframe`: focus goes to the document inside it, and browsers honour role="none"
    # on the element itself.
    if tag in ("audio", "video") and el.get("controls") is not None:
        return True
    if tag == "summary":
        parent = el.getparent()
        if parent is not None and parent.tag == "details":
            first = next((c for c in parent if c.tag == "summary"), None)
            return first is el
    editable = el.get("contenteditable")
    return editable is not None and editable.strip().lower() in ("", "true", "plaintext-only")


def is_sequentially_focusable(el: Element) -> bool:
    """True when the element is focusable and in the tab order (no negative tabindex)."""
    if not is_focusable(el):
        return False
    value = el.get("tabindex")
    if value is None or not _TABINDEX.match(value):
        return True
    return int(value) >= 0


# ---------------------------------------------------------------------- role_of
def explicit_role(el: Element) -> str | None:
    """The first valid, non-abstract token of the `role` attribute (lower-cased), if any."""
    value: str = el.get("role") or ""
    for token in value.split():
        lowered = token.lower()
        if lowered in ROLES:
            return lowered
    return None


def role_of(page: Page, el: Element) -> str | None:
    """The element's role: the first valid token of `role`, else its implicit role.

    A `none`/`presentation` role (explicit or inherited from a table or list) gives way to the
    implicit role when the element is focusable or has a global ARIA attribute (WAI-ARIA 1.2
    §9.3, presentational roles conflict resolution).
    """
    plain = _PLAIN_IMPLICIT.get(el.tag)
    if plain is not None and el.get("role") is None:
        return plain  # most elements: no role attribute, an implicit role by tag alone
    if el.tag == "a" and el.get("role") is None:
        return _implicit_role(page, el)  # a link or generic, never presentational
    if not isinstance(el.tag, str):
        return None
    explicit = explicit_role(el)
    if explicit is not None and not is_presentational(explicit):
        return explicit
    if explicit is not None and not _conflicts_with_presentation(el):
        return explicit
    implicit = _implicit_role(page, el)
    if explicit is None and is_presentational(implicit) and _conflicts_with_presentation(el):
        # An inherited or native presentation (img alt="", a cell of a layout table) that the
        # author overrode by making the element focusable or giving it ARIA attributes.
        return _implicit_role(page, el, presentation_allowed=False)
    return implicit


def _conflicts_with_presentation(el: Element) -> bool:
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
    "div": "generic",
    "dt": "term",
    "em": "emphasis",
    "fieldset": "group",
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
_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})
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
        if _in_sectioning(el):
            return "generic"
        return "banner" if tag == "header" else "contentinfo"
    if tag == "aside":
        if _in_sectioning(el) and not _has_author_name(page, el):
            return "generic"
        return "complementary"
    if tag == "section":
        return "region" if _has_author_name(page, el) else "generic"
    if tag == "li":
        parent = el.getparent()
        if parent is not None and parent.tag in ("ul", "ol", "menu"):
            if presentation_allowed and is_presentational(page.role(parent)):
                return "presentation"
            return "listitem"
        return "generic"
    if tag in _TABLE_PARTS:
        table = _owning_table(el)
        table_role = page.role(table) if table is not None else None
        if presentation_allowed and is_presentational(table_role):
            return "presentation"
        if tag in ("td", "th"):
            return _cell_role(el, table_role)
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


def _in_sectioning(el: Element) -> bool:
    """Inside sectioning content or `main`, by tag or by an explicit role of that kind."""
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag in _SECTIONING or explicit_role(ancestor) in _SECTIONING_ROLES:
            return True
        ancestor = ancestor.getparent()
    return False


def _has_author_name(page: Page, el: Element) -> bool:
    # `section` and `aside` never take a name from their content, so their accessible name is
    # the author's (aria-labelledby, aria-label, title). `names` computes it without asking
    # for their role, which is what is being decided here.
    return page.name(el) != ""


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
