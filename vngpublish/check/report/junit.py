"""JUnit XML (the Ant/Jenkins shape), for the test report views of GitLab, Jenkins and Azure
DevOps::

    <testsuites name="vngpublish">
      <testsuite name="site/nieuws.html" tests="21" failures="1" errors="0" skipped="0" time="...">
        <testcase classname="site/nieuws.html" name="link-name" file="site/nieuws.html">
          <failure message="..." type="error">site/nieuws.html:12:5: error link-name ...
              selector
              snippet</failure>
          <system-out>to review: site/nieuws.html:40:3: review image-alt ...</system-out>
        </testcase>
        ...

One testsuite per page and one testcase per rule that ran on it, so the views show which
pages fail which rules, and a rule that passes shows as a passed test. The command line tells
the writer the selected rules (`rules`); rules with findings are always included. A failed
finding, error or warning, makes its testcase a `<failure>` whose `type` is the most severe
severity among them and whose text lists every finding (the text format's line, then the
selector and the snippet). Findings that need review (cantTell) are no failures: they are
listed in the testcase's `<system-out>`. A path that could not be checked is a testsuite with
one `<error>` testcase named `read`.

Each testsuite is written when its page is done; the root carries no totals, so memory stays
flat (the readers sum the suites).
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from typing import Any

from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.report import ReportWriter
from vngpublish.check.report.text import error_line, finding_line
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary
from vngpublish.i18n import N_, NP_, format_message, format_plural

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FAILURES = NP_("{count} failure: {first}", "{count} failures, the first: {first}")
REVIEW = N_("to review:")


def xml_text(text: str) -> str:
    """`text` with the characters XML 1.0 cannot represent replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _finding_text(finding: Finding, lang: str) -> str:
    return "\n".join(
        xml_text(part)
        for part in (
            finding_line(finding, lang),
            f"    {finding.selector}",
            f"    {finding.snippet}",
        )
    )


class Writer(ReportWriter):
    """Writes one testsuite per page as each page is done."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.started = time.perf_counter()
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="vngpublish">\n')

    def _write(self, suite: ET.Element) -> None:
        ET.indent(suite, space="  ", level=1)
        self.out.write("  " + ET.tostring(suite, encoding="unicode") + "\n")

    def _elapsed(self) -> str:
        now = time.perf_counter()
        elapsed, self.started = now - self.started, now
        return f"{elapsed:.3f}"

    def error(self, error: FileError) -> None:
        """A testsuite with one `<error>` testcase; also said on `err` at once."""
        message = xml_text(format_message(error.message, error.args, self.lang))
        suite = ET.Element(
            "testsuite",
            name=xml_text(error.path),
            tests="1",
            failures="0",
            errors="1",
            skipped="0",
            time="0",
        )
        case = ET.SubElement(
            suite, "testcase", classname=xml_text(error.path), name="read", file=error.path
        )
        failure = ET.SubElement(case, "error", message=message, type="unreadable")
        failure.text = xml_text(error_line(error, self.lang))
        self._write(suite)
        print(error_line(error, self.lang), file=self.err)

    def file(self, path: str, findings: list[Finding]) -> None:
        """The page's testsuite: a testcase per rule, failed when the rule failed there."""
        by_rule: dict[str, list[Finding]] = {rule: [] for rule in self.selected or ()}
        for finding in findings:
            by_rule.setdefault(finding.rule, []).append(finding)
        suite = ET.Element("testsuite", name=xml_text(path))
        failed_cases = 0
        for rule in sorted(by_rule):
            case = ET.SubElement(
                suite, "testcase", classname=xml_text(path), name=rule, file=xml_text(path)
            )
            failed = [f for f in by_rule[rule] if f.outcome is Outcome.FAILED]
            review = [f for f in by_rule[rule] if f.outcome is Outcome.CANT_TELL]
            if failed:
                failed_cases += 1
                worst = max((f.severity for f in failed), key=lambda s: s.rank)
                first = format_message(failed[0].message, failed[0].args, self.lang)
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=xml_text(format_plural(FAILURES, len(failed), self.lang, first=first)),
                    type=Severity(worst).value,
                )
                failure.text = "\n".join(_finding_text(f, self.lang) for f in failed)
            if review:
                out = ET.SubElement(case, "system-out")
                lines = [_finding_text(f, self.lang) for f in review]
                out.text = "\n".join([format_message(REVIEW, {}, self.lang), *lines])
        suite.set("tests", str(len(by_rule)))
        suite.set("failures", str(failed_cases))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        suite.set("time", self._elapsed())
        self._write(suite)

    def close(self, summary: Summary) -> None:
        """Close the document."""
        self.out.write("</testsuites>\n")
