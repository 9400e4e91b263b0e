"""The page the project exists for: a newsletter as a typical CMS renders it.

`examples/cms-export/raadsledennieuws-maart-2024.html` has the seed newsletter's defects: no
`lang`, bold paragraphs instead of headings, bare "Lees meer" links. The checker must report
exactly those, with file, line and rule id, in English and in Dutch; the site built from the
example content must get no findings at all, with every rule.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "examples" / "cms-export" / "raadsledennieuws-maart-2024.html"
EXAMPLE = REPO / "examples" / "raadsledennieuws-2024-03"


def lines_containing(marker: str) -> list[int]:
    """1-based numbers of the page's lines that contain `marker`."""
    source = PAGE.read_text(encoding="utf-8").splitlines()
    return [n for n, text in enumerate(source, start=1) if marker in text]


def run_check(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vngpublish.check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def expected() -> set[tuple[str, str, int]]:
    found = {("html-has-lang", "failed", n) for n in lines_containing("<html")}
    found |= {("link-text-generic", "failed", n) for n in lines_containing(">Lees meer</a>")}
    found |= {("p-as-heading", "cantTell", n) for n in lines_containing("<p><strong>")}
    return found


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_cms_page_gets_exactly_its_defects(lang: str) -> None:
    result = run_check(str(PAGE), "--format", "json", "--lang", lang)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    got = {(f["rule"], f["outcome"], f["line"]) for f in report["findings"]}
    assert got == expected()
    assert len(report["findings"]) == len(expected())
    assert all(f["path"].endswith("raadsledennieuws-maart-2024.html") for f in report["findings"])


def test_cms_page_messages_in_both_languages() -> None:
    english = run_check(str(PAGE), "--lang", "en").stdout.splitlines()
    dutch = run_check(str(PAGE), "--lang", "nl").stdout.splitlines()
    assert len(english) == len(dutch)
    for line_en, line_nl in zip(english[:-1], dutch[:-1], strict=True):
        # path:line:col: severity rule-id message — same place and rule, translated message
        head_en, head_nl = line_en.split(" ", 2)[:2], line_nl.split(" ", 2)[:2]
        assert head_en == head_nl
        assert line_en != line_nl
    assert any("lang" in line and "taal" in line for line in dutch)
    assert any("“Lees meer”" in line and "linktekst" in line for line in dutch)


def test_site_built_from_the_example_has_no_findings(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build = subprocess.run(
        [sys.executable, "-m", "vngpublish", "build", str(EXAMPLE), "-o", str(site)],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    result = run_check(str(site), "--format", "json", "--select", "all", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["findings"] == []
    assert report["files"] >= 3


def test_python_api_gives_readable_messages_in_both_languages() -> None:
    from vngpublish.check import check_html

    [finding] = check_html(
        '<html lang="nl"><title>t</title><h1>k</h1><div><a href="/a">Lees meer</a></div></html>',
        select=["link-text-generic"],
    )
    english, dutch = finding.text(), finding.text("nl")
    assert "“Lees meer”" in english and "{" not in english
    assert "“Lees meer”" in dutch and "{" not in dutch
    assert english != dutch
