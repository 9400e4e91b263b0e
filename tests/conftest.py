"""Settings for the whole test session."""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Tests (and the CLI processes they start) keep the checker's cache out of the home folder."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("VNGPUBLISH_CACHE_DIR")
    os.environ["VNGPUBLISH_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["VNGPUBLISH_CACHE_DIR"]
    else:
        os.environ["VNGPUBLISH_CACHE_DIR"] = before


def count_steps(run: Callable[[], object]) -> int:
    """Python lines executed (and calls and returns) while `run` runs: a measure of work that
    does not depend on the machine or its load, and that sees loops inside generator
    expressions too. Tests of how work grows compare it between a small and a large input."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal count
        count += 1
        return trace

    sys.settrace(trace)
    try:
        run()
    finally:
        sys.settrace(None)
    return count


@pytest.fixture
def steps() -> Callable[[Callable[[], object]], int]:
    """`count_steps`, for tests that measure how work grows."""
    return count_steps


@pytest.fixture
def make_fifo() -> Iterator[Callable[[Path | str], None]]:
    """Make a FIFO at a path. Should the code under test open one to read, it gets end of file
    at once instead of waiting for a writer forever, until the test ends (so a regression
    fails rather than hangs)."""
    stop = threading.Event()
    releasers: list[threading.Thread] = []

    def make(path: Path | str) -> None:
        os.mkfifo(path)

        def release() -> None:
            while not stop.wait(0.05):
                with contextlib.suppress(OSError):  # no reader now, or the FIFO is gone
                    os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))

        releaser = threading.Thread(target=release, daemon=True)
        releaser.start()
        releasers.append(releaser)

    yield make
    stop.set()
    for releaser in releasers:
        releaser.join()
