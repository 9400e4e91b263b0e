"""Reading files to check: which files a folder yields, and decoding their bytes as browsers do."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from vngpublish.check.source import SourceError, collect, decode, read_source

PAGE = (
    "<!DOCTYPE html><html lang='nl'><head>{meta}<title>Café</title></head><body>Één</body></html>"
)


def test_utf8_without_declaration() -> None:
    assert "Café" in decode(PAGE.format(meta="").encode("utf-8"))


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_mark_wins_and_is_removed(bom: bytes, codec: str) -> None:
    # The <meta> says windows-1252, but a byte order mark overrides it.
    html = PAGE.format(meta='<meta charset="windows-1252">')
    text = decode(bom + html.encode(codec))
    assert text.startswith("<!DOCTYPE")
    assert "Één" in text


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        "<meta charset=iso-8859-1>",  # browsers read Latin-1 labels as windows-1252
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_meta_charset_in_the_first_1024_bytes(meta: str) -> None:
    data = PAGE.format(meta=meta).encode("cp1252")
    assert "Café" in decode(data)


def test_meta_after_1024_bytes_is_not_seen() -> None:
    filler = "<!--" + "x" * 1100 + "-->"
    data = PAGE.format(meta=filler + '<meta charset="windows-1252">').encode("cp1252")
    with pytest.raises(SourceError):
        decode(data)


def test_xml_declaration_sets_the_encoding_of_xhtml_only() -> None:
    data = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>caf\xe9</p></body></html>'
    )
    assert "café" in decode(data, "page.xhtml")
    # An HTML parser ignores the XML declaration: the same bytes are not UTF-8.
    with pytest.raises(SourceError):
        decode(data, "page.html")


def test_unknown_charset_label_falls_back_to_utf8() -> None:
    data = PAGE.format(meta='<meta charset="no-such-charset">').encode("utf-8")
    assert "Café" in decode(data)


@pytest.mark.parametrize("label", ["undefined", "base64", "rot13", "unicode_escape", "idna"])
def test_python_codecs_that_are_no_web_encoding_are_ignored(label: str) -> None:
    # Python knows these names, but no browser does: the page is read as UTF-8.
    data = PAGE.format(meta=f'<meta charset="{label}">').encode("utf-8")
    assert "Café" in decode(data)


@pytest.mark.parametrize(
    ("label", "written_as", "text"),
    [
        ("Shift_JIS", "cp932", "議会"),
        ("sjis", "cp932", "議会"),
        ("gb2312", "gbk", "议会"),
        ("koi8-u", "koi8-u", "Рада"),
        ("x-user-defined", "cp1252", "Café"),  # HTML reads this declaration as windows-1252
        ("utf-16", "utf-8", "Café"),  # a <meta> read as ASCII cannot mean UTF-16
    ],
)
def test_declared_labels_mean_what_the_encoding_standard_says(
    label: str, written_as: str, text: str
) -> None:
    html = f'<!DOCTYPE html><html><head><meta charset="{label}"></head><body>{text}</body></html>'
    assert text in decode(html.encode(written_as))


@pytest.mark.parametrize("label", ["iso-2022-kr", "hz-gb-2312", "csiso2022kr"])
def test_an_encoding_browsers_do_not_decode_is_an_error_naming_its_line(label: str) -> None:
    data = ("<!DOCTYPE html>\n<html>\n<head>\n" + f'<meta charset="{label}">\n').encode()
    with pytest.raises(SourceError) as raised:
        decode(data + b"<title>x</title></head><body></body></html>", "nieuws.html")
    error = raised.value.error
    assert (error.path, error.line, error.args) == ("nieuws.html", 4, {"line": 4, "label": label})
    assert "UTF-8" in error.message


def test_decode_error_names_file_line_column_and_byte() -> None:
    data = b"<html>\n<body>\n<p>caf" + b"\xe9</p>\n</body></html>"
    with pytest.raises(SourceError) as raised:
        decode(data, "nieuws.html")
    error = raised.value.error
    assert error.path == "nieuws.html"
    assert error.line == 3
    assert error.args == {"encoding": "utf-8", "byte": "E9", "line": 3, "column": 7}


@pytest.mark.parametrize(
    "data", [b"", b"  \n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n", codecs.BOM_UTF16_LE]
)
def test_empty_file_is_an_error(data: bytes) -> None:
    with pytest.raises(SourceError) as raised:
        decode(data, "leeg.html")
    assert raised.value.error.message == "the file is empty"


def test_read_source_of_a_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as raised:
        read_source(str(tmp_path))
    assert raised.value.error.message == "is a folder, not a file"


def test_read_source_of_a_broken_symlink_is_an_error(tmp_path: Path) -> None:
    link = tmp_path / "weg.html"
    link.symlink_to(tmp_path / "bestaat-niet.html")
    with pytest.raises(SourceError) as raised:
        read_source(str(link))
    assert raised.value.error.message == "broken symbolic link"


def test_collect_walks_folders_sorted_and_filters_by_suffix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in [
        "site/b.html",
        "site/a/z.HTM",
        "site/a/y.xhtml",
        "site/style.css",
        "site/img/logo.svg",
    ]:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("<p>x</p>")
    Path("losse.txt").write_text("<p>x</p>")
    files, errors = collect(["site", "losse.txt", "site/b.html"])
    assert errors == []
    # Relative paths stay relative; a file named directly is checked whatever its suffix;
    # a file reached twice is checked once.
    assert files == sorted(["losse.txt", "site/a/y.xhtml", "site/a/z.HTM", "site/b.html"])


def test_collect_reports_bad_paths_and_keeps_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "goed.html"
    good.write_text("<p>x</p>")
    (tmp_path / "leeg").mkdir()
    broken = tmp_path / "kapot.html"
    broken.symlink_to(tmp_path / "nergens.html")
    files, errors = collect(
        [str(good), str(tmp_path / "mist.html"), str(tmp_path / "leeg"), str(broken)]
    )
    assert files == [str(good)]
    assert [(os.path.basename(e.path), e.message) for e in errors] == [
        ("mist.html", "no such file or folder"),
        ("leeg", "no .html, .htm or .xhtml files in this folder"),
        ("kapot.html", "broken symbolic link"),
    ]


def test_collect_keeps_each_file_once_under_the_first_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("cms").mkdir()
    Path("cms/nieuwsbrief.html").write_text("<p>x</p>")
    Path("alias.html").symlink_to(tmp_path / "cms" / "nieuwsbrief.html")
    given = ["cms", "cms/nieuwsbrief.html", "./cms", str(tmp_path / "cms"), "alias.html"]
    files, errors = collect(given)
    assert (files, errors) == (["cms/nieuwsbrief.html"], [])
    assert collect(["alias.html", "cms"]) == (["alias.html"], [])


def test_collect_and_read_refuse_what_is_not_a_regular_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_fifo: Callable[[Path | str], None]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("site").mkdir()
    Path("site/a.html").write_text("<p>x</p>")
    make_fifo("site/x.html")
    files, errors = collect(["site", "site/x.html"])
    assert files == ["site/a.html"]
    # Named twice, reported once.
    assert [(e.path, e.message) for e in errors] == [
        ("site/x.html", "not a regular file (a FIFO, device or socket); only files are checked")
    ]
    with pytest.raises(SourceError) as raised:
        read_source("site/x.html")  # returns at once: a FIFO is never opened
    assert raised.value.error.message.startswith("not a regular file")
