"""html-has-lang."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.document import is_html_document
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class HtmlHasLang(Rule):
    """The `html` element has a `lang` attribute that is not empty.

    Screen readers and read-aloud tools pick their voice and pronunciation rules from the
    page's language; without it, a Dutch newsletter is read out with English pronunciation
    (or the reverse), which is hard or impossible to follow. Browsers also use it for
    hyphenation, spelling and translation.

    Applies to the root `html` element of an HTML page (not to SVG or XML documents). Only the
    `lang` attribute counts: `xml:lang` alone has no effect in HTML (it does in XHTML, so a
    `.xhtml` file may use either).

    Fix: put the main language of the page on the root element, e.g. `<html lang="nl">`.
    """

    id = "html-has-lang"
    title = N_("Page has a language")
    level = "A"
    wcag = ("3.1.1",)
    act = ("b5c3f8",)
    tags = ("language",)
    why = N_(
        "Screen readers choose their voice and pronunciation from the page language; without it, "
        "Dutch text may be read with English pronunciation."
    )
    fix = N_('Put the main language of the page on the html element, e.g. <html lang="nl">.')

    def check(self, page: Page) -> Iterator[Result]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return
        lang = html.get("lang")
        if lang is not None and lang.strip():
            return
        xml_lang = (html.get("xml:lang") or "").strip()
        if xml_lang and page.is_xhtml:
            return
        if lang is None and xml_lang:
            yield self.fail(
                html,
                N_(
                    "The html element has only xml:lang, which HTML ignores: add "
                    'lang="{xml_lang}" too.'
                ),
                xml_lang=xml_lang,
            )
        elif lang is None:
            yield self.fail(
                html,
                N_(
                    "The html element has no lang attribute: add the page's main language, "
                    'e.g. lang="nl".'
                ),
            )
        else:
            yield self.fail(
                html,
                N_(
                    "The html element's lang attribute is empty: fill in the page's main "
                    'language, e.g. lang="nl".'
                ),
            )
