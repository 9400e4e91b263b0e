"""Report writers: one module per output format, found by name (`--format NAME`).

A format is a module `vngpublish/check/report/<name>.py` that defines `Writer`, a subclass of
`ReportWriter` (a module without one, such as a helper, is not a format). The command line
calls `error()` for every path that could not be checked, `file()` once per checked file in
sorted path order (as results stream in), and `close()` at the end. Findings carry English
source messages; writers translate them with
`vngpublish.check.i18n.format_message(finding.message, finding.args, self.lang)`.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import TextIO

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
        self.files += 1
        for finding in findings:
            if finding.outcome is Outcome.CANT_TELL:
                self.review += 1
            elif finding.severity is Severity.ERROR:
                self.errors += 1
            else:
                self.warnings += 1


class ReportWriter:
    """Base class of the writers. `out` receives the report, `err` the per-path errors."""

    def __init__(self, out: TextIO, err: TextIO, lang: str) -> None:
        self.out = out
        self.err = err
        self.lang = lang

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
