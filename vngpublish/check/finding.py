"""What a rule reports: a finding on one element of one page."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from vngpublish.i18n import format_message


class Outcome(StrEnum):
    """The outcome of a rule on one element, as in the ACT Rules Format.

    `FAILED` is a definite violation; `CANT_TELL` means a person has to look (the rule never
    guesses). Passing and inapplicable targets produce no finding at all.
    """

    FAILED = "failed"
    CANT_TELL = "cantTell"


class Severity(StrEnum):
    """How bad a failure is; `--fail-on` compares against this."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def rank(self) -> int:
        """Order for comparisons: a higher rank is more severe."""
        return {"warning": 1, "error": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One result worth reporting.

    `message` is the English source string with `{placeholders}`; `args` fills them. Use
    `text()` for the readable message, in English or Dutch: one finding can be shown in both.
    `message_id` names the message among its rule's messages ("no-alt"), for tools that
    tell messages apart; it does not change when the wording does.
    """

    rule: str
    severity: Severity
    outcome: Outcome
    path: str
    line: int
    column: int
    selector: str
    snippet: str
    message: str
    args: dict[str, Any] = field(default_factory=dict)
    wcag: tuple[str, ...] = ()
    act: tuple[str, ...] = ()
    fingerprint: str = ""
    message_id: str = ""

    def text(self, lang: str = "en") -> str:
        """The message for people, placeholders filled, in `lang` ("en" or "nl")."""
        return format_message(self.message, self.args, lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order findings by place in the file, then by rule."""
        return (self.path, self.line, self.column, self.rule)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Findings travel from worker processes by pickle: as a tuple of plain values they
        # take half the time to pickle and much less to send than field by field.
        return _finding, (
            self.rule,
            self.severity.value,
            self.outcome.value,
            self.path,
            self.line,
            self.column,
            self.selector,
            self.snippet,
            self.message,
            self.args,
            self.wcag,
            self.act,
            self.fingerprint,
            self.message_id,
        )


def _finding(rule: str, severity: str, outcome: str, *rest: Any) -> Finding:
    """A finding from the values `Finding.__reduce__` gives."""
    return Finding(rule, _SEVERITIES[severity], _OUTCOMES[outcome], *rest)


_SEVERITIES = {severity.value: severity for severity in Severity}
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}
