"""Settings for the whole test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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
