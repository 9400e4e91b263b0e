"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line::

    ::error file=site/nieuws.html,line=12,col=5,title=link-name::The link has no accessible name.
    ::warning file=site/index.html,line=4,col=1,title=page-has-heading-one::The page has no ...
    ::notice file=site/index.html,line=40,col=3,title=image-alt (review)::Check that the alt ...

A failed error is `::error`, a failed warning `::warning`, a finding that needs review
(cantTell) `::notice`. A path that could not be checked is an `::error` on that file. The
last line is the text format's summary. Paths are written as given, relative to the working
directory (the workspace root in a workflow) when they lie inside it.

Escaping follows the runner's rules: in the message `%`, CR and LF become `%25`, `%0D` and
`%0A`; in property values `:` and `,` also become `%3A` and `%2C`.
"""

from __future__ import annotations

import os

from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.report import ReportWriter
from vngpublish.check.report.text import summary_line
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary
from vngpublish.i18n import format_message


def escape_data(text: str) -> str:
    """Escape a command's message (after the `::`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (`file=`, `title=` ...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command line, escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def workspace_path(path: str) -> str:
    """`path` relative to the working directory when it lies inside it, else as given."""
    if not os.path.isabs(path):
        return path
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative


def annotation(finding: Finding, lang: str) -> str:
    """One finding as a workflow command."""
    if finding.outcome is Outcome.CANT_TELL:
        name, title = "notice", f"{finding.rule} (review)"
    else:
        name, title = finding.severity.value, finding.rule
    properties: dict[str, str | int] = {"file": workspace_path(finding.path)}
    if finding.line:
        properties["line"] = finding.line
        properties["col"] = finding.column
    properties["title"] = title
    return command(name, properties, format_message(finding.message, finding.args, lang))


class Writer(ReportWriter):
    """Writes an annotation per finding as it arrives, then the summary line."""

    streams = True

    def error(self, error: FileError) -> None:
        """An `::error` on the file that could not be checked."""
        properties: dict[str, str | int] = {"file": workspace_path(error.path)}
        if error.line:
            properties["line"] = error.line
        properties["title"] = "unreadable"
        message = format_message(error.message, error.args, self.lang)
        print(command("error", properties, message), file=self.out)

    @classmethod
    def render_findings(
        cls, findings: list[Finding], lang: str, rule_ids: tuple[str, ...] = ()
    ) -> str:
        """One command line per finding."""
        return "".join(annotation(finding, lang) + "\n" for finding in findings)

    def file(self, path: str, findings: list[Finding]) -> None:
        """One command per finding."""
        self.file_rendered(path, self.render_findings(findings, self.lang))

    def file_rendered(self, path: str, text: str) -> None:
        """Write the commands `render_findings()` made."""
        self.out.write(text)

    def close(self, summary: Summary) -> None:
        """The summary line, as in the text format."""
        print(summary_line(summary, self.lang), file=self.out)
