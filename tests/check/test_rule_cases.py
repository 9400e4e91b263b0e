"""Every rule's documented cases in checks/cases/*.yml: each passes, does not apply, or
reports exactly what it says, with the named messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from case_files import Case, all_cases

from vngpublish.check import check_html
from vngpublish.check.engine import evaluate
from vngpublish.check.page import Page
from vngpublish.check.registry import load_rules
from vngpublish.check.suppress import RULE_ID as SUPPRESSION_RULE
from vngpublish.resources import checks_dir

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.source + " " + c.name for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    rule = load_rules()[case.rule]
    selected = [case.rule, *case.with_rules]
    path, root = "case.html", None
    if case.files:  # a page in a site folder with the media files it names
        shutil.copytree(checks_dir() / "cases" / "files", tmp_path, dirs_exist_ok=True)
        root = tmp_path
        path = str(tmp_path / "case.html")
        (tmp_path / "case.html").write_text(case.html, encoding="utf-8")
    findings = [
        f
        for f in check_html(case.html, path, select=selected, site_root=root)
        if f.rule == case.rule
    ]
    got = [(f.outcome.value, f.message_id, f.selector, f.line) for f in findings]
    if case.verdict != "reported":
        assert not findings, f"{case.name}: expected {case.verdict}, got {got}"
        if case.rule != SUPPRESSION_RULE:  # its findings come from applying suppressions
            applies = evaluate(Page(case.html, path, root), rule()) is not None
            assert applies == (case.verdict == "passed"), f"{case.name}: applies={applies}"
        return
    assert len(findings) == len(case.findings), f"{case.name}: got {got}"
    for finding, expected in zip(findings, case.findings, strict=True):
        assert finding.outcome.value == expected.outcome, got
        assert finding.message_id == expected.message, got
        assert expected.message in rule.messages, f"{case.rule} has no message {expected.message}"
        if expected.selector is not None:
            assert finding.selector == expected.selector, got
        if expected.line is not None:
            assert finding.line == expected.line, got
        for name, value in expected.args.items():
            assert finding.args.get(name) == value, (name, finding.args)


def test_every_rule_has_cases_that_report_and_cases_that_do_not() -> None:
    by_rule: dict[str, list[Case]] = {}
    for case in CASES:
        by_rule.setdefault(case.rule, []).append(case)
    assert sorted(by_rule) == sorted(load_rules()), "catalogue and registry disagree"
    for rule_id, cases in by_rule.items():
        assert any(c.verdict != "reported" for c in cases), f"{rule_id} has no passing case"
        assert any(c.verdict == "reported" for c in cases), f"{rule_id} has no failing case"


def test_every_message_of_every_rule_is_shown_by_a_case() -> None:
    shown = {(c.rule, f.message) for c in CASES for f in c.findings}
    missing = [
        f"{rule_id}: {message}"
        for rule_id, rule in load_rules().items()
        for message in rule.messages
        if (rule_id, message) not in shown
    ]
    assert not missing, "messages no case shows:\n" + "\n".join(missing)
