"""The `vngpublish` command: build a newsletter site from issue folders.

    python -m vngpublish build CONTENT... -o site/ [--templates DIR] [--base-url URL]

Exit status: 0 when the site was written; 2 on a usage error or bad content, with a one-line
message naming the file and line on stderr (and nothing written). Accessibility findings on the
written pages are listed on stderr, in the checker's text format
(`site/x/index.html:12:5: error link-name ...`), but do not fail the build: gate on them with
`python -m vngpublish.check site/`.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence

from vngpublish.check.report.text import finding_line
from vngpublish.errors import PublishError
from vngpublish.version import __version__


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
        in_site = dataclasses.replace(finding, path=str(result.out / finding.path))
        print(finding_line(in_site, "en"), file=sys.stderr)
    count = len(result.issues)
    issues = f"{count} issue{'s' if count != 1 else ''}"
    if args.no_check:
        checked = "accessibility not checked"
    else:
        found = len(result.findings)
        checked = f"{found} accessibility finding{'s' if found != 1 else ''}"
    print(f"vngpublish: wrote {result.out} ({issues}, {checked})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
