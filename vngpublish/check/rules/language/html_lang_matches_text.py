"""html-lang-matches-text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.function_words import clearly_in
from vngpublish.check.facts.text_language import equivalents, identify
from vngpublish.check.facts.visibility import text_is_perceivable
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Text that is not in a human language, or not page content.
_NOT_PROSE = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "svg", "math"}
    | {"code", "pre", "kbd", "samp", "var"}
)
MIN_CHARS = 300  # below this, language identification is unreliable: inapplicable
SAMPLES = 4  # text is sampled at this many places spread over the page, to bound the cost
SAMPLE_CHARS = 250
FAIL_MIN_SAMPLES = 3  # failed needs text from this many places of the page
FAIL_MIN_CHARS = 600
WHOLE_SHARE = 0.9  # or failed needs this share of all the page's text in the samples
CONFIDENT = 0.99  # a sample is "clearly another language" at this probability
CERTAIN = 0.9999  # all samples together are in another language at this probability: failed
SUPPORTS = 0.2  # a sample supports the declared language at this probability
AGREES = 0.9  # all samples together agree with the declared language at this probability
QUICK_CHARS = 125  # the first check reads this much of each sample (the cost is per character)


class HtmlLangMatchesText(Rule):
    """Applies to HTML pages whose `html` element has a valid `lang` the language identifier
    (py3langid) knows, and whose text that takes its language from the `html` element (not
    inside an element with its own `lang`, not hidden, not code) is at least 300 characters:
    on short text the estimate is unreliable.

    Four samples of up to 250 characters, spread over the page, are identified (the start of
    each together first; all of it, and one by one, only when that does not clearly agree
    with the declared language). Passes when the text is mostly in the declared language;
    mixed text without a clear majority is not reported either.

    The start of each sample together is first read for function words: when it is plainly
    in the declared language (Dutch, English, German or French text of which at least 15
    percent of the words are such words of the language, of at least four kinds, with a
    third as many of any other of these languages at most and none of a close neighbour's,
    such as Frisian or Afrikaans for Dutch), the page passes without identification.

    Needs review when the declared language does not have the majority and at least half of
    the samples are clearly in one other language. Fails only when every sample is clearly in
    that language, all of them together are so with near certainty (99.99%), and they speak
    for the page: samples from at least three places (600 characters or more), or, on a
    small page, at least 90 percent of its text.
    """

    id = "html-lang-matches-text"
    title = N_("Page language matches the language of its text")
    level = "A"
    wcag = ("3.1.1",)
    act = ("ucwvc8",)
    tags = ("language",)
    why = N_(
        "When the page language is wrong, screen readers read the whole page with the wrong "
        "pronunciation: a Dutch newsletter built from an English template that keeps "
        'lang="en" is read with English pronunciation.'
    )
    fix = N_(
        "Set lang on the html element to the language most of the page is written in, and give "
        "passages in other languages their own lang."
    )
    messages = {
        "other-language": N_(
            'The page says lang="{lang}", but all of its text reads as "{detected}": set lang '
            "to the language the page is written in."
        ),
        "mostly-other-language": N_(
            'The page says lang="{lang}", but about {share} percent of its text reads as '
            '"{detected}": check which language the page is written in and set lang to it; mark '
            "passages in other languages with their own lang."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return []
        declared = bcp47.primary_language(html.get("lang") or "")
        if declared is None:
            return []
        if sum(map(len, _samples(page))) < MIN_CHARS:
            return []  # checked first: short pages never load the model
        if not equivalents(declared):
            return []  # the identifier does not know this language: nothing to compare
        return [html]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        html = targets[0]
        lang = html.get("lang") or ""
        declared = bcp47.primary_language(lang) or ""
        samples = _samples(page)
        same = equivalents(declared)
        start = " ".join(sample[:QUICK_CHARS] for sample in samples)
        if clearly_in(start, declared):
            return  # the usual case: plainly the declared language by its function words
        quick = identify(start, same)
        if quick.p_same >= AGREES:
            return  # decided with one short call
        overall = identify(" ".join(samples), same)
        if overall.p_same >= AGREES:
            return
        votes: Counter[str] = Counter()
        for sample in samples:
            estimate = identify(sample, same)
            if estimate.p_same >= SUPPORTS:
                votes[declared] += 1
            elif estimate.p_top >= CONFIDENT:
                votes[estimate.top] += 1
        if votes[declared] * 2 >= len(samples):
            return
        others = [(lang_, n) for lang_, n in votes.most_common() if lang_ != declared]
        if not others or others[0][1] * 2 < len(samples):
            return  # mixed or unclear text: no estimate worth showing
        detected, count = others[0]
        share = round(100 * count / len(samples))
        certain = overall.top == detected and overall.p_top >= CERTAIN
        sampled = sum(map(len, samples))
        enough = (len(samples) >= FAIL_MIN_SAMPLES and sampled >= FAIL_MIN_CHARS) or (
            sampled >= WHOLE_SHARE * _text_length(page)
        )
        if certain and enough and count == len(samples):
            yield self.fail(html, "other-language", lang=lang, detected=detected)
        else:
            yield self.cant_tell(
                html, "mostly-other-language", lang=lang, detected=detected, share=share
            )


@page_fact
def _samples(page: Page) -> list[str]:
    """Up to SAMPLES pieces of text, from places spread over the body, that take their
    language from the html element (not hidden, not code, not inside another lang).

    Only elements from each sample point on until the sample is full are visited (an element
    with a lang of its own, or code, is passed over with all that is in it), so the cost
    hardly grows with the page.
    """
    body = page.body
    if body is None:
        return []
    elements = page.elements
    first = elements.index(body)
    count = len(elements) - first
    starts = sorted({first + (i * count) // SAMPLES for i in range(SAMPLES)})
    ends = [*starts[1:], len(elements)]
    # Fewer sample points on a small page: each may then be longer.
    cap = SAMPLES * SAMPLE_CHARS // len(starts)
    empty, holders = _roots(page)
    samples: list[str] = []
    for start, end in zip(starts, ends, strict=True):
        parts: list[str] = []
        size = 0
        # A sample point inside an element with its own lang (or code) starts after it.
        outermost = None
        for ancestor in elements[start].iterancestors():
            if ancestor in holders:
                outermost = ancestor
        at = start if outermost is None else _after(elements, outermost, start)
        while at < end:
            el = elements[at]
            if el in holders:
                at = _after(elements, el, at)
                continue
            at += 1
            if el in empty:
                continue
            text = el.text
            texts = [text] if text and not text.isspace() else []
            if len(el):  # cheaper than looking for tails in an element without children
                texts += [tail for c in el if (tail := c.tail) and not tail.isspace()]
            if texts and text_is_perceivable(page, el):
                parts.extend(texts)
                size += sum(map(len, texts))
                if size >= cap:
                    break
        text = " ".join(" ".join(parts).split())
        if text:
            samples.append(text[:cap])
    return samples


def _after(elements: list[Element], el: Element, at: int) -> int:
    """The position in `elements` (document order) of the first element after `el` and all
    that is in it; `at` is at or before `el`'s position."""
    node: Element | None = el
    while node is not None:
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str):  # not a comment or processing instruction
                return elements.index(sibling, at)
        node = node.getparent()
    return len(elements)


def _roots(page: Page) -> tuple[set[Element], set[Element]]:
    """The elements whose text, and whose content's text, does not take its language from
    the html element (`_not_inheriting`'s roots): those without children, and the others."""
    empty: set[Element] = set()
    holders: set[Element] = set()
    for root in _root_list(page):
        (holders if len(root) else empty).add(root)
    return empty, holders


def _text_length(page: Page) -> int:
    """How many characters of text (whitespace collapsed) take their language from the html
    element: what `_samples` would read with no limit. Asked only before a failure."""
    body = page.body
    if body is None:
        return 0
    elsewhere = _not_inheriting(page)
    parts: list[str] = []
    for el in body.iter():
        if el in elsewhere or not isinstance(el.tag, str):
            continue
        texts = [el.text or "", *(c.tail or "" for c in el)]
        if any(not t.isspace() for t in texts if t) and text_is_perceivable(page, el):
            parts.extend(texts)
    return len(" ".join(" ".join(parts).split()))


def _not_inheriting(page: Page) -> set[Element]:
    """Elements whose text does not take its language from the html element: those in an
    element with a lang of its own, or in one whose text is not prose. Not all of those in
    the head, which is never sampled."""
    found: set[Element] = set()
    for root in _root_list(page):
        if root not in found:
            found.update(root.iter())
    return found


def _root_list(page: Page) -> list[Element]:
    """The elements with a lang of their own (but html) and those whose text is not prose;
    not the head or those right in it."""
    head = page.head
    roots = [el for el in page.with_attribute("lang") if el.get("lang") and el is not page.html]
    # Tag by tag: by_tag with several tags would go through all elements.
    roots += [el for tag in _NOT_PROSE for el in page.by_tag(tag)]
    return [root for root in roots if root is not head and root.getparent() is not head]
