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
_DRAFT_ATTRIBUTE_DATA: dict[str, dict[str, Any]] = _read(DRAFT)["attributes"]

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
    return role is not None and (role == ancestor or ancestor in _ancestors(role))


def is_valid_role(token: str) -> bool:
    """True when `token` (case-insensitive) is a valid non-abstract role."""
    return token.lower() in ROLES


def has_global_aria_attribute(el: Element) -> bool:
    """True when the element carries a global ARIA state or property (any value)."""
    return any(name in GLOBAL_ATTRIBUTES for name in el.attrib)
