"""The checker's faster walk of py3langid's model gives py3langid's own numbers.

html-lang-matches-text identifies languages with `_langid.Identifier`, which finds a text's
features for all positions at once instead of py3langid's byte-by-byte loop. Whatever the
text, the features and every score must be those of py3langid itself: this guards an upgrade
of py3langid that changes what the shortcut relies on.
"""

from __future__ import annotations

import random
from functools import cache
from typing import Any

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from vngpublish.check.facts.langid import Identifier, load_identifier

TEXTS = [
    "De gemeenteraad besluit vandaag over de begroting van het komende jaar.",
    "The council decides on next year's budget today, after a long debate.",
    "Der Gemeinderat entscheidet heute über den Haushalt des kommenden Jahres.",
    "Le conseil municipal décide aujourd'hui du budget de l'année prochaine.",
    "Raadsleden krijgen één overzicht: ‘Lees meer’ — 12 € per inwoner, ½ uur.",
    "Γειά σου κόσμε, 你好世界, مرحبا بالعالم, Привет мир",
    "a",
    "",
    "1234 5678 !!! ???",
]


@cache
def _both() -> tuple[Identifier, Any]:
    return load_identifier(), LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _random_texts(count: int) -> list[str]:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyzéëïöüçñß .,;:'\"-–—()0123456789αβγдж中文\u00a0\n"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 400))) for _ in range(count)]


@pytest.mark.parametrize("text", TEXTS + _random_texts(40))
def test_features_and_scores_are_py3langids(text: str) -> None:
    fast, stock = _both()
    data = fast._encode(text)
    visits = fast._visits(data)
    expected = visit_counts(stock.tk_nextmove, stock._rowbase, stock.tk_output, data)
    if expected is None:
        assert visits is None
    else:
        assert visits is not None
        features, counts = visits
        # The same counts in the same order: the scores are sums in that order.
        assert list(zip(features.tolist(), counts.tolist(), strict=True)) == list(expected.items())
    assert fast.rank(text) == stock.rank(text)


def test_the_automaton_state_depends_only_on_the_last_bytes() -> None:
    # What the shortcut relies on, proved for the model py3langid ships: the automaton is the
    # Aho-Corasick automaton of a trie of byte strings. Then for every state s and byte c the
    # next state is the state of the longest suffix of string(s) + c that is some state's
    # string, so after any input the state is fixed by the last `depth` bytes.
    import numpy as np

    fast, _ = _both()
    moves = fast._next_states.reshape(-1, 256)
    row = np.asarray(fast.tk_row, dtype=np.intp)
    count = len(row)
    # Breadth-first from the start state: each state's depth and string (packed in an
    # integer, with its length kept separately, since strings may contain zero bytes).
    depth = np.full(count, -1, np.int64)
    string = np.zeros(count, np.uint64)
    depth[0] = 0
    frontier = np.array([0])
    level = 0
    while len(frontier):
        following = moves[row[frontier]].astype(np.int64)
        level += 1
        source, byte = np.nonzero(depth[following] < 0)
        targets = following[source, byte]
        reached, first = np.unique(targets, return_index=True)
        depth[reached] = level
        string[reached] = (string[frontier[source[first]]] << np.uint64(8)) | byte[first].astype(
            np.uint64
        )
        # A trie: every new state is reached by one string only.
        via = (string[frontier[source]] << np.uint64(8)) | byte.astype(np.uint64)
        assert np.array_equal(via, string[targets])
        frontier = reached
    deepest = int(depth.max())
    assert deepest == fast._depth
    assert deepest < 7  # strings and their length fit in 64 bits

    tagged = (depth.astype(np.uint64) << np.uint64(56)) | string
    order = np.argsort(tagged)
    ordered = tagged[order]

    def state_of(keys: Any) -> Any:
        position = np.searchsorted(ordered, keys)
        position[position == count] = 0
        return np.where(ordered[position] == keys, order[position], -1)

    every_byte = np.arange(256, dtype=np.uint64)
    for low in range(0, count, 4000):
        states = np.arange(low, min(count, low + 4000))
        actual = moves[row[states]].astype(np.int64)
        length = depth[states][:, None] + 1
        extended = (string[states][:, None] << np.uint64(8)) | every_byte[None, :]
        expected = np.zeros(actual.shape, np.int64)  # the start state: no suffix is a state
        found = np.zeros(actual.shape, bool)
        for size in range(deepest, 0, -1):
            candidate = (length >= size) & ~found
            suffix = extended & np.uint64((1 << (8 * size)) - 1)
            match = state_of(((np.uint64(size) << np.uint64(56)) | suffix).ravel()).reshape(
                suffix.shape
            )
            hit = candidate & (match >= 0)
            expected[hit] = match[hit]
            found |= hit
        assert np.array_equal(expected, actual), low


def test_texts_identified_together_get_each_their_own_numbers() -> None:
    # Each text alone gives py3langid's numbers (above); together, each keeps them exactly.
    fast, _ = _both()
    texts = TEXTS + _random_texts(30)
    together = fast.decide_all(texts)
    assert [row.tolist() for row in together] == [fast._decide(text).tolist() for text in texts]
