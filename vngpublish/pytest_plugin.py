"""pytest plugin: `assert_accessible` for tests of templates, with findings in pytest-html reports.

Installing vngpublish installs the plugin (entry point `pytest11`); nothing to configure. Use
the importable function or the fixture of the same name; they are the same check::

    from pathlib import Path

    from vngpublish.pytest_plugin import assert_accessible


    def test_newsletter_page() -> None:
        html = render_my_template("nieuwsbrief.html")  # your own code
        assert_accessible(html)  # WCAG 2.2 A + AA (preset wcag-aa); fails on errors


    def test_built_site(assert_accessible) -> None:  # the fixture: no import needed
        assert_accessible(Path("site/index.html"), ignore=["heading-order"])
        findings = assert_accessible(
            "site/email.html", preset="email", fail_on="warning", lang="nl"
        )
        assert not findings  # nothing left for a person to review either

`assert_accessible(html_or_path, *, select=None, ignore=(), preset=None, fail_on="error",
lang="en", name=None)` takes:

- `html_or_path`: HTML as a `str` (or `bytes`, decoded like a file), or the path of a file as
  a `pathlib.Path` or a `str`. A `str` is read as a path only when it contains no HTML tags
  and names an existing file; anything else is an `AccessibilityUsageError`.
- `select`: rule ids to run instead of the preset (a list, or one comma-separated string);
  `ignore`: rule ids to leave out. `python -m vngpublish.check --list-rules` lists the ids.
  An unknown id is an `AccessibilityUsageError` that suggests the closest id.
- `preset`: a preset from `checks/presets` (`wcag-a`, `wcag-aa`, `email`, `all`); the default
  is `wcag-aa`. Give `select` or `preset`, not both.
- `fail_on`: `"error"` (the default) fails on findings of severity error; `"warning"` on
  warnings too. Only findings with outcome `failed` fail the check: a `cantTell` finding
  (needs review) never does.
- `lang`: the language of the messages, `"en"` (default) or `"nl"`.
- `name`: the file name to report findings under, instead of the path of the file read
  (or `<string>` / `<bytes>` for HTML given as text).

It returns every finding (including those to review) when the check passes, so a test can
assert on them; findings that did not fail are also shown as an `AccessibilityWarning` in
pytest's warnings summary. When it fails, it raises `AccessibilityError` (an AssertionError)
whose message lists every finding as `path:line:col: severity rule-id message`, with the
element's selector and snippet; `.findings` holds every finding and `.failures` those that
failed the check.

With pytest-html installed (`pytest --html=report.html`), each check that found something is
attached to its test's row in the report: a table of the findings and the same text as the
failure message. Without pytest-html the plugin works the same, without the attachments.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Generator
from contextvars import ContextVar
from functools import cache
from html import escape
from types import ModuleType

import pytest

from vngpublish.assertions import (
    AccessibilityError,
    AccessibilityUsageError,
    AccessibilityWarning,
    AssertAccessible,
    Check,
    assert_accessible,
    check_text,
    on_check,
    tr,
)
from vngpublish.i18n import N_

__all__ = [
    "AccessibilityError",
    "AccessibilityUsageError",
    "AccessibilityWarning",
    "AssertAccessible",
    "assert_accessible",
]

CAPTION = N_("Accessibility findings on {path} ({selection}; fail_on={fail_on})")
TEXT_EXTRA_NAME = N_("Accessibility findings on {path}")
COLUMN_RESULT = N_("Result")
COLUMN_RULE = N_("Rule")
COLUMN_PLACE = N_("Line:column")
COLUMN_MESSAGE = N_("Message")
COLUMN_ELEMENT = N_("Element")
COLUMN_WCAG = N_("WCAG")
RESULT_FAILS = N_("fails the check")
RESULT_REVIEW = N_("to review")
RESULT_REPORTED = N_("below fail_on")

# The test being run, so that checks made during it can be attached to its report.
_current_item: ContextVar[pytest.Item | None] = ContextVar("vngpublish_item", default=None)
_CHECKS = pytest.StashKey[list[Check]]()


@pytest.fixture(name="assert_accessible")
def assert_accessible_fixture() -> AssertAccessible:
    """The `assert_accessible` function, for tests that prefer a fixture to an import."""
    return assert_accessible


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    """Remember the running test, so the checks made during it are attached to its report."""
    token = _current_item.set(item)
    try:
        return (yield)
    finally:
        _current_item.reset(token)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach the findings of this phase's checks to the report, for pytest-html."""
    report = yield
    checks = item.stash.get(_CHECKS, [])
    item.stash[_CHECKS] = []
    html_extras = _pytest_html_extras()
    shown = [check for check in checks if check.findings]
    if html_extras is None or not shown:
        return report
    extras = list(getattr(report, "extras", []))
    for check in shown:
        extras.append(html_extras.html(_html(check)))
        title = tr(TEXT_EXTRA_NAME, check.lang, path=check.path)
        # pytest-html puts the name into its links column as HTML, unescaped.
        extras.append(html_extras.text(check_text(check), name=escape(title)))
    # TestReport declares no `extras`; pytest-html reads this attribute by that name.
    setattr(report, "extras", extras)  # noqa: B010
    return report


@cache
def _pytest_html_extras() -> ModuleType | None:
    """`pytest_html.extras` when pytest-html is installed, else None."""
    if importlib.util.find_spec("pytest_html") is None:
        return None
    return importlib.import_module("pytest_html.extras")


def _record(check: Check) -> None:
    item = _current_item.get()
    if item is not None:
        item.stash.setdefault(_CHECKS, []).append(check)


on_check(_record)


def _html(check: Check) -> str:
    """The findings of a check as an HTML table (every value escaped) for pytest-html."""
    from vngpublish.check.finding import Outcome

    lang = check.lang
    failed = {id(f) for f in check.failures}
    caption = tr(CAPTION, lang, path=check.path, selection=check.selection, fail_on=check.fail_on)
    columns = (
        COLUMN_RESULT,
        COLUMN_RULE,
        COLUMN_PLACE,
        COLUMN_MESSAGE,
        COLUMN_ELEMENT,
        COLUMN_WCAG,
    )
    head = "".join(f'<th scope="col">{escape(tr(c, lang))}</th>' for c in columns)
    rows = []
    for finding in check.findings:
        if id(finding) in failed:
            result = RESULT_FAILS
        elif finding.outcome is Outcome.CANT_TELL:
            result = RESULT_REVIEW
        else:
            result = RESULT_REPORTED
        severity = "review" if finding.outcome is Outcome.CANT_TELL else finding.severity.value
        message = tr(finding.message, lang, **finding.args)
        cells = (
            f"{escape(severity)}: {escape(tr(result, lang))}",
            f"<code>{escape(finding.rule)}</code>",
            f"{finding.line}:{finding.column}",
            escape(message),
            f"<code>{escape(finding.selector)}</code><br><code>{escape(finding.snippet)}</code>",
            escape(", ".join(finding.wcag)),
        )
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (
        '<table class="vngpublish-findings">'
        f"<caption>{escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody>"
        "</table>"
    )
