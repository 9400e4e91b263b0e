"""Where the checker keeps files it can always make again (a per-user cache folder).

Nothing depends on the cache: when it cannot be read or written, the checker does the slower
thing instead. `VNGPUBLISH_CACHE_DIR` chooses the folder; `VNGPUBLISH_NO_CACHE=1` turns the
cache off. The default is `$XDG_CACHE_HOME/vngpublish`, else `~/.cache/vngpublish`.
"""

from __future__ import annotations

import os
from pathlib import Path


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
