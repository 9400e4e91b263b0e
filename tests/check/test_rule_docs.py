"""Every rule's documentation page, in English and Dutch: complete, its examples checked as
shown, and the pages in docs/rules/ what scripts/rule-docs writes today."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vngpublish.check import cli
from vngpublish.check.api import explain
from vngpublish.check.docs import HEADINGS, examples, index_page, paragraphs
from vngpublish.check.registry import load_rules
from vngpublish.i18n import translate

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"
RULES = sorted(load_rules())


@pytest.mark.parametrize("rule_id", RULES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_rule_has_a_complete_page(rule_id: str, lang: str) -> None:
    rule = load_rules()[rule_id]
    page = explain(rule_id, lang)
    assert page.startswith(f"# {rule_id}: {translate(rule.title, lang)}\n")
    for key in ("checks", "why", "fix", "messages", "examples"):
        assert f"## {translate(HEADINGS[key], lang)}\n" in page, key
    for paragraph in paragraphs(rule):
        assert translate(paragraph, lang) in page
    for sc in rule.wcag:
        assert f"[{sc} " in page, sc
    for key in rule.messages:
        assert f"- `{key}`: " in page
    if lang == "nl":
        # Every text of the page is Dutch: none is left as its English source.
        for paragraph in paragraphs(rule):
            assert translate(paragraph, "nl") != paragraph or len(paragraph) < 20, paragraph
        assert translate(rule.why, "nl") != rule.why


@pytest.mark.parametrize("rule_id", RULES)
def test_every_rule_shows_an_example_that_reports_and_one_that_does_not(rule_id: str) -> None:
    shown = examples(rule_id)
    assert any(e.expect == "reported" for e in shown), "no failing example"
    assert any(e.expect != "reported" for e in shown), "no passing example"


def test_a_failing_example_shows_the_message_the_rule_gives() -> None:
    page = explain("image-alt", "nl")
    assert "### Voldoet niet: een afbeelding zonder alt" in page
    assert "> `body > main > img`: De afbeelding heeft geen alt-attribuut" in page


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_committed_pages_are_current(lang: str) -> None:
    """When this fails, run scripts/rule-docs and commit docs/rules/."""
    folder = DOCS if lang == "en" else DOCS / "nl"
    rules = load_rules()
    wanted = {f"{rule_id}.md": explain(rule_id, lang) for rule_id in rules}
    wanted["README.md"] = index_page(rules, lang)
    found = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.md")}
    assert sorted(found) == sorted(wanted), "pages missing or left over: run scripts/rule-docs"
    stale = [name for name, text in wanted.items() if found[name] != text]
    assert not stale, f"out of date, run scripts/rule-docs: {stale}"


def test_explain_on_the_command_line() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--explain", "link-name", "--lang", "nl"], stdout=out, stderr=err) == 0
    assert out.getvalue() == explain("link-name", "nl")
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--explain", "link-nmae"], stdout=out, stderr=err) == 2
    assert 'did you mean "link-name"' in err.getvalue()
    assert out.getvalue() == ""
