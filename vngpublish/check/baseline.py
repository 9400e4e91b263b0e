"""Baselines: accept today's findings, fail only on new ones, and say which entries are stale.

`--write-baseline FILE` records the findings of a run; `--baseline FILE` then reports (and
fails on) only findings that are not in it. The file is JSON, sorted, one key a line, so a
review can read its diff::

    {
      "tool": "vngpublish",
      "version": 2,
      "entries": [
        {
          "rule": "link-text-generic",
          "path": "site/nieuws/maart.html",
          "fingerprint": "9c1e0b7d4a553f2a",
          "selector": "main > p:nth-of-type(2) > a",
          "message": "The link text \\"Lees meer\\" does not say where the link goes ..."
        }
      ]
    }

An entry is matched on rule, path and the element fingerprint (`vngpublish.check.fingerprint`:
no line numbers, so moving lines or adding paragraphs elsewhere keeps it matching); the
selector and message are there for people. Paths are relative to the folder the baseline file
is in, with `/` separators (`../site/a.html` for a baseline in `ci/`), so the same baseline
works whatever the working directory and whatever `--root` is.

Version 1 files named pages relative to `--root` when given, else to the working directory.
They are still read (their paths taken from the working directory or `--root` of the run that
reads them, as they were written) and are written again as version 2.

An entry of a page that was checked but that no longer matches a finding is stale: the defect
was fixed (or changed), and the entry should be removed so it cannot hide a new one. Entries of
pages not checked in this run (a pre-commit run on a few files) are neither used nor stale,
and writing a baseline keeps them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from vngpublish.check.finding import Finding
from vngpublish.i18n import N_, format_message

VERSION = 2
READABLE_VERSIONS = (1, 2)
FIELDS = ("rule", "path", "fingerprint", "selector", "message")
REQUIRED = ("rule", "path", "fingerprint")

Key = tuple[str, str, str]


class BaselineError(Exception):
    """A baseline file that cannot be read, parsed or understood (exit status 2).

    `message` is an English source string (marked with `N_`) whose placeholders come from
    `args`; it always names the file (`{path}`).
    """

    def __init__(self, message: str, **args: Any) -> None:
        super().__init__(message.format(**args))
        self.message = message
        self.fields = args

    def text(self, lang: str) -> str:
        """The message in `lang`."""
        return format_message(self.message, self.fields, lang)


def relative_path(path: str, base: Path | None = None) -> str:
    """How a baseline names a page: relative to `base` (default: the working directory) with
    `/` separators, `..` where the page lies outside `base`; absolute only when no relative
    path exists (another drive on Windows)."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, os.path.abspath(base or Path.cwd()))
    except ValueError:
        return PurePath(absolute).as_posix()
    return PurePath(relative).as_posix()


def folder_of(baseline: str) -> Path:
    """The folder the page paths in baseline file `baseline` are relative to."""
    return Path(os.path.abspath(baseline)).parent


@dataclass(frozen=True)
class Entry:
    """One accepted finding."""

    rule: str
    path: str
    fingerprint: str
    selector: str = ""
    message: str = ""

    @property
    def key(self) -> Key:
        """What is matched: rule, path and fingerprint."""
        return (self.rule, self.path, self.fingerprint)

    def as_dict(self) -> dict[str, str]:
        """The entry as written to the file."""
        return {name: getattr(self, name) for name in FIELDS}


def entry_for(finding: Finding, base: Path | None, message: str) -> Entry:
    """The baseline entry of `finding`; `message` is its text for people."""
    return Entry(
        finding.rule,
        relative_path(finding.path, base),
        finding.fingerprint,
        finding.selector,
        message,
    )


def load(path: str, old_base: Path | None = None) -> list[Entry]:
    """The entries of baseline file `path`; `BaselineError` when it is missing or malformed.

    Entry paths come back relative to the file's folder. A version 1 file's paths were
    relative to `old_base` (the `--root`; default the working directory) and are converted.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(
            N_("baseline {path}: no such file; create it with --write-baseline {path}"),
            path=path,
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BaselineError(
            N_("baseline {path}: cannot be read: {reason}"), path=path, reason=reason
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(
            N_(
                "baseline {path}:{line}: not valid JSON ({reason}); "
                "fix it or write it again with --write-baseline"
            ),
            path=path,
            line=exc.lineno,
            reason=exc.msg,
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise BaselineError(
            N_('baseline {path}: expected an object with a list "entries"; is this a baseline?'),
            path=path,
        )
    version = data.get("version", VERSION)
    if version not in READABLE_VERSIONS or isinstance(version, bool):
        raise BaselineError(
            N_("baseline {path}: version {version} is not supported (this version reads {known})"),
            path=path,
            version=json.dumps(version),
            known=", ".join(str(v) for v in READABLE_VERSIONS),
        )
    entries: list[Entry] = []
    for number, item in enumerate(data["entries"], start=1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(name), str) and item.get(name) for name in REQUIRED
        ):
            raise BaselineError(
                N_(
                    "baseline {path}: entry {number} needs the texts "
                    '"rule", "path" and "fingerprint"'
                ),
                path=path,
                number=number,
            )
        extra = {
            name: item[name] for name in ("selector", "message") if isinstance(item.get(name), str)
        }
        page = item["path"]
        if version == 1:
            page = relative_path(os.path.join(old_base or Path.cwd(), page), folder_of(path))
        entries.append(Entry(item["rule"], page, item["fingerprint"], **extra))
    return entries


def dump(entries: Iterable[Entry]) -> str:
    """The baseline file's text: entries sorted by path, rule and fingerprint, no duplicates."""
    unique = {entry.key: entry for entry in entries}
    ordered = [unique[key] for key in sorted(unique, key=lambda k: (k[1], k[0], k[2]))]
    document = {
        "tool": "vngpublish",
        "version": VERSION,
        "entries": [entry.as_dict() for entry in ordered],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


class Baseline:
    """The accepted findings of a baseline file, and which of them matched in this run."""

    def __init__(self, entries: Iterable[Entry], base: Path | None = None) -> None:
        """`base` is the folder the entries' paths are relative to (the baseline file's)."""
        self.entries = {entry.key: entry for entry in entries}
        self.base = base
        self.matched: set[Key] = set()
        self.checked: set[str] = set()

    def new_findings(self, path: str, findings: list[Finding]) -> list[Finding]:
        """The findings of checked page `path` that the baseline does not accept."""
        page = relative_path(path, self.base)
        self.checked.add(page)
        new: list[Finding] = []
        for finding in findings:
            key = (finding.rule, page, finding.fingerprint)
            if key in self.entries:
                self.matched.add(key)
            else:
                new.append(finding)
        return new

    def stale(self) -> list[Entry]:
        """Entries of pages checked in this run that matched no finding, sorted."""
        return sorted(
            (
                entry
                for key, entry in self.entries.items()
                if entry.path in self.checked and key not in self.matched
            ),
            key=lambda e: (e.path, e.rule, e.fingerprint),
        )


class Recorder:
    """Collects the entries of a run for `--write-baseline`."""

    def __init__(self, base: Path | None) -> None:
        """`base` is the folder of the baseline file to be written."""
        self.base = base
        self.entries: list[Entry] = []
        self.checked: set[str] = set()

    def add(self, path: str, findings: list[Finding]) -> None:
        """Record one checked page's findings (maybe none)."""
        self.checked.add(relative_path(path, self.base))
        for finding in findings:
            # English whatever --lang says, so the file's diff shows only real changes.
            message = format_message(finding.message, finding.args, "en")
            self.entries.append(entry_for(finding, self.base, message))

    def merged(self, previous: Iterable[Entry]) -> list[Entry]:
        """This run's entries plus the previous file's entries of pages not checked now."""
        kept = [entry for entry in previous if entry.path not in self.checked]
        return [*kept, *self.entries]


STALE = N_(
    "{path}: stale baseline entry {rule} {fingerprint} ({selector}) matches no finding any "
    "more; remove it from {baseline}"
)
"""How a stale entry is reported on stderr."""
