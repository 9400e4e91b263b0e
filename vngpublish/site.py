"""Build a site folder from issue folders: the issues, an archive page and an Atom feed.

For every issue folder the site gets `<slug>/index.html` (the web page), `<slug>/email.html`,
`<slug>/email.txt` and `<slug>/email.eml` (the whole message, for a test send), and the
issue's local images; at the top `index.html` lists the issues newest first and `feed.xml`
is an Atom feed of them. Both are in the language most issues share (`site_language`); an
issue in another language is listed in its own, marked with `lang` (`xml:lang` in the feed).

The build is all or nothing: every issue is loaded (every problem in every file reported at
once), rendered and checked in memory first. With `fail_on`, output with findings at or above
that severity stops the build (`AccessibilityError`) before anything is written. Then the site
is written into a temporary folder next to the target and swapped into place only when
complete (in one step where the system can exchange two folders atomically), under a lock, so
that a failed or interrupted build leaves the previous site as it was and two builds into the
same folder at once do not mix.

An existing target is rebuilt only when an earlier build wrote it (it holds a `.vngpublish`
marker), so a mistyped `-o` cannot delete someone's folder. The marker lists the files that
build wrote; a rebuild replaces those (an issue left out of the build disappears) and carries
every other file over unchanged: a `robots.txt`, a `CNAME`, the house style's images. A file
of one's own where the build would write a page is refused, never overwritten.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import shutil
import sys
import tempfile
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from vngpublish.check import Finding, check_html
from vngpublish.content import load_issue
from vngpublish.errors import ContentError, ContentErrors, PublishError
from vngpublish.i18n import N_
from vngpublish.mime import email_message
from vngpublish.model import Email, Issue, Style, check_url
from vngpublish.render import (
    WEB_PRESET,
    SiteLinks,
    count_items,
    environment,
    labels,
    long_date,
    raise_for_findings,
    render_issue,
    render_template,
    sections,
    style_context,
)

__all__ = ["MARKER", "SiteResult", "SiteSettings", "build_site", "site_language"]

# A file every build writes; only a folder that has it is rebuilt by the next build.
MARKER = ".vngpublish"
# The marker's first lines; the files the build wrote follow, one a line.
_MARKER_HEADER = (
    "Written by `python -m vngpublish build`. The next build replaces the files listed\n"
    "below and keeps every other file in this folder.\n"
    "--- files written:\n"
)


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """Settings for every issue of a site, from the configuration: the defaults of each
    issue's `email:` and `style:` (an issue's own values win, key by key)."""

    email: Email = field(default_factory=Email)
    style: Style = field(default_factory=Style)


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What a build wrote (or, stopped by `fail_on`, would have written).

    `issues` newest first; `files` the paths written, relative to `out`; `pages` the text of
    every checked page by that path; `findings` the checker's findings on them (paths relative
    to `out`); `notes` things worth knowing that do not stop the build.
    """

    out: Path
    issues: list[Issue]
    files: list[str]
    findings: list[Finding] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    notes: list[PublishError] = field(default_factory=list)


def build_site(
    content: Sequence[str | Path],
    out: str | Path,
    *,
    templates: str | Path | None = None,
    base_url: str | None = None,
    check: bool = True,
    settings: SiteSettings | None = None,
    fail_on: str = "never",
) -> SiteResult:
    """Build the site for the issue folders `content` into the folder `out`.

    `base_url` (`https://example.org/nieuwsbrief/`) makes the feed's links and ids absolute
    and gives the e-mail its "view in the browser" link and absolute image URLs; without it
    they are relative, and the e-mail has no such link. `settings` gives every issue's
    defaults. Raises `PublishError` with a one-line message (`ContentErrors`, one line per
    problem, for bad content; `AccessibilityError` when findings fail at `fail_on`, "error",
    "warning" or "never", the default); nothing is written then.
    """
    result, files, assets = plan_site(
        content, out, templates=templates, base_url=base_url, check=check, settings=settings
    )
    raise_for_findings(result.findings, fail_on)
    write_site(result.out, files, assets)
    return result


def plan_site(
    content: Sequence[str | Path],
    out: str | Path,
    *,
    templates: str | Path | None = None,
    base_url: str | None = None,
    check: bool = True,
    settings: SiteSettings | None = None,
) -> tuple[SiteResult, dict[str, str | bytes], dict[str, Path]]:
    """Load, render and check everything `build_site` writes, writing nothing.

    Returns the result, the files (path relative to `out` -> text or bytes) and the images to
    copy (path relative to `out` -> file).
    """
    target = Path(out)
    base = _base_url(base_url)
    _check_target(target)
    issues = [_with_settings(issue, settings or SiteSettings()) for issue in _load_all(content)]
    env = environment(templates)

    files: dict[str, str | bytes] = {}
    pages: dict[str, str] = {}
    assets: dict[str, Path] = {}
    findings: list[Finding] = []
    notes: list[PublishError] = []
    for index, issue in enumerate(issues):
        links = SiteLinks(
            base_url=base,
            previous=issues[index + 1] if index + 1 < len(issues) else None,
            following=issues[index - 1] if index > 0 else None,
            archive=True,
        )
        web = render_issue(issue, "web", templates=templates, check=check, site=links)
        email = render_issue(issue, "email", templates=templates, check=check, site=links)
        text = render_issue(issue, "text", templates=templates, site=links).text
        pages[f"{issue.slug}/index.html"] = web.html
        pages[f"{issue.slug}/email.html"] = email.html
        files[f"{issue.slug}/email.txt"] = text
        files[f"{issue.slug}/email.eml"] = email_message(issue, email.html, text)
        findings += web.findings + email.findings
        notes += _issue_notes(issue, base)
        for image in issue.images():
            if image.is_local:
                if image.file is None:
                    raise PublishError(
                        N_("the image {src} has no file: load the issue with load_issue()"),
                        issue.slug,
                        src=repr(image.src),
                    )
                assets[f"{issue.slug}/{image.src}"] = image.file

    newest = issues[0]
    lang = site_language(issues)
    words = labels(lang)
    archive = render_template(
        env,
        "archive.html",
        issues=issues,
        sections=sections,
        publisher=newest.publisher,
        lang=lang,
        dir="ltr",
        L=words,
        labels=labels,
        longdate=lambda day, language=lang: long_date(day, language),
        count_items=count_items,
        image_src=lambda image: f"{newest.slug}/{image.src}" if image.is_local else image.src,
        **style_context(newest),
    )
    pages["index.html"] = archive
    if check:
        findings += check_html(archive, "index.html", preset=WEB_PRESET)
    files.update(pages)
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
    written = sorted([*files, *assets, MARKER])
    files[MARKER] = _MARKER_HEADER + "".join(f"{name}\n" for name in written if name != MARKER)
    result = SiteResult(
        out=target, issues=issues, files=written, findings=findings, pages=pages, notes=notes
    )
    return result, files, assets


def _with_settings(issue: Issue, settings: SiteSettings) -> Issue:
    """`issue` with the site's email and style settings where the issue sets none."""

    def merged(own: Email | Style, site: Email | Style) -> dict[str, object]:
        return {
            name: getattr(own, name) if getattr(own, name) is not None else getattr(site, name)
            for name in type(own).model_fields
        }

    return issue.model_copy(
        update={
            "email": issue.email.model_copy(update=merged(issue.email, settings.email)),
            "style": issue.style.model_copy(update=merged(issue.style, settings.style)),
        }
    )


def _issue_notes(issue: Issue, base: str) -> list[PublishError]:
    """What the team should know about an issue's e-mail before sending it."""
    notes: list[PublishError] = []
    where = f"{issue.slug}/email.eml"
    if issue.email.sender is None:
        notes.append(
            PublishError(
                N_(
                    "no sender: the message is from {address}; set `email.sender` in issue.yml "
                    "or the configuration"
                ),
                where,
                address="nieuwsbrief@example.invalid",
            )
        )
    if issue.email.unsubscribe is None:
        notes.append(
            PublishError(
                N_(
                    "no unsubscribe link: set `email.unsubscribe` to a URL or your sending "
                    "service's merge tag"
                ),
                where,
            )
        )
    if not base and any(image.is_local for image in issue.images()):
        notes.append(
            PublishError(
                N_(
                    "the e-mail refers to local images by a relative path, which mail clients "
                    "cannot load: give --base-url"
                ),
                f"{issue.slug}/email.html",
            )
        )
    return notes


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
        raise PublishError(N_("--base-url {problem}"), problem=error) from None
    return base_url if base_url.endswith("/") else base_url + "/"


def _load_all(content: Sequence[str | Path]) -> list[Issue]:
    """Every issue, newest first; raises ContentErrors with the problems of every folder."""
    if not content:
        raise PublishError(N_("no issue folders given"))
    issues: list[Issue] = []
    folders: dict[str, Path] = {}
    problems: list[ContentError] = []
    for folder in content:
        try:
            issue = load_issue(folder)
        except ContentError as error:
            problems += [p for p in error.problems if isinstance(p, ContentError)]
            continue
        issue_file = str(Path(folder) / "issue.yml")
        if issue.date is None:
            problems.append(
                ContentError(
                    N_(
                        "`date` is required to build a site: the archive and the feed are "
                        "ordered by date"
                    ),
                    issue_file,
                )
            )
        if issue.slug in folders:
            problems.append(
                ContentError(
                    N_("has the same folder name ({slug}) as {other}"),
                    str(folder),
                    slug=repr(issue.slug),
                    other=str(folders[issue.slug]),
                )
            )
        folders[issue.slug] = Path(folder)
        issues.append(issue)
    if problems:
        raise ContentErrors(problems)
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
        raise PublishError(N_("exists and is not a folder"), str(target))
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise PublishError(
            N_("exists and was not written by vngpublish; choose an empty or new folder"),
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


def _kept_files(target: Path, files: Sequence[str]) -> list[str]:
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
                    N_(
                        "holds {path}, which vngpublish did not write and this build would "
                        "replace; move it away first"
                    ),
                    str(target),
                    path=relative,
                )
            kept.append(relative)
    return kept


def write_site(target: Path, files: dict[str, str | bytes], assets: dict[str, Path]) -> None:
    """Write `files` and copy `assets` into `target`, atomically and under a lock (see the
    module's docstring); files of one's own in an earlier build's `target` are kept."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PublishError(
            N_("cannot create the site folder ({reason})"),
            str(target),
            reason=error.strerror or str(error),
        ) from None
    with _locked(target):
        _check_target(target)
        kept = _kept_files(target, [*files, *assets])
        _write_atomically(target, files, assets, kept)


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder that holds `target` for the block: a second build
    into the same folder waits for the first to finish. (The folder itself is locked, so no
    lock file is left behind; builds into two folders side by side wait for each other too.)"""
    if sys.platform == "win32":  # no flock: builds are not serialised there
        yield
        return
    import fcntl

    descriptor = os.open(target.parent, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _write_atomically(
    target: Path, files: dict[str, str | bytes], assets: dict[str, Path], kept: list[str]
) -> None:
    """Write `files` into a temporary folder beside `target`, then swap it into place.

    `kept` are paths in the existing `target` that are copied into the new folder unchanged.
    """
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    except OSError as error:
        raise PublishError(
            N_("cannot create the site folder ({reason})"),
            str(target),
            reason=error.strerror or str(error),
        ) from None
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        for name, source in assets.items():
            copy = staging / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)
        for name in kept:
            source, copy = target / name, staging / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir() and not source.is_symlink():
                copy.mkdir()  # an empty folder: _kept_files lists the files in others
            else:
                shutil.copy2(source, copy, follow_symlinks=False)
        os.chmod(staging, 0o755)
        _swap(staging, target)
    except (OSError, shutil.Error) as error:
        shutil.rmtree(staging, ignore_errors=True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise PublishError(
            N_("cannot write the site ({reason})"), str(target), reason=reason
        ) from None
    except BaseException:  # interrupted (Ctrl-C): the previous site stays, the half-built goes
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, target: Path) -> None:
    """Put the folder `staging` where `target` is. Where Linux can exchange the two folders in
    one step, `target` is never missing; elsewhere it is moved aside and back on failure."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    target.rename(old / "site")
    try:
        staging.rename(target)
    except BaseException:
        (old / "site").rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two folders atomically with Linux's renameat2(RENAME_EXCHANGE); False when
    the system cannot (another system, an old kernel, a file system without it)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes.append(ctypes.c_uint)
    renameat2.restype = ctypes.c_int
    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(done == 0)
