"""Presets: named selections of rules, in `checks/presets/<name>.yml`.

A preset selects rules by their metadata only, never by rule id, so a new rule joins the
right presets without anyone editing them::

    description: WCAG 2.2 level A and AA, and best practices   # shown by --list-presets
    extends: wcag-a            # optional: start from another preset's selection
    levels: [AA, best-practice]  # add every rule with one of these levels
    tags: [suppression]        # add every rule with one of these tags
    exclude-tags: [not-email]  # then drop every rule with one of these tags

Tags come from the one list in `vngpublish.check.tags`; a preset naming another is an error.

Which presets ship, and why, is documented in each file. `wcag-aa` is the default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from vngpublish.check.rule import LEVELS, Rule
from vngpublish.check.suggest import did_you_mean
from vngpublish.check.tags import TAGS
from vngpublish.resources import checks_dir

DEFAULT_PRESET = "wcag-aa"
_LIST_KEYS = ("levels", "tags", "exclude-tags")
_KEYS = ("description", "extends", *_LIST_KEYS)


class PresetError(ValueError):
    """A preset file is malformed, or a preset name is unknown."""


@dataclass(frozen=True)
class Preset:
    """One preset as written in its file."""

    name: str
    description: str
    extends: str | None
    levels: frozenset[str]
    tags: frozenset[str]
    exclude_tags: frozenset[str]


def _load(path: Path) -> Preset:
    try:
        data: Any = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # ruamel raises many kinds; all mean "fix this file"
        raise PresetError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise PresetError(f"{path}: expected a mapping")
    for key in data:
        if key not in _KEYS:
            raise PresetError(f"{path}: unknown key {key!r}{did_you_mean(str(key), _KEYS)}")
    lists: dict[str, frozenset[str]] = {}
    for key in _LIST_KEYS:
        value = data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PresetError(f"{path}: {key} must be a list of strings")
        lists[key] = frozenset(value)
    for key in ("tags", "exclude-tags"):
        for tag in sorted(lists[key] - TAGS.keys()):
            raise PresetError(f"{path}: {key}: unknown tag {tag!r}{did_you_mean(tag, TAGS)}")
    for level in sorted(lists["levels"] - set(LEVELS)):
        raise PresetError(
            f"{path}: levels: unknown level {level!r}; choose from {', '.join(LEVELS)}"
        )
    extends = data.get("extends")
    if extends is not None and not isinstance(extends, str):
        raise PresetError(f"{path}: extends must be a preset name")
    return Preset(
        name=path.stem,
        description=str(data.get("description") or ""),
        extends=extends,
        levels=lists["levels"],
        tags=lists["tags"],
        exclude_tags=lists["exclude-tags"],
    )


@cache
def load_presets(folder: Path | None = None) -> dict[str, Preset]:
    """Every preset in `folder` (default: `checks/presets`), by name."""
    folder = folder or checks_dir() / "presets"
    return {path.stem: _load(path) for path in sorted(folder.glob("*.yml"))}


def preset_rule_ids(
    name: str,
    rules: Mapping[str, type[Rule]],
    presets: Mapping[str, Preset] | None = None,
) -> frozenset[str]:
    """The ids of the `rules` preset `name` selects; raises PresetError for an unknown name."""
    presets = load_presets() if presets is None else presets
    return _resolve(name, rules, presets, ())


def _resolve(
    name: str,
    rules: Mapping[str, type[Rule]],
    presets: Mapping[str, Preset],
    seen: tuple[str, ...],
) -> frozenset[str]:
    if name in seen:
        raise PresetError(f"presets extend each other in a loop: {' -> '.join((*seen, name))}")
    preset = presets.get(name)
    if preset is None:
        raise PresetError(f"unknown preset {name!r}{did_you_mean(name, presets)}")
    selected = (
        set(_resolve(preset.extends, rules, presets, (*seen, name))) if preset.extends else set()
    )
    for rule_id, rule in rules.items():
        if rule.level in preset.levels or preset.tags.intersection(rule.tags):
            selected.add(rule_id)
    return frozenset(
        rule_id for rule_id in selected if not preset.exclude_tags.intersection(rules[rule_id].tags)
    )


def unknown_ids(ids: Iterable[str], rules: Mapping[str, type[Rule]]) -> list[str]:
    """The ids in `ids` that name none of `rules` ("all" is allowed), in the order given."""
    return [i for i in ids if i != "all" and i not in rules]


def selection(
    rules: Mapping[str, type[Rule]],
    preset: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> frozenset[str]:
    """The ids of the rules to run, of `rules` (every rule there is).

    `select` (when given) replaces the preset; "all" in it means every rule. Otherwise the
    preset's rules are used (`wcag-aa` when `preset` is None). `ignore` is then taken away.
    Raises KeyError for an unknown rule id and PresetError for an unknown preset.
    """
    ignore = list(ignore)
    if select is not None:
        select = list(select)
        unknown = unknown_ids([*select, *ignore], rules)
        if unknown:
            raise KeyError(f"unknown rule id(s): {', '.join(unknown)}")
        chosen = frozenset(rules) if "all" in select else frozenset(select)
    else:
        unknown = unknown_ids(ignore, rules)
        if unknown:
            raise KeyError(f"unknown rule id(s): {', '.join(unknown)}")
        chosen = preset_rule_ids(preset or DEFAULT_PRESET, rules)
    return chosen - frozenset(ignore)
