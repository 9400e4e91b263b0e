"""py3langid's language identifier, made faster for html-lang-matches-text.

Two things cost most of an identification, and both are done differently here with the same
numbers as a result:

- py3langid finds a text's features by walking its byte automaton in Python, one byte at a
  time, each step waiting on a lookup in a 40 MB table. The automaton recognises the model's
  byte n-grams (Aho-Corasick): its state after a byte is the longest n-gram start that ends
  at that byte, so it depends only on the last few bytes, as many as the longest n-gram. The
  states of all positions are therefore computed together with numpy, walking that many steps
  from the start state over the bytes before each position. (For py3langid 0.4.0's model this
  was checked for every state and byte: each transition goes to the state of the longest
  suffix that is an n-gram start. The walk is 6 steps.)
- The feature table is stored as float16, and numpy widens the rows a text uses to float32 on
  every call. It is widened once, when the model is loaded (about 30 MB more memory); the
  products are the same, since numpy multiplies in float32 either way.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from py3langid.modelio import load_model


def load_identifier() -> Identifier:
    """py3langid's model, with calibrated probabilities (~0.5 s)."""
    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    return Identifier(
        np.asarray(ptc, dtype=np.float32),
        np.asarray(pc),
        classes,
        nextmove,
        output,
        norm_probs=True,
        tk_row=row,
    )


class Identifier(LanguageIdentifier):  # type: ignore[misc]  # py3langid has no type hints
    """A py3langid `LanguageIdentifier` that walks its automaton over all bytes of a text at
    once (see the module docstring)."""

    __slots__ = ("_depth", "_next_states", "_outputs", "_row_starts")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The same tables as py3langid's walk: the transitions (shared rows of 256 bytes), the
        # start of each state's row in them, and the feature each state counts (-1: none).
        self._next_states = np.frombuffer(self.tk_nextmove, dtype=self.tk_nextmove.typecode)
        self._row_starts = np.asarray(self.tk_row, dtype=np.intp) << 8
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        self._depth = _depth(self._next_states.reshape(-1, 256), np.asarray(self.tk_row))

    def _raw_score(self, text: bytes) -> Any:
        visits = self._visits(text)
        if visits is None:
            return super()._raw_score(text)  # no features: py3langid's answer for that
        return self._sparse_score(visits, self.nb_ptc)

    def _visits(self, text: bytes) -> Counter[int] | None:
        """py3langid's `visit_counts`: how often each feature occurs in `text`, in order of
        first occurrence; None when there are none."""
        data = np.frombuffer(text, dtype=np.uint8)
        size = len(data)
        states = np.zeros(size, dtype=np.intp)
        # Step k of `depth` reads, for each position, the byte `depth - k` places before it
        # (positions near the start begin later, as py3langid's walk starts there).
        for back in range(min(self._depth, size) - 1, -1, -1):
            walked = states[back:]
            walked[:] = self._next_states[self._row_starts[walked] + data[: size - back]]
        features = self._outputs[states]
        features = features[features >= 0]
        return Counter(features.tolist()) if features.size else None


def _depth(rows: Any, row_of_state: Any) -> int:
    """The number of bytes the automaton's state depends on: the most steps any state is from
    the start state (a breadth-first search)."""
    seen = np.zeros(len(row_of_state), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while True:
        rows_used = np.zeros(len(rows), dtype=bool)
        rows_used[row_of_state[frontier]] = True
        reached = np.zeros(len(row_of_state), dtype=bool)
        reached[rows[rows_used].ravel()] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier = np.flatnonzero(reached)
        depth += 1
