"""WCAG 2.2 success criteria as data: level, English and Dutch title, Understanding page, and
the EN 301 549 clause, read from `checks/wcag/success-criteria.json`.

Where the titles come from is in `checks/wcag/README.md`: English titles and levels from the
W3C ACT Rules data, Dutch titles from the W3C authorized Dutch translation of WCAG 2.1 (the
nine criteria new in 2.2 from published Dutch overviews)::

    from vngpublish.check.wcag import criterion
    sc = criterion("1.1.1")
    sc.title("nl")   # 'Niet-tekstuele content'
    sc.en301549      # '9.1.1.1'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from vngpublish.resources import checks_dir

SOURCE_NOTE = "checks/wcag/README.md"
"""Where the data's sources are described (shown to people in the report)."""


class WcagDataError(ValueError):
    """The success criteria file is missing or malformed (the installation is broken)."""


@dataclass(frozen=True, slots=True)
class SuccessCriterion:
    """One WCAG success criterion."""

    sc: str
    """Its number, e.g. "1.1.1"."""
    id: str
    """The short name used in W3C URLs, e.g. "non-text-content"."""
    level: str
    """The level: "A", "AA" or "AAA"."""
    title_en: str
    title_nl: str
    since: str
    """The WCAG version that introduced it: "2.0", "2.1" or "2.2"."""
    understanding: str
    """The URL of its Understanding page (WCAG 2.2)."""
    en301549: str | None
    """The EN 301 549 V3.2.1 clause for web content, or None (criteria new in WCAG 2.2)."""
    obsolete: str | None = None
    """Why it no longer applies (4.1.1 Parsing, removed in WCAG 2.2), or None."""

    def title(self, lang: str) -> str:
        """The title in `lang` ("nl" gives Dutch; anything else English)."""
        return self.title_nl if lang == "nl" else self.title_en


_REQUIRED = ("sc", "id", "level", "title_en", "title_nl", "since", "understanding")


def _criterion(entry: Any, path: Path, index: int) -> SuccessCriterion:
    if not isinstance(entry, dict):
        raise WcagDataError(f"{path}: entry {index} is not an object")
    missing = [key for key in _REQUIRED if not isinstance(entry.get(key), str)]
    if missing:
        raise WcagDataError(f"{path}: entry {index} lacks text for {', '.join(missing)}")
    clause = entry.get("en301549")
    obsolete = entry.get("obsolete")
    return SuccessCriterion(
        sc=entry["sc"],
        id=entry["id"],
        level=entry["level"],
        title_en=entry["title_en"],
        title_nl=entry["title_nl"],
        since=entry["since"],
        understanding=entry["understanding"],
        en301549=clause if isinstance(clause, str) else None,
        obsolete=obsolete if isinstance(obsolete, str) else None,
    )


def load_criteria(path: Path | None = None) -> dict[str, SuccessCriterion]:
    """Every success criterion in `path` (default: the shipped file), by number, in file order.

    Raises WcagDataError naming the file when it cannot be read or is malformed.
    """
    path = path or checks_dir() / "wcag" / "success-criteria.json"
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise WcagDataError(f"{path}: cannot read the success criteria: {exc}") from exc
    if not isinstance(data, list):
        raise WcagDataError(f"{path}: expected a list of success criteria")
    criteria = [_criterion(entry, path, index) for index, entry in enumerate(data)]
    return {c.sc: c for c in criteria}


@cache
def criteria() -> dict[str, SuccessCriterion]:
    """The shipped success criteria, by number (read once)."""
    return load_criteria()


def criterion(sc: str) -> SuccessCriterion | None:
    """The success criterion numbered `sc`, or None when WCAG 2.2 has no such number."""
    return criteria().get(sc)


def sort_key(sc: str) -> tuple[int, ...]:
    """Order success criterion numbers numerically: 1.4.3 before 1.4.10."""
    try:
        return tuple(int(part) for part in sc.split("."))
    except ValueError:
        return (999,)
