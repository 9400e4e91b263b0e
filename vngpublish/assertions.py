"""`assert_accessible`: check HTML in a test or a script, and fail with every finding listed.

The pytest plugin (`vngpublish.pytest_plugin`) offers the same function as a fixture and
attaches its findings to pytest-html reports; this module needs no pytest. See the plugin's
documentation for the arguments.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from vngpublish.i18n import N_, NP_, Plural, format_message, format_plural

# The checker itself is imported when a check is made (inside the functions below): pytest
# imports the plugin, and with it this module, in every run where vngpublish is installed.
if TYPE_CHECKING:
    from vngpublish.check.finding import Finding

__all__ = [
    "AccessibilityError",
    "AccessibilityUsageError",
    "AccessibilityWarning",
    "AssertAccessible",
    "Check",
    "assert_accessible",
    "check_text",
    "on_check",
]

FailOn = Literal["error", "warning"]
HtmlOrPath = str | bytes | os.PathLike[str]
RuleIds = str | Iterable[str]

FAIL_ON = ("error", "warning")
STRING_NAME = "<string>"
BYTES_NAME = "<bytes>"
# Something that starts a tag, comment or doctype: a str holding one is HTML, never a path.
_MARKUP = re.compile(r"<[A-Za-z!/?]")
_SHOWN_INPUT = 60  # how much of a bad input an error message quotes
FAILED_HEADER = NP_(
    "{count} accessibility finding fails the check ({selection}; fail_on={fail_on}):",
    "{count} accessibility findings fail the check ({selection}; fail_on={fail_on}):",
)
OTHERS_HEADER = NP_(
    "{count} more finding does not fail the check (to review, or below fail_on):",
    "{count} more findings do not fail the check (to review, or below fail_on):",
)
PASSED_HEADER = NP_(
    "The accessibility check passed ({selection}; fail_on={fail_on}), "
    "but {count} finding needs a look:",
    "The accessibility check passed ({selection}; fail_on={fail_on}), "
    "but {count} findings need a look:",
)
ELEMENT = N_("element: {selector}")
SNIPPET = N_("snippet: {snippet}")
SELECTION_PRESET = N_("preset {preset}")
SELECTION_RULES = N_("rules {rules}")
SELECTION_IGNORING = N_("{selection}, ignoring {rules}")
BAD_TYPE = N_(
    "assert_accessible takes HTML (str or bytes) or the path of an HTML file (str or "
    "pathlib.Path), not {type}."
)
NOT_HTML_OR_FILE = N_(
    "“{given}” is neither HTML (it has no tags) nor an existing file: pass HTML markup, or "
    "the path of an HTML file as a str or pathlib.Path."
)
NO_SUCH_FILE = N_("{path}: no such file (a str without HTML tags is read as the path of a file).")
BAD_PATH_TYPE = N_("the path {path!r} must be text, not bytes: decode it first.")
UNKNOWN_RULE = N_(
    "unknown rule id “{rule}” in {argument}; did you mean “{suggestion}”? "
    "(python -m vngpublish.check --list-rules lists the rules)"
)
UNKNOWN_RULE_NO_HINT = N_(
    "unknown rule id “{rule}” in {argument} "
    "(python -m vngpublish.check --list-rules lists the rules)"
)
IGNORE_ALL = N_("ignore cannot contain “all”: that would check nothing; name rule ids.")
RULE_ID_TYPE = N_("{argument} must hold rule ids as strings, got {value!r}.")
EMPTY_SELECT = N_(
    "select is empty, so nothing would be checked: name at least one rule id, or leave "
    "select out to use the preset."
)
SELECT_AND_PRESET = N_(
    "give select or preset, not both: select replaces the preset's rules ({select} "
    "and preset {preset} were given)."
)
UNKNOWN_PRESET = N_("unknown preset “{preset}”; choose one of: {presets}.")
UNKNOWN_PRESET_HINT = N_(
    "unknown preset “{preset}”; did you mean “{suggestion}”? Choose one of: {presets}."
)
BAD_FAIL_ON = N_("fail_on must be one of {choices}, not {value!r}.")
# Shown before the language is known to be valid, so it cannot be translated.
BAD_LANG = "lang must be one of {choices}, not {value!r}."


class AccessibilityUsageError(ValueError):
    """`assert_accessible` was called with something it cannot check (the message says why)."""


class AccessibilityWarning(UserWarning):
    """Findings that did not fail the check: to review (cantTell) or below `fail_on`."""


class AccessibilityError(AssertionError):
    """The accessibility check failed.

    The message lists every finding; `findings` holds all of them (as `assert_accessible`
    returns on success) and `failures` the ones that made the check fail.
    """

    def __init__(self, message: str, findings: list[Finding], failures: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings
        self.failures = failures


class AssertAccessible(Protocol):
    """The type of `assert_accessible` and of the fixture, for annotating tests."""

    def __call__(
        self,
        html_or_path: HtmlOrPath,
        *,
        select: RuleIds | None = None,
        ignore: RuleIds = (),
        preset: str | None = None,
        fail_on: FailOn = "error",
        lang: str = "en",
        name: str | None = None,
    ) -> list[Finding]:
        """Check the HTML; see `vngpublish.pytest_plugin.assert_accessible`."""
        ...


@dataclass(frozen=True)
class Check:
    """One call of `assert_accessible`: what was checked, and what it found."""

    path: str
    selection: str
    fail_on: str
    lang: str
    findings: list[Finding]
    failures: list[Finding]


_listeners: list[Callable[[Check], None]] = []


def on_check(listener: Callable[[Check], None]) -> None:
    """Have `listener` called with every check `assert_accessible` makes (the pytest plugin
    attaches them to the running test's report)."""
    _listeners.append(listener)


def assert_accessible(
    html_or_path: HtmlOrPath,
    *,
    select: RuleIds | None = None,
    ignore: RuleIds = (),
    preset: str | None = None,
    fail_on: FailOn = "error",
    lang: str = "en",
    name: str | None = None,
) -> list[Finding]:
    """Check HTML for accessibility; raise `AccessibilityError` when it fails.

    See the module documentation for the arguments. Returns every finding when the check
    passes; raises `AccessibilityUsageError` (or TypeError) for input it cannot check.
    """
    __tracebackhide__ = True
    from vngpublish.check import check_html
    from vngpublish.check.finding import Outcome, Severity
    from vngpublish.check.presets import DEFAULT_PRESET
    from vngpublish.i18n import LANGUAGES

    if lang not in LANGUAGES:
        raise AccessibilityUsageError(BAD_LANG.format(choices=", ".join(LANGUAGES), value=lang))
    if fail_on not in FAIL_ON:
        raise _usage(lang, BAD_FAIL_ON, choices=", ".join(FAIL_ON), value=fail_on)
    selected = _rule_ids(select, "select", lang)
    ignored = _rule_ids(ignore, "ignore", lang) or []
    if selected is not None and preset is not None:
        raise _usage(lang, SELECT_AND_PRESET, select=", ".join(selected), preset=preset)
    if selected is None:
        preset = _preset(preset or DEFAULT_PRESET, lang)
    source, path = _read(html_or_path, name, lang)

    findings = check_html(source, path, select=selected, ignore=ignored, preset=preset)
    threshold = Severity(fail_on).rank
    failures = [f for f in findings if f.outcome is Outcome.FAILED and f.severity.rank >= threshold]
    check = Check(
        path=path,
        selection=_describe_selection(preset, selected, ignored, lang),
        fail_on=fail_on,
        lang=lang,
        findings=findings,
        failures=failures,
    )
    for listener in _listeners:
        listener(check)
    if failures:
        raise AccessibilityError(check_text(check), findings, failures)
    if findings:
        warnings.warn(check_text(check), AccessibilityWarning, stacklevel=2)
    return findings


def tr(message: str, lang: str, **args: Any) -> str:
    """`message` in `lang`, with its placeholders filled from `args`."""
    return format_message(message, args, lang)


def _tr_plural(message: Plural, count: int, lang: str, **args: Any) -> str:
    """The form of `message` for `count` in `lang`, with `{count}` and `args` filled."""
    return format_plural(message, count, lang, **args)


def _usage(lang: str, message: str, **args: object) -> AccessibilityUsageError:
    return AccessibilityUsageError(tr(message, lang, **args))


def _read(html_or_path: HtmlOrPath, name: str | None, lang: str) -> tuple[str, str]:
    """The HTML to check and the path to report it under."""
    __tracebackhide__ = True
    from vngpublish.check.report.text import error_line
    from vngpublish.check.source import SourceError, decode

    if isinstance(html_or_path, bytes):
        path = name or BYTES_NAME
        try:
            return decode(html_or_path, path), path
        except SourceError as exc:
            raise AccessibilityUsageError(error_line(exc.error, lang)) from None
    if isinstance(html_or_path, str):
        if _MARKUP.search(html_or_path):
            return html_or_path, name or STRING_NAME
        if "\n" not in html_or_path and os.path.exists(html_or_path):
            return _read_file(html_or_path, lang), name or html_or_path
        if _looks_like_path(html_or_path):
            raise _usage(lang, NO_SUCH_FILE, path=html_or_path)
        shown = html_or_path
        if len(shown) > _SHOWN_INPUT:
            shown = shown[: _SHOWN_INPUT - 1] + "…"
        raise _usage(lang, NOT_HTML_OR_FILE, given=shown)
    if isinstance(html_or_path, os.PathLike):
        path = os.fspath(html_or_path)
        if not isinstance(path, str):
            raise _usage(lang, BAD_PATH_TYPE, path=path)
        return _read_file(path, lang), name or path
    raise TypeError(tr(BAD_TYPE, lang, type=type(html_or_path).__name__))


def _looks_like_path(text: str) -> bool:
    """Whether a str that is not HTML was most likely meant as a file name."""
    from vngpublish.check.source import SUFFIXES

    if not text.strip() or "\n" in text:
        return False
    return text.lower().endswith(SUFFIXES) or "/" in text or os.sep in text


def _read_file(path: str, lang: str) -> str:
    __tracebackhide__ = True
    from vngpublish.check.report.text import error_line
    from vngpublish.check.source import SourceError, read_source

    try:
        return read_source(path)
    except SourceError as exc:
        raise AccessibilityUsageError(error_line(exc.error, lang)) from None


def _rule_ids(value: RuleIds | None, argument: str, lang: str) -> list[str] | None:
    """The rule ids in `select` or `ignore` (None for no select), checked against the rules."""
    __tracebackhide__ = True
    from vngpublish.check.presets import unknown_ids
    from vngpublish.check.registry import load_rules
    from vngpublish.check.suggest import closest

    if value is None:
        return None
    if isinstance(value, str):
        ids = [part.strip() for part in value.split(",") if part.strip()]
    else:
        ids = list(value)
        for rule_id in ids:
            if not isinstance(rule_id, str):
                raise _usage(lang, RULE_ID_TYPE, argument=argument, value=rule_id)
    if argument == "select" and not ids:
        raise _usage(lang, EMPTY_SELECT)
    if argument == "ignore" and "all" in ids:
        raise _usage(lang, IGNORE_ALL)
    rules = load_rules()
    for rule_id in unknown_ids(ids, rules):
        suggestion = closest(rule_id, rules)
        if suggestion:
            raise _usage(lang, UNKNOWN_RULE, rule=rule_id, argument=argument, suggestion=suggestion)
        raise _usage(lang, UNKNOWN_RULE_NO_HINT, rule=rule_id, argument=argument)
    return ids


def _preset(preset: str, lang: str) -> str:
    __tracebackhide__ = True
    from vngpublish.check.presets import load_presets
    from vngpublish.check.suggest import closest

    presets = load_presets()
    if preset in presets:
        return preset
    choices = ", ".join(presets)
    suggestion = closest(preset, presets)
    if suggestion:
        raise _usage(
            lang, UNKNOWN_PRESET_HINT, preset=preset, suggestion=suggestion, presets=choices
        )
    raise _usage(lang, UNKNOWN_PRESET, preset=preset, presets=choices)


def _describe_selection(
    preset: str | None, selected: list[str] | None, ignored: list[str], lang: str
) -> str:
    """Which rules ran, in words: "preset wcag-aa", "rules link-name, ignoring image-alt"."""
    if selected is not None:
        text = tr(SELECTION_RULES, lang, rules=", ".join(selected))
    else:
        text = tr(SELECTION_PRESET, lang, preset=preset)
    if ignored:
        text = tr(SELECTION_IGNORING, lang, selection=text, rules=", ".join(ignored))
    return text


def check_text(check: Check) -> str:
    """The findings of a check as lines of text: the failure or warning message."""
    lang = check.lang
    failed = {id(f) for f in check.failures}
    others = [f for f in check.findings if id(f) not in failed]
    args = {"selection": check.selection, "fail_on": check.fail_on}
    lines: list[str] = []
    if check.failures:
        lines.append(_tr_plural(FAILED_HEADER, len(check.failures), lang, **args))
        lines += _finding_lines(check.failures, lang)
        if others:
            lines.append(_tr_plural(OTHERS_HEADER, len(others), lang))
    else:
        lines.append(_tr_plural(PASSED_HEADER, len(others), lang, **args))
    lines += _finding_lines(others, lang)
    return "\n".join(lines)


def _finding_lines(findings: list[Finding], lang: str) -> list[str]:
    from vngpublish.check.report.text import finding_line

    lines: list[str] = []
    for finding in findings:
        lines.append(finding_line(finding, lang))
        lines.append(_indent(tr(ELEMENT, lang, selector=finding.selector)))
        lines.append(_indent(tr(SNIPPET, lang, snippet=finding.snippet)))
    return lines


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())
