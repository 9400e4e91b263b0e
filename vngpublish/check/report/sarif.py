"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` describes every rule: its title, what it checks, its whole
documentation page as `help` (what `--explain` prints, without the examples; GitHub shows it
with each alert), its messages as `messageStrings`, tags such as `accessibility`, `wcag2.4.4`
and `wcag2aa`, and as `helpUri` its page where `docs-url` in the configuration says the pages
are published, else the WCAG Understanding page. Each finding is a result, whose message
carries its text and also its id and arguments:

- a failed finding has `kind` "fail" and `level` "error" or "warning" (its severity);
- a cantTell finding has `kind` "review" and `level` "none": the SARIF specification
  (§3.27.10) requires level "none" for any kind other than "fail", and a finding that needs
  a person is not a failure.

A result's location is the file (`uri` relative to the working directory, under the base id
`SRCROOT`, whose absolute URI is in `originalUriBaseIds`) with the line, column and snippet,
plus a logical location holding the element's CSS selector. `partialFingerprints` carries the
element fingerprint, which does not change when lines move. Paths that could not be checked
become error notifications of the invocation, which is then not "executionSuccessful".

Results are written as they arrive; the parts known only at the end come after them.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from vngpublish.check.docs import paragraphs, rule_page
from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.report import ReportWriter
from vngpublish.check.report.text import error_line
from vngpublish.check.rule import Rule
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary
from vngpublish.i18n import format_message, translate
from vngpublish.resources import checks_dir
from vngpublish.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "SRCROOT"
FINGERPRINT_KEY = "vngpublishElement/v1"
INFORMATION_URI = "https://www.w3.org/WAI/WCAG22/Understanding/"
LEVEL_TAGS = {"A": "wcag2a", "AA": "wcag2aa", "AAA": "wcag2aaa", "best-practice": "best-practice"}


@cache
def _criteria() -> dict[str, dict[str, Any]]:
    data = json.loads((checks_dir() / "wcag" / "success-criteria.json").read_text(encoding="utf-8"))
    return {sc["sc"]: sc for sc in data}


def artifact_uri(path: str, base: Path | None = None) -> tuple[str, str | None]:
    """The URI of a checked file and its base id: relative to `base` (default: the working
    directory) under `SRCROOT` when inside it, else an absolute `file:` URI without a base."""
    base = base or Path.cwd()
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(base)
    except ValueError:
        return absolute.as_uri(), None
    return quote(PurePath(relative).as_posix()), BASE_ID


def rule_descriptor(rule: type[Rule], lang: str, help_uri: str | None = None) -> dict[str, Any]:
    """The SARIF `reportingDescriptor` of one rule: its documentation page (without the
    examples) as `help`, its messages as `messageStrings` (with SARIF's numbered placeholders),
    and `help_uri`, or else the WCAG Understanding page, as `helpUri`."""
    criteria = _criteria()
    title = translate(rule.title, lang)
    help_parts = [translate(rule.why, lang), translate(rule.fix, lang)]
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": " ".join(translate(p, lang) for p in paragraphs(rule))},
        "help": {"text": "\n\n".join(help_parts), "markdown": rule_page(rule, lang, {})},
        "messageStrings": {
            key: {"text": numbered(translate(text, lang))[0]} for key, text in rule.messages.items()
        },
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {
            "tags": list(
                dict.fromkeys(
                    [
                        "accessibility",
                        LEVEL_TAGS[rule.level],
                        *(f"wcag{sc}" for sc in rule.wcag),
                        *rule.tags,
                    ]
                )
            ),
            "level": rule.level,
            "wcag": list(rule.wcag),
            "act": list(rule.act),
        },
    }
    understanding = [criteria[sc]["understanding"] for sc in rule.wcag if sc in criteria]
    if help_uri or understanding:
        descriptor["helpUri"] = help_uri or understanding[0]
    return descriptor


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def numbered(message: str) -> tuple[str, list[str]]:
    """A message with `{name}` placeholders rewritten as SARIF's `{0}`, `{1}` ... (in order of
    first appearance), and the names in that order. Literal braces stay as SARIF writes them."""
    names: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            names.append(name)
        return "{" + str(names.index(name)) + "}"

    return _PLACEHOLDER.sub(number, message), names


def _location(path: str, line: int | None, column: int | None = None) -> dict[str, Any]:
    uri, base = artifact_uri(path)
    artifact: dict[str, Any] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if line:  # line 0: not known (an implied element); SARIF lines start at 1
        region: dict[str, Any] = {"startLine": line}
        if column:
            region["startColumn"] = column
        physical["region"] = region
    return {"physicalLocation": physical}


def _message(finding: Finding, lang: str) -> dict[str, Any]:
    """A result's message: its text, and its id and arguments in the rule's messageStrings."""
    message: dict[str, Any] = {"text": format_message(finding.message, finding.args, lang)}
    if finding.message_id:
        _, names = numbered(finding.message)
        message["id"] = finding.message_id
        if names:
            message["arguments"] = [str(finding.args.get(name, "")) for name in names]
    return message


def result_dict(finding: Finding, rule_index: int, lang: str) -> dict[str, Any]:
    """One finding as a SARIF `result`."""
    review = finding.outcome is Outcome.CANT_TELL
    location = _location(finding.path, finding.line, finding.column)
    region = location["physicalLocation"].get("region")
    if region is not None and finding.snippet:
        region["snippet"] = {"text": finding.snippet}
    if finding.selector:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.selector, "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "kind": "review" if review else "fail",
        "level": "none" if review else finding.severity.value,
        "message": _message(finding, lang),
        "locations": [location],
    }
    if finding.fingerprint:
        result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    result["properties"] = {"outcome": finding.outcome.value, "severity": finding.severity.value}
    return result


class Writer(ReportWriter):
    """Streams results into one SARIF run; the rules and the invocation come last."""

    streams = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notifications: list[dict[str, Any]] = []
        self.first = True
        self.out.write(
            f'{{"$schema": "{SCHEMA}",\n "version": "2.1.0",\n "runs": [{{\n  "results": ['
        )

    def error(self, error: FileError) -> None:
        """Keep the path as an error notification, and say it on `err` at once."""
        self.notifications.append(
            {
                "level": "error",
                "message": {"text": format_message(error.message, error.args, self.lang)},
                "locations": [_location(error.path, error.line)],
            }
        )
        print(error_line(error, self.lang), file=self.err)

    @classmethod
    def render_findings(
        cls, findings: list[Finding], lang: str, rule_ids: tuple[str, ...] = ()
    ) -> str:
        """One result per finding, one a line; `ruleIndex` is the rule's position in
        `rule_ids`, the order of the driver's `rules` (-1 when not among them)."""
        index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
        return ",\n   ".join(
            json.dumps(result_dict(finding, index.get(finding.rule, -1), lang), ensure_ascii=False)
            for finding in findings
        )

    def file(self, path: str, findings: list[Finding]) -> None:
        """Write one result per finding."""
        self.file_rendered(path, self.render_findings(findings, self.lang, tuple(self.catalog)))

    def file_rendered(self, path: str, text: str) -> None:
        """Add the results `render_findings()` made."""
        if not text:
            return
        self.out.write(("\n   " if self.first else ",\n   ") + text)
        self.first = False

    def close(self, summary: Summary) -> None:
        """Write the tool with its rules, the invocation and the base URI; close the log."""
        self.out.write("\n  ],\n")
        tool = {
            "driver": {
                "name": "vngpublish",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "language": self.lang,
                "rules": [
                    rule_descriptor(rule, self.lang, self.docs_link(rule.id))
                    for rule in self.catalog.values()
                ],
            }
        }
        invocation = {
            "executionSuccessful": summary.unreadable == 0,
            "toolExecutionNotifications": self.notifications,
        }
        rest = {
            "tool": tool,
            "invocations": [invocation],
            "originalUriBaseIds": {BASE_ID: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "properties": {
                "files": summary.files,
                "summary": {
                    "error": summary.errors,
                    "warning": summary.warnings,
                    "review": summary.review,
                },
            },
        }
        body = json.dumps(rest, ensure_ascii=False, indent=1)[1:-1].strip("\n")
        self.out.write(f"{body}\n }}]\n}}\n")
