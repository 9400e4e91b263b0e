"""Where stylesheets come from: <style>, <link> to local files, @import, data: URLs;
remote and missing sheets recorded; parsing shared across pages."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vngpublish.check.style import RGBA
from vngpublish.check.style.sheets import read_sheet, read_sheet_file

Page = Callable[..., Any]
GREEN, RED = RGBA(0, 128, 0), RGBA(255, 0, 0)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_linked_relative_sheet(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "news" / "css" / "site.css", "p { color: green }")
    html = "<!DOCTYPE html><link rel=stylesheet href='css/site.css?v=3#x'><p id=t>x"
    styled = page(html, page_path=tmp_path / "news" / "index.html")
    assert styled.style().color == GREEN
    assert styled.cascade.problems == []
    assert styled.cascade.sheets[-1].path == str(tmp_path / "news" / "css" / "site.css")


def test_root_relative_sheet_needs_the_site_root(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "css" / "site.css", "p { color: green }")
    html = "<!DOCTYPE html><link rel=stylesheet href=/css/site.css><p id=t>x"
    styled = page(html, page_path=tmp_path / "a" / "b.html", site_root=tmp_path)
    assert styled.style().color == GREEN
    without = page(html, page_path=tmp_path / "a" / "b.html")
    assert without.style().color == RGBA(0, 0, 0)
    assert [p.kind for p in without.cascade.problems] == ["no-site-root"]


def test_relative_sheet_without_a_page_path(page: Page) -> None:
    styled = page("<!DOCTYPE html><link rel=stylesheet href=site.css><p id=t>x")
    assert [p.kind for p in styled.cascade.problems] == ["no-page-path"]


def test_missing_and_unreadable_sheets_are_problems(page: Page, tmp_path: Path) -> None:
    (tmp_path / "folder.css").mkdir()
    html = (
        "<!DOCTYPE html><link rel=stylesheet href=missing.css>"
        "<link rel=stylesheet href=folder.css><p id=t>x"
    )
    styled = page(html, page_path=tmp_path / "index.html")
    problems = styled.cascade.problems
    assert [(p.kind, p.reason) for p in problems] == [
        ("missing", "file not found"),
        ("unreadable", "not a file"),
    ]
    assert problems[0].target == str(tmp_path / "missing.css")
    assert problems[0].line == 1 and problems[0].element.tag == "link"


def test_remote_sheets_are_recorded_not_fetched(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "local.css", "@import url('https://cdn.example/x.css');")
    html = (
        "<!DOCTYPE html>\n<link rel=stylesheet href=https://example.org/a.css>\n"
        "<link rel=stylesheet href=//cdn.example/b.css><link rel=stylesheet href=local.css>"
    )
    styled = page(html, page_path=tmp_path / "index.html")
    remote = styled.cascade.remote_sheets
    assert [r.url for r in remote] == [
        "https://example.org/a.css",
        "//cdn.example/b.css",
        "https://cdn.example/x.css",
    ]
    assert remote[0].line == 2 and remote[0].element.tag == "link"
    assert remote[2].imported_from == str(tmp_path / "local.css")


def test_remote_base_makes_relative_links_remote(page: Page, tmp_path: Path) -> None:
    html = "<!DOCTYPE html><base href='https://example.org/news/'><link rel=stylesheet href=a.css>"
    styled = page(html, page_path=tmp_path / "index.html")
    assert [r.url for r in styled.cascade.remote_sheets] == ["a.css"]


def test_which_links_apply(page: Page, tmp_path: Path) -> None:
    for name in ("alternate", "print", "disabled", "typed", "screen", "icon"):
        write(tmp_path / f"{name}.css", f"p {{ color: red }} .{name} {{ color: green }}")
    html = (
        "<!DOCTYPE html>"
        "<link rel='alternate stylesheet' title=x href=alternate.css>"
        "<link rel=stylesheet media=print href=print.css>"
        "<link rel=stylesheet disabled href=disabled.css>"
        "<link rel=stylesheet type=text/plain href=typed.css>"
        "<link rel=icon href=icon.css>"
        "<link rel='Stylesheet' media='screen and (min-width: 600px)' href=screen.css>"
        "<p id=t class=screen>x</p><p id=u>y</p>"
    )
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style("t").color == GREEN
    assert [s.path for s in styled.cascade.sheets[1:]] == [str(tmp_path / "screen.css")]


def test_which_style_elements_apply(page: Page) -> None:
    html = (
        "<!DOCTYPE html><style media=print>p { color: red }</style>"
        "<style type=text/template>p { color: red }</style>"
        "<template><style>p { color: red }</style></template>"
        "<noscript><style>p { color: red }</style></noscript>"
        "<style media='screen'>.c { color: green }</style><p id=t class=c>x"
    )
    assert page(html).style().color == GREEN


def test_imports(page: Page, tmp_path: Path) -> None:
    write(
        tmp_path / "css" / "main.css",
        "@import 'parts/base.css'; @import url(print.css) print;\n.b { color: green }",
    )
    write(tmp_path / "css" / "parts" / "base.css", "@import '../more.css'; p { color: red }")
    write(tmp_path / "css" / "more.css", ".m { color: green }")
    write(tmp_path / "css" / "print.css", "p { color: blue !important }")
    html = (
        "<!DOCTYPE html><link rel=stylesheet href=css/main.css>"
        "<p id=a class=b>x</p><p id=m class=m>y</p><p id=p>z</p>"
    )
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style("a").color == GREEN
    assert styled.style("m").color == GREEN
    assert styled.style("p").color == RED
    kinds = [(s.kind, Path(s.path).name) for s in styled.cascade.sheets[1:]]
    assert kinds == [("import", "more.css"), ("import", "base.css"), ("link", "main.css")]


def test_import_in_a_style_element_and_after_rules(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "a.css", "p { color: green }")
    write(tmp_path / "late.css", "p { color: red }")
    html = "<!DOCTYPE html><style>@import 'a.css'; p { } @import 'late.css';</style><p id=t>x"
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style().color == GREEN  # an @import after a rule is ignored


def test_import_loop_is_a_problem_not_a_hang(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "a.css", "@import 'b.css'; .a { color: green }")
    write(tmp_path / "b.css", "@import 'a.css'; .b { color: green }")
    html = "<!DOCTYPE html><link rel=stylesheet href=a.css><p id=t class='a b'>x"
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style().color == GREEN
    problems = styled.cascade.problems
    assert [p.kind for p in problems] == ["import-loop"]
    assert "a.css -> b.css -> a.css" in problems[0].reason


def test_self_import(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "a.css", "@import 'a.css'; p { color: green }")
    html = "<!DOCTYPE html><link rel=stylesheet href=a.css><p id=t>x"
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style().color == GREEN
    assert [p.kind for p in styled.cascade.problems] == ["import-loop"]


def test_import_into_a_layer(page: Page, tmp_path: Path) -> None:
    write(tmp_path / "reset.css", "#t { color: red }")
    html = (
        "<!DOCTYPE html><style>@import 'reset.css' layer(reset); p { color: green }</style>"
        "<p id=t>x"
    )
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style().color == GREEN  # unlayered beats the layered import


def test_data_url_sheet(page: Page) -> None:
    html = (
        "<!DOCTYPE html><link rel=stylesheet href='data:text/css,p%20%7Bcolor%3Agreen%7D'>"
        "<link rel=stylesheet href='data:text/css;base64,LmIgeyBmb250LXNpemU6IDEwcHggfQ=='>"
        "<p id=t class=b>x"
    )
    styled = page(html)
    assert styled.style().color == GREEN
    assert styled.style().font_size_px == 10.0


def test_file_sheets_are_parsed_once_per_process(tmp_path: Path) -> None:
    path = write(tmp_path / "site.css", "p { color: green }")
    first = read_sheet_file(path)
    assert read_sheet_file(tmp_path / "." / "site.css") is first
    write(path, "p { color: red }  ")  # another size
    os.utime(path, ns=(1, 1))
    changed = read_sheet_file(path)
    assert changed is not first
    assert "red" in changed.text


def test_style_texts_are_parsed_once_per_process(page: Page) -> None:
    html = "<!DOCTYPE html><style>p { color: green }</style><p id=t>x"
    one, two = page(html), page(html)
    one.style(), two.style()
    assert one.cascade.sheets[1:] != []
    assert read_sheet("p { color: green }") is read_sheet("p { color: green }")
    # The index built for the first page is reused by the second.
    sheet = read_sheet("p { color: green }")
    assert len(sheet.indexes) == 1


def test_charset_and_bom(tmp_path: Path, page: Page) -> None:
    (tmp_path / "a.css").write_bytes("\ufeff.é { color: green }".encode())
    (tmp_path / "b.css").write_bytes('@charset "iso-8859-1"; .ü { color: green }'.encode("latin-1"))
    html = (
        "<!DOCTYPE html><link rel=stylesheet href=a.css><link rel=stylesheet href=b.css>"
        "<p id=a class=é>x</p><p id=b class=ü>y"
    )
    styled = page(html, page_path=tmp_path / "index.html")
    assert styled.style("a").color == GREEN
    assert styled.style("b").color == GREEN


def test_media_rules(page: Page) -> None:
    html = (
        "<!DOCTYPE html><style>"
        "@media print { .a { color: red } }"
        "@media screen and (max-width: 600px) { .b { color: red } }"
        "@media (min-width: 1000px) { .c { color: green } }"
        "@media (prefers-color-scheme: dark) { .d { color: red } }"
        "@media (orientation: landscape) { @media (min-width: 1px) { .e { color: green } } }"
        "@supports (display: grid) { .f { color: green } }"
        "@supports not (display: grid) { .f { color: red } }"
        "@container (min-width: 1px) { .g { color: red } }"
        "@font-face { font-family: x; src: url(x.woff) } @keyframes k { from { color: red } }"
        "</style>" + "".join(f"<p id={n} class={n}>x</p>" for n in "abcdefg")
    )
    styled = page(html)
    black = RGBA(0, 0, 0)
    found = {n: styled.style(n).color for n in "abcdefg"}
    assert found == {
        "a": black,
        "b": black,
        "c": GREEN,
        "d": black,
        "e": GREEN,
        "f": GREEN,
        "g": black,
    }


def test_a_configured_screen_changes_media_results(page: Page) -> None:
    from vngpublish.check.style import Screen

    html = "<!DOCTYPE html><style>@media (max-width: 600px) { p { color: green } }</style><p id=t>x"
    assert page(html).style().color == RGBA(0, 0, 0)
    assert page(html, screen=Screen(width=400, height=800)).style().color == GREEN
