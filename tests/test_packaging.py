"""The wheel works outside the repository: templates and the rule catalogue ship inside it.

Builds the wheel, installs it (non-editable) into a fresh virtual environment, and uses it from
another directory, as a new user would after `pip install .`.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "raadsledennieuws-2024-03"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(REPO)],
        check=True,
    )
    (found,) = out.glob("vngpublish-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return python


def test_wheel_installs_only_the_vngpublish_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        top_level = {name.split("/")[0] for name in archive.namelist()}
        names = archive.namelist()
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"vngpublish"}
    assert any(n.startswith("vngpublish/_data/templates/") for n in names)
    assert any(n.startswith("vngpublish/_data/checks/cases/") for n in names)
    assert any(n.startswith("vngpublish/_data/checks/presets/") for n in names)


def test_installed_wheel_builds_the_example_site_from_another_directory(
    installed: Path, tmp_path: Path
) -> None:
    site = tmp_path / "elsewhere" / "site"
    site.parent.mkdir()
    subprocess.run(
        [str(installed), "-m", "vngpublish", "build", str(EXAMPLE), "-o", str(site)],
        check=True,
        cwd=site.parent,
    )
    pages = list(site.glob("*/index.html"))
    assert pages, "no issue page was written"
    assert (site / "index.html").is_file()
    assert (site / "feed.xml").is_file()
    check = subprocess.run(
        [str(installed), "-m", "vngpublish.check", str(site)],
        cwd=site.parent,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_installed_wheel_renders_from_python(installed: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from vngpublish import load_issue, render_issue\n"
        "page = render_issue(load_issue(sys.argv[1]))\n"
        "assert '<html lang=\"nl\"' in page.html, page.html[:200]\n"
        "print(len(page.findings))\n"
    )
    result = subprocess.run(
        [str(installed), "-c", code, str(EXAMPLE)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "0"
