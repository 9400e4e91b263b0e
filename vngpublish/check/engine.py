"""Run the rules it is given over a page and turn their results into findings.

The engine knows no rule by name: the composition root (`vngpublish.check.registry`) finds the
rules, and whoever checks a page hands them in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from vngpublish.check.dom import Element
from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.fingerprint import element_key, occurrence_fingerprints
from vngpublish.check.locate import column, line, selector, snippet
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.sitewide import Located, SiteResult


def check_page(page: Page, rules: Iterable[Rule]) -> list[Finding]:
    """Every finding of `rules` on `page`, sorted by position, with element fingerprints."""
    return place_results(page, run_rules(page, rules))


def check_page_for_site(page: Page, rules: Iterable[Rule]) -> tuple[list[Finding], dict[str, Any]]:
    """The findings of the rules that decide `page` on its own, and the summaries of those
    that judge the whole site (`Rule.judges_site`), by rule id, for `judge_site`."""
    own: list[Rule] = []
    summaries: dict[str, Any] = {}
    for rule in rules:
        if rule.judges_site:
            summaries[rule.id] = rule.summarize(page)
        else:
            own.append(rule)
    return check_page(page, own), summaries


def judge_site(
    rules: Iterable[Rule], summaries: Mapping[str, Mapping[str, Any]]
) -> dict[str, list[Finding]]:
    """The findings of the site-judging `rules`, by path, from the summaries of every page
    (`summaries[path][rule id]`, as `check_page_for_site` gives them): sorted by position,
    with fingerprints, ready to merge with the page's own findings (`merge_findings`)."""
    judged: dict[str, list[tuple[Rule, SiteResult]]] = {}
    for rule in rules:
        if not rule.judges_site:
            continue
        mine = {path: page[rule.id] for path, page in summaries.items() if rule.id in page}
        for path, results in rule.judge(mine).items():
            judged.setdefault(path, []).extend((rule, result) for result in results)
    return {path: place_site_results(path, results) for path, results in judged.items()}


def place_site_results(path: str, results: Iterable[tuple[Rule, SiteResult]]) -> list[Finding]:
    """Findings for the results of site-judging rules on the page `path`, sorted by position,
    fingerprinted as `place_results` fingerprints the others."""
    found = sorted(results, key=lambda item: (item[1].where.line, item[1].where.column, item[0].id))
    prints = occurrence_fingerprints((rule.id, result.where.key) for rule, result in found)
    return [
        _finding(rule, result.outcome, result.message_id, result.args, path, result.where, print_)
        for (rule, result), print_ in zip(found, prints, strict=True)
    ]


def merge_findings(first: Sequence[Finding], second: Sequence[Finding]) -> list[Finding]:
    """Two sorted lists of one page's findings as one, sorted by position.

    Fingerprints stay as they are: they count occurrences per rule, and no rule is in both."""
    return sorted([*first, *second], key=Finding.sort_key)


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
        _finding(rule, result.outcome, result.message_id, result.args, page.path, place, print_)
        for (place, rule, result), print_ in zip(found, prints, strict=True)
    ]


def _finding(
    rule: Rule,
    outcome: Outcome,
    message_id: str,
    args: dict[str, Any],
    path: str,
    place: _Place | Located,
    fingerprint: str,
) -> Finding:
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        outcome=outcome,
        path=path,
        line=place.line,
        column=place.column,
        selector=place.selector,
        snippet=place.snippet,
        message=rule.messages[message_id],
        args=args,
        wcag=rule.wcag,
        act=rule.act,
        fingerprint=fingerprint,
        message_id=message_id,
    )


class _Place(NamedTuple):
    """Where a reported element is, how it reads, and its fingerprint key."""

    line: int
    column: int
    selector: str
    snippet: str
    key: str
