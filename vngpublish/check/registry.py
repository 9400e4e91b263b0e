"""The composition root of the checker: it finds the rules and hands them to whoever runs them.

A rule is one module under `vngpublish/check/rules/<topic>/` defining one subclass of `Rule`;
there is no central list to edit. `load_rules()` imports every such module (private helpers,
named `_...`, are not rules) and returns the rules by id, with the checker's own built-in rule
(`suppression-invalid`, which the suppression step reports). The command line, the runner's
callers and `check_html` ask this module; the engine runs the rules it is given and never
looks for rules itself.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterable, Mapping
from functools import cache

from vngpublish.check.rule import Rule, RuleDefinitionError
from vngpublish.check.suppress import SuppressionInvalid

BUILT_IN: tuple[type[Rule], ...] = (SuppressionInvalid,)
"""Rules that are part of the checker itself rather than of the rule catalogue."""


@cache
def load_rules() -> Mapping[str, type[Rule]]:
    """Every rule, by id, in id order.

    Raises `RuleDefinitionError` when two rules share an id or a rule module defines no rule
    or more than one.
    """
    import vngpublish.check.rules as package

    found: dict[str, type[Rule]] = {}
    for rule in (*BUILT_IN, *_rule_classes(package.__path__, package.__name__ + ".")):
        other = found.get(rule.id)
        if other is not None and other is not rule:
            raise RuleDefinitionError(f"two rules share the id {rule.id!r}: {rule} and {other}")
        found[rule.id] = rule
    return dict(sorted(found.items()))


def _rule_classes(path: Iterable[str], prefix: str) -> list[type[Rule]]:
    """The rule defined in each public module below `path`."""
    rules = []
    for info in pkgutil.walk_packages(path, prefix):
        if info.ispkg or info.name.rpartition(".")[2].startswith("_"):
            continue
        module = importlib.import_module(info.name)
        defined = [
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, Rule)
            and value.__module__ == module.__name__
            and "id" in value.__dict__
        ]
        if len(defined) != 1:
            raise RuleDefinitionError(
                f"{info.name} must define exactly one rule, a subclass of Rule with an id; "
                f"it defines {len(defined)}"
            )
        rules.append(defined[0])
    return rules


def rules_by_id(ids: Iterable[str] | None = None) -> list[Rule]:
    """Instances of the rules with these ids, in id order (every rule when `ids` is None).

    Raises KeyError naming the ids that are no rule.
    """
    registry = load_rules()
    if ids is None:
        return [cls() for cls in registry.values()]
    unknown = sorted(set(ids) - registry.keys())
    if unknown:
        raise KeyError(f"unknown rule id(s): {', '.join(unknown)}")
    return [registry[i]() for i in sorted(set(ids))]


def rule_classes(ids: Iterable[str]) -> tuple[type[Rule], ...]:
    """The classes of the rules with these ids, in id order (KeyError for an unknown id)."""
    registry = load_rules()
    unknown = sorted(set(ids) - registry.keys())
    if unknown:
        raise KeyError(f"unknown rule id(s): {', '.join(unknown)}")
    return tuple(registry[i] for i in sorted(set(ids)))
