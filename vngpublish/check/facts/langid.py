"""py3langid's language identifier, made faster for the language rules.

Three things cost most of an identification, and all are done differently here with the same
numbers as a result:

- py3langid finds a text's features by walking its byte automaton in Python, one byte at a
  time, each step waiting on a lookup in a 40 MB table. The automaton recognises the model's
  byte n-grams (Aho-Corasick): its state after a byte is the longest n-gram start that ends
  at that byte, so it depends only on the last few bytes, as many as the longest n-gram. The
  states of all positions are therefore computed together with numpy, walking that many steps
  from the start state over the bytes before each position. (For py3langid 0.4.0's model this
  was checked for every state and byte: each transition goes to the state of the longest
  suffix that is an n-gram start. The walk is 6 steps.)
- The features are counted with numpy (in order of first occurrence, as py3langid's
  `Counter` has them, so the sums are added in the same order), not with a `Counter`.
- The feature table stays in the model's float16 (numpy widens the rows a text uses to float32,
  so the products are the same as py3langid's). Keeping it widened to float32 would make an
  identification of 400 characters about 95 instead of 123 us, for 28 MB more on disk: a page
  of the corpus identifies about two texts, so the disk is worth more than the 0.3%.

Loading the model means decompressing 70 MB of LZMA (about half a second, paid by every
process that identifies a text). The decompressed tables are therefore kept in the cache
folder (`vngpublish.check.cache`) as plain numpy files, 69 MB (the float16 feature table is
28 MB of it), and mapped into memory from there: loading then takes milliseconds,
processes checking in parallel share the pages, and only the rows a page uses are read. The
folder (`langid_store`) is named after py3langid's version, the model file's size and the
tables' format, so every installation of one version shares one copy and a new model is never
read with old tables; writing it removes the copies of other versions, and says where it is
(`cache.note_written`). The model's labels are kept beside the tables, so that knowing which
languages it knows needs neither numpy nor the model (`langid_store.cached_labels`).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, RAW_FLOOR, LanguageIdentifier
from py3langid.modelio import load_model

from vngpublish.check.cache import note_written
from vngpublish.check.facts.langid_store import cache_folder
from vngpublish.i18n import N_


def load_identifier() -> Identifier:
    """py3langid's model, with calibrated probabilities (from the cache in milliseconds, else
    from py3langid's file in about 0.5 s, writing the cache)."""
    folder = cache_folder()
    tables = _read_tables(folder) if folder is not None else None
    if tables is None:
        tables = _tables_from_model()
        if folder is not None and _write_tables(folder, tables):
            size = sum(getattr(tables, name).nbytes for name in _ARRAYS)
            note_written(N_("the language model's tables"), folder, size)
            _remove_other_versions(folder)
    return Identifier(
        tables.ptc,
        tables.pc,
        tables.classes,
        tables.nextmove,
        tables.output,
        norm_probs=True,
        tk_row=tables.row,
        depth=tables.depth,
    )


class Tables(NamedTuple):
    """The model as numpy arrays, and the automaton's depth (see `_depth`)."""

    ptc: Any  # features x languages, float16 as in the model
    pc: Any  # languages, float32
    classes: list[str]
    nextmove: Any  # the distinct transition rows, 256 entries each
    row: Any  # each state's row
    output: Any  # each state's feature, -1 for none
    depth: int


_ARRAYS = ("ptc", "pc", "nextmove", "row", "output")
_SPARE_BYTES = 1 << 30  # free space to leave on the disk after writing the cache


def _tables_from_model() -> Tables:
    ptc, pc, classes, nextmove, row, output = load_model(MODEL_DIR / MODEL_FILE)
    nextmove = np.frombuffer(nextmove, dtype=nextmove.typecode)
    row = np.frombuffer(row, dtype=row.typecode)
    return Tables(
        np.asarray(ptc, dtype=np.float16),
        np.asarray(pc),
        list(classes),
        nextmove,
        row,
        np.asarray(output, dtype=np.intp),
        _depth(nextmove.reshape(-1, 256), row),
    )


def _remove_other_versions(folder: Path) -> None:
    """Remove the tables of other model versions (or of the naming before this one) beside
    `folder`: only the current model's are ever read."""
    for other in folder.parent.glob("py3langid-*"):
        if other != folder and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)


def _read_tables(folder: Path) -> Tables | None:
    """The tables kept in `folder`, mapped into memory; None when they are missing or do not
    fit together (a damaged cache is made again)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        # Plain arrays over the mapped memory: indexing a numpy.memmap costs a Python call.
        arrays = {
            name: np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r")) for name in _ARRAYS
        }
        tables = Tables(classes=list(meta["classes"]), depth=int(meta["depth"]), **arrays)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    languages = len(tables.classes)
    fits = (
        tables.ptc.ndim == 2
        and tables.ptc.shape[1] == languages
        and tables.ptc.dtype == np.float16
        and tables.pc.shape == (languages,)
        and tables.nextmove.ndim == 1
        and tables.nextmove.size % 256 == 0
        and tables.row.shape == tables.output.shape
        and tables.output.dtype == np.intp
        and tables.depth > 0
    )
    return tables if fits else None


def _write_tables(folder: Path, tables: Tables) -> bool:
    """Keep the tables in `folder`, written aside and renamed into place, so another process
    never sees half of them; True when this process wrote them. Any failure only means no
    cache."""
    temporary: str | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        size = sum(getattr(tables, name).nbytes for name in _ARRAYS)
        if shutil.disk_usage(folder.parent).free < size + _SPARE_BYTES:
            return False  # a cache must not be what fills the disk
        temporary = tempfile.mkdtemp(prefix=".writing-", dir=folder.parent)
        for name in _ARRAYS:
            np.save(Path(temporary) / f"{name}.npy", getattr(tables, name))
        meta = {"classes": tables.classes, "depth": tables.depth}
        (Path(temporary) / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        if folder.exists():
            if _read_tables(folder) is not None:
                return False  # another process has just written it (ours is removed below)
            shutil.rmtree(folder, ignore_errors=True)  # damaged: replace it
        os.rename(temporary, folder)
        temporary = None
        return True
    except OSError:
        return False  # read-only, full, or another process renamed its copy first
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


class Identifier(LanguageIdentifier):  # type: ignore[misc]  # py3langid has no type hints
    """A py3langid `LanguageIdentifier` that walks its automaton over all bytes of a text at
    once (see the module docstring)."""

    __slots__ = ("_depth", "_feature_count", "_next_states", "_outputs", "_row_starts")

    def __init__(self, *args: Any, tk_row: Any, depth: int, **kwargs: Any) -> None:
        """py3langid's arguments as numpy arrays, and the automaton's `depth` (`_depth`)."""
        # py3langid makes a Python list of every state's row start from `tk_row` (9 ms) for
        # its own walk, which this class replaces: it gets none to make that list from.
        super().__init__(*args, tk_row=(), **kwargs)
        self.tk_row = tk_row  # type: ignore[misc]  # a slot of py3langid's class (untyped)
        # The same tables as py3langid's walk: the transitions (shared rows of 256 bytes), the
        # start of each state's row in them, and the feature each state counts (-1: none).
        self._next_states = self.tk_nextmove
        self._row_starts = np.asarray(tk_row, dtype=np.intp) << 8
        self._outputs = np.asarray(self.tk_output, dtype=np.intp)
        self._depth = depth
        self._feature_count = len(self.nb_ptc)

    def decide_all(self, texts: Sequence[str]) -> Any:
        """py3langid's `_decide` for each text (the same floats), as the rows of one array:
        the automaton walked, the features counted and scored, and the scores made
        probabilities for all texts together (each numpy call costs about as much for one
        text as for twenty). Only the products are taken text by text, so that each is summed
        as py3langid sums it."""
        data = [self._encode(text) for text in texts]
        visits = self._visits_all(data)
        if not self._norm_probs:  # py3langid's raw scores: text by text
            return np.array([self._normalised(self._score(v), 0) for v in visits])
        scores = np.zeros((len(texts), len(self.nb_classes)), dtype=np.float32)
        scored = [i for i, v in enumerate(visits) if v is not None]  # no features: all 0.0
        found = [v for v in visits if v is not None]
        if found:
            features = np.concatenate([some for some, _counts in found])
            weights = np.log1p(np.concatenate([counts for _some, counts in found]))
            rows = self.nb_ptc.take(features, axis=0)
            start = 0
            for i, (some, _counts) in zip(scored, found, strict=True):
                end = start + len(some)
                scores[i] = weights[start:end] @ rows[start:end]  # py3langid's `_sparse_score`
                start = end
            scores[scored] += self.nb_pc
        # The rest of py3langid's `_decide`, row by row. T = sqrt(bytes) keeps softmax
        # calibrated across lengths (py3langid).
        scores *= np.array([1.0 / math.sqrt(len(d) or 1) for d in data], dtype=np.float32)[:, None]
        np.exp(scores - scores.max(axis=1, keepdims=True), out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        for i, j in self._alias_pairs:
            scores[:, i] += scores[:, j]
            scores[:, j] = 0.0
        return scores

    def _decide(self, text: Any) -> Any:
        return self.decide_all([text])[0]

    def _raw_score(self, text: bytes) -> Any:
        return self._score(self._visits_all([text])[0])

    def _score(self, visits: tuple[Any, Any] | None) -> Any:
        if visits is None:  # no features: py3langid's answer for that
            fill = 0.0 if self._norm_probs else RAW_FLOOR
            return np.full(len(self.nb_classes), fill, dtype=np.float32)
        # py3langid's `_sparse_score`, on the same counts in the same order.
        features, counts = visits
        return np.log1p(counts) @ self.nb_ptc.take(features, axis=0) + self.nb_pc

    def _normalised(self, scores: Any, size: int) -> Any:
        """The rest of py3langid's `_decide` for raw scores: script aliases folded."""
        for i, j in self._alias_pairs:
            scores[i] = max(scores[i], scores[j])
            scores[j] = RAW_FLOOR
        return scores

    def _visits(self, text: bytes) -> tuple[Any, Any] | None:
        """py3langid's `visit_counts`: the features that occur in `text`, in order of first
        occurrence, and how often each does (as float32, as py3langid reads them); None when
        there are none."""
        return self._visits_all([text])[0]

    def _visits_all(self, texts: Sequence[bytes]) -> list[tuple[Any, Any] | None]:
        """`_visits` of each text, computed for all of them at once."""
        sizes = [len(text) for text in texts]
        data = np.frombuffer(b"".join(texts), dtype=np.uint8)
        lengths = np.asarray(sizes, dtype=np.intp)
        # Each byte's place in its own text: the walk starts again at every text's start.
        within = np.arange(len(data)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        states = np.zeros(len(data), dtype=np.intp)
        # Step k of `depth` reads, for each position, the byte `depth - k` places before it
        # (positions near a text's start begin later, as py3langid's walk starts there).
        for back in range(min(self._depth, max(sizes, default=0)) - 1, -1, -1):
            if len(texts) == 1:  # one text: the positions from `back` on, as a slice
                walked = states[back:]
                walked[:] = self._next_states[self._row_starts[walked] + data[: len(data) - back]]
            else:
                at = np.flatnonzero(within >= back)
                states[at] = self._next_states[self._row_starts[states[at]] + data[at - back]]
        features = self._outputs[states]
        found = features >= 0
        # Each text's features in order of first occurrence: one key per text and feature,
        # ordered by where it first occurs (texts follow each other).
        text_of = np.repeat(np.arange(len(texts), dtype=np.intp), lengths)[found]
        keys = text_of * self._feature_count + features[found]
        distinct, first, counts = np.unique(keys, return_index=True, return_counts=True)
        order = np.argsort(first)
        keys = distinct[order]
        counts = counts[order].astype(np.float32)
        owner = keys // self._feature_count
        features = keys - owner * self._feature_count
        bounds = np.searchsorted(owner, np.arange(len(texts) + 1)).tolist()
        return [
            (features[start:end], counts[start:end]) if end > start else None
            for start, end in itertools.pairwise(bounds)
        ]


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
