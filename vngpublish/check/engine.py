"""Run rules over a page and turn their results into findings."""

from __future__ import annotations

from collections.abc import Iterable

from vngpublish.check.finding import Finding
from vngpublish.check.fingerprint import element_key, occurrence_fingerprints
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule, all_rules


def rules_by_id(ids: Iterable[str] | None = None) -> list[Rule]:
    """Instances of the rules with these ids (all rules when `ids` is None)."""
    registry = all_rules()
    if ids is None:
        return [cls() for cls in registry.values()]
    unknown = sorted(set(ids) - registry.keys())
    if unknown:
        raise KeyError(f"unknown rule id(s): {', '.join(unknown)}")
    return [registry[i]() for i in sorted(set(ids))]


def check_page(page: Page, rules: Iterable[Rule]) -> list[Finding]:
    """Every finding of `rules` on `page`, sorted by position, with element fingerprints."""
    found: list[tuple[tuple[str, int, int, str], Rule, Result]] = []
    for rule in rules:
        for result in rule.check(page):
            el = result.element
            found.append(((page.path, page.line(el), page.column(el), rule.id), rule, result))
    found.sort(key=lambda item: item[0])
    prints = occurrence_fingerprints(
        (rule.id, element_key(page, result.element)) for _, rule, result in found
    )
    return [
        Finding(
            rule=rule.id,
            severity=rule.severity,
            outcome=result.outcome,
            path=path,
            line=line,
            column=column,
            selector=page.selector(result.element),
            snippet=page.snippet(result.element),
            message=result.message,
            args=result.args,
            wcag=rule.wcag,
            act=rule.act,
            fingerprint=fingerprint,
        )
        for ((path, line, column, _), rule, result), fingerprint in zip(found, prints, strict=True)
    ]
