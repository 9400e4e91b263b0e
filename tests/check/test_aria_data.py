"""The ARIA data files in vngpublish/check/facts/data: shape, references and consistency.

The files are written by scripts/aria-tables from the W3C specifications. With
VNGPUBLISH_ARIA_TABLES_ARGS set to the script's checkout arguments ("--aria DIR --aria-draft DIR
..."), the last test regenerates them and compares byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import vngpublish

REPO = Path(__file__).resolve().parents[2]
DATA = Path(vngpublish.__file__).resolve().parent / "check" / "facts" / "data"

ARIA = "wai-aria-1.2.json"
DRAFT = "wai-aria-1.3-draft.json"
DPUB = "dpub-aria-1.1.json"
GRAPHICS = "graphics-aria-1.0.json"
AAM = "html-aam.json"
HTML_ARIA = "html-aria.json"
MODULES = (ARIA, DRAFT, DPUB, GRAPHICS)
FILES = (*MODULES, AAM, HTML_ARIA)

ROLE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "abstract": bool,
    "deprecated": bool,
    "deprecated_in": (str, type(None)),
    "synonym_of": (str, type(None)),
    "superclass_roles": list,
    "required_context_roles": list,
    "required_owned_elements": list,
    "required_attributes": list,
    "supported_attributes": list,
    "prohibited_attributes": list,
    "conditions": dict,
    "name_from": list,
    "accessible_name_required": bool,
    "children_presentational": bool,
    "implicit_values": dict,
}
ATTRIBUTE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "kind": str,
    "value_type": str,
    "values": list,
    "default": (str, type(None)),
    "global": bool,
    "deprecated_as_global": bool,
    "deprecated": bool,
    "deprecated_in": (str, type(None)),
}
VALUE_TYPES = {
    "true/false",
    "true/false/undefined",
    "tristate",
    "ID reference",
    "ID reference list",
    "integer",
    "number",
    "string",
    "token",
    "token list",
}
NAME_FROM = {"author", "contents", "prohibited"}


@cache
def load(name: str) -> dict[str, Any]:
    """One data file, parsed."""
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def roles_of(*names: str) -> dict[str, dict[str, Any]]:
    """The roles of several module files together."""
    found: dict[str, dict[str, Any]] = {}
    for name in names:
        found.update(load(name)["roles"])
    return found


def attributes_of(*names: str) -> dict[str, dict[str, Any]]:
    """The attributes of several module files together."""
    found: dict[str, dict[str, Any]] = {}
    for name in names:
        found.update(load(name)["attributes"])
    return found


# Which roles and attributes each module file may refer to.
SCOPE = {
    ARIA: (ARIA,),
    DRAFT: (ARIA, DRAFT),
    DPUB: (ARIA, DPUB),
    GRAPHICS: (ARIA, GRAPHICS),
}


def owned_parts(item: str) -> list[str]:
    """The role names in a 'group > option' style item."""
    parts = [part.strip() for part in item.split(">")]
    assert all(re.fullmatch(r"[a-z][a-z-]*", part) for part in parts), item
    return parts


# ------------------------------------------------------------------------------------- all files
def test_exactly_the_expected_files_are_shipped() -> None:
    assert sorted(p.name for p in DATA.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("name", FILES)
def test_file_records_spec_version_repository_commit_and_date(name: str) -> None:
    data = load(name)
    spec, source = data["spec"], data["source"]
    assert spec["title"] and spec["short_name"] and spec["version"] and spec["status"]
    assert spec["url"].startswith("https://")
    assert re.fullmatch(r"https://github\.com/w3c/[a-z-]+", source["repository"])
    assert source["file"].endswith("index.html")
    assert re.fullmatch(r"[0-9a-f]{40}", source["commit"])
    assert datetime.fromisoformat(source["commit_date"]).tzinfo is not None
    assert data["generator"] == "scripts/aria-tables"
    assert data["about"]


def test_versions_are_the_published_ones_and_the_draft_is_marked() -> None:
    assert load(ARIA)["spec"]["short_name"] == "wai-aria-1.2"
    assert load(DPUB)["spec"]["short_name"] == "dpub-aria-1.1"
    assert load(GRAPHICS)["spec"]["short_name"] == "graphics-aria-1.0"
    for name in (ARIA, DPUB, GRAPHICS):
        assert load(name)["spec"]["status"] == "REC"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", load(name)["spec"]["published"])
    assert load(DRAFT)["spec"]["short_name"] == "wai-aria-1.3"
    assert load(DRAFT)["spec"]["status"] in ("ED", "WD")
    assert load(DRAFT)["about"].startswith("DRAFT.")


@pytest.mark.parametrize("name", FILES)
def test_files_are_utf8_json_with_a_final_newline(name: str) -> None:
    raw = (DATA / name).read_bytes()
    assert raw.endswith(b"}\n") and b"\r" not in raw
    raw.decode("utf-8")


# ---------------------------------------------------------------------------- role/attribute shape
@pytest.mark.parametrize("name", MODULES)
def test_roles_have_every_field_with_its_type(name: str) -> None:
    for role, entry in load(name)["roles"].items():
        assert re.fullmatch(r"[a-z][a-z-]*", role)
        assert list(entry) == list(ROLE_FIELDS), role
        for key, kind in ROLE_FIELDS.items():
            assert isinstance(entry[key], kind), (role, key)
        assert set(entry["name_from"]) <= NAME_FROM, role
        assert entry["deprecated"] == (entry["deprecated_in"] is not None), role


@pytest.mark.parametrize("name", MODULES)
def test_attributes_have_every_field_with_its_type(name: str) -> None:
    for attribute, entry in load(name)["attributes"].items():
        assert attribute.startswith("aria-")
        assert list(entry) == list(ATTRIBUTE_FIELDS), attribute
        for key, kind in ATTRIBUTE_FIELDS.items():
            assert isinstance(entry[key], kind), (attribute, key)
        assert entry["kind"] in ("state", "property")
        assert entry["value_type"] in VALUE_TYPES, attribute
        assert entry["deprecated"] == (entry["deprecated_in"] is not None), attribute
        assert not entry["deprecated_as_global"] or entry["global"], attribute


@pytest.mark.parametrize("name", MODULES)
def test_names_and_lists_are_sorted(name: str) -> None:
    data = load(name)
    for table in (data["roles"], data["attributes"]):
        assert list(table) == sorted(table)
        for entry in table.values():
            for value in entry.values():
                if isinstance(value, list):
                    assert value == sorted(value)
                if isinstance(value, dict):
                    assert list(value) == sorted(value)


# ------------------------------------------------------------------------------------ references
@pytest.mark.parametrize("name", MODULES)
def test_every_superclass_context_and_owned_role_exists(name: str) -> None:
    known = roles_of(*SCOPE[name])
    for role, entry in load(name)["roles"].items():
        for superclass in entry["superclass_roles"]:
            assert superclass in known, (role, superclass)
        for item in entry["required_context_roles"] + entry["required_owned_elements"]:
            for part in owned_parts(item):
                assert part in known, (role, item)
        if entry["synonym_of"] is not None:
            assert entry["synonym_of"] in known, role


@pytest.mark.parametrize("name", MODULES)
def test_every_attribute_a_role_lists_is_defined(name: str) -> None:
    known = attributes_of(*SCOPE[name])
    for role, entry in load(name)["roles"].items():
        listed = (
            entry["required_attributes"]
            + entry["supported_attributes"]
            + entry["prohibited_attributes"]
            + list(entry["implicit_values"])
        )
        for attribute in listed:
            assert attribute in known, (role, attribute)
        names = {*listed, *entry["superclass_roles"]}
        assert set(entry["conditions"]) <= names, role


def climb_to_roletype(known: dict[str, dict[str, Any]], role: str, path: tuple[str, ...]) -> None:
    """Fail unless every superclass chain from `role` ends at roletype without a cycle."""
    assert role not in path, [*path, role]
    assert role in known, [*path, role]
    if role == "roletype":
        return
    parents = known[role]["superclass_roles"]
    assert parents, f"{role} has no superclass"
    for parent in parents:
        climb_to_roletype(known, parent, (*path, role))


@pytest.mark.parametrize("name", MODULES)
def test_every_role_descends_from_roletype_without_cycles(name: str) -> None:
    known = roles_of(*SCOPE[name])
    for role in load(name)["roles"]:
        climb_to_roletype(known, role, ())


def test_the_twelve_abstract_roles_of_wai_aria_1_2() -> None:
    abstract = {role for role, entry in load(ARIA)["roles"].items() if entry["abstract"]}
    assert abstract == {
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
    for name in (DRAFT, DPUB, GRAPHICS):
        assert not any(entry["abstract"] for entry in load(name)["roles"].values())


def test_synonyms_copy_the_characteristics_of_their_role() -> None:
    roles = load(ARIA)["roles"]
    assert roles["none"]["synonym_of"] == "presentation"
    assert {**roles["none"], "synonym_of": None} == roles["presentation"]


def test_implicit_values_and_defaults_are_values_of_the_attribute() -> None:
    attributes = attributes_of(ARIA, DRAFT)
    for name in MODULES:
        for role, entry in load(name)["roles"].items():
            for attribute, value in entry["implicit_values"].items():
                definition = attributes[attribute]
                if value is None:
                    continue
                if definition["values"]:
                    assert value in definition["values"], (role, attribute, value)
                else:
                    assert re.fullmatch(r"-?\d+(\.\d+)?", value), (role, attribute, value)
    for attribute, definition in attributes.items():
        default = definition["default"]
        if default is not None:
            assert set(default.split()) <= set(definition["values"]), attribute
        enumerated = definition["value_type"] in ("token", "token list", "tristate")
        assert bool(definition["values"]) == (
            enumerated or definition["value_type"].startswith("true/false")
        ), attribute


def test_roles_whose_name_is_prohibited_prohibit_aria_label_and_labelledby() -> None:
    for name in (ARIA, DRAFT):
        for role, entry in load(name)["roles"].items():
            if entry["name_from"] == ["prohibited"]:
                assert {"aria-label", "aria-labelledby"} <= set(entry["prohibited_attributes"])
            else:
                assert "aria-label" not in entry["prohibited_attributes"], role


def test_owned_groups_are_a_required_context_of_what_they_own() -> None:
    roles = load(ARIA)["roles"]
    for role, entry in roles.items():
        for item in entry["required_owned_elements"]:
            parts = owned_parts(item)
            child = roles[parts[-1]]
            if len(parts) == 2:
                assert parts[0] in child["required_context_roles"], (role, item)
            elif child["required_context_roles"]:
                assert role in child["required_context_roles"], (role, item)


def test_global_and_deprecated_states_and_properties_of_wai_aria_1_2() -> None:
    attributes = load(ARIA)["attributes"]
    globals_ = {name for name, entry in attributes.items() if entry["global"]}
    assert globals_ == {
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
    deprecated_global = {n for n, e in attributes.items() if e["deprecated_as_global"]}
    assert deprecated_global == {
        "aria-disabled",
        "aria-errormessage",
        "aria-haspopup",
        "aria-invalid",
    }
    assert {n for n, e in attributes.items() if e["deprecated"]} == {
        "aria-dropeffect",
        "aria-grabbed",
    }
    assert {r for r, e in load(ARIA)["roles"].items() if e["deprecated"]} == {"directory"}
    assert {r for r, e in load(DPUB)["roles"].items() if e["deprecated"]} == {
        "doc-biblioentry",
        "doc-endnote",
    }


def test_draft_holds_only_what_1_2_lacks() -> None:
    draft, aria = load(DRAFT), load(ARIA)
    assert not set(draft["roles"]) & set(aria["roles"])
    assert not set(draft["attributes"]) & set(aria["attributes"])
    assert {"aria-description", "aria-braillelabel", "aria-brailleroledescription"} <= set(
        draft["attributes"]
    )
    for kind in ("roles", "attributes"):
        for name, fields in draft["changes_to_1_2"][kind].items():
            assert name in aria[kind], name
            for key, change in fields.items():
                assert set(change) == {"1.2", "draft"}, (name, key)
                if key in aria[kind][name]:
                    assert change["1.2"] == aria[kind][name][key], (name, key)


def test_module_roles_are_prefixed_and_new() -> None:
    assert all(role.startswith("doc-") for role in load(DPUB)["roles"])
    assert all(role.startswith("graphics-") for role in load(GRAPHICS)["roles"])
    assert not any(role.startswith(("doc-", "graphics-")) for role in load(ARIA)["roles"])
    assert not load(DPUB)["attributes"] and not load(GRAPHICS)["attributes"]


# ------------------------------------------------------------------------------------ conditions
def check_condition(condition: Any) -> None:
    """Fail unless `condition` is in the vocabulary documented at the top of the HTML files."""
    if condition is None:
        return
    assert isinstance(condition, dict) and condition, condition
    if "attribute" in condition:
        assert isinstance(condition["attribute"], str)
        tests = set(condition) - {"attribute"}
        assert len(tests) == 1, condition
        (test,) = tests
        expected: dict[str, type] = {
            "present": bool,
            "equals": str,
            "empty_after_trim": bool,
            "integer_greater_than": int,
        }
        assert isinstance(condition[test], expected[test]), condition
        return
    assert len(condition) == 1, condition
    ((key, value),) = condition.items()
    if key in ("all", "any"):
        assert isinstance(value, list) and len(value) >= 2, condition
        for part in value:
            check_condition(part)
    elif key == "not":
        check_condition(value)
    elif key in ("input_type", "table_role"):
        assert isinstance(value, list) and value == sorted(value) and value, condition
    elif key in ("ancestor", "parent"):
        assert isinstance(value, dict) and value and set(value) <= {"elements", "roles"}
        assert all(isinstance(v, list) and v == sorted(v) for v in value.values()), condition
    elif key == "header_kind":
        assert value in ("column", "row", "none"), condition
    elif key in ("has_accessible_name", "summary_for_parent_details"):
        assert isinstance(value, bool), condition
    elif key == "has_descendant":
        assert isinstance(value, str), condition
    elif key == "custom_element":
        assert value in ("autonomous", "form-associated"), condition
    else:
        raise AssertionError(f"unknown condition {condition}")


def all_roles() -> set[str]:
    """Every role of WAI-ARIA 1.2, its modules and the 1.3 draft."""
    return set(roles_of(ARIA, DPUB, GRAPHICS, DRAFT))


def entries_by_element(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The entries of an HTML file grouped by element, in file order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in rows:
        for element in entry["elements"]:
            grouped.setdefault(element, []).append(entry)
    return grouped


@pytest.mark.parametrize(("name", "key"), [(AAM, "mappings"), (HTML_ARIA, "entries")])
def test_html_rows_are_unique_conditioned_and_use_the_vocabulary(name: str, key: str) -> None:
    data = load(name)
    rows = data[key]
    assert "condition_vocabulary" in data["conventions"]
    seen: set[tuple[str, str | None]] = set()
    for entry in rows:
        assert (entry["id"], entry["variant"]) not in seen
        seen.add((entry["id"], entry["variant"]))
        assert entry["elements"] and entry["spec_heading"]
        check_condition(entry["when"])
        if entry["when"] is not None:
            assert "when" in entry["curated"], entry["id"]
    assert [entry["elements"][0] for entry in rows] == sorted(e["elements"][0] for e in rows)
    for element, entries in entries_by_element(rows).items():
        if len(entries) > 1:
            assert all(e["when"] is not None for e in entries), element


def test_html_aam_roles_exist_and_draft_roles_are_flagged() -> None:
    known_1_2 = set(roles_of(ARIA, DPUB, GRAPHICS))
    every = all_roles()
    for mapping in load(AAM)["mappings"]:
        assert set(mapping["roles"]) <= every, mapping["id"]
        assert mapping["not_in_wai_aria_1_2"] == [r for r in mapping["roles"] if r not in known_1_2]


def test_html_aam_knows_the_usual_implicit_roles() -> None:
    def roles(element: str) -> list[list[str]]:
        rows = entries_by_element(load(AAM)["mappings"])[element]
        return [row["roles"] for row in rows]

    assert roles("a") == [["link"], ["generic"]]
    assert roles("img") == [["image", "img"], ["none", "presentation"]]
    assert roles("select") == [["listbox"], ["combobox"]]
    assert roles("th") == [["cell"], ["gridcell"], ["columnheader"], ["rowheader"]]
    assert roles("label") == [[]]


def test_html_aria_names_only_known_roles_and_attributes() -> None:
    every = all_roles()
    attributes = set(attributes_of(ARIA, DRAFT))
    for entry in load(HTML_ARIA)["entries"]:
        ident = entry["id"]
        named = {*entry["implicit_roles"], *entry["not_recommended_roles"]}
        named |= {*entry["should_not_roles"], *entry["role_conditions"]}
        if entry["allowed_roles"] != "any":
            assert isinstance(entry["allowed_roles"], list)
            named |= set(entry["allowed_roles"])
            assert set(entry["not_recommended_roles"]) <= set(entry["allowed_roles"]), ident
            assert set(entry["role_conditions"]) <= set(entry["allowed_roles"]), ident
        if isinstance(entry["role_aria"], list):
            named |= set(entry["role_aria"])
        else:
            assert entry["role_aria"] in ("allowed", None), ident
        assert named <= every, (ident, named - every)
        aria = {*entry["extra_aria"], *entry["must_not_aria"], *entry["should_not_aria"]}
        assert aria <= attributes, ident
        assert entry["spec_text"]["allowances"], ident


def test_html_aria_elements_without_aria_are_the_metadata_ones() -> None:
    nothing = {
        element
        for entry in load(HTML_ARIA)["entries"]
        for element in entry["elements"]
        if entry["allowed_roles"] == [] and not entry["global_aria"] and not entry["extra_aria"]
    }
    assert {"base", "head", "link", "meta", "script", "style", "title", "template"} <= nothing
    assert "input" in nothing  # type=hidden


# ---------------------------------------------------------------------------------- regeneration
@pytest.mark.skipif(
    not os.environ.get("VNGPUBLISH_ARIA_TABLES_ARGS"),
    reason="set VNGPUBLISH_ARIA_TABLES_ARGS to the spec checkouts to regenerate",
)
def test_the_generator_reproduces_the_files_byte_for_byte(tmp_path: Path) -> None:
    arguments = shlex.split(os.environ["VNGPUBLISH_ARIA_TABLES_ARGS"])
    script = REPO / "scripts" / "aria-tables"
    subprocess.run([sys.executable, str(script), *arguments, "-o", str(tmp_path)], check=True)
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
