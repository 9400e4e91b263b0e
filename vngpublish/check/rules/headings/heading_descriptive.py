"""heading-descriptive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.topic import (
    CONVENTIONAL_SECTIONS,
    SHORT_HEADING,
    SHORT_SECTION,
    content_words,
    has_no_words,
    is_placeholder_key,
    normalise,
    section_key,
    shares_word,
    text_after,
)
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_QUOTE = 80  # characters of the following text a message shows


class HeadingDescriptive(Rule):
    """Applies to every heading in the accessibility tree (an `h1`-`h6` or an element with
    `role="heading"`) with a non-empty accessible name.

    Whether a heading describes its section is for a person to judge; the rule reports what
    the markup shows. Fails when the name has no word in it, only punctuation ("***", "–"),
    or is a stand-in an editor left ("Kop 2", "Heading", "Untitled", "Lorem ipsum").
    Needs review when a short heading (one or two words that are not the most common ones) over
    a short section (less than 150 characters of text up to the next heading: a box, a message,
    a sentence or two) shares no word with it (words match on four letters in a row:
    "Woningcrisis" and "woningen", "raadsleden" and "gemeenteraad"): the question is whether the
    heading names the topic of that text. Not reported: a heading that shares a word with its
    text, one directly followed by another heading (a theme over its items), a heading whose
    text is one link (a card's title: what follows describes the page it links to), longer
    headings and sections (a chapter's first lines often do not repeat its title, and asking
    about every heading would bury the doubtful ones), and the usual names of parts of a
    document ("Inleiding", "2. Conformiteit", "Colofon", "References").
    """

    id = "heading-descriptive"
    title = N_("Headings describe the content they head")
    level = "AA"
    wcag = ("2.4.6",)
    act = ("b49b2e",)
    tags = ("headings",)
    why = N_(
        "People scan headings to find what they need, and screen reader users list them; a "
        "heading that does not say what follows sends them to the wrong place."
    )
    fix = N_("Write each heading so it says what the text after it is about.")
    messages = {
        "no-words": N_(
            "The heading “{name}” has no words, only punctuation: write what the section is "
            "about, or remove the heading if it is decoration."
        ),
        "placeholder": N_(
            "The heading “{name}” is a stand-in text, not a description: write what the "
            "section is about."
        ),
        "check-topic": N_(
            "Does the heading “{name}” describe the text after it (“{text}”)? They share no "
            "word: check that the heading names its topic, and reword it if not."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [h.element for h in outline(page) if accessible_name(page, h.element).strip()]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for heading in targets:
            name = " ".join(accessible_name(page, heading).split())
            if has_no_words(name):
                yield self.fail(heading, "no-words", name=name)
                continue
            normalised = normalise(name)
            if is_placeholder_key(normalised):
                yield self.fail(heading, "placeholder", name=name)
                continue
            key = section_key(normalised)
            words = content_words(key)
            if not words or len(words) > SHORT_HEADING or key in CONVENTIONAL_SECTIONS:
                continue
            if _only_a_link(heading):
                continue  # a card's title names the page it links to; metadata follows
            after = text_after(page, heading, limit=SHORT_SECTION)
            if len(after) >= SHORT_SECTION:
                continue  # a longer section: its first lines need not repeat its heading
            following = content_words(after)
            if following and not shares_word(words, following):
                yield self.cant_tell(heading, "check-topic", name=name, text=_short(after))


def _only_a_link(heading: Element) -> bool:
    """The heading's text is all in one link (the title of a card or a list entry)."""
    children = [child for child in heading if isinstance(child.tag, str)]
    return (
        len(children) == 1
        and children[0].tag == "a"
        and not (heading.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _short(text: str) -> str:
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1].rstrip() + "…"
