"""language-of-parts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.function_words import looks_native
from vngpublish.check.facts.language import lang
from vngpublish.check.facts.passages import BLOCKS, MIN_CHARS, own_text, passage_blocks
from vngpublish.check.facts.text_language import equivalents, identify_all, percent
from vngpublish.check.facts.visibility import text_is_perceivable
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

MIN_WORDS = 12
READ_CHARS = 400  # only the start of a long passage is identified
MAX_PASSAGES = 150  # passages read per page at most, spread over it: the cost stays bounded
MAX_IDENTIFIED = 25  # passages identified per page at most: the cost stays bounded
REVIEW = 0.99  # the identifier's probability of the other language to ask a person
CERTAIN = 0.9999  # ... and to report it as failed (with at least FAIL_CHARS)
FAIL_CHARS = 200
SAME_BELOW = 0.001  # the declared language must be this unlikely
_NO_LANGUAGE = frozenset({"zxx", "und", "mul", "mis"})  # labels for text in no language


class LanguageOfParts(Rule):
    """Applies to the blocks of an HTML page that may be passages (paragraphs, list items,
    quotes, table cells, definitions, figure captions) with at least 100 characters and 12
    words of text under them, whose language (`lang` on them or an ancestor) is valid and
    known to the language identifier. On a long page, 150 blocks spread over it are read.

    A block's passage is its own text: not counting nested blocks, text in code, in elements
    with their own `lang`, web and e-mail addresses; with less than 100 characters and 12
    words it is a name, a term or a phrase, which WCAG does not ask to mark, and passes. Text
    is first tested cheaply: a passage whose first 200 characters have many function words
    of its declared language (for Dutch, English, German and French) is taken to be in it and
    passes. At most 25 of the others are identified (the first 400 characters of each). A
    passage that reads as another language with a probability of at least 99 percent (and as
    its own with less than 0.1 percent) needs review, naming the language and the
    probability; with at least 99.99 percent and 200 characters it fails.
    """

    id = "language-of-parts"
    title = N_("Passages in another language say so with lang")
    level = "AA"
    wcag = ("3.1.2",)
    tags = ("language",)
    why = N_(
        "A screen reader reads text with the pronunciation of its language: an English "
        "quotation in a Dutch newsletter, without its own lang, is read as if it were Dutch "
        "and is hard to understand."
    )
    fix = N_(
        "Give the element around the passage a lang attribute with its language, such as "
        '<blockquote lang="en">.'
    )
    messages = {
        "other-language": N_(
            'This passage is in "{detected}" ({percent} percent sure), but takes the language '
            '"{lang}" from its surroundings: give it lang="{detected}".'
        ),
        "check-language": N_(
            'This passage reads as "{detected}" ({percent} percent sure), but takes the '
            'language "{lang}" from its surroundings: check its language, and if it is '
            '"{detected}", give it lang="{detected}".'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_html_document(page):
            return []
        return [el for el, _whole, _declared in _blocks(page)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        passages = _foreign_candidates(page)
        estimates = identify_all([(text[:READ_CHARS], equivalents(d)) for _, text, d in passages])
        for (el, text, _declared), estimate in zip(passages, estimates, strict=True):
            if (
                estimate.p_same >= SAME_BELOW
                or estimate.p_top < REVIEW
                or estimate.top in _NO_LANGUAGE
            ):
                continue
            value = lang(page, el) or ""
            args = {"detected": estimate.top, "percent": percent(estimate.p_top), "lang": value}
            if estimate.p_top >= CERTAIN and len(text) >= FAIL_CHARS:
                yield self.fail(el, "other-language", **args)
            else:
                yield self.cant_tell(el, "check-language", **args)


def _foreign_candidates(page: Page) -> list[tuple[Element, str, str]]:
    """The passages to identify (at most `MAX_IDENTIFIED`, the first ones): those that the
    cheap tests do not show to be in their declared language, each with its own text and
    that language (identified together afterwards, which costs less than one by one)."""
    found: list[tuple[Element, str, str]] = []
    for el, whole, declared in _blocks(page):
        # All the text under the block first (lxml read it at once): for most blocks it is
        # their own text, and most is in the declared language.
        if looks_native(whole, declared):
            continue
        text = own_text(page, el, within_blocks=False)
        if len(text) < MIN_CHARS or text.count(" ") + 1 < MIN_WORDS:
            continue  # its own text, without nested blocks, is no passage
        if looks_native(text, declared) or not text_is_perceivable(page, el):
            continue
        if len(found) >= MAX_IDENTIFIED:
            break
        found.append((el, text, declared))
    return found


@page_fact
def _blocks(page: Page) -> list[tuple[Element, str, str]]:
    """The blocks that may be passages (at most `MAX_PASSAGES`, spread over the page) whose
    declared language the identifier knows, with all the text under them and that language."""
    found = []
    languages: dict[str, str | None] = {}  # lang value -> the identifier's label for it
    blocks = passage_blocks(page)
    if len(blocks) > MAX_PASSAGES:
        blocks = [blocks[i * len(blocks) // MAX_PASSAGES] for i in range(MAX_PASSAGES)]
    langs = _block_langs(page)
    for el, whole in blocks:
        value = (langs.get(el, langs[page.html]) if langs else lang(page, el)) or ""
        if value not in languages:
            primary = bcp47.primary_language(value)
            languages[value] = primary if primary is not None and equivalents(primary) else None
        declared = languages[value]
        if declared is not None and whole.count(" ") + 1 >= MIN_WORDS:
            found.append((el, whole, declared))
    return found


def _block_langs(page: Page) -> dict[Element, str | None]:
    """The language (`lang`) of the html element and of the passage blocks under another
    element with a `lang`, found from those elements down to the blocks in them (lxml finds
    them in C), not from each block up; every other block has the html element's. Elements
    with `lang` come in document order, so one inside another comes later and gives its own.
    Empty in XHTML, where `xml:lang` counts too: there the `lang` fact answers."""
    if page.is_xhtml:
        return {}
    found = {page.html: lang(page, page.html)}
    for holder in page.with_attribute("lang"):
        if holder is not page.html:
            value = lang(page, holder)
            for block in holder.iter(*BLOCKS):
                found[block] = value
    return found
