"""The WAI-ARIA tables: roles, their taxonomy, and their states and properties.

Read from the data files in `facts/data/`, which `scripts/aria-tables` takes from the
specifications themselves (each file names its specification, version and the commit read):
WAI-ARIA 1.2 (`wai-aria-1.2.json`), the Digital Publishing WAI-ARIA Module 1.1 (`doc-*`
roles), Graphics ARIA 1.0 (`graphics-*` roles), and the attributes of the WAI-ARIA 1.3 draft
that browsers already support (`aria-description`, ...), kept apart from 1.2's.

Conventions:

- `ROLES` holds every valid, non-abstract role token; `ABSTRACT_ROLES` the abstract ones, which
  authors must not use in `role`.
- `SUPPORTED[role]` is every state and property the role supports: its own, its superclass
  roles' and the global ones; `REQUIRED[role]` the ones authors must set (its own and its
  superclass roles', before implicit values are considered).
- `ATTRIBUTES[name]` is the value type of each `aria-*` attribute of WAI-ARIA 1.2.
- Where the 1.3 draft states a characteristic differently, rules fail only what both say is
  wrong: `REQUIRED_IN_BOTH`, `PROHIBITED_IN_BOTH`, and the allowances `SUPPORTED_IN_EITHER`,
  `OWNED_IN_EITHER`, `CONTEXT_IN_EITHER` (the draft drops `aria-controls` from a combobox's
  required attributes, allows a `caption` in a table and a `separator` in a menu).

The role of an element is `vngpublish.check.facts.roles`'s business.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vngpublish.check.dom import Element

SPECIFICATIONS = ("wai-aria-1.2", "dpub-aria-1.1", "graphics-aria-1.0")
"""The specifications whose roles are valid, by the name of their data file."""
DRAFT = "wai-aria-1.3-draft"
"""The draft whose attributes browsers already support."""


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("vngpublish.check.facts").joinpath(f"data/{name}.json").read_text("utf-8")
    )
    return data


_SPECS = {name: _read(name) for name in SPECIFICATIONS}
_ROLE_DATA: dict[str, dict[str, Any]] = {
    role: fields for spec in _SPECS.values() for role, fields in spec["roles"].items()
}
_ATTRIBUTE_DATA: dict[str, dict[str, Any]] = _SPECS["wai-aria-1.2"]["attributes"]
_DRAFT = _read(DRAFT)
_DRAFT_ATTRIBUTE_DATA: dict[str, dict[str, Any]] = _DRAFT["attributes"]

VERSIONS: dict[str, str] = {
    name: f"{spec['spec']['title']} ({spec['spec']['status']}, {spec['spec'].get('published')})"
    for name, spec in _SPECS.items()
}
"""What each table was read from, for people."""


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


_KINDS = {"ID reference": "idref", "ID reference list": "idrefs"}


def _value_type(fields: dict[str, Any]) -> ValueType:
    kind = _KINDS.get(fields["value_type"], fields["value_type"])
    tokens = frozenset(fields["values"]) if kind in ("token", "token list") else frozenset()
    return ValueType(kind, tokens)


ATTRIBUTES: dict[str, ValueType] = {
    name: _value_type(fields) for name, fields in _ATTRIBUTE_DATA.items()
}
"""Every state and property of WAI-ARIA 1.2 with its value type."""

ARIA_1_3_ATTRIBUTES: dict[str, ValueType] = {
    name: _value_type(fields) for name, fields in _DRAFT_ATTRIBUTE_DATA.items()
}
"""Attributes of the WAI-ARIA 1.3 draft that browsers already support (not in `ATTRIBUTES`)."""

GLOBAL_ATTRIBUTES: frozenset[str] = frozenset(
    name for name, fields in _ATTRIBUTE_DATA.items() if fields["global"]
)
"""States and properties every role supports (WAI-ARIA 1.2 §6.4)."""

DEPRECATED_GLOBAL_ATTRIBUTES: frozenset[str] = frozenset(
    name for name, fields in _ATTRIBUTE_DATA.items() if fields["deprecated_as_global"]
)
"""Global attributes whose use as a global WAI-ARIA 1.2 deprecates (on roles that do not list
them themselves): aria-disabled, aria-errormessage, aria-haspopup, aria-invalid."""

DEPRECATED_ATTRIBUTES: frozenset[str] = frozenset(
    name for name, fields in _ATTRIBUTE_DATA.items() if fields["deprecated"]
)
"""Attributes deprecated as a whole (aria-dropeffect and aria-grabbed, since ARIA 1.1)."""


# ------------------------------------------------------------------------ roles
ABSTRACT_ROLES: frozenset[str] = frozenset(
    role for role, fields in _ROLE_DATA.items() if fields["abstract"]
)
"""Abstract roles: part of the taxonomy, never valid in a `role` attribute."""

SUPERCLASSES: dict[str, tuple[str, ...]] = {
    role: tuple(fields["superclass_roles"]) for role, fields in _ROLE_DATA.items()
}
"""Superclass roles of every role, abstract ones included."""

ROLES: frozenset[str] = frozenset(SUPERCLASSES) - ABSTRACT_ROLES
"""Every valid, non-abstract role token (WAI-ARIA 1.2, DPUB-ARIA 1.1, Graphics ARIA)."""

DEPRECATED_ROLES: frozenset[str] = frozenset(
    role for role, fields in _ROLE_DATA.items() if fields["deprecated"]
)
"""Valid roles their specifications deprecate."""

PRESENTATIONAL_ROLES: frozenset[str] = frozenset({"none", "presentation"})
"""The two synonyms that remove an element's semantics."""


def _ancestors(role: str) -> list[str]:
    """`role` and every role it inherits from, nearest first."""
    found: list[str] = []
    pending = [role]
    while pending:
        current = pending.pop(0)
        if current not in found:
            found.append(current)
            pending.extend(SUPERCLASSES.get(current, ()))
    return found


def _inherited(role: str, field: str) -> frozenset[str]:
    return frozenset(name for ancestor in _ancestors(role) for name in _ROLE_DATA[ancestor][field])


def _roles_where(test: Any) -> frozenset[str]:
    return frozenset(role for role, fields in _ROLE_DATA.items() if test(fields))


LANDMARK_ROLES: frozenset[str] = frozenset(
    role
    for role in _SPECS["wai-aria-1.2"]["roles"]
    if role not in ABSTRACT_ROLES and "landmark" in _ancestors(role)
)
"""The WAI-ARIA landmark roles (doc-* landmarks not included)."""

REQUIRED: dict[str, frozenset[str]] = {
    role: found for role in SUPERCLASSES if (found := _inherited(role, "required_attributes"))
}
"""Required states and properties (WAI-ARIA 1.2), before implicit values from native semantics.

Conditions the specification attaches are in `REQUIRED_CONDITIONS` (a `separator` requires
aria-valuenow only when focusable)."""

REQUIRED_CONDITIONS: dict[str, dict[str, str]] = {
    role: conditions
    for role, fields in _ROLE_DATA.items()
    if (conditions := fields.get("conditions") or {})
}
"""Conditions on single entries of a role's lists: role -> attribute -> "if focusable"."""

SUPPORTED: dict[str, frozenset[str]] = {
    role: GLOBAL_ATTRIBUTES
    | _inherited(role, "supported_attributes")
    | _inherited(role, "required_attributes")
    for role in SUPERCLASSES
}
"""Every state and property each role supports: its own, inherited ones and the globals."""

PROHIBITED_ATTRIBUTES: dict[str, frozenset[str]] = {
    role: frozenset(fields["prohibited_attributes"])
    | ({"aria-braillelabel"} if "aria-label" in fields["prohibited_attributes"] else set())
    for role, fields in _ROLE_DATA.items()
    if fields["prohibited_attributes"]
}
"""States and properties a role prohibits (aria-braillelabel, from the 1.3 draft, is prohibited
wherever aria-label is)."""

NAME_PROHIBITED_ROLES: frozenset[str] = _roles_where(lambda f: "prohibited" in f["name_from"])
"""Roles that cannot be named by authors (Name From: prohibited)."""

NAME_FROM_CONTENT_ROLES: frozenset[str] = _roles_where(
    lambda f: "contents" in f["name_from"] and not f["abstract"]
)
"""Roles whose accessible name may come from their content (Name From: contents)."""

NAME_REQUIRED_ROLES: frozenset[str] = _roles_where(lambda f: f["accessible_name_required"])
"""Roles for which the specifications say "Accessible Name Required: True"."""

PRESENTATIONAL_CHILDREN_ROLES: frozenset[str] = _roles_where(lambda f: f["children_presentational"])
"""Roles whose children are presentational ("Children Presentational: True")."""

REQUIRED_CONTEXT: dict[str, frozenset[str]] = {
    role: frozenset(fields["required_context_roles"])
    for role, fields in _ROLE_DATA.items()
    if fields["required_context_roles"]
}
"""Required context roles: the role of an owning ancestor."""

REQUIRED_OWNED: dict[str, tuple[str, ...]] = {
    role: tuple(fields["required_owned_elements"])
    for role, fields in _ROLE_DATA.items()
    if fields["required_owned_elements"]
}
"""Required owned elements. "group > option" means an owned `group` that in turn owns
`option` elements."""

IMPLICIT_VALUES: dict[str, dict[str, str | None]] = {
    role: dict(fields["implicit_values"])
    for role, fields in _ROLE_DATA.items()
    if fields["implicit_values"]
}
"""Implicit values of states and properties for a role (aria-level 2 is not among them)."""


def is_presentational(role: str | None) -> bool:
    """True for "none" and "presentation"."""
    return role in PRESENTATIONAL_ROLES


def is_a(role: str | None, ancestor: str) -> bool:
    """True when `role` is `ancestor` or inherits from it (`doc-biblioref` is a `link`,
    `switch` a `checkbox`, `searchbox` a `textbox`)."""
    return role is not None and (role == ancestor or ancestor in _ANCESTORS.get(role, ()))


_ANCESTORS: dict[str, frozenset[str]] = {role: frozenset(_ancestors(role)) for role in SUPERCLASSES}
"""`_ancestors` of every role, worked out once."""


def is_valid_role(token: str) -> bool:
    """True when `token` (case-insensitive) is a valid non-abstract role."""
    return token.lower() in ROLES


def has_global_aria_attribute(el: Element) -> bool:
    """True when the element carries a global ARIA state or property (any value)."""
    return any(name in GLOBAL_ATTRIBUTES for name in el.attrib)


# ------------------------------------------------------------------ 1.3 draft
_DRAFT_ROLE_DATA: dict[str, dict[str, Any]] = _DRAFT["roles"]
_DRAFT_CHANGES: dict[str, dict[str, dict[str, Any]]] = _DRAFT["changes_to_1_2"]["roles"]

DRAFT_ROLES: frozenset[str] = frozenset(
    role for role, fields in _DRAFT_ROLE_DATA.items() if not fields["abstract"]
)
"""Roles the WAI-ARIA 1.3 draft adds (`comment`, `mark`, `suggestion`, ...): not valid in 1.2,
but some browsers already support them, so a rule never calls them invalid."""

ARIA_1_2_ROLES: frozenset[str] = frozenset(_SPECS["wai-aria-1.2"]["roles"]) - ABSTRACT_ROLES
"""The non-abstract roles of WAI-ARIA 1.2 itself (no DPUB or Graphics roles)."""


def _draft_field(role: str, field: str) -> Any:
    """A role's characteristic as the 1.3 draft states it (its 1.2 value when unchanged)."""
    changed = _DRAFT_CHANGES.get(role, {}).get(field)
    if changed is not None:
        return changed["draft"]
    if role in _DRAFT_ROLE_DATA:
        return _DRAFT_ROLE_DATA[role][field]
    return _ROLE_DATA[role][field] if role in _ROLE_DATA else []


def _draft_ancestors(role: str) -> list[str]:
    found: list[str] = []
    pending = [role]
    while pending:
        current = pending.pop(0)
        if current not in found:
            found.append(current)
            pending.extend(_draft_field(current, "superclass_roles"))
    return found


def _draft_inherited(role: str, field: str) -> frozenset[str]:
    return frozenset(name for up in _draft_ancestors(role) for name in _draft_field(up, field))


def _implicit_in_either(role: str) -> frozenset[str]:
    implicit = set(IMPLICIT_VALUES.get(role, {}))
    implicit.update(_draft_field(role, "implicit_values") or {})
    return frozenset(implicit)


REQUIRED_IN_BOTH: dict[str, frozenset[str]] = {
    role: found
    for role, required in REQUIRED.items()
    if (
        found := (required & _draft_inherited(role, "required_attributes"))
        - _implicit_in_either(role)
    )
}
"""Required states and properties that WAI-ARIA 1.2 and the 1.3 draft both require and for
which neither gives an implicit value (`option` needs no `aria-selected`, `combobox` no
`aria-controls`)."""

_DRAFT_GLOBALS = frozenset(name for name, f in _DRAFT_ATTRIBUTE_DATA.items() if f["global"])

ALL_GLOBAL_ATTRIBUTES: frozenset[str] = GLOBAL_ATTRIBUTES | _DRAFT_GLOBALS
"""The global states and properties of 1.2 and of the 1.3 draft (`aria-description`, ...)."""


def _draft_supported(role: str) -> frozenset[str]:
    return _draft_inherited(role, "supported_attributes") | _draft_inherited(
        role, "required_attributes"
    )


SUPPORTED_IN_EITHER: dict[str, frozenset[str]] = {
    role: ALL_GLOBAL_ATTRIBUTES | SUPPORTED.get(role, frozenset()) | _draft_supported(role)
    for role in set(SUPERCLASSES) | DRAFT_ROLES
}
"""Every state and property a role supports in WAI-ARIA 1.2 or in the 1.3 draft."""

PROHIBITED_IN_BOTH: dict[str, frozenset[str]] = {
    role: found
    for role in set(PROHIBITED_ATTRIBUTES) | DRAFT_ROLES
    if (
        found := frozenset(
            name
            for name in _draft_field(role, "prohibited_attributes")
            if name in _DRAFT_ATTRIBUTE_DATA
            or name in _ROLE_DATA.get(role, {}).get("prohibited_attributes", ())
        )
    )
}
"""States and properties a role prohibits in WAI-ARIA 1.2 and still in the 1.3 draft (and the
draft's own attributes where the draft prohibits them, such as `aria-braillelabel`)."""

OWNED_IN_EITHER: dict[str, tuple[str, ...]] = {
    role: tuple(sorted(set(owned) | set(_draft_field(role, "required_owned_elements"))))
    for role, owned in REQUIRED_OWNED.items()
    if _draft_field(role, "required_owned_elements")
}
"""What an element of each role may own under WAI-ARIA 1.2 or the 1.3 draft ("group > option"
as in `REQUIRED_OWNED`), for the roles both restrict (the draft lifts `radiogroup`'s)."""


def _last_step(entry: str) -> str:
    return entry.split(">")[-1].strip()


CONTEXT_IN_EITHER: dict[str, frozenset[str]] = {
    role: frozenset(contexts)
    | frozenset(_last_step(e) for e in _draft_field(role, "required_context_roles"))
    for role, contexts in REQUIRED_CONTEXT.items()
}
"""The roles a parent may have under WAI-ARIA 1.2 or the 1.3 draft, for the roles that 1.2
gives a required context (the draft's "menu > group" counts as a `group` parent)."""


def is_known_role(token: str) -> bool:
    """True when `token` (case-insensitive) is a non-abstract role of WAI-ARIA 1.2, DPUB-ARIA,
    Graphics ARIA or the 1.3 draft."""
    lowered = token.lower()
    return lowered in ROLES or lowered in DRAFT_ROLES


def is_known_attribute(name: str) -> bool:
    """True when `name` is a state or property of WAI-ARIA 1.2 or of the 1.3 draft."""
    return name in ATTRIBUTES or name in ARIA_1_3_ATTRIBUTES


def supports_itself(role: str, attribute: str) -> bool:
    """True when `role` (or a role it inherits from) lists `attribute` among its own supported
    or required states and properties, in WAI-ARIA 1.2 or the 1.3 draft: not only as a global
    one. (`button` supports `aria-disabled` itself; `generic` only as a global, which WAI-ARIA
    1.2 deprecates.)"""
    own = _OWN_SUPPORTED.get(role)
    return own is not None and attribute in own


_OWN_SUPPORTED: dict[str, frozenset[str]] = {
    role: (
        _inherited(role, "supported_attributes") | _inherited(role, "required_attributes")
        if role in _ROLE_DATA
        else frozenset()
    )
    | _draft_supported(role)
    for role in set(SUPERCLASSES) | DRAFT_ROLES
}


def names_no_known_role(value: str | None) -> bool:
    """True when a `role` attribute's value has tokens but none is a known role (a typo such
    as "chekbox"): the element keeps its implicit role, though the author meant another."""
    tokens = (value or "").split()
    return bool(tokens) and not any(is_known_role(token) for token in tokens)
