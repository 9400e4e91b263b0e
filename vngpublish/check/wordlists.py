"""Word lists of generic link texts, one file per language: `checks/wordlists/<lang>.txt`.

A list file has one phrase a line; blank lines and lines starting with `#` are ignored. Phrases
and link names are compared after `normalise_link_text`, so a list holds "lees meer" once and
matches "Lees meer »", "[Lees meer]" and "LEES MEER...".

A link is checked against its own language's list first, then against the other lists: an
English "Read more" left in a Dutch page is as generic as "Lees meer". Phrases after the line
`[only in this language]` count only for links in that language, because as a whole link text
they can be a real name or word in another language: French "Plus" is also a Dutch supermarket
chain, Dutch "Meer" is German for "sea".
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


ONLY_HERE = "[only in this language]"
"""The line in a list file after which phrases count only for links in that list's language."""


@cache
def _read_list(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The normalised phrases of one language's list: (shared, only in this language)."""
    path = _folder_files().get(language)
    if path is None:
        return frozenset(), frozenset()
    shared: set[str] = set()
    only_here: set[str] = set()
    target = shared
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            phrase = line.strip()
            if phrase == ONLY_HERE:
                target = only_here
            elif phrase and not phrase.startswith("#"):
                target.add(normalise_link_text(phrase))
    return frozenset(shared), frozenset(only_here)


@cache
def generic_link_texts(language: str) -> frozenset[str]:
    """The normalised generic link texts of one language, all of its list ("" for an unknown
    language)."""
    shared, only_here = _read_list(language)
    return shared | only_here


@cache
def shared_link_texts(language: str) -> frozenset[str]:
    """The generic link texts of one language that are generic whatever the link's language
    (its list without the `[only in this language]` part)."""
    return _read_list(language)[0]


@cache
def all_generic_link_texts() -> frozenset[str]:
    """The generic link texts of every language together, each list in full."""
    merged: set[str] = set()
    for language in languages():
        merged |= generic_link_texts(language)
    return frozenset(merged)


@cache
def generic_texts_for(lang_tag: str | None) -> frozenset[str]:
    """The generic link texts for a link whose language is the BCP 47 tag `lang_tag`.

    That is the whole list of its language (by the primary subtag: "nl-NL" uses `nl.txt`)
    and, from every other list, the phrases not marked `[only in this language]`. When the
    tag is missing or no list exists for its language, the shared phrases of every list are
    used, so a page without `lang` is still checked.
    """
    primary = re.split(r"[-_]", (lang_tag or "").strip().lower(), maxsplit=1)[0]
    merged: set[str] = set(generic_link_texts(primary))
    for language in languages():
        merged |= shared_link_texts(language)
    return frozenset(merged)
