"""The parsed page: language of elements, source positions, indexes and cached facts."""

from __future__ import annotations

import pytest

from vngpublish.check.facts.language import lang
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden, is_rendered
from vngpublish.check.locate import column, line, selector
from vngpublish.check.page import Page
from vngpublish.check.parse import ParseStopped

SOURCE = """<!doctype html>
<html lang="nl">
<head><title>Nieuwsbrief</title></head>
<body>
  <main>
    <h1>Nieuwsbrief maart</h1>
    <p id="en" lang="en">Read <a href="/a">more</a> <span lang="">about it</span></p>
    <p id="nl">Lees <a href="/b">meer</a></p><p id="last">x</p>
    <div xml:lang="de" id="de">Mehr</div>
  </main>
</body>
</html>
"""


def test_language_is_inherited_from_the_nearest_ancestor() -> None:
    page = Page(SOURCE)
    en, nl = page.by_id("en"), page.by_id("nl")
    assert en is not None and nl is not None
    assert lang(page, en) == "en"
    assert lang(page, en.find("a")) == "en"
    assert lang(page, nl.find("a")) == "nl"
    # lang="" means "unknown", and it stops inheritance.
    assert lang(page, en.find("span")) == ""
    assert page.head is not None and lang(page, page.head) == "nl"


def test_xml_lang_counts_only_in_xhtml() -> None:
    html = Page(SOURCE, "page.html")
    html_de = html.by_id("de")
    assert html_de is not None and lang(html, html_de) != "de"
    xhtml = Page(SOURCE, "page.xhtml")
    de = xhtml.by_id("de")
    assert de is not None and lang(xhtml, de) == "de"


def test_page_without_language() -> None:
    page = Page("<p id=x>tekst</p>")
    el = page.by_id("x")
    assert el is not None and lang(page, el) is None


def test_line_and_column_of_elements() -> None:
    page = Page(SOURCE)
    h1 = page.by_tag("h1")[0]
    assert (line(h1), column(page, h1)) == (6, 5)
    last, nl = page.by_id("last"), page.by_id("nl")
    assert last is not None and nl is not None
    assert (line(nl), column(page, nl)) == (8, 5)
    assert (line(last), column(page, last)) == (8, 46)
    links = page.by_tag("a")
    assert [line(a) for a in links] == [7, 8]


def test_indexes() -> None:
    page = Page(SOURCE)
    assert [el.get("href") for el in page.by_tag("a")] == ["/a", "/b"]
    assert [el.tag for el in page.by_tag("h1", "title")] == ["title", "h1"]
    assert [el.get("id") for el in page.with_attribute("lang")] == [None, "en", None]
    assert page.by_id("nope") is None
    assert page.by_tag("table") == []


def test_duplicate_ids_resolve_to_the_first_as_browsers_do() -> None:
    page = Page("<p id=d>eerste</p><p id=d>tweede</p>")
    first = page.by_id("d")
    assert first is not None and first.text == "eerste"
    assert len(page.ids["d"]) == 2


def test_the_whole_document_is_kept_however_deep_it_nests() -> None:
    # libxml2 stops at 256 levels unless told otherwise, dropping everything after.
    deep = "x"
    for _ in range(1500):
        deep = f"<div>{deep}</div>"
    page = Page(f"<html><body>{deep}<a id=after href=/>na</a></body></html>")
    after = page.by_id("after")
    assert after is not None and line(after) == 1
    deepest = max(page.by_tag("div"), key=lambda e: sum(1 for _ in e.iterancestors()))
    assert selector(page, deepest).endswith("div > div")


_DEEP = 1900  # Python's stack holds about 1,000 calls; the parser keeps 2,048 levels


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<div>" * _DEEP
            + '<p><b>Kop</b></p><p>Tekst van de alinea.</p><a href="/x">Lees meer</a>'
            + '<img src="x.png"><span lang="english">x</span>'
            + "</div>" * _DEEP,
            {"p-as-heading", "link-text-generic", "image-alt", "valid-lang"},
        ),
        (
            "<span>" * _DEEP + '<a href="/x">Lees meer</a>' + "</span>" * _DEEP,
            {"link-text-generic"},
        ),
        (
            "<p>" + "<b>" * _DEEP + "Kop" + "</b>" * _DEEP + "</p><p>Tekst hier.</p>",
            {"p-as-heading"},
        ),
        (
            '<a href="/x">' + "<span>" * _DEEP + "Lees meer" + "</span>" * _DEEP + "</a>",
            {"link-text-generic"},
        ),
        ("<h2>" + "<span>" * _DEEP + "</span>" * _DEEP + "</h2>", {"empty-heading"}),
        (
            "<table><tr><th>k</th><td>"
            + "<span>" * _DEEP
            + '<a href="/x">Klik hier</a>'
            + "</span>" * _DEEP
            + "</td></tr></table>",
            {"link-text-generic"},
        ),
    ],
    ids=["blocks", "inline-link", "bold", "inside-link", "inside-heading", "in-a-cell"],
)
def test_every_rule_checks_content_nested_deeper_than_pythons_stack(
    body: str, expected: set[str]
) -> None:
    # A rule or cached fact that recursed once per level would crash on these pages.
    from vngpublish.check.engine import check_page
    from vngpublish.check.registry import rules_by_id

    page = Page(f'<html lang="nl"><head><title>T</title></head><body>{body}</body></html>')
    found = {finding.rule for finding in check_page(page, rules_by_id(None))}
    assert expected <= found


def test_a_page_nested_deeper_than_the_parser_allows_is_an_error_not_cut_short() -> None:
    # Even with huge_tree, libxml2 gives up at 2048 levels and drops the rest of the page:
    # the image after the deep spot would never be checked.
    lines = ["<html><body><main>"] + ["<div><p>Bericht</p>"] * 2500 + ['<img src="x.png">']
    with pytest.raises(ParseStopped) as raised:
        Page("\n".join(lines), "diep.html")
    error = raised.value.error
    assert error.path == "diep.html"
    # html, body and main are three levels and line n holds the (n-1)th div: the p on line
    # 2046 is the first element at level 2049.
    assert error.line == 2046
    assert error.args["limit"] == 2048
    assert "2048" in error.message.format(**error.args)


@pytest.mark.parametrize(
    "source",
    [
        # After </html>: libxml2 puts this in a second html element beside the root.
        '<html lang="nl"><body><p>Tekst</p></body></html>\n<p><img src="x.png" id="img"></p>',
        # After </body>: libxml2 puts it in html after the body element.
        '<html lang="nl"><body><p>Tekst</p></body>\n<p><img src="x.png" id="img"></p></html>',
        # Only a head before </html>: the browser makes a body for what follows.
        '<html lang="nl"><head><title>t</title></head></html>\n<p><img src="x.png" id="img"></p>',
    ],
)
def test_content_after_the_end_of_the_page_is_in_body_as_browsers_put_it(source: str) -> None:
    page = Page(source)
    image = page.by_id("img")
    assert image is not None and page.body is not None
    assert image in page.body.iter() and image in page.elements
    assert line(image) == 2
    assert selector(page, image) == "#img"


def test_cr_and_crlf_line_endings_count_as_newlines() -> None:
    lf = SOURCE
    for ending in ("\r", "\r\n"):
        page = Page(lf.replace("\n", ending))
        h1 = page.by_tag("h1")[0]
        last = page.by_id("last")
        assert last is not None
        assert (line(h1), column(page, h1)) == (6, 5)
        assert (line(last), column(page, last)) == (8, 46)
        assert "\r" not in page.source


def test_only_newlines_end_lines_for_columns() -> None:
    # A form feed or U+2028 is not a line break to the parser, so it must not be to columns.
    page = Page('<p>a\x0cb\u2028c</p>\n<p>x</p> <a href="/">y</a>')
    link = page.by_tag("a")[0]
    assert (line(link), column(page, link)) == (2, 10)


def test_role_name_and_hidden_are_consistent_through_the_page() -> None:
    page = Page(SOURCE)
    links = page.by_tag("a")
    assert [role(page, a) for a in links] == ["link", "link"]
    assert [accessible_name(page, a) for a in links] == ["more", "meer"]
    assert not any(is_hidden(page, a) for a in links)
    title = page.by_tag("title")[0]
    assert is_hidden(page, title) and not is_rendered(page, title)


def test_findings_come_in_the_order_of_the_page_then_by_rule() -> None:
    from vngpublish.check.engine import check_page
    from vngpublish.check.registry import rules_by_id

    page = Page(
        "<!DOCTYPE html>\n<html>\n<head><title>Nieuws</title></head>\n<body>\n"
        '<p><a href="/a">Lees meer</a> <img src="a.png"></p>\n'
        '<p><a href="/b">Lees meer</a></p>\n'
        '<img src="b.png">\n'
        "</body>\n</html>\n"
    )
    rules = ["image-alt", "link-text-generic", "html-has-lang", "identical-links-same-purpose"]
    found = check_page(page, rules_by_id(rules))
    assert [(f.line, f.column, f.rule) for f in found] == [
        (2, 1, "html-has-lang"),
        (5, 4, "link-text-generic"),
        (5, 31, "image-alt"),
        (6, 4, "identical-links-same-purpose"),
        (6, 4, "link-text-generic"),
        (7, 1, "image-alt"),
    ]


def test_a_duplicate_id_that_links_point_at_says_where_the_links_go() -> None:
    from vngpublish.check import check_html

    page = (
        '<!DOCTYPE html><html lang="nl"><head><title>T</title></head><body><h1>T</h1>'
        '<a href="#a">Naar A</a><p id="a">1</p><p id="a">2</p><p id="b">3</p><p id="b">4</p>'
        "</body></html>"
    )
    findings = check_html(page, "p.html", select=["duplicate-id", "duplicate-id-aria"])
    texts = {f.args["id"]: (f.rule, f.text("nl")) for f in findings}
    assert texts["a"][0] == texts["b"][0] == "duplicate-id"
    assert "links" in texts["a"][1] and "links" not in texts["b"][1]
