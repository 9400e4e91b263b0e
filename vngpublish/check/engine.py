"""Run rules over a page and turn their results into findings."""

from __future__ import annotations

from collections.abc import Iterable

from vngpublish.check.finding import Finding
from vngpublish.check.fingerprint import element_key, with_fingerprints
from vngpublish.check.page import Page
from vngpublish.check.rule import Rule, all_rules


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
    findings: list[tuple[Finding, str]] = []
    for rule in rules:
        for result in rule.check(page):
            el = result.element
            findings.append(
                (
                    Finding(
                        rule=rule.id,
                        severity=rule.severity,
                        outcome=result.outcome,
                        path=page.path,
                        line=page.line(el),
                        column=page.column(el),
                        selector=page.selector(el),
                        snippet=page.snippet(el),
                        message=result.message,
                        args=result.args,
                        wcag=rule.wcag,
                        act=rule.act,
                    ),
                    element_key(page, el),
                )
            )
    return with_fingerprints(findings)
