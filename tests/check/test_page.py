"""The parsed page: language of elements, source positions, indexes and cached facts."""

from __future__ import annotations

from vngpublish.check.page import Page

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
    assert page.lang(en) == "en"
    assert page.lang(en.find("a")) == "en"
    assert page.lang(nl.find("a")) == "nl"
    # lang="" means "unknown", and it stops inheritance.
    assert page.lang(en.find("span")) == ""
    assert page.head is not None and page.lang(page.head) == "nl"


def test_xml_lang_counts_only_in_xhtml() -> None:
    html = Page(SOURCE, "page.html")
    html_de = html.by_id("de")
    assert html_de is not None and html.lang(html_de) != "de"
    xhtml = Page(SOURCE, "page.xhtml")
    de = xhtml.by_id("de")
    assert de is not None and xhtml.lang(de) == "de"


def test_page_without_language() -> None:
    page = Page("<p id=x>tekst</p>")
    el = page.by_id("x")
    assert el is not None and page.lang(el) is None


def test_line_and_column_of_elements() -> None:
    page = Page(SOURCE)
    h1 = page.by_tag("h1")[0]
    assert (page.line(h1), page.column(h1)) == (6, 5)
    last, nl = page.by_id("last"), page.by_id("nl")
    assert last is not None and nl is not None
    assert (page.line(nl), page.column(nl)) == (8, 5)
    assert (page.line(last), page.column(last)) == (8, 46)
    links = page.by_tag("a")
    assert [page.line(a) for a in links] == [7, 8]


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
    assert after is not None and page.line(after) == 1
    deepest = max(page.by_tag("div"), key=lambda e: sum(1 for _ in e.iterancestors()))
    assert page.selector(deepest).endswith("div > div")


def test_role_name_and_hidden_are_consistent_through_the_page() -> None:
    page = Page(SOURCE)
    links = page.by_tag("a")
    assert [page.role(a) for a in links] == ["link", "link"]
    assert [page.name(a) for a in links] == ["more", "meer"]
    assert not any(page.is_hidden(a) for a in links)
    title = page.by_tag("title")[0]
    assert page.is_hidden(title) and not page.is_rendered(title)
