"""Plain text, one finding a line, like ruff and compilers, so editors and CI can parse it::

    site/nieuws.html:12:5: error link-name The link has no accessible name.
    site/nieuws.html:40:3: review image-alt-suspicious Check that the alt text describes the image.
    2 errors, 0 warnings, 1 to review; 3 files checked.

The severity word is `error` or `warning` for a failed finding and `review` for one that needs
a person to look (cantTell); it stays English in every language so tools can match it. The
message and the summary line are in the chosen language. Paths that cannot be checked are
written to `err` (stderr), one a line.
"""

from __future__ import annotations

from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.report import ReportWriter
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary
from vngpublish.i18n import N_, NP_, format_message, format_plural

ERRORS = NP_("{count} error", "{count} errors")
WARNINGS = NP_("{count} warning", "{count} warnings")
REVIEW = NP_("{count} to review", "{count} to review")
FILES = NP_("{count} file checked", "{count} files checked")
UNREADABLE = NP_("{count} path could not be checked", "{count} paths could not be checked")
SUMMARY = N_("{errors}, {warnings}, {review}; {files}.")
SUMMARY_UNREADABLE = N_("{errors}, {warnings}, {review}; {files}; {unreadable}.")


def finding_line(finding: Finding, lang: str) -> str:
    """One finding as `path:line:col: severity rule-id message`."""
    severity = "review" if finding.outcome is Outcome.CANT_TELL else finding.severity.value
    message = format_message(finding.message, finding.args, lang)
    return f"{finding.path}:{finding.line}:{finding.column}: {severity} {finding.rule} {message}"


def error_line(error: FileError, lang: str) -> str:
    """One path that could not be checked, as `path[:line]: message`."""
    where = f"{error.path}:{error.line}" if error.line else error.path
    return f"{where}: {format_message(error.message, error.args, lang)}"


def summary_line(summary: Summary, lang: str) -> str:
    """The closing line: counts by severity, to review, files checked (and unreadable)."""
    parts = {
        "errors": format_plural(ERRORS, summary.errors, lang),
        "warnings": format_plural(WARNINGS, summary.warnings, lang),
        "review": format_plural(REVIEW, summary.review, lang),
        "files": format_plural(FILES, summary.files, lang),
    }
    if summary.unreadable:
        parts["unreadable"] = format_plural(UNREADABLE, summary.unreadable, lang)
        return format_message(SUMMARY_UNREADABLE, parts, lang)
    return format_message(SUMMARY, parts, lang)


class Writer(ReportWriter):
    """Writes each finding as it arrives, then the summary line."""

    streams = True

    def error(self, error: FileError) -> None:
        """Write the error line to `err`."""
        print(error_line(error, self.lang), file=self.err)

    @classmethod
    def render_findings(
        cls, findings: list[Finding], lang: str, rule_ids: tuple[str, ...] = ()
    ) -> str:
        """One line per finding."""
        return "".join(finding_line(finding, lang) + "\n" for finding in findings)

    def file(self, path: str, findings: list[Finding]) -> None:
        """Write one line per finding."""
        self.file_rendered(path, self.render_findings(findings, self.lang))

    def file_rendered(self, path: str, text: str) -> None:
        """Write the lines `render_findings()` made."""
        self.out.write(text)

    def close(self, summary: Summary) -> None:
        """Write the summary line."""
        print(summary_line(summary, self.lang), file=self.out)
