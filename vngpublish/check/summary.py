"""Counting findings: one file's tally, and the summary of a whole run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from vngpublish.check.finding import Finding, Outcome, Severity


@dataclass
class Summary:
    """Counts over a whole run."""

    files: int = 0
    """Files read and checked (not counting those in `unreadable`)."""
    errors: int = 0
    """Failed findings with severity error."""
    warnings: int = 0
    """Failed findings with severity warning."""
    review: int = 0
    """cantTell findings: a person has to look; they never fail a run."""
    unreadable: int = 0
    """Paths that could not be checked."""
    stale_baseline: list[dict[str, str]] | None = None
    """With `--baseline`: the entries that matched no finding (rule, path, fingerprint,
    selector, message), so the file can be pruned; None when no baseline was used."""

    def add(self, findings: list[Finding]) -> None:
        """Count one checked file's findings."""
        self.add_tally(Tally.of(findings))

    def add_tally(self, tally: Tally) -> None:
        """Count one checked file, whose findings `tally` counted."""
        self.files += 1
        self.errors += tally.errors
        self.warnings += tally.warnings
        self.review += tally.review


@dataclass(frozen=True)
class Tally:
    """One file's findings counted as the summary counts them."""

    errors: int = 0
    warnings: int = 0
    review: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> Tally:
        """Count `findings`: failed ones by severity, cantTell ones as to review."""
        errors = warnings = review = 0
        for finding in findings:
            if finding.outcome is Outcome.CANT_TELL:
                review += 1
            elif finding.severity is Severity.ERROR:
                errors += 1
            else:
                warnings += 1
        return cls(errors, warnings, review)

    @property
    def count(self) -> int:
        """All the findings counted."""
        return self.errors + self.warnings + self.review

    def fails(self, threshold: int | None) -> bool:
        """Whether a failed finding has a severity rank at or above `threshold` (None: never)."""
        if threshold is None:
            return False
        if threshold <= Severity.WARNING.rank and self.warnings:
            return True
        return threshold <= Severity.ERROR.rank and self.errors > 0
