"""The style benchmark runs (its figures depend on the machine; this checks it works)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"


def test_style_bench_runs_on_a_small_set(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus" / "pages"
    corpus.mkdir(parents=True)
    (corpus / "a.html").write_text(
        "<!DOCTYPE html><style>p { color: #333 }</style><p class=x>Hello <b>world</b></p>"
    )
    (corpus / "b.html").write_text("<table><tr><td bgcolor=red style='color:#fff'>x</td></tr>")
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "style_bench.py"),
            "--corpus",
            str(tmp_path / "corpus"),
            "--pages",
            "3",
            "--repeat",
            "1",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("site stylesheet: 50 KB")
    assert [line.split()[0] for line in lines[2:]] == ["corpus", "site", "bare"]
    assert shutil.which(sys.executable)
