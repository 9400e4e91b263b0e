"""The language a text is written in, as a statistical language identifier estimates it.

py3langid's model (`langid.load_identifier`, loaded once per process, the first time a text
is identified), with calibrated probabilities, compared with a declared
language: labels in the same macrolanguage (nb, nn and no; id and ms; hr, sr and bs) count as
that language.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple

from vngpublish.check import bcp47
from vngpublish.check.facts.langid_store import cached_labels


@cache
def _identifier() -> Any:
    """py3langid's model with calibrated probabilities (loaded once, ~0.5 s)."""
    from vngpublish.check.facts.langid import load_identifier

    return load_identifier()


def _macro(code: str) -> str:
    record = bcp47.language_record(code)
    return str(record.get("Macrolanguage", code)) if record else code


@cache
def _labels() -> tuple[str, ...]:
    """The identifier's labels, one per score column: as the cache keeps them, so that knowing
    which languages it knows does not load the model (most pages need nothing identified);
    from the model when no cache has them (the same labels: the cache is the model's)."""
    return cached_labels() or tuple(_identifier().nb_classes)


@cache
def equivalents(declared: str) -> tuple[int, ...]:
    """The identifier's score columns of the labels that count as `declared`: the same code,
    or one within the same macrolanguage (nb, nn and no; id and ms; hr, sr and bs)."""
    macro = _macro(declared)
    first: dict[str, int] = {}  # a label can have two columns (a script alias): the first counts
    for i, label in enumerate(_labels()):
        first.setdefault(label, i)
    return tuple(i for label, i in first.items() if label == declared or _macro(label) == macro)


class Estimate(NamedTuple):
    """What the identifier says about a text."""

    top: str  # the most likely label
    p_top: float  # its probability
    p_same: float  # the probability of the labels that count as the declared language


def identify(text: str, same: tuple[int, ...]) -> Estimate:
    """The identifier's estimate for `text`, with the numbers py3langid's `rank` would give,
    without building and sorting its list of all labels."""
    return identify_all([(text, same)])[0]


def identify_all(texts: Sequence[tuple[str, tuple[int, ...]]]) -> list[Estimate]:
    """`identify` for each text and its `same` columns, the texts identified together (the
    same numbers, at a fraction of the cost when there are several)."""
    if not texts:
        return []  # most pages: the model is not even loaded
    identifier = _identifier()
    scores = identifier.decide_all([text for text, _same in texts])
    found = []
    for (_text, same), best, row in zip(
        texts, scores.argmax(axis=1).tolist(), scores.tolist(), strict=True
    ):
        # The first of equals is the top, as in rank's stable sort; the probabilities of the
        # same language are summed largest first, as in rank's order: the same floats.
        p_same = sum(sorted((row[i] for i in same), reverse=True))
        found.append(Estimate(identifier.nb_classes[best], row[best], p_same))
    return found


def percent(p: float) -> str:
    """A probability as a percentage that does not round up to a certainty: 99.99, not 100."""
    for digits in range(0, 4):
        shown = round(100 * p, digits)
        if shown < 100:
            return f"{shown:.{digits}f}"
    return "99.999"
