"""A progress bar on stderr for runs over many pages: files done of the total, and the rate.

Shown only where a person watches: when stderr is a terminal, the `CI` environment variable is
not set, and neither `--quiet` nor `--no-progress` was given. It appears only once a run has
taken `DELAY` seconds, so quick runs print nothing extra, and it redraws at most `INTERVAL`
times a second. Before anything else is printed the command line calls `clear()`, so the bar
never mixes with findings or errors on the same terminal.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import TextIO

from vngpublish.i18n import N_, format_message

DELAY = 0.5
"""Seconds a run must take before the bar appears."""
INTERVAL = 0.1
"""Seconds between redraws."""
WIDTH = 30
"""Characters of the bar itself."""
LABEL = N_("{done}/{total} files, {rate} a second")


def wanted(stream: TextIO, quiet: bool, environ: Mapping[str, str] | None = None) -> bool:
    """True when a progress bar belongs on `stream`: a terminal, outside CI, not quiet."""
    env = os.environ if environ is None else environ
    if quiet or env.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Progress:
    """Draws `done/total` on `stream` with `\\r`; does nothing when not `enabled`."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        lang: str,
        enabled: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream
        self.lang = lang
        self.enabled = enabled and total > 1
        self.clock = clock
        self.started = clock()
        self.last_draw = float("-inf")
        self.done = 0
        self.shown = False

    def advance(self, count: int = 1) -> None:
        """`count` more files are done; redraw when it is time."""
        self.done += count
        if not self.enabled:
            return
        now = self.clock()
        elapsed = now - self.started
        if elapsed < DELAY or now - self.last_draw < INTERVAL:
            return
        self.last_draw = now
        self.draw(elapsed)

    def draw(self, elapsed: float) -> None:
        """Write the bar over the current line."""
        filled = WIDTH * self.done // max(self.total, 1)
        rate = f"{self.done / elapsed:.1f}" if elapsed > 0 else "-"
        label = format_message(
            LABEL, {"done": self.done, "total": self.total, "rate": rate}, self.lang
        )
        self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {label}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the bar (if shown) so other output starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
            self.last_draw = float("-inf")

    def finish(self) -> None:
        """The run is over: erase the bar."""
        self.clear()
