"""html-xml-lang-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check import bcp47
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class HtmlXmlLangMismatch(Rule):
    """When the `html` element has both `lang` and `xml:lang`, they name the same language.

    XHTML-style pages often carry both attributes. Tools that read one or the other would
    otherwise read the page in different languages; the primary language (`nl` in `nl-NL`)
    must agree, regions may differ.

    Applies to the root `html` element of an HTML page when both attributes hold a valid
    language tag (invalid tags are reported by html-lang-valid).

    Fix: make both the same, e.g. `lang="nl" xml:lang="nl"`, or drop `xml:lang`.
    """

    id = "html-xml-lang-mismatch"
    title = N_("lang and xml:lang of the page agree")
    level = "A"
    wcag = ("3.1.1",)
    act = ("5b7ae0",)
    tags = ("language",)
    why = N_(
        "Tools that read xml:lang and tools that read lang would read the page in different "
        "languages."
    )
    fix = N_("Make lang and xml:lang the same, or remove xml:lang.")

    def check(self, page: Page) -> Iterator[Result]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return
        lang = html.get("lang")
        xml_lang = html.get("xml:lang")
        if not lang or not xml_lang:
            return
        primary = bcp47.primary_language(lang)
        xml_primary = bcp47.primary_language(xml_lang)
        if primary is None or xml_primary is None or primary == xml_primary:
            return
        yield self.fail(
            html,
            N_(
                'lang="{lang}" and xml:lang="{xml_lang}" name different languages: make '
                "them the same."
            ),
            lang=lang,
            xml_lang=xml_lang,
        )
