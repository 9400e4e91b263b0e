"""visual-reference."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapse
from vngpublish.check.facts.content_model import HEADING_TAGS
from vngpublish.check.facts.language import lang
from vngpublish.check.facts.visibility import text_is_perceivable
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Elements whose own text is checked: the blocks text is written in.
_TEXT_BLOCKS = (
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "figcaption",
    "caption",
    "label",
    "legend",
    "blockquote",
    "summary",
    *HEADING_TAGS,
)
_NESTED = frozenset(_TEXT_BLOCKS) | {"ul", "ol", "dl", "table", "div", "section", "article"}
_SKIP = frozenset({"script", "style", "template"})
_BLOCK_SET = frozenset(_TEXT_BLOCKS)

_UI_EN = (
    r"(?:buttons?|box(?:es)?|links?|icons?|arrows?|tabs?|bars?|panels?|menus?|columns?"
    r"|fields?|areas?|symbols?|shapes?)"
)
_UI_NL = (
    r"(?:knop(?:pen|je)?|vak(?:je)?|kader|link|pijl(?:tje)?|icoon(?:tje)?|pictogram|balk|tab"
    r"|menu|kolom|blok(?:je)?|venster|rondje|symbool)"
)
_COLOUR_EN = r"(?:red|green|blue|yellow|orange|purple|pink|grey|gray|black|white)"
_COLOUR_NL = r"(?:rode|groene|blauwe|gele|oranje|paarse|roze|grijze|zwarte|witte)"
_SHAPE_EN = r"(?:round|square|circular|triangular|rectangular|star-shaped)"
_SHAPE_NL = r"(?:ronde|vierkante|driehoekige|rechthoekige)"
_SIZE_EN = r"(?:big|large|small|little|tiny)"
_SIZE_NL = r"(?:grote|kleine)"

# Every word a pattern needs: text without any of them is not searched (a quick test first).
_TRIGGER_WORDS = (
    "right left red green blue yellow orange purple pink grey gray black white round square "
    "circular triangular rectangular big large small little tiny triangle circle star diamond "
    "rechts links hiernaast rode groene blauwe gele oranje paarse roze grijze zwarte witte "
    "ronde vierkante driehoekige rechthoekige grote kleine driehoekje rondje vierkantje "
    "sterretje bolletje"
)
_TRIGGERS = (
    frozenset(_TRIGGER_WORDS.split())
    | frozenset(
        side + place
        for side in ("rechter", "linker")
        for place in ("kant", "zijde", "kolom", "bovenhoek", "onderhoek", "hoek", "helft")
    )
    | frozenset(
        side + place
        for side in ("rechts", "links")
        for place in ("boven", "onder", "bovenaan", "onderaan", "bovenin", "onderin")
    )
)
# The trigger words as they stand between spaces, with punctuation before or after them: a
# text node's words are then found with str.split, much faster than a regular expression.
_AFTER = ",.;:!?)\"'“”‘’]»…"
_BEFORE = "(\"“‘'[«"
_TRIGGER_TOKENS = frozenset(
    before + word + after
    for word in _TRIGGERS
    for before in ("", *_BEFORE)
    for after in ("", *_AFTER)
)

_PATTERNS = {
    "en": re.compile(
        r"\b(?:"
        rf"(?:on|to|at|in) the (?:(?:top|bottom|upper|lower)[ -])?(?:right|left)(?:[ -]hand)?"
        rf"(?: (?:side|corner|column|panel|of (?:the|this) (?:page|screen)))?"
        rf"|(?:top|bottom)[ -](?:right|left) corner"
        rf"|{_COLOUR_EN} {_UI_EN}|{_SHAPE_EN} {_UI_EN}|{_SIZE_EN} {_COLOUR_EN}? ?{_UI_EN}"
        rf"|(?:triangle|circle|square|star|diamond) (?:menu|icon|button|symbol)"
        r")\b",
        re.IGNORECASE,
    ),
    "nl": re.compile(
        r"\b(?:"
        rf"(?:aan|op|in) de (?:rechter|linker)(?:kant|zijde|kolom|bovenhoek|onderhoek|hoek|helft)"
        rf"|(?:rechts|links)(?:boven|onder)(?:aan|in)?"
        r"|(?:zie |(?:de|het) (?:afbeelding|figuur|foto|tabel|kader|vak|knop|menu|schema) )"
        r"hiernaast"
        r"|hiernaast (?:ziet|staat|staan|vindt|vind|afgebeeld|weergegeven|getoond)"
        rf"|{_UI_NL} (?:rechts|links)(?: (?:boven|onder)(?:aan|in)?)?(?=[\s.,;:!?)]|$)"
        rf"|(?:rechts|links) (?:op|in|bovenaan|onderaan) (?:de|het) (?:pagina|scherm|beeld)"
        rf"|rechts van (?:de|het|dit|deze)"
        rf"|{_COLOUR_NL} {_UI_NL}|{_SHAPE_NL} {_UI_NL}|{_SIZE_NL} {_COLOUR_NL}? ?{_UI_NL}"
        rf"|(?:klik|druk|tik) op (?:het|de) (?:driehoekje|rondje|vierkantje|sterretje|bolletje)"
        r")\b",
        re.IGNORECASE,
    ),
}

# What the patterns need, as lowercase text: each phrase they match holds a word for a side
# (right, left, rechts, linker ..., hiernaast), a word for a thing on screen together with a
# colour, shape or size, or "klik op het driehoekje". A text without these is not searched:
# the patterns try every alternative at every character and are slow on long paragraphs.
_SIDE_WORDS = ("right", "left", "recht", "link", "hiernaast")
_THING_WORDS = (
    *("button", "box", "icon", "arrow", "tab", "bar", "panel", "menu", "column", "field"),
    *("area", "symbol", "shape", "knop", "vak", "kader", "pijl", "icoon", "pictogram", "balk"),
    *("kolom", "blok", "venster", "rondje", "symbool"),
)
_LOOK_WORDS = (
    *("red", "green", "blue", "yellow", "orange", "purple", "pink", "grey", "gray", "black"),
    *("white", "round", "square", "circular", "triangular", "rectangular", "star", "big"),
    *("large", "small", "little", "tiny", "triangle", "circle", "diamond", "rode", "groene"),
    *("blauwe", "gele", "oranje", "paarse", "roze", "grijze", "zwarte", "witte", "ronde"),
    *("vierkante", "driehoekige", "rechthoekige", "grote", "kleine"),
)
_CLICK_WORDS = ("driehoekje", "rondje", "vierkantje", "sterretje", "bolletje")
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The characters the patterns match as an ASCII letter (ignoring case) that `str.lower` does
not make one: İ, ı, ſ and the Kelvin sign."""


def _may_match(text: str) -> bool:
    """False when no pattern can match `text` (see `_SIDE_WORDS`)."""
    if not text.isascii() and any(char in text for char in _FOLDED_TO_ASCII):
        return True
    low = text.lower()
    return (
        any(word in low for word in _SIDE_WORDS)
        or (any(word in low for word in _THING_WORDS) and any(word in low for word in _LOOK_WORDS))
        or any(word in low for word in _CLICK_WORDS)
    )


class VisualReference(Rule):
    """Applies to text that is visible or in the accessibility tree, in the blocks text is
    written in (paragraphs, list items, table cells, labels, headings ...), when it refers to
    something by where it is on the screen, its colour, shape or size: "the red button", "see
    the box on the left", "de rode knop rechts", "de afbeelding hiernaast", "klik op het
    driehoekje" ("hiernaast" alone often means "besides", and is not counted). The phrases are
    listed for English and Dutch; the text's language (`lang`) chooses the list, and text in a
    language without a list is not checked.

    Needs review, never fails: a person checks whether the thing referred to is also
    identified in a way that does not depend on sight (its visible label, its name: "the
    button Verzenden, on the right"), or whether the words mean something else here.
    """

    id = "visual-reference"
    title = N_("Instructions do not rely on position, colour or shape alone")
    level = "A"
    wcag = ("1.3.3",)
    act = ("9bd38c",)
    tags = ("text", "heuristic")
    why = N_(
        "Someone who cannot see the page, or sees it rearranged on a phone, cannot find “the "
        "red button on the right”."
    )
    fix = N_(
        "Name what you refer to by its label or text as well: “click the button Verzenden "
        "(on the right)”, not only “the button on the right”."
    )
    messages = {
        "visual-only": N_(
            "This text refers to something by how it looks or where it is (“{phrase}”): "
            "check that it is also named in a way that does not depend on sight, such as "
            "its label, and add that if not."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        body = page.body
        if body is None:
            return []
        found = []
        for el in _blocks_with_trigger_words(body):
            text = _own_text(el)
            if not _may_match(text):
                continue
            pattern = _PATTERNS.get((lang(page, el) or "").split("-")[0].lower())
            if pattern is not None and pattern.search(text) and text_is_perceivable(page, el):
                found.append(el)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            pattern = _PATTERNS[(lang(page, el) or "").split("-")[0].lower()]
            match = pattern.search(_own_text(el))
            if match:
                yield self.cant_tell(el, "visual-only", phrase=match.group(0))


def _blocks_with_trigger_words(body: Element) -> list[Element]:
    """The text blocks with a word some pattern needs: found from the text nodes (each
    element's text and tail, read going down the page; the page's elements are already at
    hand, which is cheaper than asking XPath for text nodes that know their parent), so the
    text of most blocks is never put together."""
    blocks: dict[Element, None] = {}
    no_trigger = _TRIGGER_TOKENS.isdisjoint
    for el in body.iter():
        # Most text and tails are white space between tags, or hold no trigger word.
        text = el.text
        has_trigger = text and not text.isspace() and not no_trigger(text.lower().split())
        if has_trigger and isinstance(el.tag, str):  # not the text of a comment
            _add_holder(blocks, el)
        tail = el.tail
        has_trigger = tail and not tail.isspace() and not no_trigger(tail.lower().split())
        if has_trigger and el is not body:
            _add_holder(blocks, el.getparent())
    return list(blocks)


def _add_holder(blocks: dict[Element, None], el: Element | None) -> None:
    """Add the text block `el` is, or is in."""
    while el is not None and el.tag not in _BLOCK_SET:
        el = el.getparent()
    if el is not None:
        blocks[el] = None


def _own_text(el: Element) -> str:
    """The element's text without the text of blocks nested in it (they are checked on their
    own), and without scripts and styles."""
    parts = [el.text or ""]
    stack: list[Element | str] = _children_and_tails(el)
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item.tag, str) and item.tag not in _NESTED and item.tag not in _SKIP:
            parts.append(item.text or "")
            stack += _children_and_tails(item)
    return collapse("".join(parts))


def _children_and_tails(el: Element) -> list[Element | str]:
    """`el`'s children, each followed by its tail, in reverse (to be popped in order)."""
    items: list[Element | str] = []
    for child in el:
        items += [child, child.tail or ""]
    items.reverse()
    return items
