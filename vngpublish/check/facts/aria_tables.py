"""The WAI-ARIA 1.2 tables: roles, their taxonomy, and their states and properties.

The tables are written from WAI-ARIA 1.2 (roles, superclasses, states and properties), the
Digital Publishing WAI-ARIA Module 1.1 (`doc-*` roles) and the Graphics ARIA module
(`graphics-*` roles). Implicit roles follow HTML-AAM / ARIA in HTML.

Conventions:

- `ROLES` holds every valid, non-abstract role token; `ABSTRACT_ROLES` the abstract ones, which
  authors must not use in `role`.
- `SUPPORTED[role]` is every state and property the role supports, inherited and global ones
  included; `REQUIRED[role]` the ones authors must set (before implicit values are considered).
- `ATTRIBUTES[name]` is the value type of each `aria-*` attribute.

The role of an element is `vngpublish.check.facts.roles`'s business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vngpublish.check.dom import Element


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
