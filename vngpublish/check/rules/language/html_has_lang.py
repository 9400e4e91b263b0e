"""html-has-lang."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class HtmlHasLang(Rule):
    """Applies to the root `html` element of an HTML page (not to SVG or XML documents).

    Passes when it has a `lang` attribute that is not empty or only spaces. Only `lang`
    counts: `xml:lang` alone has no effect in HTML (it does in XHTML, so a `.xhtml` file may
    use either). Fails otherwise, with a message for a missing `lang`, an empty one, and an
    `xml:lang` without `lang`.
    """

    id = "html-has-lang"
    title = N_("Page has a language")
    level = "A"
    wcag = ("3.1.1",)
    act = ("b5c3f8",)
    axe = ("html-has-lang",)
    tags = ("language",)
    why = N_(
        "Screen readers choose their voice and pronunciation from the page language; without it, "
        "Dutch text may be read with English pronunciation. Browsers also use it for "
        "hyphenation, spelling and translation."
    )
    fix = N_('Put the main language of the page on the html element, e.g. <html lang="nl">.')
    messages = {
        "missing": N_(
            'The html element has no lang attribute: add the page\'s main language, e.g. lang="nl".'
        ),
        "empty": N_(
            "The html element's lang attribute is empty: fill in the page's main language, e.g. "
            'lang="nl".'
        ),
        "only-xml-lang": N_(
            'The html element has only xml:lang, which HTML ignores: add lang="{xml_lang}" too.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        html = page.html
        return [html] if is_html_document(page) and html.tag == "html" else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        html = targets[0]
        lang = html.get("lang")
        if lang is not None and lang.strip():
            return
        xml_lang = (html.get("xml:lang") or "").strip()
        if xml_lang and page.is_xhtml:
            return
        if lang is None and xml_lang:
            yield self.fail(html, "only-xml-lang", xml_lang=xml_lang)
        elif lang is None:
            yield self.fail(html, "missing")
        else:
            yield self.fail(html, "empty")
