"""Suggestions for misspelt names: "did you mean ...?"."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice most like a misspelt `word`, or None when nothing is close (a similarity of
    at least `cutoff`, between 0 and 1)."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A " (did you mean 'x'?)" hint for a misspelt `word`, or "" when nothing is close."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close else ""
