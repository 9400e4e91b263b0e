"""The plugin in a user's pytest run: outcomes, output, warnings and the pytest-html report.

Each test writes a small project (no conftest.py, as a user's would be) and runs pytest on it
with `pytester`. Runs that rely on the plugin being found through its entry point run pytest
in a subprocess.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from plugin_pages import BAD, GOOD, HOSTILE, REVIEW, line_of

import vngpublish.pytest_plugin

pytest_plugins = ["pytester"]


def user_tests(pytester: pytest.Pytester, body: str) -> None:
    """Write test_templates.py: the pages as constants, then `body`."""
    pages = "\n".join(
        f"{name} = {html!r}"
        for name, html in {"GOOD": GOOD, "BAD": BAD, "REVIEW": REVIEW, "HOSTILE": HOSTILE}.items()
    )
    pytester.makepyfile(
        test_templates=f"from vngpublish.pytest_plugin import assert_accessible\n\n"
        f"{pages}\n\n{body}"
    )


def test_a_users_template_tests_pass_and_fail_with_readable_output(
    pytester: pytest.Pytester,
) -> None:
    # The failing test uses the fixture, which only the entry point provides.
    user_tests(
        pytester,
        "def test_good_template():\n"
        "    assert_accessible(GOOD)\n\n"
        "def test_bare_lees_meer(assert_accessible):\n"
        "    assert_accessible(BAD)\n",
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*test_bare_lees_meer*",
            "*AccessibilityError: 2 accessibility findings fail the check*",
            f"*<string>:{line_of(BAD, '<html>')}:1: error html-has-lang *",
            "*element: html",
            f"*<string>:{line_of(BAD, 'Lees meer')}:1: error link-text-generic *",
            "*element: body > main > a",
            '*snippet: <a href="/regeling">Lees meer</a>',
            "*1 more finding does not fail the check*",
            f"*<string>:{line_of(BAD, '<body>')}:1: warning page-has-heading-one *",
        ]
    )


def test_bad_input_shows_the_error_at_the_users_line_only(pytester: pytest.Pytester) -> None:
    user_tests(
        pytester,
        "def test_typo():\n"
        "    assert_accessible('templates/ontbreekt.html')\n\n"
        "def test_unknown_rule():\n"
        "    assert_accessible(GOOD, ignore=['lnik-name'])\n",
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        [
            "*AccessibilityUsageError: templates/ontbreekt.html: no such file*",
            "*AccessibilityUsageError: unknown rule id “lnik-name” in ignore; "
            "did you mean “link-name”?*",
        ]
    )
    # The traceback stops at the user's call: no frames from inside the plugin.
    result.stdout.no_fnmatch_line("*pytest_plugin.py:*")


def test_findings_to_review_pass_and_show_in_the_warnings_summary(
    pytester: pytest.Pytester,
) -> None:
    user_tests(
        pytester,
        "def test_review():\n"
        "    findings = assert_accessible(REVIEW)\n"
        "    assert [f.rule for f in findings] == ['link-text-generic']\n",
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(
        [
            "*warnings summary*",
            # Reported at the user's call, not inside the plugin.
            "*test_templates.py:*: AccessibilityWarning: The accessibility check passed*"
            "1 finding needs a look:",
            f"*<string>:{line_of(REVIEW, 'Lees meer')}:1: review link-text-generic *",
        ]
    )


def report_rows(report: Path) -> dict[str, list[dict[str, Any]]]:
    """The test rows of a pytest-html 4 report, by test id, from its JSON data blob."""
    page = lxml.html.parse(str(report)).getroot()
    container = page.get_element_by_id("data-container")
    data: dict[str, Any] = json.loads(container.get("data-jsonblob"))
    tests: dict[str, list[dict[str, Any]]] = data["tests"]
    return tests


def extras_of(rows: dict[str, list[dict[str, Any]]], test: str, kind: str) -> list[Any]:
    """The extras of one format ("html", "text") attached to a test's rows."""
    return [
        extra
        for row in rows[f"test_templates.py::{test}"]
        for extra in row["extras"]
        if extra["format_type"] == kind
    ]


def table_rows(extra: dict[str, Any]) -> list[dict[str, str]]:
    """The findings table of an html extra: one dict per row, keyed by column header."""
    table = lxml.html.fragment_fromstring(extra["content"])
    assert table.tag == "table"
    headers = [th.text_content() for th in table.iter("th")]
    return [
        dict(zip(headers, (td.text_content() for td in tr.iter("td")), strict=True))
        for tr in table.iter("tr")
        if tr.find("td") is not None
    ]


def test_the_pytest_html_report_shows_the_findings(pytester: pytest.Pytester) -> None:
    user_tests(
        pytester,
        "def test_good_template():\n"
        "    assert_accessible(GOOD)\n\n"
        "def test_bare_lees_meer(assert_accessible):\n"
        "    assert_accessible(HOSTILE)\n\n"
        "def test_review_then_failure():\n"
        "    assert_accessible(REVIEW)\n"
        "    assert_accessible(BAD, select=['html-has-lang'])\n",
    )
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "--html=report.html", "--self-contained-html"
    )
    result.assert_outcomes(passed=1, failed=2)
    rows = report_rows(pytester.path / "report.html")

    # A check that found nothing adds nothing.
    assert extras_of(rows, "test_good_template", "html") == []

    (failed,) = extras_of(rows, "test_bare_lees_meer", "html")
    found = {(row["Rule"], row["Line:column"], row["Result"]) for row in table_rows(failed)}
    assert found == {
        ("html-has-lang", f"{line_of(HOSTILE, '<html>')}:1", "error: fails the check"),
        ("link-text-generic", f"{line_of(HOSTILE, 'Lees meer')}:1", "error: fails the check"),
        ("page-has-heading-one", f"{line_of(HOSTILE, '<body>')}:1", "warning: below fail_on"),
    }
    # The snippet's markup is shown as text, never inserted into the report as elements.
    table = lxml.html.fragment_fromstring(failed["content"])
    assert table.xpath("//img | //a | //script") == []
    assert "onerror=alert(1)" in table.text_content()

    # The same findings as text, as in the failure message.
    (text,) = extras_of(rows, "test_bare_lees_meer", "text")
    assert text["content"].startswith("data:text/plain;charset=utf-8;base64,")
    lines = base64.b64decode(text["content"].partition(",")[2]).decode("utf-8").splitlines()
    assert f"<string>:{line_of(HOSTILE, '<html>')}:1: error html-has-lang" in "\n".join(lines)

    # Every check in a test is attached, including one that passed with a finding to review.
    review, failure = extras_of(rows, "test_review_then_failure", "html")
    assert [(r["Rule"], r["Result"]) for r in table_rows(review)] == [
        ("link-text-generic", "review: to review")
    ]
    assert [r["Rule"] for r in table_rows(failure)] == ["html-has-lang"]


def test_without_pytest_html_the_checks_work_the_same(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_tests(pytester, "def test_bare_lees_meer():\n    assert_accessible(BAD)\n")
    with_html = pytester.inline_run("-p", "no:cacheprovider")
    monkeypatch.setattr(vngpublish.pytest_plugin, "_pytest_html_extras", lambda: None)
    without_html = pytester.inline_run("-p", "no:cacheprovider", "-p", "no:html")
    for run, attached in ((with_html, True), (without_html, False)):
        (call,) = [r for r in run.getreports("pytest_runtest_logreport") if r.when == "call"]
        assert call.failed
        assert "error link-text-generic" in call.longreprtext
        extras = getattr(call, "extras", [])
        assert any("link-text-generic" in extra["content"] for extra in extras) is attached
