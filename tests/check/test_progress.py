"""The progress bar: on a terminal only, never in CI or with --quiet / --no-progress, and never
mixed into the findings."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from vngpublish.check import cli, progress
from vngpublish.check.progress import Progress, wanted

PAGE = (
    '<!DOCTYPE html>\n<html lang="nl"><head><title>T</title></head>'
    '<body><img src="a.png"></body></html>\n'
)


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_drawn_in_the_first_half_second_then_done_total_and_rate() -> None:
    clock, stream = Clock(), io.StringIO()
    bar = Progress(10, stream, "en", enabled=True, clock=clock)
    clock.now += 0.2
    bar.advance()
    assert stream.getvalue() == ""
    clock.now += 0.8  # one second in, 2 files done
    bar.advance()
    assert stream.getvalue().startswith("\r[")
    assert stream.getvalue().endswith("] 2/10 files, 2.0 a second")
    assert stream.getvalue().count("#") == progress.WIDTH * 2 // 10


def test_redraws_are_limited() -> None:
    clock, stream = Clock(), io.StringIO()
    bar = Progress(100, stream, "en", enabled=True, clock=clock)
    clock.now += 1
    for _ in range(50):
        bar.advance()  # no time passes: one drawing only
    assert stream.getvalue().count("\r") == 1


def test_clear_erases_the_bar_and_finish_leaves_nothing_behind() -> None:
    clock, stream = Clock(), io.StringIO()
    bar = Progress(4, stream, "en", enabled=True, clock=clock)
    bar.clear()
    assert stream.getvalue() == ""  # nothing shown, nothing to erase
    clock.now += 1
    bar.advance()
    bar.finish()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_a_disabled_bar_or_a_single_file_draws_nothing() -> None:
    for bar_stream, total, enabled in ((io.StringIO(), 10, False), (io.StringIO(), 1, True)):
        clock = Clock()
        bar = Progress(total, bar_stream, "en", enabled=enabled, clock=clock)
        clock.now += 5
        bar.advance()
        bar.finish()
        assert bar_stream.getvalue() == ""


def test_dutch_label() -> None:
    clock, stream = Clock(), io.StringIO()
    bar = Progress(3, stream, "nl", enabled=True, clock=clock)
    clock.now += 1
    bar.advance()
    assert "1/3" in stream.getvalue()
    assert "files" not in stream.getvalue()


def test_wanted_on_a_pseudo_terminal_but_not_on_a_pipe_in_ci_or_when_quiet() -> None:
    leader, follower = os.openpty()
    read_end, write_end = os.pipe()
    with os.fdopen(follower, "w") as tty, os.fdopen(write_end, "w") as pipe:
        assert wanted(tty, quiet=False, environ={})
        assert not wanted(tty, quiet=False, environ={"CI": "true"})
        assert not wanted(tty, quiet=True, environ={})
        assert not wanted(pipe, quiet=False, environ={})
    os.close(leader)
    os.close(read_end)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Four pages in `site/`; the bar draws at once and on every file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    (tmp_path / "site").mkdir()
    for name in "abcd":
        (tmp_path / "site" / f"{name}.html").write_text(PAGE, encoding="utf-8")
    return tmp_path / "site"


def run(*argv: str) -> tuple[str, str]:
    out, err = io.StringIO(), Terminal()
    cli.main(["site", "--select", "image-alt", *argv], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_line_draws_on_a_terminal_and_keeps_findings_clean(site: Path) -> None:
    out, err = run()
    assert "4/4 files" in err
    assert err.endswith("\r\x1b[K")  # erased at the end
    assert "\r" not in out
    assert len(out.splitlines()) == 5  # four findings and the summary


@pytest.mark.parametrize("flag", ["--no-progress", "--quiet"])
def test_no_bar_with_no_progress_or_quiet(site: Path, flag: str) -> None:
    _, err = run(flag)
    assert err == ""


def test_no_bar_in_ci(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    _, err = run()
    assert err == ""


def test_findings_on_the_same_terminal_start_on_a_clean_line(site: Path) -> None:
    both = Terminal()
    cli.main(["site", "--select", "image-alt"], stdout=both, stderr=both)
    lines = both.getvalue().split("\n")
    findings = [line for line in lines if "image-alt" in line]
    assert len(findings) == 4
    # Each finding follows an erased bar or a line break, never a half-drawn bar.
    for line in findings:
        assert line.startswith("site/") or line.rsplit("\r\x1b[K", 1)[-1].startswith("site/")


def test_a_redirected_report_does_not_interrupt_the_bar(site: Path) -> None:
    err = Terminal()
    cli.main(["site", "--select", "image-alt"], stdout=io.StringIO(), stderr=err)
    assert err.getvalue().count("\r\x1b[K") == 1  # erased once, at the end
