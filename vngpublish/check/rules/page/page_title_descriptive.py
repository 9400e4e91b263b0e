"""page-title-descriptive."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapse, text_content
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.landmarks import landmark_role, landmarks
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.topic import content_words, has_no_words, is_placeholder, shares_word
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_NOT_PAGE_TITLE_CONTAINERS = frozenset({"svg", "math", "template"})
_TEXT_START = 400  # characters of the page's text compared with the title
_ENOUGH_WORDS = 5  # a page with fewer words of its own says too little to compare
# A mail merge field for the whole title ("*|MC:SUBJECT|*", "{{ subject }}", "%%subject%%").
_MERGE_TAG = re.compile(r"\*\|.*\|\*|\{\{.*\}\}|\{%.*%\}|%%.*%%|\[\[.*\]\]")


class PageTitleDescriptive(Rule):
    """Applies to the page title of an HTML page (the first `title` outside `svg`, `math` and
    `template`) when it has text.

    Whether a title describes the page is for a person to judge; the rule reports what the
    markup shows. Fails when the title has no word in it, only punctuation, or is a stand-in
    ("Untitled", "Naamloos document", "Nieuwe pagina", "index.html"). Needs review when the
    title shares no word with the page's level-one headings, its first heading, or the start
    of its main text (words match on their start): the question is whether the title says
    what the page is about. Titles that share a word with them are not reported, nor titles
    of pages with fewer than five words of their own to compare with, nor a
    title that is only a mail merge field ("*|MC:SUBJECT|*"), filled in when a message is
    sent.
    """

    id = "page-title-descriptive"
    title = N_("The page title describes the page")
    level = "A"
    wcag = ("2.4.2",)
    act = ("c4a8a4",)
    tags = ("page",)
    why = N_(
        "The title is the first thing a screen reader announces and what people see in tabs, "
        "bookmarks and search results; it has to say which page this is."
    )
    fix = N_(
        "Write a title that names the page's topic first and the site after it: "
        "“Raadsvergadering 12 maart – Gemeente Utrecht”."
    )
    messages = {
        "no-words": N_(
            "The page title “{title}” has no words, only punctuation: write what the page is about."
        ),
        "placeholder": N_(
            "The page title “{title}” is a stand-in text, not a description: write what the "
            "page is about."
        ),
        "check-topic": N_(
            "Does the page title “{title}” describe the page? It shares no word with the page's "
            "main heading or first text (“{text}”): check that it names the page's topic."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_html_document(page) or page.html.tag != "html":
            return []
        title = next((t for t in page.by_tag("title") if _is_page_title(t)), None)
        return [title] if title is not None and text_content(title).strip() else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        title = targets[0]
        text = collapse(text_content(title))
        if has_no_words(text):
            yield self.fail(title, "no-words", title=text)
            return
        if is_placeholder(text):
            yield self.fail(title, "placeholder", title=text)
            return
        if _MERGE_TAG.fullmatch(text):
            return  # filled in when the message is sent: nothing to judge yet
        words = content_words(text)
        if not words:
            return
        names = _heading_names(page)
        if shares_word(words, content_words(" ".join(names))):
            return  # the headings are part of what the title is compared with: it shares a word
        compared = collapse(" ".join([*names, _main_text_start(page)]))
        topic = content_words(compared)
        if len(topic) >= _ENOUGH_WORDS and not shares_word(words, topic):
            shown = compared if len(compared) <= 80 else compared[:79].rstrip() + "…"
            yield self.cant_tell(title, "check-topic", title=text, text=shown)


def _heading_names(page: Page) -> list[str]:
    """The names of the level-one headings and of the first heading (with the start of the
    main text, what a title is compared with)."""
    headings = outline(page)
    names = [accessible_name(page, h.element) for h in headings if h.level == 1]
    if headings:
        names.append(accessible_name(page, headings[0].element))
    return names


def _main_text_start(page: Page) -> str:
    """The start of the main landmark's text (of the body's, without one)."""
    main = next((el for el in landmarks(page) if landmark_role(page, el) == "main"), page.body)
    return _text_start(main) if main is not None else ""


def _text_start(el: Element) -> str:
    """The first `_TEXT_START` characters of the element's text, read no further."""
    pieces: list[str] = []
    size = 0
    for piece in el.itertext():
        pieces.append(piece)
        size += len(piece)
        if size >= 2 * _TEXT_START:
            break
    return collapse("".join(pieces))[:_TEXT_START]


def _is_page_title(title: Element) -> bool:
    return not any(a.tag in _NOT_PAGE_TITLE_CONTAINERS for a in title.iterancestors())
