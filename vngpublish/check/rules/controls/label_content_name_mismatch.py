"""label-content-name-mismatch."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, text_content
from vngpublish.check.facts.aria_tables import NAME_FROM_CONTENT_ROLES, is_a
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.facts.visible_text import (
    uses_icon_font,
    visible_text,
    visible_text_nodes,
    visible_text_without_icons,
)
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_LIGATURE = re.compile(r"^[a-z0-9_]+$")


class LabelContentNameMismatch(Rule):
    """Applies to every element in the accessibility tree with a widget role whose name can
    come from its content (a link, a button, a checkbox, a tab, a menu item, an option, ...)
    that has visible text and is named with `aria-label` or `aria-labelledby`.

    Passes when the visible text is contained in the accessible name, word for word and in
    order, ignoring case, spaces, punctuation and symbols (“Lees meer” is in “Lees meer over
    de raadsvergadering”), or when each of its visible text nodes is. Text that stands for an
    icon is left out: a single character such as “×”, emoji, and the text of an element whose
    class names an icon. Fails when the visible text is not in the name, because speech input
    users say what they see. Needs review where a visible word ends in a full stop and the
    name has a longer word there (an abbreviation such as “Burg.” for “Burgemeester”), or
    where the page uses an icon font that may draw the text as a picture.
    """

    id = "label-content-name-mismatch"
    title = N_("The accessible name contains the visible label")
    level = "A"
    wcag = ("2.5.3",)
    act = ("2ee8b8",)
    axe = ("label-content-name-mismatch",)
    tags = ("names",)
    why = N_(
        "Speech input users activate a control by saying the text they see; if that text is "
        "not part of its accessible name, saying it does nothing."
    )
    fix = N_(
        "Start the aria-label with the visible text (“Lees meer over de raadsvergadering” for "
        "“Lees meer”), or remove aria-label so the visible text is the name."
    )
    messages = {
        "not-contained": N_(
            "The visible text “{text}” is not part of the accessible name “{name}”: speech "
            "input users who say “{text}” cannot activate it. Put the visible text in the name."
        ),
        "abbreviation": N_(
            "The visible text “{text}” has an abbreviation that the accessible name “{name}” "
            "writes out: check that speech input users can activate it by what they see."
        ),
        "icon-font": N_(
            "The visible text “{text}” is not part of the accessible name “{name}”, but the page "
            "uses an icon font: check whether the text is shown as an icon; if it is shown as "
            "text, put it in the name."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        labelled = page.with_attribute("aria-label")
        labelled_by = page.with_attribute("aria-labelledby")
        if labelled and labelled_by:
            # Not in document order (findings are sorted by position): a pass over every
            # element costs more than the rule on a large page.
            candidates = list(dict.fromkeys([*labelled, *labelled_by]))
        else:
            candidates = labelled or labelled_by
        # Text at all, first: whether any of it can be seen is asked only where it matters.
        return [
            el
            for el in candidates
            if _names_from_content(page, el)
            and not is_hidden(page, el)
            and _words(text_content(el))
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            name = accessible_name(page, el)
            named = _words(name)
            if _contained(_words(text_content(el)), named):
                # All of its text is in the name, and so is what of it can be seen.
                continue
            text = visible_text(page, el)
            if _contained(_words(text), named) or all(
                _contained(_words(node), named) for node in visible_text_nodes(page, el)
            ):
                continue
            lenient = _words(visible_text_without_icons(page, el))
            if not lenient or _contained(lenient, named) or _single_character(text):
                continue
            if _contained(lenient, named, abbreviations=_abbreviations(text)):
                yield self.cant_tell(el, "abbreviation", text=text, name=name)
            elif uses_icon_font(page) and _LIGATURE.match(text):
                yield self.cant_tell(el, "icon-font", text=text, name=name)
            else:
                yield self.fail(el, "not-contained", text=text, name=name)


def _names_from_content(page: Page, el: Element) -> bool:
    kind = role(page, el)
    return kind in NAME_FROM_CONTENT_ROLES and is_a(kind, "widget")


def _words(text: str) -> list[str]:
    """Lower-cased words with punctuation and symbols removed (“Next…” is “next”,
    “non-standard” is “nonstandard”)."""
    kept = []
    for char in text.casefold():
        category = unicodedata.category(char)
        if category[0] in "LNM":
            kept.append(char)
        elif category[0] == "Z" or char.isspace():
            kept.append(" ")
    return "".join(kept).split()


def _contained(
    visible: list[str], name: list[str], abbreviations: frozenset[str] = frozenset()
) -> bool:
    """Whether the words of `visible` occur in `name` one after the other; a word in
    `abbreviations` also matches a longer name word it begins."""
    size = len(visible)
    for start in range(len(name) - size + 1):
        if all(
            name[start + i] == word or (word in abbreviations and name[start + i].startswith(word))
            for i, word in enumerate(visible)
        ):
            return True
    return size == 0


def _abbreviations(text: str) -> frozenset[str]:
    """The words of `text` written with a full stop at their end (“Burg.”, “Ave.”)."""
    return frozenset(
        word for token in text.split() if token.endswith(".") for word in _words(token[:-1])[-1:]
    )


def _single_character(text: str) -> bool:
    """A visible text of one character: a symbol such as “×” or “X” for close."""
    return len("".join(text.split())) == 1
