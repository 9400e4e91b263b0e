"""html-xml-lang-mismatch."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class HtmlXmlLangMismatch(Rule):
    """Applies to the root `html` element of an HTML page when it has both `lang` and
    `xml:lang` and both hold a valid language tag (invalid tags are reported by
    html-lang-valid).

    Passes when their primary languages agree (`nl` in `nl-NL`); regions may differ. Fails
    when they name different languages.
    """

    id = "html-xml-lang-mismatch"
    title = N_("lang and xml:lang of the page agree")
    level = "A"
    wcag = ("3.1.1",)
    act = ("5b7ae0",)
    axe = ("html-xml-lang-mismatch",)
    tags = ("language",)
    why = N_(
        "Tools that read xml:lang and tools that read lang would read the page in different "
        "languages."
    )
    fix = N_('Make lang and xml:lang the same (lang="nl" xml:lang="nl"), or remove xml:lang.')
    messages = {
        "mismatch": N_(
            'lang="{lang}" and xml:lang="{xml_lang}" name different languages: make them the same.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return []
        lang, xml_lang = html.get("lang"), html.get("xml:lang")
        if not lang or not xml_lang:
            return []
        valid = bcp47.primary_language(lang) and bcp47.primary_language(xml_lang)
        return [html] if valid else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        html = targets[0]
        lang, xml_lang = html.get("lang") or "", html.get("xml:lang") or ""
        if bcp47.primary_language(lang) != bcp47.primary_language(xml_lang):
            yield self.fail(html, "mismatch", lang=lang, xml_lang=xml_lang)
