"""`--format junit`: JUnit XML as GitLab, Jenkins and Azure DevOps read it, checked with a
JUnit reader (junitparser): a testsuite per page, a testcase per rule that ran."""

from __future__ import annotations

import io
from pathlib import Path

import junitparser
import pytest

from vngpublish.check import cli

PAGE = """<!DOCTYPE html>
<html lang="nl">
<head><title>Nieuws</title></head>
<body>
<main>
<h1>Nieuws</h1>
<p>Raad op Zaterdag is een bijeenkomst voor raadsleden.</p>
<a href="/raad">Lees meer</a>
<img src="kaart.png">
<img src="plan.png">
</main>
</body>
</html>
"""
CLEAN = PAGE.replace('<a href="/raad">Lees meer</a>\n', "").replace(' src="', ' alt="Kaart" src="')
RULES = "image-alt,link-text-generic,html-has-lang,page-has-heading-one"


def junit(*argv: str) -> tuple[int, junitparser.JUnitXml, str]:
    """Run the command line with `--format junit`; the status, the parsed XML and stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([*argv, "--format", "junit"], stdout=out, stderr=err)
    xml = junitparser.JUnitXml.fromstring(out.getvalue().encode("utf-8"))
    return status, xml, err.getvalue()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`site/` with a faulty page and a clean one, in the current folder."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "site"
    root.mkdir()
    (root / "nieuws.html").write_text(PAGE, encoding="utf-8")
    (root / "schoon.html").write_text(CLEAN, encoding="utf-8")
    return root


def suites(xml: junitparser.JUnitXml) -> dict[str, junitparser.TestSuite]:
    return {suite.name: suite for suite in xml}


def test_a_suite_per_page_with_a_case_per_rule_that_ran(site: Path) -> None:
    status, xml, _ = junit("site", "--select", RULES)
    assert status == 1
    by_page = suites(xml)
    assert set(by_page) == {"site/nieuws.html", "site/schoon.html"}
    for suite in by_page.values():
        assert sorted(case.name for case in suite) == sorted(RULES.split(","))
        assert {case.classname for case in suite} == {suite.name}
    clean = by_page["site/schoon.html"]
    assert (clean.tests, clean.failures, clean.errors, clean.skipped) == (4, 0, 0, 0)
    assert all(case.is_passed for case in clean)


def test_failures_carry_every_finding_of_the_rule(site: Path) -> None:
    _, xml, _ = junit("site", "--select", RULES)
    faulty = suites(xml)["site/nieuws.html"]
    assert (faulty.tests, faulty.failures, faulty.errors) == (4, 1, 0)
    cases = {case.name: case for case in faulty}
    [failure] = cases["image-alt"].result
    assert isinstance(failure, junitparser.Failure)
    assert failure.type == "error"
    assert failure.message.startswith("2 failures")
    text = failure.text or ""
    assert "site/nieuws.html:9:1: error image-alt" in text
    assert "site/nieuws.html:10:1: error image-alt" in text
    assert "body > main > img:nth-of-type(2)" in text
    assert '<img src="plan.png">' in text


def test_cant_tell_is_not_a_failure_but_a_note_in_system_out(site: Path) -> None:
    _, xml, _ = junit("site", "--select", RULES)
    case = {c.name: c for c in suites(xml)["site/nieuws.html"]}["link-text-generic"]
    assert case.is_passed
    assert "review link-text-generic" in (case.system_out or "")
    assert "Lees meer" in (case.system_out or "")


def test_warnings_fail_with_their_type(site: Path) -> None:
    (site / "nieuws.html").write_text(PAGE.replace("h1>", "h2>"), encoding="utf-8")
    _, xml, _ = junit("site", "--select", RULES)
    case = {c.name: c for c in suites(xml)["site/nieuws.html"]}["page-has-heading-one"]
    [failure] = case.result
    assert failure.type == "warning"


def test_an_unreadable_path_is_an_error_testcase(site: Path) -> None:
    (site / "kapot.html").write_bytes(b"<p>caf\xe9</p>")
    status, xml, err = junit("site", "--select", RULES)
    assert status == 2
    broken = suites(xml)["site/kapot.html"]
    assert (broken.tests, broken.failures, broken.errors) == (1, 0, 1)
    [case] = list(broken)
    [error] = case.result
    assert isinstance(error, junitparser.Error)
    assert "utf-8" in error.message
    assert "site/kapot.html" in err


def test_text_that_xml_cannot_hold_is_replaced(site: Path) -> None:
    # A control character in the page ends up in the snippet; the XML must still parse.
    (site / "nieuws.html").write_text(
        PAGE.replace('<img src="kaart.png">', '<img src="kaart\x01.png">'), encoding="utf-8"
    )
    _, xml, _ = junit("site", "--select", "image-alt")
    case = next(iter(suites(xml)["site/nieuws.html"]))
    assert "kaart\ufffd.png" in (case.result[0].text or "")
