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
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from vngpublish.check.api import explain
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
from vngpublish.check.config import (
    FAIL_ON,
    LANGS,
    Config,
    ConfigError,
    declared_lang,
    find_config,
    load_config,
)
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.i18n import N_, NP_, format_message, format_plural, translate
from vngpublish.check.presets import PresetError, load_presets, preset_rule_ids, selection
from vngpublish.check.progress import Progress, wanted
from vngpublish.check.registry import load_rules, rule_classes
from vngpublish.check.report import ReportWriter, candidates, formats, writer_class
from vngpublish.check.runner import RunOptions, run
from vngpublish.check.source import FileError, collect
from vngpublish.check.suggest import closest
from vngpublish.check.summary import Summary
from vngpublish.resources import checks_dir
from vngpublish.version import __version__

PROG = "python -m vngpublish.check"


class UsageError(Exception):
    """A mistake on the command line or in the configuration: exit status 2."""

    def __init__(self, message: str, **args: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fields = args


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser, its help in `lang` ("en" or "nl").

    The usage line and argparse's error messages follow `lang` while `argparse_in(lang)` is
    active, as it is in `main`.
    """

    def t(message: str) -> str:
        return translate(message, lang)

    with argparse_in(lang):  # its section titles and -h are set when it is made
        parser = argparse.ArgumentParser(
            prog=PROG,
            description=t(N_("Check HTML files against WCAG 2.2 / EN 301 549.")),
            epilog=t(
                N_(
                    "Exit status: 0 nothing at or above --fail-on; 1 findings; 2 usage error or an "
                    "unreadable path. Findings to review (cantTell) never fail a run."
                )
            ),
        )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=t(N_("HTML files or folders (searched for *.html, *.htm, *.xhtml)")),
    )
    parser.add_argument(
        "--root",
        metavar="DIR",
        help=t(N_("site root that root-relative URLs (/css/site.css) resolve against")),
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="IDS",
        help=t(N_("comma-separated rule ids to run instead of the preset; 'all' = every rule")),
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="IDS",
        help=t(N_("comma-separated rule ids not to run (adds to the configuration's ignore)")),
    )
    parser.add_argument(
        "--preset", metavar="NAME", help=t(N_("rule preset from checks/presets (default wcag-aa)"))
    )
    parser.add_argument(
        "--format",
        help=t(N_("output format: {formats} (default text)")).format(
            formats=", ".join(candidates())
        ),
    )
    parser.add_argument(
        "--output",
        metavar="FILE",
        help=t(N_("write the report here instead of to standard output")),
    )
    parser.add_argument(
        "--report",
        metavar="FILE.html",
        help=t(N_("also write the HTML report (grouped by page, rule and success criterion) here")),
    )
    parser.add_argument("--lang", choices=LANGS, help=t(N_("language of messages (default en)")))
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help=t(N_("lowest severity that makes the exit status 1 (default error)")),
    )
    parser.add_argument(
        "--jobs",
        type=_jobs_in(lang),
        default=1,
        metavar="N",
        help=t(N_("processes to check files with; 0 = one per CPU (default 1)")),
    )
    parser.add_argument(
        "--config",
        metavar="FILE",
        help=t(
            N_("configuration file (default: nearest pyproject.toml with [tool.vngpublish.check])")
        ),
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help=t(
            N_(
                "report and fail only on findings not recorded in this baseline file; "
                "say which entries no longer match"
            )
        ),
    )
    parser.add_argument(
        "--write-baseline",
        metavar="FILE",
        help=t(
            N_(
                "record this run's findings in FILE (keeping entries of pages not checked now) "
                "and exit 0"
            )
        ),
    )
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help=t(N_("no progress bar (it is shown only on a terminal, and never when CI is set)")),
    )
    parser.add_argument(
        "--quiet",
        action="store_true",
        help=t(
            N_(
                "no progress bar and no notes on stderr; errors and stale baseline entries are "
                "still reported"
            )
        ),
    )
    parser.add_argument(
        "--list-rules",
        action="store_true",
        help=t(N_("list every rule (--format json or text) and exit")),
    )
    parser.add_argument(
        "--explain",
        metavar="RULE",
        help=t(
            N_(
                "print the documentation of a rule (what it checks, why, how to fix it, "
                "examples) in --lang and exit"
            )
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"vngpublish {__version__}",
        help=t(N_("show the version and exit")),
    )
    return parser


def _jobs_in(lang: str) -> Callable[[str], int]:
    """The `--jobs` value parser, its errors in `lang`."""

    def jobs(value: str) -> int:
        try:
            count = int(value)
        except ValueError:
            message = translate(N_("not a whole number: {value}"), lang).format(value=repr(value))
            raise argparse.ArgumentTypeError(message) from None
        if count < 0:
            raise argparse.ArgumentTypeError(translate(N_("must be 0 (one per CPU) or more"), lang))
        return count

    return jobs


ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("the following arguments are required: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
)
"""argparse's own words that users of this command line meet (in its help and its usage
errors), as argparse writes them: listed here so that the catalogue carries them in Dutch."""


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """Within the block, argparse's own words ("usage:", "options", its error messages) are
    in `lang`. argparse looks every one of them up through its module's `_` function."""
    if lang == "en":
        yield
        return
    namespace = vars(argparse)
    english = namespace["_"]
    namespace["_"] = lambda message: translate(message, lang)
    try:
        yield
    finally:
        namespace["_"] = english


def _option_value(argv: Sequence[str], option: str) -> str | None:
    """The value given to `option` in `argv` (`--opt value` or `--opt=value`; the last one
    wins, as in argparse), before the arguments are parsed; None when it is not given."""
    value = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == option and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith(option + "="):
            value = arg.partition("=")[2]
    return value


def _help_language(argv: Sequence[str]) -> str:
    """The language of the help, of usage errors and of configuration errors: `--lang` when
    it names one, else the `lang` of the configuration (`--config` or the nearest
    pyproject.toml) when it can be read, even if other settings in it are wrong; else English.
    A configuration that cannot be read is reported later, in context."""
    lang = _option_value(argv, "--lang")
    if lang in LANGS:
        return lang
    option = _option_value(argv, "--config")
    try:
        path = Path(option) if option else find_config()
    except (ConfigError, OSError):
        return "en"
    return (declared_lang(path) if path is not None and path.is_file() else None) or "en"


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with `argv` (default `sys.argv[1:]`); return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    help_lang = _help_language(arguments)
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
            _list_rules(args.format or "text", lang, out)
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


@cache
def _en301549() -> dict[str, str]:
    data = json.loads((checks_dir() / "wcag" / "success-criteria.json").read_text(encoding="utf-8"))
    return {sc["sc"]: sc["en301549"] for sc in data if sc.get("en301549")}


def rule_list(lang: str = "en") -> list[dict[str, Any]]:
    """Every rule's metadata, as `--list-rules --format json` prints it."""
    clauses = _en301549()
    presets = load_presets()
    catalog = load_rules()
    in_preset = {name: preset_rule_ids(name, catalog) for name in presets}
    return [
        {
            "id": rule_id,
            "title": translate(rule.title, lang),
            "level": rule.level,
            "severity": rule.severity.value,
            "wcag": list(rule.wcag),
            "en301549": [clauses[sc] for sc in rule.wcag if sc in clauses],
            "act": list(rule.act),
            "axe": list(rule.axe),
            "tags": list(rule.all_tags()),
            "presets": [name for name in presets if rule_id in in_preset[name]],
            "description": rule.description(),
        }
        for rule_id, rule in catalog.items()
    ]


def _list_rules(fmt: str, lang: str, out: TextIO) -> None:
    rules = rule_list(lang)
    if fmt == "json":
        json.dump(rules, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if fmt != "text":
        raise UsageError(N_("--list-rules writes json or text, not {format}"), format=fmt)
    width = max((len(r["id"]) for r in rules), default=0)
    for r in rules:
        wcag = ", ".join(r["wcag"]) or "-"
        print(
            f"{r['id']:<{width}}  {r['level']:<13}  {r['severity']:<7}  {wcag:<12}  {r['title']}",
            file=out,
        )


__all__ = ["PresetError", "UsageError", "build_parser", "main", "rule_list"]
