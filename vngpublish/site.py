"""Build a site folder from issue folders: the issues, an archive page and an Atom feed.

For every issue folder the site gets `<slug>/index.html` (the web page), `<slug>/email.html`
and `<slug>/email.txt`; at the top `index.html` lists the issues newest first and `feed.xml`
is an Atom feed of them. Both are in the language most issues share (`site_language`); an
issue in another language is listed in its own, marked with `lang` (`xml:lang` in the feed).

The build is all or nothing: every issue is loaded and rendered in memory first, then written
into a temporary folder next to the target, which is moved into place only when complete.

An existing target is rebuilt only when an earlier build wrote it (it holds a `.vngpublish`
marker), so a mistyped `-o` cannot delete someone's folder. The marker lists the files that
build wrote; a rebuild replaces those (an issue left out of the build disappears) and carries
every other file over unchanged: a `robots.txt`, a `CNAME`, the house style's images. A file
of one's own where the build would write a page is refused, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vngpublish.check import Finding, check_html
from vngpublish.check.presets import DEFAULT_PRESET
from vngpublish.content import load_issue
from vngpublish.errors import ContentError, PublishError
from vngpublish.model import Issue, check_url
from vngpublish.render import (
    count_items,
    environment,
    labels,
    long_date,
    render_issue,
    render_template,
)

__all__ = ["MARKER", "SiteResult", "build_site", "site_language"]

# A file every build writes; only a folder that has it is rebuilt by the next build.
MARKER = ".vngpublish"
# The marker's first lines; the files the build wrote follow, one a line.
_MARKER_HEADER = (
    "Written by `python -m vngpublish build`. The next build replaces the files listed\n"
    "below and keeps every other file in this folder.\n"
    "--- files written:\n"
)


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
    lang = site_language(issues)
    words = labels(lang)
    archive = render_template(
        env,
        "archive.html",
        issues=issues,
        publisher=newest.publisher,
        lang=lang,
        dir="ltr",
        L=words,
        labels=labels,
        longdate=lambda day, language=lang: long_date(day, language),
        count_items=count_items,
    )
    files["index.html"] = archive
    if check:
        findings += check_html(archive, "index.html", preset=DEFAULT_PRESET)
    files["feed.xml"] = render_template(
        env,
        "feed.xml",
        issues=issues,
        publisher=newest.publisher,
        lang=lang,
        L=words,
        labels=labels,
        base=base,
        feed_id=f"{base}feed.xml" if base else _urn(newest.publisher, "feed"),
        entry_id=lambda issue: (
            f"{base}{issue.slug}/" if base else _urn(issue.publisher, issue.slug)
        ),
        timestamp=_timestamp,
    )
    files[MARKER] = _MARKER_HEADER + "".join(f"{name}\n" for name in sorted(files))
    _write_atomically(target, files, _kept_files(target, files))
    return SiteResult(out=target, issues=issues, files=sorted(files), findings=findings)


def site_language(issues: Sequence[Issue]) -> str:
    """The language of the archive and the feed: the one most issues share.

    `issues` are newest first; on a tie the newest issue's language wins. Issues in another
    language are marked as such in the archive and the feed.
    """
    counts = Counter(issue.language for issue in issues)
    # max() keeps the first of equal counts, and a Counter keeps the order keys came in.
    return max(counts, key=counts.__getitem__)


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


def _written_before(target: Path) -> set[str] | None:
    """The files the marker in `target` says an earlier build wrote; None if it does not say.

    Markers of versions before the list was kept say nothing; see `_kept_files`.
    """
    try:
        text = (target / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    _, found, listed = text.partition(_MARKER_HEADER.splitlines()[-1] + "\n")
    if not found:
        return None
    return {line for line in listed.splitlines() if line}


def _kept_files(target: Path, files: dict[str, str]) -> list[str]:
    """The paths (relative, `/`-separated) in `target` that the new build must carry over.

    Those are the files, symbolic links and empty folders an earlier build did not write. When
    one of them is where this build writes a page, the build is refused rather than overwrite
    it. When the marker lists nothing (an older version wrote it), the files this build writes
    count as written by vngpublish.
    """
    if not (target / MARKER).is_file():
        return []
    ours = _written_before(target)
    folders = {parent.as_posix() for name in files for parent in Path(name).parents}
    kept: list[str] = []
    for root, dirs, names in os.walk(target):
        here = Path(root).relative_to(target)
        for name in sorted(dirs):
            path = Path(root, name)
            relative = (here / name).as_posix()
            if path.is_symlink() or (not any(path.iterdir()) and relative not in folders):
                names.append(name)
        for name in sorted(names):
            relative = (here / name).as_posix()
            if relative == MARKER or relative in (files if ours is None else ours):
                continue
            if relative in files or relative in folders:
                raise PublishError(
                    f"holds {relative}, which vngpublish did not write and this build would "
                    "replace; move it away first",
                    str(target),
                )
            kept.append(relative)
    return kept


def _write_atomically(target: Path, files: dict[str, str], kept: list[str]) -> None:
    """Write `files` into a temporary folder beside `target`, then swap it into place.

    `kept` are paths in the existing `target` that are copied into the new folder unchanged.
    """
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
        for name in kept:
            source, copy = target / name, staging / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir() and not source.is_symlink():
                copy.mkdir()  # an empty folder: _kept_files lists the files in others
            else:
                shutil.copy2(source, copy, follow_symlinks=False)
        os.chmod(staging, 0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
            target.rename(old / "site")
            staging.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(target)
    except (OSError, shutil.Error) as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise PublishError(f"cannot write the site ({reason})", str(target)) from None
