"""Language and page rules where the file type matters (the case catalogue only has .html)."""

from __future__ import annotations

from vngpublish.check import check_html

LANGUAGE_AND_PAGE_RULES = [
    "html-has-lang",
    "html-lang-valid",
    "html-xml-lang-mismatch",
    "document-title",
]


def test_an_svg_document_is_not_an_html_page() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>Logo</title></svg>'
    assert check_html(svg, "logo.svg", select=LANGUAGE_AND_PAGE_RULES) == []
    # The same markup served as HTML is a page without a language and without a title.
    rules = {f.rule for f in check_html(svg, "logo.html", select=LANGUAGE_AND_PAGE_RULES)}
    assert rules == {"html-has-lang", "document-title"}


def test_xml_lang_gives_an_xhtml_page_its_language() -> None:
    page = (
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl"><head><title>Nieuws</title>'
        "</head><body><p>Welkom.</p></body></html>"
    )
    assert check_html(page, "nieuws.xhtml", select=["html-has-lang"]) == []
    assert [f.rule for f in check_html(page, "nieuws.html", select=["html-has-lang"])] == [
        "html-has-lang"
    ]
