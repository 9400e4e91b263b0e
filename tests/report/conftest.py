"""Fixtures for the report tests: the example site built once, and its reports in nl and en."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from report_helpers import EXAMPLE, NOW, PROBLEMS

from vngpublish.check.api import write_report


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example newsletter built as a site (`python -m vngpublish build`)."""
    site = tmp_path_factory.mktemp("example") / "site"
    built = subprocess.run(
        [sys.executable, "-m", "vngpublish", "build", str(EXAMPLE), "-o", str(site)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, f"building the example failed:\n{built.stderr}"
    return site


@pytest.fixture(scope="session")
def site_reports(example_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Reports (every rule) of the example site plus the page full of problems, by language."""
    folder = tmp_path_factory.mktemp("reports")
    reports = {}
    for lang in ("nl", "en"):
        path = folder / f"report-{lang}.html"
        with path.open("w", encoding="utf-8") as out:
            write_report([str(example_site), str(PROBLEMS)], out, lang, err=io.StringIO(), now=NOW)
        reports[lang] = path
    return reports
