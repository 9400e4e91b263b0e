"""Run the rules it is given over a page and turn their results into findings.

The engine knows no rule by name: the composition root (`vngpublish.check.registry`) finds the
rules, and whoever checks a page hands them in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from vngpublish.check.dom import Element
from vngpublish.check.finding import Finding
from vngpublish.check.fingerprint import element_key, occurrence_fingerprints
from vngpublish.check.locate import column, line, selector, snippet
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


def check_page(page: Page, rules: Iterable[Rule]) -> list[Finding]:
    """Every finding of `rules` on `page`, sorted by position, with element fingerprints."""
    return place_results(page, run_rules(page, rules))


def run_rules(page: Page, rules: Iterable[Rule]) -> list[tuple[Rule, Result]]:
    """What each rule reports on `page`, rule by rule, as the rules yield it: the results of
    its expectations on its test targets (none when it is inapplicable)."""
    found: list[tuple[Rule, Result]] = []
    for rule in rules:
        targets = rule.applicable(page)
        if targets:
            found += [(rule, result) for result in rule.expect(page, targets)]
    return found


def evaluate(page: Page, rule: Rule) -> list[Result] | None:
    """The results of one rule on `page`: None when it is inapplicable (no test targets), an
    empty list when every target passes."""
    targets = rule.applicable(page)
    if not targets:
        return None
    return list(rule.expect(page, targets))


def place_results(page: Page, results: Iterable[tuple[Rule, Result]]) -> list[Finding]:
    """Findings for the results of rules on `page`: where each reported element is (line,
    column, selector), how it reads (snippet), and its fingerprint; sorted by position."""
    # Where an element is and how it reads are worked out once per element: rules often
    # report the same element (a "Lees meer" link is generic and also shares its name).
    places: dict[Element, _Place] = {}
    found: list[tuple[_Place, Rule, Result]] = []
    for rule, result in results:
        el = result.element
        place = places.get(el)
        if place is None:
            key = element_key(page, el)  # reads more of the text than the snippet: first
            place = places[el] = _Place(
                line(el), column(page, el), selector(page, el), snippet(page, el), key
            )
        found.append((place, rule, result))
    found.sort(key=lambda item: (item[0].line, item[0].column, item[1].id))
    prints = occurrence_fingerprints((rule.id, place.key) for place, rule, _ in found)
    return [
        Finding(
            rule=rule.id,
            severity=rule.severity,
            outcome=result.outcome,
            path=page.path,
            line=place.line,
            column=place.column,
            selector=place.selector,
            snippet=place.snippet,
            message=rule.messages[result.message_id],
            args=result.args,
            wcag=rule.wcag,
            act=rule.act,
            fingerprint=fingerprint,
            message_id=result.message_id,
        )
        for (place, rule, result), fingerprint in zip(found, prints, strict=True)
    ]


class _Place(NamedTuple):
    """Where a reported element is, how it reads, and its fingerprint key."""

    line: int
    column: int
    selector: str
    snippet: str
    key: str
