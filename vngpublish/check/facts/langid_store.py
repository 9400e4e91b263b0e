"""Where the language model's tables are kept in the cache folder, and the model's labels as
kept there: both known without importing numpy or py3langid (about 0.2 s), so that a process
whose pages need no text identified (the plainly Dutch newsletter) never loads them. The
language rules ask which languages the identifier knows before they know whether they will
identify anything.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from vngpublish.check.cache import cache_dir

MODEL_FILE = "data/model.npz.xz"  # py3langid's model, under its package folder (as its MODEL_FILE)
FORMAT = "f16"  # the tables' format, in the cache folder's name: float16 feature table


def model_path() -> Path | None:
    """py3langid's model file (found without importing py3langid), None when not installed."""
    spec = find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE


def cache_folder() -> Path | None:
    """The folder the tables are kept in, named after py3langid's version, the model file's
    size and the tables' format; None when caching is off or the model cannot be found."""
    folder = cache_dir()
    model = model_path()
    if folder is None or model is None:
        return None
    try:
        size = model.stat().st_size
    except OSError:
        return None
    return folder / "langid" / f"py3langid-{version('py3langid')}-{size}-{FORMAT}"


def cached_labels() -> tuple[str, ...] | None:
    """The model's labels, one per score column, as kept beside the tables (`meta.json`);
    None when they are not kept (the model must then be loaded to know them)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        labels = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["classes"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        return None
    return tuple(labels)
