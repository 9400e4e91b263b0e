"""The command line's arguments: the parser, its help and usage errors in English or Dutch.

argparse writes some words of its own ("usage:", "options", its error messages); they are in
the catalogue too (`ARGPARSE_MESSAGES`), and `argparse_in(lang)` has argparse use them.
The language of the help comes from `--lang`, else from the configuration (`help_language`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from vngpublish.check.config import FAIL_ON, LANGS, ConfigError, declared_lang, find_config
from vngpublish.check.report import candidates
from vngpublish.i18n import N_, translate
from vngpublish.version import __version__

PROG = "python -m vngpublish.check"


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


def help_language(argv: Sequence[str]) -> str:
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
