"""`--list-rules`: every rule's metadata, as JSON for tools or a table for people."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Any, TextIO

from vngpublish.check.presets import load_presets, preset_rule_ids
from vngpublish.check.rule import Rule
from vngpublish.i18n import translate
from vngpublish.resources import checks_dir


@cache
def _en301549() -> dict[str, str]:
    data = json.loads((checks_dir() / "wcag" / "success-criteria.json").read_text(encoding="utf-8"))
    return {sc["sc"]: sc["en301549"] for sc in data if sc.get("en301549")}


FORMATS = ("json", "text")
"""What `--list-rules` can write."""


def rule_list(catalog: Mapping[str, type[Rule]], lang: str = "en") -> list[dict[str, Any]]:
    """The metadata of every rule of `catalog`, as `--list-rules --format json` prints it."""
    clauses = _en301549()
    presets = load_presets()
    in_preset = {name: preset_rule_ids(name, catalog) for name in presets}
    return [
        {
            "id": rule_id,
            "title": translate(rule.title, lang),
            "level": rule.level,
            "severity": rule.severity.value,
            "wcag": list(rule.wcag),
            "en301549": [clauses[sc] for sc in rule.wcag if sc in clauses],
            "act": list(rule.act),
            "axe": list(rule.axe),
            "tags": list(rule.all_tags()),
            "presets": [name for name in presets if rule_id in in_preset[name]],
            "description": rule.description(),
        }
        for rule_id, rule in catalog.items()
    ]


def write_rule_list(catalog: Mapping[str, type[Rule]], fmt: str, lang: str, out: TextIO) -> None:
    """Write `rule_list` to `out` as JSON, or as a table for people (`fmt` "text"); `fmt`
    must be one of `FORMATS`."""
    rules = rule_list(catalog, lang)
    if fmt == "json":
        json.dump(rules, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    width = max((len(r["id"]) for r in rules), default=0)
    for r in rules:
        wcag = ", ".join(r["wcag"]) or "-"
        print(
            f"{r['id']:<{width}}  {r['level']:<13}  {r['severity']:<7}  {wcag:<12}  {r['title']}",
            file=out,
        )
