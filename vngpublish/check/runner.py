"""Files to findings: read, parse, run the given rules, apply suppressions; in parallel.

Results come back one file at a time, in the order of the (sorted) file list, whatever the
number of processes, so output is the same with `--jobs 1` and `--jobs 8`. Workers return
only findings, never pages, and the caller writes each file's findings as it arrives, so
memory stays flat however large the site.

The site pass: when rules that compare pages are selected (`Rule.judges_site`) and there are
two or more files, each file also yields those rules' summaries (small values, see
`vngpublish.check.sitewide`), and its results are held back (findings and summaries, never
pages) until every file is checked. Then the rules judge the summaries together, their
findings join each file's findings (sorted, fingerprinted, less what the file's suppression
comments cover), and the results come out in order as before. A file checked alone is
decided by the rules' per-page definitions, as `check_html` decides it.

The runner is handed everything it uses: the rules to run (classes, so that they travel to
worker processes), the ids of every known rule (for suppression comments), and, when the
workers should format their files' findings themselves, the function that formats them.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from vngpublish.check.config import ignored_for
from vngpublish.check.engine import check_page, check_page_for_site, judge_site, merge_findings
from vngpublish.check.finding import Finding
from vngpublish.check.fingerprint import fill_missing
from vngpublish.check.page import Page
from vngpublish.check.rule import Rule
from vngpublish.check.source import FileError, SourceError, read_source
from vngpublish.check.style.media import Screen
from vngpublish.check.summary import Tally
from vngpublish.check.suppress import (
    SiteSuppression,
    apply_suppressions,
    site_suppressions,
    without_suppressed,
)
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
    site: bool = False
    """Check for the site pass: site-judging rules summarize the page instead of deciding it."""
    screen: Screen | None = None
    """The screen media queries are evaluated for (the style engine's default when None)."""


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
    summaries: dict[str, Any] | None = None
    """In the site pass: the site-judging rules' summaries of the page, by rule id."""
    suppressions: tuple[SiteSuppression, ...] = ()
    """In the site pass: the page's suppressions of site-judging rules."""


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


def check_source_for_site(
    source: str,
    path: str,
    rules: tuple[type[Rule], ...],
    known: frozenset[str],
    site_root: Path | None = None,
    screen: Screen | None = None,
) -> tuple[list[Finding], dict[str, Any], tuple[SiteSuppression, ...]]:
    """For the site pass: the findings of the rules that decide the page alone (after its
    suppressions), the site-judging rules' summaries of it, and its suppressions of those."""
    page = Page(source, path, site_root=site_root, screen=screen)
    own, summaries = check_page_for_site(page, _instances(rules))
    site_ids = frozenset(rule.id for rule in rules if rule.judges_site)
    active = frozenset(rule.id for rule in rules) - site_ids
    findings = fill_missing(apply_suppressions(page, own, active, known))
    return findings, summaries, site_suppressions(page, site_ids)


def check_file(path: str, options: RunOptions) -> FileResult:
    """Check one file; a file that cannot be read or decoded gives a result with `error`."""
    try:
        source = read_source(path)
    except SourceError as exc:
        return FileResult(path, [], exc.error)
    ignored = ignored_for(path, options.per_file_ignores, options.base_dir)
    rules = tuple(rule for rule in options.rules if rule.id not in ignored)
    summaries = None
    suppressions: tuple[SiteSuppression, ...] = ()
    try:
        if options.site:
            findings, summaries, suppressions = check_source_for_site(
                source, path, rules, options.known, options.site_root, options.screen
            )
        else:
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
    if options.site:
        return FileResult(path, findings, summaries=summaries, suppressions=suppressions)
    return _finished(FileResult(path, findings), options)


def _finished(result: FileResult, options: RunOptions) -> FileResult:
    """The result as the caller asked for it: its findings formatted when `render` is set."""
    if options.render is None or result.error is not None:
        return result
    return FileResult(
        result.path,
        [],
        rendered=options.render(result.findings, options.render_lang),
        tally=Tally.of(result.findings),
    )


_worker_options: RunOptions | None = None


def _init_worker(options: RunOptions) -> None:
    global _worker_options
    _worker_options = options
    gc.set_threshold(*_CHECKING_THRESHOLDS)  # a worker process only checks pages


# Checking a page makes hundreds of thousands of small objects that live as long as the page
# (its facts) and are then freed by reference counting (the page leaves no cycles). With
# Python's default thresholds (700, 10, 10) they are moved up the generations and trigger full
# collections that walk every long-lived object (styles, word lists, the rules) over and over:
# 30% of the time on real pages. Fewer collections while checking free the same memory.
_CHECKING_THRESHOLDS = (20_000, 50, 100)


@contextlib.contextmanager
def collecting_rarely() -> Iterator[None]:
    """Collect reference cycles less often while pages are checked (as the runner does: see
    `_CHECKING_THRESHOLDS`); the caller's setting again afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*_CHECKING_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _check_in_worker(path: str) -> FileResult:
    assert _worker_options is not None, "worker used before _init_worker"
    return check_file(path, _worker_options)


def run(paths: list[str], options: RunOptions, jobs: int = 1) -> Iterator[FileResult]:
    """Check `paths` with `jobs` processes (0 = one per CPU), yielding results in `paths` order.

    With site-judging rules and two or more paths, the results come once every path is
    checked (the site pass, see the module's documentation)."""
    if len(paths) < 2 or not any(rule.judges_site for rule in options.rules):
        yield from _run(paths, options, jobs)
        return
    held = list(_run(paths, replace(options, site=True, render=None), jobs))
    summaries = {r.path: r.summaries for r in held if r.error is None and r.summaries}
    site_findings = judge_site(_instances(options.rules), summaries)
    del summaries
    held.reverse()  # popped from the end, in path order: each result goes once it is written
    while held:
        result = held.pop()
        if result.error is not None:
            yield result
            continue
        extra = without_suppressed(site_findings.pop(result.path, []), result.suppressions)
        findings = merge_findings(result.findings, extra) if extra else result.findings
        yield _finished(FileResult(result.path, findings), options)


def _run(paths: list[str], options: RunOptions, jobs: int) -> Iterator[FileResult]:
    if jobs == 0:
        jobs = os.cpu_count() or 1
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        for path in paths:
            with collecting_rarely():
                result = check_file(path, options)
            yield result
        return
    # Small chunks keep workers busy and results flowing; large ones cut messaging overhead.
    chunksize = max(1, min(32, len(paths) // (jobs * 8)))
    with multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        yield from pool.imap(_check_in_worker, paths, chunksize=chunksize)
