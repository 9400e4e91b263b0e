"""`--format github`: workflow commands that GitHub Actions turns into annotations."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from vngpublish.check import cli
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.report.github import annotation, escape_data, escape_property

PAGE = """<!DOCTYPE html>
<html lang="nl">
<head><title>Nieuws</title></head>
<body>
<main>
<h2>Nieuws</h2>
<a href="/raad">Lees meer</a>
<img src="kaart.png">
</main>
</body>
</html>
"""


def github(*argv: str) -> tuple[int, list[str], str]:
    """Run the command line with `--format github`; the status, the lines and stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([*argv, "--format", "github"], stdout=out, stderr=err)
    return status, out.getvalue().splitlines(), err.getvalue()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "nieuws.html").write_text(PAGE, encoding="utf-8")
    return tmp_path / "site"


def test_errors_warnings_and_reviews_become_error_warning_and_notice(site: Path) -> None:
    status, lines, _ = github(
        "site", "--select", "image-alt,page-has-heading-one,link-text-generic"
    )
    assert status == 1
    commands = {line.split(" ", 1)[0]: line for line in lines[:-1]}
    assert commands["::error"].startswith(
        "::error file=site/nieuws.html,line=8,col=1,title=image-alt::The image has no alt"
    )
    assert commands["::warning"].startswith(
        "::warning file=site/nieuws.html,line=4,col=1,title=page-has-heading-one::"
    )
    assert commands["::notice"].startswith(
        "::notice file=site/nieuws.html,line=7,col=1,title=link-text-generic (review)::"
    )
    assert lines[-1] == "1 error, 1 warning, 1 to review; 1 file checked."


def test_absolute_paths_inside_the_workspace_become_relative(site: Path) -> None:
    _, lines, _ = github(str(site.resolve()), "--select", "image-alt")
    assert lines[0].startswith(f"::error file=site{os.sep}nieuws.html,line=8,")


def test_an_unreadable_file_is_an_error_annotation(site: Path) -> None:
    (site / "kapot.html").write_bytes(b"<p>caf\xe9</p>")
    status, lines, _ = github("site", "--select", "image-alt")
    assert status == 2
    assert any(
        line.startswith("::error file=site/kapot.html,line=1,title=unreadable::cannot be decoded")
        for line in lines
    )


def test_data_escapes_percent_and_line_breaks() -> None:
    assert escape_data("50% klaar\r\nregel 2") == "50%25 klaar%0D%0Aregel 2"


def test_properties_also_escape_colon_and_comma() -> None:
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_a_message_cannot_start_a_second_command() -> None:
    finding = Finding(
        rule="link-name",
        severity=Severity.ERROR,
        outcome=Outcome.FAILED,
        path="site/a,b:c.html",
        line=3,
        column=2,
        selector="a",
        snippet="<a>",
        message="line one\n::error::injected",
    )
    line = annotation(finding, "en")
    assert "\n" not in line
    assert line == (
        "::error file=site/a%2Cb%3Ac.html,line=3,col=2,title=link-name"
        "::line one%0A::error::injected"
    )
