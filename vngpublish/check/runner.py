"""Files to findings: read, parse, run the given rules, apply suppressions; in parallel.

Results come back one file at a time, in the order of the (sorted) file list, whatever the
number of processes, so output is the same with `--jobs 1` and `--jobs 8`. Workers return
only findings, never pages, and the caller writes each file's findings as it arrives, so
memory stays flat however large the site.

The runner is handed everything it uses: the rules to run (classes, so that they travel to
worker processes), the ids of every known rule (for suppression comments), and, when the
workers should format their files' findings themselves, the function that formats them.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from vngpublish.check.config import ignored_for
from vngpublish.check.engine import check_page
from vngpublish.check.finding import Finding
from vngpublish.check.fingerprint import fill_missing
from vngpublish.check.page import Page
from vngpublish.check.rule import Rule
from vngpublish.check.source import FileError, SourceError, read_source
from vngpublish.check.style.media import Screen
from vngpublish.check.summary import Tally
from vngpublish.check.suppress import apply_suppressions
from vngpublish.i18n import N_

Render = Callable[[list[Finding], str], str]
"""Formats one file's findings in a language: a streaming report format's `render_findings`."""


@dataclass(frozen=True)
class RunOptions:
    """What to check every file with (picklable: it is sent to worker processes).

    `rules` are the rules to run; `known` the ids of every rule there is, so a suppression
    comment naming one that is not selected is not mistaken for a typo. With `render`, each
    file's findings come back formatted by it in `render_lang`, and counted, not as objects:
    the process that checked a file also formats it.
    """

    rules: tuple[type[Rule], ...]
    known: frozenset[str]
    site_root: Path | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    base_dir: Path = field(default_factory=Path.cwd)
    render: Render | None = None
    render_lang: str = "en"
    screen: Screen | None = None


@dataclass(frozen=True)
class FileResult:
    """The outcome of checking one file: its findings, or why it could not be checked.

    When the options asked for rendering, `findings` is empty and `rendered` and `tally`
    carry them instead.
    """

    path: str
    findings: list[Finding]
    error: FileError | None = None
    rendered: str | None = None
    tally: Tally | None = None


@cache
def _instances(rules: tuple[type[Rule], ...]) -> tuple[Rule, ...]:
    """Rule instances, made once per process for each distinct selection."""
    return tuple(rule() for rule in rules)


def check_source(
    source: str,
    path: str,
    rules: tuple[type[Rule], ...],
    known: frozenset[str],
    site_root: Path | None = None,
    screen: Screen | None = None,
) -> list[Finding]:
    """The findings of `rules` on one page's source, after inline suppressions; media queries
    are evaluated for `screen` (the style engine's default when None).

    Every finding has a fingerprint, including those about the suppressions themselves.
    """
    page = Page(source, path, site_root=site_root, screen=screen)
    active = frozenset(rule.id for rule in rules)
    findings = check_page(page, _instances(rules))
    return fill_missing(apply_suppressions(page, findings, active, known))


def check_file(path: str, options: RunOptions) -> FileResult:
    """Check one file; a file that cannot be read or decoded gives a result with `error`."""
    try:
        source = read_source(path)
    except SourceError as exc:
        return FileResult(path, [], exc.error)
    ignored = ignored_for(path, options.per_file_ignores, options.base_dir)
    rules = tuple(rule for rule in options.rules if rule.id not in ignored)
    try:
        findings = check_source(
            source, path, rules, options.known, options.site_root, options.screen
        )
    except SourceError as exc:  # e.g. the parser gave up part way (parse.ParseStopped)
        return FileResult(path, [], exc.error)
    except Exception as exc:  # a bug in a rule must not lose the other files' results
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{frame.filename}:{frame.lineno}"
        return FileResult(
            path,
            [],
            FileError(
                path,
                N_("internal error while checking: {error} at {where}"),
                {"error": repr(exc), "where": where},
            ),
        )
    if options.render is not None:
        return FileResult(
            path,
            [],
            rendered=options.render(findings, options.render_lang),
            tally=Tally.of(findings),
        )
    return FileResult(path, findings)


_worker_options: RunOptions | None = None


def _init_worker(options: RunOptions) -> None:
    global _worker_options
    _worker_options = options


def _check_in_worker(path: str) -> FileResult:
    assert _worker_options is not None, "worker used before _init_worker"
    return check_file(path, _worker_options)


def run(paths: list[str], options: RunOptions, jobs: int = 1) -> Iterator[FileResult]:
    """Check `paths` with `jobs` processes (0 = one per CPU), yielding results in `paths` order."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        for path in paths:
            yield check_file(path, options)
        return
    # Small chunks keep workers busy and results flowing; large ones cut messaging overhead.
    chunksize = max(1, min(32, len(paths) // (jobs * 8)))
    with multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_check_in_worker, paths, chunksize=chunksize)
