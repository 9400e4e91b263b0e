"""Build a site folder from issue folders: the issues, an archive page and an Atom feed.

For every issue folder the site gets `<slug>/index.html` (the web page), `<slug>/email.html`
and `<slug>/email.txt`; at the top `index.html` lists the issues newest first and `feed.xml`
is an Atom feed of them.

The build is all or nothing: every issue is loaded and rendered in memory first, then written
into a temporary folder next to the target, which is moved into place only when complete. An
existing target is replaced only when an earlier build wrote it (it holds a `.vngpublish`
marker), so a mistyped `-o` cannot delete someone's folder.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vngpublish.check import Finding, check_html
from vngpublish.check.presets import DEFAULT_PRESET
from vngpublish.content import load_issue
from vngpublish.errors import ContentError, PublishError
from vngpublish.model import Issue, check_url
from vngpublish.render import environment, labels, long_date, render_issue, render_template

__all__ = ["MARKER", "SiteResult", "build_site"]

# A file every build writes; only a folder that has it is replaced by the next build.
MARKER = ".vngpublish"


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What a build wrote: the site folder, its issues (newest first) and the findings."""

    out: Path
    issues: list[Issue]
    files: list[str]
    findings: list[Finding] = field(default_factory=list)


def build_site(
    content: Sequence[str | Path],
    out: str | Path,
    *,
    templates: str | Path | None = None,
    base_url: str | None = None,
    check: bool = True,
) -> SiteResult:
    """Build the site for the issue folders `content` into the folder `out`.

    `base_url` (`https://example.org/nieuwsbrief/`) makes the feed's links and ids absolute;
    without it they are relative to the feed. Raises `PublishError` (a `ContentError` for bad
    content) with a one-line message; nothing is written then.
    """
    target = Path(out)
    base = _base_url(base_url)
    _check_target(target)
    issues = _load_all(content)
    env = environment(templates)

    files: dict[str, str] = {}
    findings: list[Finding] = []
    for issue in issues:
        web = render_issue(issue, "web", templates=templates, check=check)
        email = render_issue(issue, "email", templates=templates, check=check)
        files[f"{issue.slug}/index.html"] = web.html
        files[f"{issue.slug}/email.html"] = email.html
        findings += web.findings + email.findings
        files[f"{issue.slug}/email.txt"] = render_issue(issue, "text", templates=templates).text

    newest = issues[0]
    words = labels(newest.language)
    archive = render_template(
        env,
        "archive.html",
        issues=issues,
        publisher=newest.publisher,
        lang=newest.language,
        dir="ltr",
        L=words,
        longdate=lambda day: long_date(day, newest.language),
    )
    files["index.html"] = archive
    if check:
        findings += check_html(archive, "index.html", preset=DEFAULT_PRESET)
    files["feed.xml"] = render_template(
        env,
        "feed.xml",
        issues=issues,
        publisher=newest.publisher,
        lang=newest.language,
        L=words,
        base=base,
        feed_id=f"{base}feed.xml" if base else _urn(newest.publisher, "feed"),
        entry_id=lambda issue: (
            f"{base}{issue.slug}/" if base else _urn(issue.publisher, issue.slug)
        ),
        timestamp=_timestamp,
    )
    files[MARKER] = (
        "Written by `python -m vngpublish build`; the next build replaces this folder.\n"
    )
    _write_atomically(target, files)
    return SiteResult(out=target, issues=issues, files=sorted(files), findings=findings)


def _base_url(base_url: str | None) -> str:
    if base_url is None:
        return ""
    try:
        check_url(base_url, mailto=False)
    except ValueError as error:
        raise PublishError(f"--base-url {error}") from None
    return base_url if base_url.endswith("/") else base_url + "/"


def _load_all(content: Sequence[str | Path]) -> list[Issue]:
    if not content:
        raise PublishError("no issue folders given")
    issues: list[Issue] = []
    folders: dict[str, Path] = {}
    for folder in content:
        issue = load_issue(folder)
        issue_file = str(Path(folder) / "issue.yml")
        if issue.date is None:
            raise ContentError(
                "`date` is required to build a site: the archive and the feed are ordered by date",
                issue_file,
            )
        if issue.slug in folders:
            raise ContentError(
                f"has the same folder name ({issue.slug!r}) as {folders[issue.slug]}",
                str(folder),
            )
        folders[issue.slug] = Path(folder)
        issues.append(issue)
    issues.sort(key=lambda issue: (issue.date or dt.date.min, issue.number or 0), reverse=True)
    return issues


def _timestamp(day: dt.date) -> str:
    """An RFC 3339 timestamp for a date: midnight UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def _urn(publisher: str, name: str) -> str:
    """A stable id for the feed when the site's URL is unknown."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"vngpublish:{publisher}:{name}").urn


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise PublishError("exists and is not a folder", str(target))
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise PublishError(
            "exists and was not written by vngpublish; choose an empty or new folder",
            str(target),
        )


def _write_atomically(target: Path, files: dict[str, str]) -> None:
    """Write `files` into a temporary folder beside `target`, then swap it into place."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    except OSError as error:
        raise PublishError(
            f"cannot create the site folder ({error.strerror})", str(target)
        ) from None
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        os.chmod(staging, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            target.rename(old / "site")
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(target)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(f"cannot write the site ({error.strerror})", str(target)) from None
