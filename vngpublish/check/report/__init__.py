"""Report writers: one module per output format, found by name (`--format NAME`).

A format is a module `vngpublish/check/report/<name>.py` that defines `Writer`, a subclass of
`ReportWriter` (a module without one, such as a helper, is not a format). The command line
calls `error()` for every path that could not be checked, `file()` once per checked file in
sorted path order (as results stream in), and `close()` at the end. Findings carry English
source messages; writers translate them with
`vngpublish.check.i18n.format_message(finding.message, finding.args, self.lang)`.

A streaming format (`streams = True`) writes each file's findings as one piece of text made
by the class method `render_findings()`, which needs no writer: with `--jobs`, the worker
processes render their files' findings and the command line passes the text to
`file_rendered()`, so the main process need not receive and format every finding itself.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, TextIO

from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.source import FileError


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


class ReportWriter:
    """Base class of the writers. `out` receives the report, `err` the per-path errors."""

    streams: ClassVar[bool] = False
    """True when the format writes each file's findings as text made by `render_findings()`."""

    def __init__(self, out: TextIO, err: TextIO, lang: str) -> None:
        self.out = out
        self.err = err
        self.lang = lang

    @classmethod
    def render_findings(cls, findings: list[Finding], lang: str) -> str:
        """A streaming format's text for one file's findings (made without a writer, so that
        any process can make it); "" when there are none."""
        raise NotImplementedError

    def file_rendered(self, path: str, text: str) -> None:
        """Write one checked file's findings as `render_findings()` made them."""
        raise NotImplementedError

    def error(self, error: FileError) -> None:
        """A path that could not be checked."""
        raise NotImplementedError

    def file(self, path: str, findings: list[Finding]) -> None:
        """The findings (maybe none) of one checked file."""
        raise NotImplementedError

    def close(self, summary: Summary) -> None:
        """The run is over: write whatever comes last."""
        raise NotImplementedError


def candidates() -> list[str]:
    """Names of the modules in this package that may be formats (without importing them)."""
    import vngpublish.check.report as package

    return sorted(
        m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_")
    )


def writer_class(name: str) -> type[ReportWriter] | None:
    """The `Writer` class of format `name`, or None when there is no such format."""
    if name not in candidates():
        return None
    module = importlib.import_module(f"vngpublish.check.report.{name}")
    writer = getattr(module, "Writer", None)
    if isinstance(writer, type) and issubclass(writer, ReportWriter):
        return writer
    return None


def formats() -> list[str]:
    """The names of the available output formats (imports every candidate module)."""
    return [name for name in candidates() if writer_class(name) is not None]
