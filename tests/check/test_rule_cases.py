"""Every rule's documented cases in checks/cases/*.yml: passing cases pass, failing ones fail."""

from __future__ import annotations

import pytest

from vngpublish.check import check_html
from vngpublish.check.cases import Case, all_cases
from vngpublish.check.registry import load_rules

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.source + " " + c.name for c in CASES])
def test_case(case: Case) -> None:
    findings = check_html(case.html, "case.html", select=[case.rule])
    got = [(f.outcome.value, f.selector, f.line) for f in findings]
    assert len(findings) == len(case.expect), f"{case.name}: got {got}"
    for finding, expected in zip(findings, case.expect, strict=True):
        assert finding.outcome.value == expected.outcome, got
        if expected.selector is not None:
            assert finding.selector == expected.selector, got
        if expected.line is not None:
            assert finding.line == expected.line, got
        for name, value in expected.args.items():
            assert finding.args.get(name) == value, (name, finding.args)


def test_every_rule_has_a_passing_and_a_failing_case() -> None:
    by_rule: dict[str, list[Case]] = {}
    for case in CASES:
        by_rule.setdefault(case.rule, []).append(case)
    assert sorted(by_rule) == sorted(load_rules()), "catalogue and registry disagree"
    for rule_id, cases in by_rule.items():
        assert any(c.passes for c in cases), f"{rule_id} has no passing case"
        assert any(not c.passes for c in cases), f"{rule_id} has no failing case"
