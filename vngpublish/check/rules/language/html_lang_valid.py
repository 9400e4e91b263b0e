"""html-lang-valid."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check import bcp47
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class HtmlLangValid(Rule):
    """The `lang` attribute of the `html` element is a valid language tag.

    Assistive technology can only switch to the right voice when it recognises the language:
    the tag must start with a language subtag from the IANA Language Subtag Registry (`nl`,
    `en`, `fy`), written as BCP 47 says (`nl-BE`, not `nl_BE`; `nl`, not `nld` or `dutch`).

    Applies to the root `html` element of an HTML page when its `lang` is not empty (an empty
    or missing `lang` is reported by html-has-lang).

    Failed: the first subtag is not a registered language (`dutch`, `eng`, `en_GB`, `i-lux`,
    `x-private`), so no one can tell the language. Needs review: the language is recognised
    but the rest of the tag is malformed, unregistered or deprecated (`nl-NLD`, `en-UK`,
    `iw`); browsers then use the language alone, but the tag should be corrected.
    """

    id = "html-lang-valid"
    title = N_("Page language is a valid language tag")
    level = "A"
    wcag = ("3.1.1",)
    act = ("bf051a",)
    tags = ("language",)
    why = N_(
        "Assistive technology only switches to the right voice for a language tag it recognises."
    )
    fix = N_("Use a registered language code, with a hyphen before a region: nl, en, nl-BE.")

    def check(self, page: Page) -> Iterator[Result]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return
        lang = html.get("lang")
        if lang is None or not lang.strip():
            return
        verdict = bcp47.check(lang)
        if verdict.problem is None:
            return
        if verdict.known_primary:
            yield self.cant_tell(html, verdict.problem.message, **verdict.problem.args)
        else:
            yield self.fail(html, verdict.problem.message, **verdict.problem.args)
