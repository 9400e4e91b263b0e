"""Nested browsing contexts: what an iframe shows, read from srcdoc or from a file of the site."""

from __future__ import annotations

from pathlib import Path

from vngpublish.check.facts.focus import tab_stops
from vngpublish.check.facts.frames import frame
from vngpublish.check.facts.resources import media_kind, resolve
from vngpublish.check.page import Page


def test_srcdoc_is_parsed_as_a_document() -> None:
    page = Page("<iframe srcdoc=\"<a href='/'>Home</a>\"></iframe>")
    shown = frame(page, page.by_tag("iframe")[0])
    assert shown.status == "read" and shown.document is not None
    assert [el.tag for el in tab_stops(shown.document)] == ["a"]


def test_local_src_is_read_relative_to_the_page_and_the_site_root(tmp_path: Path) -> None:
    (tmp_path / "kaart").mkdir()
    (tmp_path / "kaart" / "index.html").write_text("<button>Inzoomen</button>", "utf-8")
    (tmp_path / "nieuws").mkdir()
    page_path = tmp_path / "nieuws" / "maart.html"
    page = Page(
        '<iframe id=a src="../kaart/"></iframe><iframe id=b src="/kaart/index.html"></iframe>'
        '<iframe id=c src="/weg.html"></iframe><iframe id=d src="https://example.org/"></iframe>',
        str(page_path),
        tmp_path,
    )
    a, b, c, d = (frame(page, page.by_id(x)) for x in "abcd")  # type: ignore[arg-type]
    assert a.status == b.status == "read" and a.key == b.key
    assert c.status == "missing"
    assert d.status == "remote" and d.document is None


def test_root_relative_urls_need_a_site_root() -> None:
    page = Page("<p>x</p>", "pagina.html")
    assert resolve(page, "/kaart.html").kind == "unknown"
    assert resolve(page, "").kind == "blank"
    assert resolve(page, "//cdn.example/x.png").kind == "remote"


def test_media_kind_by_type_then_extension() -> None:
    assert media_kind("x.MP4", None) == "video"
    assert media_kind("podcast.mp3?t=1", None) == "audio"
    assert media_kind("kaart", "image/png") == "image"
    assert media_kind("pagina.html", None) is None
    assert media_kind("logo.png", "text/html") is None
