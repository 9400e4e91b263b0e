"""element-lang-matches-text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template, is_html_document
from vngpublish.check.facts.fact import element_fact
from vngpublish.check.facts.function_words import clearly_in
from vngpublish.check.facts.passages import own_text
from vngpublish.check.facts.text_language import equivalents, identify_all, percent
from vngpublish.check.facts.visibility import text_is_perceivable
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

MIN_WORDS = 4  # fewer words are a name or a term, whose language cannot be estimated
READ_CHARS = 400
REVIEW = 0.95  # the other language's probability to ask a person
SAME_BELOW = 0.01  # ... when the declared language is at most this likely
CERTAIN = 0.9999  # the other language's probability to fail (with FAIL_CHARS or more)
FAIL_CHARS = 200
MAX_IDENTIFIED = 25  # elements identified per page at most
_WORD = re.compile(r"[^\W\d_]+")
_NO_LANGUAGE = frozenset({"zxx", "und", "mul", "mis"})


@element_fact
def _text(page: Page, el: Element) -> str:
    """The start of the element's own text: enough to identify, and to know whether it is
    long enough to fail (read once, for applicability and the expectation)."""
    return own_text(page, el, within_blocks=True, limit=max(READ_CHARS, FAIL_CHARS))


class ElementLangMatchesText(Rule):
    """Applies to elements other than `html` with a valid `lang` that the language
    identifier knows, whose own text (not in a descendant with another `lang`, not code,
    not hidden) has at least four words.

    Needs review when the text reads as another language with a probability of at least
    95 percent (and as the declared one with at most 1 percent), naming that language and the
    probability. Fails when that probability is at least 99.99 percent on 200 characters or
    more. Short text often reads as two languages at once ("Paul put dire comment on tape"
    is English and French), so it is never failed.

    Text that is plainly in the declared language by its function words passes without
    being identified: Dutch, English, German or French text of which at least 15 percent of
    the words are such words of the language, of at least four kinds, with a third as many of
    any other of these languages at most and none of a close neighbour's (Frisian or
    Afrikaans for Dutch).
    """

    id = "element-lang-matches-text"
    title = N_("The lang of an element matches the language of its text")
    level = "AA"
    wcag = ("3.1.2",)
    act = ("off6ek",)
    tags = ("language",)
    why = N_(
        "A screen reader reads the text with the pronunciation of the language its lang "
        "names: a Dutch quotation marked as French is read with French pronunciation."
    )
    fix = N_("Set the element's lang to the language its text is written in.")
    messages = {
        "other-language": N_(
            'The element says lang="{lang}", but its text is in "{detected}" ({percent} '
            'percent sure): set lang="{detected}".'
        ),
        "check-language": N_(
            'The element says lang="{lang}", but its text reads as "{detected}" ({percent} '
            "percent sure): check which language it is in and set lang to it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_html_document(page):
            return []
        found = []
        for el in page.with_attribute("lang"):
            if el is page.html or in_template(page, el):
                continue
            declared = bcp47.primary_language((el.get("lang") or "").strip())
            if declared is None or not text_is_perceivable(page, el):
                continue
            text = _text(page, el)
            if len(_WORD.findall(text)) >= MIN_WORDS and equivalents(declared):
                found.append(el)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        unclear = []  # plainly the declared language by its function words: not identified
        for el in targets[:MAX_IDENTIFIED]:
            value = (el.get("lang") or "").strip()
            declared = bcp47.primary_language(value) or ""
            text = _text(page, el)
            if not clearly_in(text[:READ_CHARS], declared):
                unclear.append((el, value, text, equivalents(declared)))
        estimates = identify_all([(text[:READ_CHARS], same) for _, _, text, same in unclear])
        for (el, value, text, _same), estimate in zip(unclear, estimates, strict=True):
            if (
                estimate.p_same > SAME_BELOW
                or estimate.p_top < REVIEW
                or estimate.top in _NO_LANGUAGE
            ):
                continue
            args = {"lang": value, "detected": estimate.top, "percent": percent(estimate.p_top)}
            if estimate.p_top >= CERTAIN and len(text) >= FAIL_CHARS:
                yield self.fail(el, "other-language", **args)
            else:
                yield self.cant_tell(el, "check-language", **args)
