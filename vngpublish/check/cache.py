"""Where the checker keeps files it can always make again (a per-user cache folder).

Nothing depends on the cache: when it cannot be read or written, the checker does the slower
thing instead. `VNGPUBLISH_CACHE_DIR` chooses the folder; `VNGPUBLISH_NO_CACHE=1` turns the
cache off. The default is `$XDG_CACHE_HOME/vngpublish`, else `~/.cache/vngpublish`.

Whatever writes to the cache says so, once, on stderr (`note_written`): what it wrote, where,
how large, and how to move or turn off the cache. The command line makes that note follow
`--quiet` and `--lang` (`configure_notes`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from vngpublish.i18n import N_, format_message

WRITTEN = N_(
    "vngpublish: note: wrote {what} ({size} MB) to {path}, once for every later run; set "
    "VNGPUBLISH_CACHE_DIR to keep it elsewhere, or VNGPUBLISH_NO_CACHE=1 not to keep it"
)
_notes = {"quiet": False, "lang": "en"}


def cache_dir() -> Path | None:
    """The cache folder (it may not exist yet), or None when caching is turned off."""
    if os.environ.get("VNGPUBLISH_NO_CACHE", "") not in ("", "0"):
        return None
    configured = os.environ.get("VNGPUBLISH_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "vngpublish"
    try:
        return Path.home() / ".cache" / "vngpublish"
    except RuntimeError:  # no home folder to be found
        return None


def configure_notes(*, quiet: bool, lang: str) -> None:
    """Whether notes about writing the cache are shown (not with `--quiet`), and in which
    language. Worker processes started afterwards inherit this."""
    _notes["quiet"] = quiet
    _notes["lang"] = lang


def note_written(what: str, path: Path, size: int) -> None:
    """Say on stderr that `what` (English, marked with N_) of `size` bytes was written to
    `path` in the cache, unless notes are turned off."""
    if _notes["quiet"]:
        return
    lang = str(_notes["lang"])
    args = {"what": format_message(what, {}, lang), "size": round(size / 1e6), "path": path}
    print(format_message(WRITTEN, args, lang), file=sys.stderr)
