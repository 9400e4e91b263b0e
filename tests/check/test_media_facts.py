"""What the media facts read from files and URLs: sound and duration from MP4 and MP3 headers,
media fragments, and which URLs name local files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vngpublish.check.facts.media import file_exists, fragment_seconds, sound
from vngpublish.check.facts.mp3 import mp3_seconds
from vngpublish.check.facts.mp4 import mp4_info
from vngpublish.check.page import Page
from vngpublish.resources import checks_dir

FILES = checks_dir() / "cases" / "files"


def test_mp4_header_says_sound_and_duration() -> None:
    info = mp4_info(FILES / "raadsvergadering.mp4")
    assert info is not None and info.has_sound and info.seconds == pytest.approx(95.5)
    silent = mp4_info(FILES / "stille-rondleiding.mp4")
    assert silent is not None and not silent.has_sound and silent.has_picture


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not a video at all",
        b"\x00\x00\x00\x18ftypisom" + b"\xff" * 40,
        b"\x00\x00\x00\x00moov",
    ],
)
def test_damaged_or_other_files_give_no_answer(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "film.mp4"
    path.write_bytes(data)
    info = mp4_info(path)
    assert info is None or info == (False, False, None)
    assert mp3_seconds(path) is None


def test_mp3_duration_from_xing_header() -> None:
    assert mp3_seconds(FILES / "podcast.mp3") == pytest.approx(52.24, abs=0.01)


@pytest.mark.parametrize(
    ("url", "seconds"),
    [("a.mp4#t=8,10", 2.0), ("a.mp4#t=npt:0:01:00,0:01:02.5", 2.5), ("a.mp4#t=10", None),
     ("a.mp4", None), ("a.mp4#t=,3", 3.0)],
)  # fmt: skip
def test_media_fragments(url: str, seconds: float | None) -> None:
    assert fragment_seconds(url) == seconds


def test_local_files_relative_and_root_relative(tmp_path: Path) -> None:
    shutil.copytree(FILES, tmp_path / "media")
    (tmp_path / "nieuws").mkdir()
    page_path = tmp_path / "nieuws" / "index.html"
    html = '<video src="../media/raadsvergadering.mp4"></video>'
    page_path.write_text(html, encoding="utf-8")
    page = Page(html, str(page_path), tmp_path)
    assert file_exists(page, "../media/raadsvergadering.mp4") is True
    assert file_exists(page, "/media/raadsvergadering.mp4") is True
    assert file_exists(page, "/media/ontbreekt.mp4") is False
    assert file_exists(page, "https://media.example.nl/raadsvergadering.mp4") is None
    assert sound(page, page.by_tag("video")[0]).present is True


def test_without_a_file_or_with_a_base_nothing_is_local(tmp_path: Path) -> None:
    assert file_exists(Page("<p>x</p>", "<string>"), "film.mp4") is None
    page_path = tmp_path / "index.html"
    html = '<base href="https://vng.nl/"><video src="film.mp4"></video>'
    page_path.write_text(html, encoding="utf-8")
    assert file_exists(Page(html, str(page_path), tmp_path), "film.mp4") is None
