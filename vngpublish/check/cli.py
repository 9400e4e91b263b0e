"""The command line: `python -m vngpublish.check PATH...` (contract in DESIGN.md, "Contracts").

::

    python -m vngpublish.check PATH... [--root DIR] [--select IDS|all] [--ignore IDS]
        [--preset NAME] [--format text|json|sarif|junit|github] [--output FILE]
        [--report FILE.html] [--lang nl|en] [--fail-on error|warning|never] [--jobs N]
        [--config FILE] [--baseline FILE] [--write-baseline FILE] [--no-progress] [--quiet]
    python -m vngpublish.check --list-rules [--format json|text]
    python -m vngpublish.check --explain RULE [--lang nl|en]

Exit status: 0 when no failed finding is at or above `--fail-on`; 1 when one is; 2 for a usage
error, a bad configuration or baseline, or a path that could not be checked. Findings that
need review (cantTell) never change the exit status. With `--baseline`, findings the baseline
accepts are neither reported nor counted; with `--write-baseline` the run records its findings
and exits 0 (2 when a path could not be checked).

`--report FILE.html` writes the HTML report alongside the chosen `--format` in the same run.

Settings come from `[tool.vngpublish.check]` in the nearest pyproject.toml (see
`vngpublish.check.config`); flags override them.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from vngpublish.check.api import explain
from vngpublish.check.arguments import PROG, argparse_in, build_parser, help_language
from vngpublish.check.baseline import (
    STALE,
    Baseline,
    BaselineError,
    Entry,
    Recorder,
    dump,
    folder_of,
)
from vngpublish.check.baseline import load as load_baseline
from vngpublish.check.cache import configure_notes
from vngpublish.check.config import (
    Config,
    ConfigError,
    find_config,
    load_config,
    screen_of,
)
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.listing import FORMATS, write_rule_list
from vngpublish.check.presets import PresetError, load_presets, selection
from vngpublish.check.progress import Progress, wanted
from vngpublish.check.registry import load_rules, rule_classes
from vngpublish.check.report import ReportWriter, formats, writer_class
from vngpublish.check.runner import RunOptions, run
from vngpublish.check.source import FileError, collect
from vngpublish.check.suggest import closest
from vngpublish.check.summary import Summary
from vngpublish.i18n import N_, NP_, format_message, format_plural


class UsageError(Exception):
    """A mistake on the command line or in the configuration: exit status 2."""

    def __init__(self, message: str, **args: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fields = args


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with `argv` (default `sys.argv[1:]`); return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    help_lang = help_language(arguments)
    parser = build_parser(help_lang)
    try:
        with argparse_in(help_lang):
            args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse has printed the usage error or the help
        return exc.code if isinstance(exc.code, int) else 2
    lang = help_lang
    try:
        config = _config(args.config)
        lang = args.lang or config.lang or "en"
        if args.list_rules:
            fmt = args.format or "text"
            if fmt not in FORMATS:
                raise UsageError(N_("--list-rules writes json or text, not {format}"), format=fmt)
            write_rule_list(load_rules(), fmt, lang, out)
            return 0
        if args.explain is not None:
            _check_ids([args.explain], "--explain")
            out.write(explain(args.explain, lang))
            return 0
        return _check(args, config, lang, out, err)
    except ConfigError as exc:
        print(f"{PROG}: {exc.text(lang)}", file=err)
        return 2
    except PresetError as exc:
        print(f"{PROG}: {exc}", file=err)
        return 2
    except UsageError as exc:
        print(f"{PROG}: {format_message(exc.message, exc.fields, lang)}", file=err)
        return 2
    except BaselineError as exc:
        print(f"{PROG}: {exc.text(lang)}", file=err)
        return 2


def _config(option: str | None) -> Config:
    if option:
        return load_config(Path(option))
    found = find_config()
    return load_config(found) if found else Config()


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _check_ids(ids: Sequence[str], option: str, config: Config | None = None) -> None:
    """Raise a usage (or configuration) error for an unknown id, with a "did you mean"."""
    rules = load_rules()
    for rule_id in ids:
        if rule_id in rules or (rule_id == "all" and option in ("--select", "select")):
            continue
        suggestion = closest(rule_id, rules)
        if config is not None:
            if suggestion:
                raise config.error(
                    option,
                    N_('unknown rule id "{rule}" (did you mean "{suggestion}"?)'),
                    rule=rule_id,
                    suggestion=suggestion,
                )
            raise config.error(option, N_('unknown rule id "{rule}"'), rule=rule_id)
        if suggestion:
            raise UsageError(
                N_(
                    'unknown rule id "{rule}" in {option}; '
                    'did you mean "{suggestion}"? (see --list-rules)'
                ),
                rule=rule_id,
                option=option,
                suggestion=suggestion,
            )
        raise UsageError(
            N_('unknown rule id "{rule}" in {option} (see --list-rules)'),
            rule=rule_id,
            option=option,
        )


def _rule_selection(args: argparse.Namespace, config: Config) -> frozenset[str]:
    select = _split(args.select)
    ignore = _split(args.ignore) or []
    if select == []:
        raise UsageError(N_('--select names no rules: give rule ids, or "all"'))
    _check_ids(select or [], "--select")
    _check_ids(ignore, "--ignore")
    if config.select is not None:
        _check_ids(config.select, "select", config)
    _check_ids(config.ignore, "ignore", config)
    for glob, ids in config.per_file_ignores:
        _check_ids(ids, f"per-file-ignores.{glob!r}", config)
    preset = args.preset or config.preset
    presets = load_presets()
    if preset is not None and preset not in presets:
        if args.preset is None:
            raise config.error(
                "preset",
                N_('unknown preset "{preset}"; choose one of {choices}'),
                preset=preset,
                choices=", ".join(presets),
            )
        raise UsageError(
            N_('unknown preset "{preset}"; choose one of {choices}'),
            preset=preset,
            choices=", ".join(presets),
        )
    if select is None and args.preset is None:
        select = None if config.select is None else list(config.select)
    # A --preset on the command line overrides the configuration's select as well.
    rules = selection(load_rules(), preset, select, [*config.ignore, *ignore])
    if not rules:
        raise UsageError(N_("no rules to run: the ignored rules are all the selected ones"))
    return rules


def _check(args: argparse.Namespace, config: Config, lang: str, out: TextIO, err: TextIO) -> int:
    if not args.paths:
        raise UsageError(N_("no paths given: name the files or folders to check"))
    configure_notes(quiet=args.quiet, lang=lang)
    rules = _rule_selection(args, config)
    fail_on: str = args.fail_on or config.fail_on or "error"
    site_root = None
    if args.root is not None:
        site_root = Path(args.root)
        if not site_root.is_dir():
            raise UsageError(N_("--root {path}: not a folder"), path=args.root)
    fmt = args.format or "text"
    writer_type = _writer(fmt)
    html_type = _writer("html") if args.report else None
    baseline = None
    if args.baseline:
        baseline = Baseline(load_baseline(args.baseline, site_root), folder_of(args.baseline))
    recorder = Recorder(folder_of(args.write_baseline)) if args.write_baseline else None
    # The processes that check the files also format their findings, unless something here
    # needs the findings themselves (a baseline, the HTML report, a format that collects).
    renders = writer_type.streams and not (baseline or recorder or html_type)
    catalog = load_rules()
    options = RunOptions(
        rules=rule_classes(rules),
        known=frozenset(catalog),
        site_root=site_root,
        per_file_ignores=config.per_file_ignores,
        base_dir=config.base_dir,
        render=writer_type.renderer(catalog) if renders else None,
        render_lang=lang,
        screen=screen_of(config),
    )
    previous = _previous_baseline(args.write_baseline, site_root) if args.write_baseline else []
    files, errors = collect(args.paths)
    threshold = None if fail_on == "never" else Severity(fail_on).rank
    with _Outputs(args.output, args.report, out) as (target, report_file):
        docs_url = config.docs_url
        writers = [
            writer_type(target, err, lang, catalog=catalog, selected=rules, docs_url=docs_url)
        ]
        if html_type is not None and report_file is not None:
            # Its errors go nowhere: the main writer already says them on stderr.
            writers.append(
                html_type(
                    report_file,
                    io.StringIO(),
                    lang,
                    catalog=catalog,
                    selected=rules,
                    docs_url=docs_url,
                )
            )
        writer = _Tee(writers)
        progress = Progress(len(files), err, lang, wanted(err, args.quiet or args.no_progress))
        # Findings written to the same terminal as the bar must not land in the middle of it.
        shares_terminal = target is out and wanted(out, quiet=False, environ={})
        summary = Summary(unreadable=len(errors))
        for error in errors:
            writer.error(error)
        failing = False
        for result in run(files, options, args.jobs):
            if result.error is not None:
                progress.clear()
                summary.unreadable += 1
                writer.error(result.error)
                progress.advance()
                continue
            if result.rendered is not None and result.tally is not None:
                summary.add_tally(result.tally)
                failing = failing or result.tally.fails(threshold)
                if result.tally.count and shares_terminal:
                    progress.clear()
                writer.file_rendered(result.path, result.rendered)
                progress.advance()
                continue
            findings = result.findings
            if recorder is not None:
                recorder.add(result.path, findings)
            if baseline is not None:
                findings = baseline.new_findings(result.path, findings)
            summary.add(findings)
            if threshold is not None:
                failing = failing or any(
                    f.outcome is Outcome.FAILED and f.severity.rank >= threshold for f in findings
                )
            if findings and shares_terminal:
                progress.clear()
            writer.file(result.path, findings)
            progress.advance()
        progress.finish()
        if baseline is not None:
            summary.stale_baseline = [entry.as_dict() for entry in baseline.stale()]
            for entry in baseline.stale():
                print(
                    format_message(STALE, {**entry.as_dict(), "baseline": args.baseline}, lang),
                    file=err,
                )
        writer.close(summary)
    if recorder is not None:
        _write_baseline(args.write_baseline, recorder.merged(previous))
        if not args.quiet:
            print(
                format_plural(
                    NP_(
                        "wrote the baseline {path}: {count} finding accepted",
                        "wrote the baseline {path}: {count} findings accepted",
                    ),
                    len(recorder.entries),
                    lang,
                    path=args.write_baseline,
                ),
                file=err,
            )
    if summary.unreadable:
        return 2
    if recorder is not None:
        return 0
    return 1 if failing else 0


def _previous_baseline(path: str, site_root: Path | None) -> list[Entry]:
    """The entries of the baseline about to be overwritten (none when there is no file yet).

    A folder that does not exist is an error now, not after a long run.
    """
    folder = Path(path).parent
    if not folder.is_dir():
        raise UsageError(
            N_("cannot write {path}: {reason}"), path=path, reason=f"no folder {folder}"
        )
    if not Path(path).exists():
        return []
    return load_baseline(path, site_root)


def _write_baseline(path: str, entries: list[Entry]) -> None:
    try:
        Path(path).write_text(dump(entries), encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            N_("cannot write {path}: {reason}"), path=path, reason=exc.strerror or str(exc)
        ) from exc


class _Outputs:
    """Opens `--output` and `--report` (when given) and closes them again."""

    def __init__(self, output: str | None, report: str | None, out: TextIO) -> None:
        self.output = output
        self.report = report
        self.out = out
        self.opened: list[TextIO] = []

    def _open(self, path: str) -> TextIO:
        try:
            stream = open(path, "w", encoding="utf-8")  # noqa: SIM115 - closed in __exit__
        except OSError as exc:
            raise UsageError(
                N_("cannot write {path}: {reason}"), path=path, reason=exc.strerror or str(exc)
            ) from exc
        self.opened.append(stream)
        return stream

    def __enter__(self) -> tuple[TextIO, TextIO | None]:
        try:
            target = self._open(self.output) if self.output else self.out
            report = self._open(self.report) if self.report else None
        except UsageError:
            self.__exit__()
            raise
        return target, report

    def __exit__(self, *exc: object) -> None:
        for stream in self.opened:
            stream.close()
        self.opened = []


class _Tee(ReportWriter):
    """Sends every call to several writers: the chosen format and the HTML report."""

    def __init__(self, writers: list[ReportWriter]) -> None:
        self.writers = writers

    def error(self, error: FileError) -> None:
        """Pass on a path that could not be checked."""
        for writer in self.writers:
            writer.error(error)

    def file(self, path: str, findings: list[Finding]) -> None:
        """Pass on one checked file's findings."""
        for writer in self.writers:
            writer.file(path, findings)

    def file_rendered(self, path: str, text: str) -> None:
        """Pass on one checked file's rendered findings."""
        for writer in self.writers:
            writer.file_rendered(path, text)

    def close(self, summary: Summary) -> None:
        """Close every writer."""
        for writer in self.writers:
            writer.close(summary)


def _writer(name: str) -> type[ReportWriter]:
    writer = writer_class(name)
    if writer is None:
        raise UsageError(
            N_('unknown format "{format}"; choose one of {choices}'),
            format=name,
            choices=", ".join(formats()),
        )
    return writer


__all__ = ["PresetError", "UsageError", "build_parser", "main"]
