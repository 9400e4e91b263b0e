"""The HTML report's summary by WCAG success criterion (a helper of `html`, not a format):
which criteria have failures, and which the rules tested without finding one.

A criterion without failures is never presented as met: automated rules test only part of
what a criterion asks, so each such criterion lists the rules that tested it and says that a
person must check the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from vngpublish.check.rule import Rule
from vngpublish.check.wcag import SuccessCriterion, criterion, sort_key
from vngpublish.i18n import N_, translate

KINDS = ("error", "warning", "review")
"""How a finding is shown: a failure's severity, or "review" for cantTell."""

REST = N_("everything else WCAG {sc} asks")
"""What a person must still check of a criterion the rules found no failure of."""


@dataclass(frozen=True, slots=True)
class Counts:
    """Findings by kind, and on how many pages."""

    error: int = 0
    warning: int = 0
    review: int = 0
    pages: int = 0

    @property
    def failed(self) -> int:
        """Errors and warnings together."""
        return self.error + self.warning


def count_kinds(kinds: Iterable[str]) -> Counts:
    """How many findings of each kind `kinds` (one entry per finding) holds."""
    numbers = dict.fromkeys(KINDS, 0)
    for kind in kinds:
        numbers[kind] += 1
    return Counts(numbers["error"], numbers["warning"], numbers["review"])


@dataclass(frozen=True, slots=True)
class CriterionView:
    """A success criterion as the template shows it."""

    sc: str
    title: str
    level: str
    en301549: str
    url: str
    counts: Counts
    rules: list[str]
    tested_by: list[str] = field(default_factory=list)
    """Each rule that tested it, with its title ("meta-viewport: Zoom is not disabled")."""
    rest: str = ""
    """What a person must still check of it."""


def criterion_view(
    sc: str, lang: str, counts: Counts | None = None, rules: list[str] | None = None
) -> CriterionView:
    """Criterion `sc` with its title in `lang`, its level, EN 301 549 clause and link."""
    known: SuccessCriterion | None = criterion(sc)
    return CriterionView(
        sc=sc,
        title=known.title(lang) if known else "",
        level=known.level if known else "",
        en301549=(known.en301549 or "") if known else "",
        url=known.understanding if known else "",
        counts=counts or Counts(),
        rules=rules or [],
    )


@dataclass(frozen=True, slots=True)
class Reported:
    """What one rule reported, for the summary: its criteria, and for each group of its
    findings the kind and the pages (one entry per finding)."""

    rule: str
    criteria: Sequence[str]
    findings: Sequence[tuple[str, Sequence[int]]]


def split_criteria(
    reported: Iterable[Reported],
    selected: Iterable[str] | None,
    catalog: Mapping[str, type[Rule]],
    lang: str,
) -> tuple[list[CriterionView], list[CriterionView] | None]:
    """The criteria with failures, and those the `selected` rules tested without finding one
    (None when which rules ran is not known), in WCAG order."""
    tested: dict[str, set[str]] = {}
    for rule_id in selected if selected is not None else ():
        rule = catalog.get(rule_id)
        for sc in rule.wcag if rule else ():
            tested.setdefault(sc, set()).add(rule_id)
    kinds: dict[str, list[str]] = {}
    pages: dict[str, set[int]] = {}
    rules_with: dict[str, set[str]] = {}
    for report in reported:
        for sc in report.criteria:
            rules_with.setdefault(sc, set()).add(report.rule)
            for kind, on_pages in report.findings:
                kinds.setdefault(sc, []).extend(kind for _ in on_pages)
                if kind != "review":
                    pages.setdefault(sc, set()).update(on_pages)
    failed = []
    untested = []
    for sc in sorted(set(tested) | set(kinds), key=sort_key):
        counts = count_kinds(kinds.get(sc, ()))
        counts = replace(counts, pages=len(pages.get(sc, ())))
        if counts.failed:
            failed.append(criterion_view(sc, lang, counts, sorted(rules_with[sc])))
        elif selected is not None:
            rules = sorted(tested.get(sc, ()))
            untested.append(_tested_in_part(sc, lang, counts, rules, catalog))
    return failed, (untested if selected is not None else None)


def _tested_in_part(
    sc: str, lang: str, counts: Counts, rules: list[str], catalog: Mapping[str, type[Rule]]
) -> CriterionView:
    """A criterion the rules found no failure of: which rules tested it, and that a person
    must check the rest (automated rules never cover a whole criterion)."""
    tested_by = []
    for rule_id in rules:
        rule = catalog.get(rule_id)
        title = translate(rule.title, lang) if rule else ""
        tested_by.append(f"{rule_id}: {title}" if title else rule_id)
    rest = translate(REST, lang).format(sc=sc)
    return replace(criterion_view(sc, lang, counts, rules), tested_by=tested_by, rest=rest)
