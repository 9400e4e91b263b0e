"""JSON, for tools: the contract in DESIGN.md ("Contracts")::

    {"tool": {"name": "vngpublish", "version": "0.1.0"},
     "files": 3,
     "findings": [{"rule", "severity", "outcome", "path", "line", "column", "selector",
                   "snippet", "message", "wcag", "act"}, ...],
     "errors": [{"path", "line"?, "message"}, ...],
     "summary": {"error": 2, "warning": 0, "review": 1}}

`outcome` is "failed" or "cantTell"; `message` is in the chosen language. `files` counts the
files checked; paths that could not be checked are in `errors` (and on stderr).
"""

from __future__ import annotations

import json
from typing import Any

from vngpublish import __version__
from vngpublish.check.finding import Finding
from vngpublish.check.i18n import format_message
from vngpublish.check.report import ReportWriter, Summary
from vngpublish.check.report.text import error_line
from vngpublish.check.source import FileError


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    """One finding as a JSON object."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "outcome": finding.outcome.value,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "selector": finding.selector,
        "snippet": finding.snippet,
        "message": format_message(finding.message, finding.args, lang),
        "wcag": list(finding.wcag),
        "act": list(finding.act),
    }


def error_dict(error: FileError, lang: str) -> dict[str, Any]:
    """One unreadable path as a JSON object (`line` only when known)."""
    result: dict[str, Any] = {"path": error.path}
    if error.line is not None:
        result["line"] = error.line
    result["message"] = format_message(error.message, error.args, lang)
    return result


class Writer(ReportWriter):
    """Collects findings (they are small) and writes one JSON document at the end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.findings: list[dict[str, Any]] = []
        self.errors: list[dict[str, Any]] = []

    def error(self, error: FileError) -> None:
        """Keep the error for the document, and say it on `err` at once."""
        self.errors.append(error_dict(error, self.lang))
        print(error_line(error, self.lang), file=self.err)

    def file(self, path: str, findings: list[Finding]) -> None:
        """Keep the file's findings."""
        self.findings.extend(finding_dict(f, self.lang) for f in findings)

    def close(self, summary: Summary) -> None:
        """Write the document."""
        document = {
            "tool": {"name": "vngpublish", "version": __version__},
            "files": summary.files,
            "findings": self.findings,
            "errors": self.errors,
            "summary": {
                "error": summary.errors,
                "warning": summary.warnings,
                "review": summary.review,
            },
        }
        json.dump(document, self.out, ensure_ascii=False, indent=1)
        self.out.write("\n")
