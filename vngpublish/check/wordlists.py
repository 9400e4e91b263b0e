"""Word lists of generic link texts, one file per language: `checks/wordlists/<lang>.txt`.

A list file has one phrase a line; blank lines and lines starting with `#` are ignored. Phrases
and link names are compared after `normalise_link_text`, so a list holds "lees meer" once and
matches "Lees meer »", "[Lees meer]" and "LEES MEER...".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from vngpublish.resources import checks_dir

# Characters that wrap or trail a link text without changing what it says: brackets, quotes,
# punctuation, arrows and bullets ("Lees meer »", "[Read more]", "› Mehr", "Lire la suite…").
_WRAPPING = (
    " \t\n\u00a0.,:;!?…()[]{}<>«»‹›〈〉⟨⟩\"'“”„‘’‚+*|/\\-–—_·•"
    "→⇢⟶➔➜➝➞➡↗⇒▶▸►▷▹❯❱\ufe0f"  # arrows, including the emoji arrow's variation selector
)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=4096)
def normalise_link_text(text: str) -> str:
    """Lower-case, collapse whitespace, unify apostrophes and strip wrapping and arrows."""
    text = _SPACE.sub(" ", text.casefold().replace("’", "'")).strip(_WRAPPING)
    return _SPACE.sub(" ", text)


def _folder_files() -> dict[str, str]:
    folder = checks_dir() / "wordlists"
    return {path.stem.lower(): str(path) for path in sorted(folder.glob("*.txt"))}


@cache
def languages() -> tuple[str, ...]:
    """The languages that have a word list, e.g. ("de", "en", "fr", "nl")."""
    return tuple(sorted(_folder_files()))


@cache
def generic_link_texts(language: str) -> frozenset[str]:
    """The normalised generic link texts of one language ("" for an unknown language)."""
    path = _folder_files().get(language)
    if path is None:
        return frozenset()
    with open(path, encoding="utf-8") as handle:
        phrases = (line.strip() for line in handle)
        return frozenset(normalise_link_text(p) for p in phrases if p and not p.startswith("#"))


@cache
def all_generic_link_texts() -> frozenset[str]:
    """The generic link texts of every language together."""
    merged: set[str] = set()
    for language in languages():
        merged |= generic_link_texts(language)
    return frozenset(merged)


@cache
def generic_texts_for(lang_tag: str | None) -> frozenset[str]:
    """The generic link texts for a BCP 47 tag such as "nl-NL", by its primary subtag.

    When the tag is missing or no list exists for its language, every list is used, so a page
    without `lang` is still checked.
    """
    primary = re.split(r"[-_]", (lang_tag or "").strip().lower(), maxsplit=1)[0]
    if primary in languages():
        return generic_link_texts(primary)
    return all_generic_link_texts()
