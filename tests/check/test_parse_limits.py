"""Nothing in a page goes unchecked: what the parser cannot read is an error, and content
after the end of the page is checked where browsers show it."""

from __future__ import annotations

import io
from pathlib import Path

from vngpublish.check import cli


def test_a_page_too_deep_to_parse_exits_2_naming_the_line_and_the_limit(tmp_path: Path) -> None:
    # 2,500 unclosed divs, then an image without alt at the very end:
    # libxml2 gives up at 2048 levels, so without the error the image would go unchecked.
    lines = ['<!DOCTYPE html><html lang="nl"><head><title>Archief</title></head><body><main>']
    lines += [f"<div><h2>Bericht {i}</h2>" for i in range(2500)]
    lines += ['<img src="foto.jpg"></main></body></html>']
    page = tmp_path / "archief.html"
    page.write_text("\n".join(lines), encoding="utf-8")
    fine = tmp_path / "fine.html"
    fine.write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>Goed</title></head>'
        "<body><main><h1>Goed</h1></main></body></html>",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([str(page), str(fine), "--lang", "en"], stdout=out, stderr=err)
    assert status == 2
    # html, body and main are three levels; the h2 on line 2046 is the 2049th.
    assert f"{page}:2046: the HTML parser stopped at line 2046" in err.getvalue()
    assert "nested more than 2048 levels deep" in err.getvalue()
    assert "internal error" not in err.getvalue()
    assert "1 file checked" in err.getvalue() + out.getvalue()


def test_content_after_the_closing_html_tag_is_checked(tmp_path: Path) -> None:
    # CMS templates often append scripts or whole blocks after </html>; browsers show them.
    page = tmp_path / "na.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="nl"><head><title>Nieuws</title></head>\n'
        "<body><main><h1>Nieuws</h1></main></body></html>\n"
        '<p><img src="banner.png"></p>\n',
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([str(page), "--select", "image-alt", "--lang", "en"], stdout=out, stderr=err)
    assert status == 1
    assert out.getvalue().startswith(f"{page}:4:4: error image-alt ")
