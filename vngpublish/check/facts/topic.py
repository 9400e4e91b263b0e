"""Whether a short text (a heading, a page title) is about the text it names, as far as the
words show: what the descriptive-heading and descriptive-title rules ask.

Only a person can tell whether a heading describes its section. What markup can tell is
narrower: a text that is only punctuation, or a placeholder an editor left ("Untitled",
"Naamloos document", "Kop 2"), describes nothing; a heading that shares a word with the text
it heads very likely names its topic; one that shares none may not, and is worth a look.
Words match on four letters in a row, so Dutch compounds and English inflections meet:
"Woningcrisis" and "woningen", "raadsleden" and "gemeenteraad", "Opening" and "open".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from vngpublish.check.facts.content_model import BLOCK_LEVEL, HEADING_TAGS
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.headings import outline

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


def _words(text: str) -> frozenset[str]:
    """The words of a list written as text, one or more a line."""
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_]{3,}|\d{2,}")
_STOPWORDS = _words(
    """
    and are but for from has have its not our the this that these those was were with
    you your all can will into about over what when where which who how why more most
    also een het van voor met aan die dat dit deze zijn niet maar ook als bij naar over
    door uit wat wie hoe waar wanneer onze ons jouw uw zij hun wordt worden kan kunnen
    meer
    """
)
_NOT_TEXT = frozenset({"script", "style", "template"})
_PIECE = 4
_ENDINGS = frozenset(
    {
        "heid",
        "atie",
        "ties",
        "ling",
        "lijk",
        "isch",
        "ende",
        "erde",
        "eren",
        "tion",
        "ment",
        "ness",
        "ings",
        "able",
        "ible",
        "ally",
        "ions",
        "ance",
        "ence",
        "ding",
        "tten",
        "tter",
    }
)
"""Runs of letters that end many words, so meet by chance."""
TEXT_AFTER_LIMIT = 600
SHORT_SECTION = 150
"""A section with less text than this is short: one message, one box, a sentence or two."""
SHORT_HEADING = 2
"""A heading of at most this many words (not counting the most common ones) is a label."""
"""Characters of the text after a heading that are compared with it."""

PLACEHOLDERS = frozenset(
    {
        "untitled",
        "untitled document",
        "untitled page",
        "new page",
        "new document",
        "document",
        "page",
        "title",
        "page title",
        "heading",
        "header",
        "text",
        "lorem ipsum",
        "naamloos",
        "naamloos document",
        "document zonder titel",
        "nieuwe pagina",
        "nieuw document",
        "pagina",
        "titel",
        "paginatitel",
        "kop",
        "kopje",
        "koptekst",
        "tekst",
        "insert title here",
        "titel hier",
        "kop hier",
        "heading here",
        "title here",
    }
)
"""Texts an editor or a template leaves as a stand-in (compared after `normalise`)."""
CONVENTIONAL_SECTIONS = _words(
    """
    inleiding introductie introduction samenvatting summary abstract inhoud
    inhoudsopgave contents colofon colophon conformiteit conformance referenties
    references bijlage bijlagen appendix appendices noot note notes opmerking
    opmerkingen voorbeeld voorbeelden example examples achtergrond background leeswijzer
    contact disclaimer privacy nieuws news agenda links downloads documentbeheer
    versiebeheer wijzigingen changes changelog dankwoord acknowledgements begrippen
    definities definitions glossary terminologie index sources bronnen conclusie
    conclusion conclusions aanbevelingen recommendations scope doel purpose rationale
    details overzicht overview faq toelichting afkortingen contributors authors auteurs
    bijdragers editors redactie status verantwoording
    """
) | frozenset(
    {
        "over ons",
        "about us",
        "table of contents",
        "normatieve referenties",
        "informatieve referenties",
        "normative references",
        "informative references",
        "status van dit document",
        "status of this document",
        "woord van dank",
        "lijst met figuren",
        "list of figures",
        "veelgestelde vragen",
        "opbouw van dit document",
        "hoe dit document te lezen",
        "document structure",
    }
)
"""Names of the usual parts of a document: they describe a section by its role, whatever
its words (compared after `section_name`)."""
_SECTION_NUMBER = re.compile(r"^(?:[a-z]|\d+)(?:\.\d+)*\.?\s+")
_PERMALINK = re.compile(r"\s*(?:§|permalink for .*)$")
_NUMBERED_PLACEHOLDER = re.compile(r"(heading|kop|header|title|titel|kopje)\s*\d")
_FILE_ENDINGS = ("htm", "html", "php", "asp", "aspx", "jsp", "doc", "docx", "pdf", "odt")
_FILE_NAME = re.compile(r"[\w.-]+\.(html?|php|aspx?|jsp|docx?|pdf|odt)", re.IGNORECASE)


def normalise(text: str) -> str:
    """`text` casefolded, with spaces collapsed and surrounding punctuation removed."""
    return " ".join(text.casefold().split()).strip(" .:;,!?-–—_*#|/\\()[]{}\"'“”‘’«»")


def is_placeholder(text: str) -> bool:
    """True for a stand-in text: "Untitled", "Naamloos document", "Kop 2", "Lorem ipsum
    dolor", a file name ("index.html")."""
    return is_placeholder_key(normalise(text))


def is_placeholder_key(key: str) -> bool:
    """`is_placeholder` for a text already normalised (`normalise`)."""
    if key in PLACEHOLDERS or (key.endswith(_FILE_ENDINGS) and _FILE_NAME.fullmatch(key)):
        return True
    return bool(_NUMBERED_PLACEHOLDER.fullmatch(key)) or key.startswith("lorem ipsum")


def section_name(text: str) -> str:
    """`text` normalised, without a section number ("2.4", "A.1") before it or a permalink
    sign ("§", "Permalink for Section 2") after it."""
    return section_key(normalise(text))


def section_key(key: str) -> str:
    """`section_name` for a text already normalised (`normalise`, which gives the same text
    again when asked twice)."""
    if "§" in key or "permalink for " in key:  # what `_PERMALINK` needs, searched for first
        return normalise(_SECTION_NUMBER.sub("", _PERMALINK.sub("", key)))
    number = _SECTION_NUMBER.match(key)
    return normalise(key[number.end() :]) if number else key


def has_no_words(text: str) -> bool:
    """True for a text without a letter, digit or symbol: only punctuation and spaces."""
    stripped = text.strip()
    if not stripped or stripped[0].isalnum():
        return False  # a letter or digit (Unicode L or N) is never punctuation, space or control
    return all(unicodedata.category(char)[0] in "PZC" for char in text if not char.isspace())


def content_words(text: str) -> set[str]:
    """The words of `text` that can carry its topic: casefolded, three letters or more, not
    the most common words of English and Dutch."""
    return set(_WORD.findall(text.casefold())) - _STOPWORDS


def shares_word(first: set[str], second: set[str]) -> bool:
    """True when a word of `first` and a word of `second` meet: the same word, or four
    letters in a row in common that are not a usual ending ("raadsleden" and
    "gemeenteraad" meet in "raad", "Opening" and "open" in "open")."""
    if first & second:
        return True
    pieces = {piece for word in second for piece in _pieces(word)}
    return any(piece in pieces for word in first for piece in _pieces(word))


def _pieces(word: str) -> set[str]:
    """The word's runs of four letters, less usual endings."""
    return {word[i : i + _PIECE] for i in range(len(word) - _PIECE + 1)} - _ENDINGS


@page_fact
def _heading_set(page: Page) -> frozenset[Element]:
    return frozenset(h.element for h in outline(page))


def text_after(page: Page, heading: Element, limit: int = TEXT_AFTER_LIMIT) -> str:
    """The text that follows `heading` in document order, up to the next heading (any level,
    in the accessibility tree or an `h1`-`h6`), or until it has more than `limit` characters
    (whitespace collapsed), read no further."""
    stops = _heading_set(page)
    parts: list[str] = [heading.tail or ""]
    size = _visible_size(parts[0])
    node: Element | None = heading
    while node is not None and size < limit:
        for sibling in node.itersiblings():
            for piece in _text_pieces(sibling, stops):
                if piece is None:
                    return _joined(parts)
                parts.append(piece)
                size += _visible_size(piece)
                if size > limit:
                    text = _joined(parts)  # the estimate counts some spaces twice
                    if len(text) > limit:
                        return text
                    size = len(text)
        node = node.getparent()
        if node is None or node.tag == "body":
            break
        parts.append(node.tail or "")
        size += _visible_size(parts[-1])
    return _joined(parts)


def _visible_size(piece: str) -> int:
    """How many characters `piece` adds once whitespace is collapsed (about)."""
    return len(" ".join(piece.split())) + (1 if piece[:1].isspace() else 0)


def _text_pieces(el: Element, stops: frozenset[Element]) -> Iterator[str | None]:
    """The text of `el` and its tail in document order; None where a heading starts."""
    if not isinstance(el.tag, str):
        yield el.tail or ""  # a comment or processing instruction: only its tail is text
        return
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            if event == "end" and node is not el:
                yield node.tail or ""  # a comment's tail is text
            continue
        if event == "start":
            if node in stops or node.tag in HEADING_TAGS:
                yield None
                return
            if node.tag in _NOT_TEXT:
                continue
            yield node.text or ""
        else:
            gap = " " if node.tag in BLOCK_LEVEL or node.tag == "br" else ""
            yield gap + (node.tail or "")


def _joined(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


__all__ = [
    "CONVENTIONAL_SECTIONS",
    "PLACEHOLDERS",
    "SHORT_HEADING",
    "SHORT_SECTION",
    "content_words",
    "has_no_words",
    "is_placeholder",
    "is_placeholder_key",
    "normalise",
    "section_key",
    "section_name",
    "shares_word",
    "text_after",
]
