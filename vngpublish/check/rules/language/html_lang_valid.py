"""html-lang-valid."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class HtmlLangValid(Rule):
    """Applies to the root `html` element of an HTML page when its `lang` is not empty (an
    empty or missing `lang` is reported by html-has-lang).

    The tag must start with a language subtag from the IANA Language Subtag Registry (`nl`,
    `en`, `fy`), written as BCP 47 says (`nl-BE`, not `nl_BE`; `nl`, not `nld` or `dutch`).
    Fails when the first subtag is not a registered language (`dutch`, `eng`, `en_GB`,
    `i-lux`, `x-private`), so no one can tell the language. Needs review when the language is
    recognised but the rest of the tag is malformed, unregistered or deprecated (`nl-NLD`,
    `en-UK`, `iw`): browsers then use the language alone, but the tag should be corrected.
    Passes when the tag is valid and current.
    """

    id = "html-lang-valid"
    title = N_("Page language is a valid language tag")
    level = "A"
    wcag = ("3.1.1",)
    act = ("bf051a",)
    axe = ("html-lang-valid",)
    tags = ("language",)
    why = N_(
        "Assistive technology only switches to the right voice for a language tag it recognises."
    )
    fix = N_("Use a registered language code, with a hyphen before a region: nl, en, nl-BE.")
    # An empty lang, or one of only spaces, is html-has-lang's to report.
    messages = {k: v for k, v in bcp47.MESSAGES.items() if k not in ("empty", "spaces-only")}

    def applicable(self, page: Page) -> Sequence[Element]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return []
        lang = html.get("lang")
        return [html] if lang is not None and lang.strip() else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        html = targets[0]
        verdict = bcp47.check(html.get("lang") or "")
        if verdict.problem is None:
            return
        if verdict.known_primary:
            yield self.cant_tell(html, verdict.problem.kind, **verdict.problem.args)
        else:
            yield self.fail(html, verdict.problem.kind, **verdict.problem.args)
