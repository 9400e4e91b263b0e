"""The `vngpublish` command: build a newsletter site from issue folders.

    python -m vngpublish build CONTENT... -o site/ [--templates DIR] [--base-url URL]

Exit status: 0 when the site was written; 2 on a usage error or bad content, with a one-line
message naming the file and line on stderr (and nothing written). Accessibility findings on the
written pages are listed on stderr but do not fail the build: gate on them with
`python -m vngpublish.check site/`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from vngpublish import __version__
from vngpublish.check.i18n import format_message
from vngpublish.errors import PublishError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vngpublish",
        description="Publish accessible newsletters: web page, e-mail and plain text.",
    )
    parser.add_argument("--version", action="version", version=f"vngpublish {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    build = commands.add_parser(
        "build",
        help="build a site from issue folders",
        description="Build <slug>/index.html, email.html and email.txt for every issue folder, "
        "an archive index.html and an Atom feed.xml.",
    )
    build.add_argument("content", nargs="+", metavar="CONTENT", help="an issue folder")
    build.add_argument("-o", "--output", required=True, metavar="DIR", help="the site folder")
    build.add_argument(
        "--templates", metavar="DIR", help="a folder whose templates override ours by name"
    )
    build.add_argument(
        "--base-url", metavar="URL", help="the site's public URL, for absolute links in the feed"
    )
    build.add_argument(
        "--no-check", action="store_true", help="do not check the written pages for accessibility"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "build":
        parser.print_help(sys.stderr)
        return 2
    from vngpublish.site import build_site  # imported late: `--help` stays fast

    try:
        result = build_site(
            args.content,
            args.output,
            templates=args.templates,
            base_url=args.base_url,
            check=not args.no_check,
        )
    except PublishError as error:
        print(f"vngpublish: error: {error}", file=sys.stderr)
        return 2
    for finding in result.findings:
        message = format_message(finding.message, finding.args, "en")
        print(
            f"{result.out / finding.path}:{finding.line}:{finding.column}: "
            f"{finding.rule} ({finding.outcome}): {message}",
            file=sys.stderr,
        )
    count = len(result.issues)
    print(
        f"vngpublish: wrote {result.out} ({count} issue{'s' if count != 1 else ''}, "
        f"{len(result.findings)} accessibility finding{'s' if len(result.findings) != 1 else ''})",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
