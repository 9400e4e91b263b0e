"""Report writers: one module per output format, found by name (`--format NAME`).

A format is a module `vngpublish/check/report/<name>.py` that defines `Writer`, a subclass of
`ReportWriter` (a module without one, such as a helper, is not a format). The command line
calls `error()` for every path that could not be checked, `file()` once per checked file in
sorted path order (as results stream in), and `close()` at the end. Findings carry English
source messages; writers translate them with
`vngpublish.i18n.format_message(finding.message, finding.args, self.lang)`.

A streaming format (`streams = True`) writes each file's findings as one piece of text made
by the class method `render_findings()`, which needs no writer: with `--jobs`, the worker
processes render their files' findings and the command line passes the text to
`file_rendered()`, so the main process need not receive and format every finding itself.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Collection, Mapping
from typing import ClassVar, TextIO

from vngpublish.check.finding import Finding
from vngpublish.check.rule import Rule
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary


class ReportWriter:
    """Base class of the writers. `out` receives the report, `err` the per-path errors.

    `catalog` describes every rule there is (titles, criteria, why and how to fix), for the
    formats that show them; `selected` names the rules that ran, for the formats that list
    every rule checked (a JUnit testcase per rule, the report's criteria checked without
    failures). Both are given by whoever chose the rules (the command line); a writer without
    them shows what the findings themselves carry. `docs_url` says where the rules'
    documentation is published (`{rule}` and `{lang}` in it are filled in), for formats that
    link to it.
    """

    streams: ClassVar[bool] = False
    """True when the format writes each file's findings as text made by `render_findings()`."""

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        lang: str,
        *,
        catalog: Mapping[str, type[Rule]] | None = None,
        selected: Collection[str] | None = None,
        docs_url: str | None = None,
    ) -> None:
        self.out = out
        self.err = err
        self.lang = lang
        self.catalog: Mapping[str, type[Rule]] = catalog or {}
        self.selected: frozenset[str] | None = None if selected is None else frozenset(selected)
        self.docs_url = docs_url

    def docs_link(self, rule_id: str) -> str | None:
        """The URL of a rule's documentation page when `docs_url` says where they are."""
        if self.docs_url is None:
            return None
        return self.docs_url.replace("{rule}", rule_id).replace("{lang}", self.lang)

    @classmethod
    def render_findings(
        cls, findings: list[Finding], lang: str, rule_ids: tuple[str, ...] = ()
    ) -> str:
        """A streaming format's text for one file's findings (made without a writer, so that
        any process can make it); "" when there are none. `rule_ids` are the catalog's ids in
        its order, for formats that refer to rules by position."""
        raise NotImplementedError

    @classmethod
    def renderer(cls, catalog: Mapping[str, type[Rule]]) -> Callable[[list[Finding], str], str]:
        """`render_findings` for the rules of `catalog`, as worker processes call it (it can be
        pickled: it holds the class and the rule ids, not the rules)."""
        return functools.partial(cls.render_findings, rule_ids=tuple(catalog))

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
