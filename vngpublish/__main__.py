"""The `vngpublish` command: build a newsletter site from issue folders, checked before it is
published::

    python -m vngpublish build CONTENT... -o SITE [--templates DIR] [--base-url URL]
        [--fail-on error|warning|never] [--report FILE.html] [--format FORMAT]
        [--lang nl|en] [--config FILE] [--no-check]

Every issue is loaded, rendered and checked with the accessibility checker before anything is
written. Findings are printed as `python -m vngpublish.check` prints them (`--format`, on
standard output); `--report` also writes the HTML report.

Exit status, as the checker's: 0 when the site was written and no finding is at or above
`--fail-on` (default error); 1 when one is: the site is then not written, and the previous
site stays as it was; 2 on a usage error, bad content (every problem in every file listed, one
a line, naming the file and line) or a folder that cannot be written, with nothing written.
Messages are in Dutch with `--lang nl` or `lang = "nl"` in the configuration
(`vngpublish.config`).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from vngpublish.errors import PublishError
from vngpublish.i18n import N_, NP_, format_plural, translate
from vngpublish.version import __version__

if TYPE_CHECKING:
    from vngpublish.check.report import ReportWriter
    from vngpublish.config import BuildConfig

PROG = "vngpublish"
FORMATS = ("text", "json", "sarif", "junit", "github", "html")

WROTE = NP_("wrote {site} ({count} issue, {checked})", "wrote {site} ({count} issues, {checked})")
FINDINGS = NP_("{count} accessibility finding", "{count} accessibility findings")
NOT_WRITTEN = NP_(
    "{count} finding fails at --fail-on {fail_on}: the site was not written and {site} is "
    "as it was; fix the finding, or build with --fail-on never to publish anyway",
    "{count} findings fail at --fail-on {fail_on}: the site was not written and {site} is "
    "as it was; fix the findings, or build with --fail-on never to publish anyway",
)

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)
"""argparse's own words that users of this command meet, for the catalogue."""


def _parser(lang: str) -> argparse.ArgumentParser:
    def t(message: str) -> str:
        return translate(message, lang)

    with argparse_in(lang):
        parser = argparse.ArgumentParser(
            prog=PROG,
            description=t(N_("Publish accessible newsletters: web page, e-mail and plain text.")),
        )
        parser.add_argument("--version", action="version", version=f"vngpublish {__version__}")
        commands = parser.add_subparsers(dest="command", metavar="COMMAND")
        build = commands.add_parser(
            "build",
            help=t(N_("build a site from issue folders")),
            description=t(
                N_(
                    "Build <slug>/index.html, email.html, email.txt and email.eml for every "
                    "issue folder, an archive index.html and an Atom feed.xml, after checking "
                    "them for accessibility."
                )
            ),
            epilog=t(
                N_(
                    "Exit status: 0 written, nothing at or above --fail-on; 1 findings at or "
                    "above --fail-on (nothing written); 2 usage error or bad content (nothing "
                    "written)."
                )
            ),
        )
    build.add_argument("content", nargs="+", metavar="CONTENT", help=t(N_("an issue folder")))
    build.add_argument(
        "-o", "--output", required=True, metavar="SITE", help=t(N_("the site folder"))
    )
    build.add_argument(
        "--templates",
        metavar="DIR",
        help=t(N_("a folder whose templates override ours by name")),
    )
    build.add_argument(
        "--base-url",
        metavar="URL",
        help=t(
            N_(
                "the site's public URL: absolute links in the feed, the e-mail's link to the "
                "web page and its images"
            )
        ),
    )
    build.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        help=t(N_("lowest severity that stops the build with exit status 1 (default error)")),
    )
    build.add_argument(
        "--report",
        metavar="FILE.html",
        help=t(N_("also write the HTML report of the findings here")),
    )
    build.add_argument(
        "--format",
        help=t(N_("how findings are printed: {formats} (default text)")).format(
            formats=", ".join(FORMATS)
        ),
    )
    build.add_argument(
        "--lang", choices=("en", "nl"), help=t(N_("language of messages (default en)"))
    )
    build.add_argument(
        "--config",
        metavar="FILE",
        help=t(N_("configuration file (default: nearest pyproject.toml with [tool.vngpublish])")),
    )
    build.add_argument(
        "--no-check",
        action="store_true",
        help=t(N_("do not check the pages for accessibility")),
    )
    return parser


@contextmanager
def argparse_in(lang: str) -> Iterator[None]:
    """Within the block, argparse's own words ("usage:", its error messages) are in `lang`."""
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


def _option(argv: Sequence[str], option: str) -> str | None:
    """The value of `option` in `argv` before parsing (the last one wins, as in argparse)."""
    value = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == option and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith(option + "="):
            value = arg.partition("=")[2]
    return value


def _early_lang(argv: Sequence[str]) -> str:
    """The language of help and usage errors: `--lang`, else the configuration's, else en."""
    from vngpublish.config import LANGS, declared_lang, find_config

    lang = _option(argv, "--lang")
    if lang in LANGS:
        return lang
    option = _option(argv, "--config")
    path = Path(option) if option else find_config()
    return (declared_lang(path) if path is not None and path.is_file() else None) or "en"


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with `argv` (default `sys.argv[1:]`); return the exit status."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = _early_lang(arguments)
    parser = _parser(lang)
    try:
        with argparse_in(lang):
            args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse has printed the help or the usage error
        return exc.code if isinstance(exc.code, int) else 2
    if args.command != "build":
        with argparse_in(lang):
            parser.print_help(err)
        return 2
    from vngpublish.config import BuildConfig, find_config, load_config

    try:
        found = Path(args.config) if args.config else find_config()
        config = load_config(found) if found else BuildConfig()
        lang = args.lang or config.lang or "en"
        return _build(args, config, lang, out, err)
    except PublishError as error:
        for line in error.text(lang).splitlines():
            # "error" and "note" stay English, as the checker's severity words do: tools that
            # read a build log look for them.
            print(f"{PROG}: error: {line}", file=err)
        return 2


def _build(
    args: argparse.Namespace, config: BuildConfig, lang: str, out: TextIO, err: TextIO
) -> int:
    from vngpublish.check import Finding
    from vngpublish.check.report import writer_class
    from vngpublish.check.summary import Summary
    from vngpublish.render import failing
    from vngpublish.site import plan_site, write_site

    fmt = args.format or config.format or "text"
    writer_type = writer_class(fmt) if fmt in FORMATS else None
    if writer_type is None:
        raise PublishError(
            N_('unknown format "{format}"; choose one of {choices}'),
            format=fmt,
            choices=", ".join(FORMATS),
        )
    fail_on: str = args.fail_on or config.fail_on or "error"
    check = not args.no_check
    result, files, assets = plan_site(
        args.content,
        args.output,
        templates=args.templates or config.templates,
        base_url=args.base_url or config.base_url,
        check=check,
        settings=config.settings,
    )
    for note in result.notes:
        print(f"{PROG}: note: {note.text(lang)}", file=err)
    if check:
        # Paths as in the site, so that the lines can be opened in an editor.
        in_site = {page: str(result.out / page) for page in result.pages}
        by_page: dict[str, list[Finding]] = {page: [] for page in sorted(result.pages)}
        for finding in result.findings:
            by_page[finding.path].append(dataclasses.replace(finding, path=in_site[finding.path]))
        writers: list[ReportWriter] = [_writer(writer_type, out, err, lang)]
        report = _open_report(args.report) if args.report else None
        try:
            if report is not None:
                html_type = writer_class("html")
                assert html_type is not None
                html = _writer(html_type, report, io.StringIO(), lang)
                sources = {in_site[page]: text for page, text in result.pages.items()}
                html.sources = sources  # type: ignore[attr-defined]
                writers.append(html)
            summary = Summary()
            for page, findings in by_page.items():
                summary.add(findings)
                for writer in writers:
                    writer.file(in_site[page], findings)
            for writer in writers:
                writer.close(summary)
        finally:
            if report is not None:
                report.close()
    bad = failing(result.findings, fail_on)
    if bad:
        message = format_plural(NOT_WRITTEN, len(bad), lang, fail_on=fail_on, site=str(result.out))
        print(f"{PROG}: {message}", file=err)
        return 1
    write_site(result.out, files, assets)
    checked = (
        format_plural(FINDINGS, len(result.findings), lang)
        if check
        else translate(N_("accessibility not checked"), lang)
    )
    wrote = format_plural(WROTE, len(result.issues), lang, site=str(result.out), checked=checked)
    print(f"{PROG}: {wrote}", file=err)
    return 0


def _writer(writer_type: type[ReportWriter], out: TextIO, err: TextIO, lang: str) -> ReportWriter:
    """A writer of the check's findings, told every rule and those the build's checks ran."""
    from vngpublish.check.api import preset_rules
    from vngpublish.check.registry import load_rules
    from vngpublish.render import WEB_PRESET

    selected = preset_rules(WEB_PRESET, "email")
    return writer_type(out, err, lang, catalog=load_rules(), selected=selected)


def _open_report(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as error:
        raise PublishError(
            N_("cannot write {path}: {reason}"), path=path, reason=error.strerror or str(error)
        ) from None


if __name__ == "__main__":
    sys.exit(main())
