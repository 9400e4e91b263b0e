"""The benchmark scripts run: they are not tests of speed, but their figures go into notes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_generate_and_bench_run_on_a_small_folder(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(pages), "--pages", "12"],
        check=True,
        capture_output=True,
    )
    names = sorted(p.name for p in pages.iterdir())
    assert len(names) == 12
    kinds = {name.rsplit("-", 1)[1].removesuffix(".html") for name in names}
    assert kinds <= {"real", "newsletter", "email", "cms"} and len(kinds) > 1
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench.py"), str(pages), "--small", "4"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert "ratio full/parse:" in result.stdout
    assert "by kind of page" in result.stdout
    assert "peak RSS --jobs 1:" in result.stdout
    stages = result.stdout.split("where the time goes", 1)[1]
    for stage in ("page: parse", "rules ", "findings: place", "rules again"):
        assert stage in stages
