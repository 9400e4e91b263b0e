"""JSON, for tools: the contract in DESIGN.md ("Contracts")::

    {"tool": {"name": "vngpublish", "version": "0.1.0"},
     "findings": [
      {"rule", "severity", "outcome", "path", "line", "column", "selector", "snippet",
       "message", "message_id", "wcag", "act"},
      ...],
     "errors": [{"path", "line"?, "message"}, ...],
     "files": 3,
     "baseline": {"stale": [{"rule", "path", "fingerprint", "selector", "message"}, ...]},
     "summary": {"error": 2, "warning": 0, "review": 1}}

`outcome` is "failed" or "cantTell"; `message` is in the chosen language, and `message_id`
names it among its rule's messages ("no-alt"; the same whatever the language or wording, for
tools that tell messages apart; `--explain RULE` lists them). `files` counts the
files checked; paths that could not be checked are in `errors` (and on stderr). Findings are
written as they arrive, one a line, so memory stays flat and large reports stay quick; the
counts, known only at the end, come last. `baseline` is there only with `--baseline`: the
entries that matched no finding any more, so the baseline file can be pruned.
"""

from __future__ import annotations

import json
from typing import Any

from vngpublish.check.finding import Finding
from vngpublish.check.report import ReportWriter
from vngpublish.check.report.text import error_line
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary
from vngpublish.i18n import format_message
from vngpublish.version import __version__

_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per finding


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
        "message_id": finding.message_id,
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
    """Streams findings into the document as they arrive; the counts come last.

    One finding a line, written with the C encoder: readable, and fast for large sites.
    """

    streams = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.errors: list[dict[str, Any]] = []
        self.first = True
        tool = json.dumps({"name": "vngpublish", "version": __version__})
        self.out.write(f'{{"tool": {tool},\n "findings": [')

    def error(self, error: FileError) -> None:
        """Keep the error for the document, and say it on `err` at once."""
        self.errors.append(error_dict(error, self.lang))
        print(error_line(error, self.lang), file=self.err)

    @classmethod
    def render_findings(
        cls, findings: list[Finding], lang: str, rule_ids: tuple[str, ...] = ()
    ) -> str:
        """The file's findings, one object a line."""
        return ",\n  ".join(_encode(finding_dict(finding, lang)) for finding in findings)

    def file(self, path: str, findings: list[Finding]) -> None:
        """Write the file's findings."""
        self.file_rendered(path, self.render_findings(findings, self.lang))

    def file_rendered(self, path: str, text: str) -> None:
        """Add the findings `render_findings()` made to the list."""
        if not text:
            return
        self.out.write(("\n  " if self.first else ",\n  ") + text)
        self.first = False

    def close(self, summary: Summary) -> None:
        """Write the errors and the counts, and close the document."""
        self.out.write("\n ],\n")
        errors = ",\n  ".join(json.dumps(e, ensure_ascii=False) for e in self.errors)
        if errors:
            errors = f"\n  {errors}\n "
        self.out.write(f' "errors": [{errors}],\n')
        self.out.write(f' "files": {summary.files},\n')
        if summary.stale_baseline is not None:
            stale = json.dumps({"stale": summary.stale_baseline}, ensure_ascii=False)
            self.out.write(f' "baseline": {stale},\n')
        counts = {"error": summary.errors, "warning": summary.warnings, "review": summary.review}
        self.out.write(f' "summary": {json.dumps(counts)}}}\n')
