"""`assert_accessible` called directly: what passes, what fails, how failures read, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from plugin_pages import BAD, GOOD, REVIEW, WARNING_ONLY, line_of

from vngpublish.check.finding import Finding, Outcome
from vngpublish.i18n import format_message
from vngpublish.pytest_plugin import (
    AccessibilityError,
    AccessibilityUsageError,
    AccessibilityWarning,
    assert_accessible,
)


def failure(html: str | Path | bytes, **options: object) -> AccessibilityError:
    with pytest.raises(AccessibilityError) as caught:
        assert_accessible(html, **options)  # type: ignore[arg-type]
    return caught.value


def rules(findings: list[Finding]) -> list[str]:
    return sorted(f.rule for f in findings)


def test_an_accessible_page_passes_with_nothing_to_report() -> None:
    assert assert_accessible(GOOD) == []


def test_a_bare_lees_meer_link_and_no_lang_fail_the_check() -> None:
    error = failure(BAD)
    assert isinstance(error, AssertionError)
    assert rules(error.failures) == ["html-has-lang", "link-text-generic"]
    # The best-practice warning is reported, but only errors fail by default.
    assert rules(error.findings) == ["html-has-lang", "link-text-generic", "page-has-heading-one"]


def test_the_failure_message_names_place_severity_rule_element_and_snippet() -> None:
    message = str(failure(BAD))
    html_line = line_of(BAD, "<html>")
    link_line = line_of(BAD, "Lees meer")
    assert f"<string>:{html_line}:1: error html-has-lang " in message
    assert f"<string>:{link_line}:1: error link-text-generic " in message
    assert "body > main > a" in message
    assert '<a href="/regeling">Lees meer</a>' in message
    # Findings that do not fail are listed too, after the failures.
    warning = message.index("warning page-has-heading-one")
    assert warning > message.index("error link-text-generic")


def test_findings_to_review_never_fail_and_are_returned_and_warned() -> None:
    with pytest.warns(AccessibilityWarning, match="review link-text-generic"):
        findings = assert_accessible(REVIEW)
    assert [(f.rule, f.outcome) for f in findings] == [("link-text-generic", Outcome.CANT_TELL)]
    # Even fail_on="warning" does not make a finding to review fail.
    with pytest.warns(AccessibilityWarning):
        assert_accessible(REVIEW, fail_on="warning")


def test_fail_on_warning_fails_on_warnings_too() -> None:
    with pytest.warns(AccessibilityWarning, match="page-has-heading-one"):
        assert rules(assert_accessible(WARNING_ONLY)) == ["page-has-heading-one"]
    assert rules(failure(WARNING_ONLY, fail_on="warning").failures) == ["page-has-heading-one"]


def test_select_runs_only_the_named_rules() -> None:
    assert rules(failure(BAD, select=["html-has-lang"]).findings) == ["html-has-lang"]
    # One comma-separated string works like the command line's --select.
    assert rules(failure(BAD, select="link-text-generic, link-name").findings) == [
        "link-text-generic"
    ]


def test_ignore_leaves_rules_out() -> None:
    with pytest.warns(AccessibilityWarning):
        findings = assert_accessible(BAD, ignore=["html-has-lang", "link-text-generic"])
    assert rules(findings) == ["page-has-heading-one"]
    assert rules(failure(BAD, ignore="html-has-lang").failures) == ["link-text-generic"]


def test_preset_chooses_the_rules() -> None:
    # wcag-a leaves out best-practice rules such as page-has-heading-one.
    assert rules(failure(BAD, preset="wcag-a").findings) == ["html-has-lang", "link-text-generic"]
    assert assert_accessible(WARNING_ONLY, preset="wcag-a") == []


def test_messages_in_dutch() -> None:
    error = failure(BAD, lang="nl")
    html_has_lang = next(f for f in error.findings if f.rule == "html-has-lang")
    dutch = format_message(html_has_lang.message, html_has_lang.args, "nl")
    assert dutch != html_has_lang.message
    assert dutch in str(error)
    assert html_has_lang.message not in str(error)


def test_a_name_to_report_findings_under(tmp_path: Path) -> None:
    message = str(failure(BAD, name="templates/nieuws.html"))
    assert f"templates/nieuws.html:{line_of(BAD, '<html>')}:1: error html-has-lang" in message
    page = tmp_path / "build-1234.html"
    page.write_text(BAD, encoding="utf-8")
    message = str(failure(page, name="nieuws.html"))
    assert f"nieuws.html:{line_of(BAD, '<html>')}:1: error html-has-lang" in message
    assert "build-1234" not in message


@pytest.mark.parametrize("as_str", [False, True], ids=["Path", "str"])
def test_a_file_given_by_path(tmp_path: Path, as_str: bool) -> None:
    page = tmp_path / "nieuws.html"
    page.write_text(BAD, encoding="utf-8")
    message = str(failure(str(page) if as_str else page))
    assert f"{page}:{line_of(BAD, 'Lees meer')}:1: error link-text-generic" in message
    good = tmp_path / "goed.html"
    good.write_text(GOOD, encoding="utf-8")
    assert assert_accessible(str(good) if as_str else good) == []


def test_bytes_are_decoded_like_a_file() -> None:
    assert assert_accessible(GOOD.encode("utf-8")) == []
    assert rules(failure(BAD.encode("utf-8")).failures) == ["html-has-lang", "link-text-generic"]


def usage_error(html: object, **options: object) -> str:
    with pytest.raises(AccessibilityUsageError) as caught:
        assert_accessible(html, **options)  # type: ignore[arg-type]
    return str(caught.value)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "ontbreekt.html"
    assert str(missing) in usage_error(missing)
    # A str without tags is read as a path.
    message = usage_error(str(missing))
    assert f"{missing}: no such file" in message
    assert "ontbreekt.html: no such file" in usage_error("ontbreekt.html")


def test_text_without_tags_is_an_error() -> None:
    assert "neither HTML" in usage_error("Lees meer")
    assert "neither HTML" in usage_error("")


def test_a_folder_is_an_error(tmp_path: Path) -> None:
    assert "is a folder" in usage_error(tmp_path)


def test_an_undecodable_file_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    page = tmp_path / "latin1.html"
    page.write_bytes(b"<!doctype html>\n<html lang=nl>\n<title>Caf\xe9</title>\n</html>\n")
    message = usage_error(page)
    assert f"{page}:3:" in message
    assert "0xE9" in message


def test_other_types_are_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        assert_accessible(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"select": "lnk-name"}, "did you mean “link-name”"),
        ({"ignore": ["html-has-lagn"]}, "did you mean “html-has-lang”"),
        ({"select": ["qqqqqqqq"]}, "unknown rule id “qqqqqqqq” in select"),
        ({"select": []}, "select is empty"),
        ({"select": [1]}, "select must hold rule ids"),
        ({"ignore": ["all"]}, "ignore cannot contain “all”"),
        ({"select": "link-name", "preset": "email"}, "not both"),
        ({"preset": "wcag-aaa"}, "did you mean “wcag-aa”"),
        ({"preset": "qqqqqqqq"}, "choose one of: "),
        ({"fail_on": "never"}, "fail_on must be one of error, warning"),
        ({"lang": "de"}, "lang must be one of en, nl"),
    ],
)
def test_bad_options_are_clear_errors(options: dict[str, object], expected: str) -> None:
    assert expected in usage_error(GOOD, **options)


def test_option_errors_in_dutch() -> None:
    english = usage_error(GOOD, select="lnk-name")
    dutch = usage_error(GOOD, select="lnk-name", lang="nl")
    assert dutch != english
    assert "link-name" in dutch
