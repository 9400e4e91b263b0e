"""The visible text of an element, as a sighted user reads it: its text nodes that are rendered
and not hidden from sight (text hidden only from assistive technology with `aria-hidden` is
still seen), joined the way they are laid out (block-level boxes and `br` separate words).
Text in an element with a screen-reader-only class (`sr-only`, `visually-hidden`, ...) counts
as hidden from sight, whether or not the page's own CSS defines the class.

Also whether the page may draw text as icons with an icon font, where text such as "search"
is shown as a magnifying glass.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vngpublish.check.dom import collapse, text_content
from vngpublish.check.facts.content_model import BLOCK_LEVEL
from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.facts.style import computed_style, may_display
from vngpublish.check.facts.visibility import computed_visibility, is_rendered, is_visually_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@element_fact
def visible_text(page: Page, el: Element) -> str:
    """The text of `el` that can be seen, whitespace-collapsed."""
    return collapse("".join(text for text, _ in _pieces(page, el, skip_icons=False)))


def visible_text_nodes(page: Page, el: Element) -> list[str]:
    """The text nodes of `el` that can be seen and hold more than white space, each
    whitespace-collapsed, in order."""
    return [
        collapse(text)
        for text, node in _pieces(page, el, skip_icons=False)
        if node and text.strip()
    ]


def visible_text_without_icons(page: Page, el: Element) -> str:
    """`visible_text`, without the text of elements whose class names an icon (see
    `in_icon_element`): text that an icon font may draw as a picture."""
    return collapse("".join(text for text, _ in _pieces(page, el, skip_icons=True)))


# A text node is a (text, True) piece; the space a box edge or a line break puts between
# words is a (" ", False) piece.
_Piece = tuple[str, bool]
_SPACE: _Piece = (" ", False)
_NOTHING: _Piece = ("", False)


def _pieces(page: Page, el: Element, *, skip_icons: bool) -> list[_Piece]:
    # An explicit stack (content can nest deeper than Python's recursion allows) of elements
    # still to lay out and pieces already laid out, in reverse order.
    pieces: list[_Piece] = []
    stack: list[Element | _Piece] = [el]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            pieces.append(item)
            continue
        if item.tag == "br":
            pieces.append(_SPACE)
            continue
        if not is_rendered(page, item):
            continue
        if _VISUALLY_HIDDEN_CLASS.search(item.get("class") or ""):
            continue  # the screen-reader-only pattern, perhaps from a stylesheet not read
        if skip_icons and _ICON_CLASS.search(item.get("class") or ""):
            continue
        shown = _text_shown(page, item)
        edge = _SPACE if _separates(page, item) else _NOTHING
        sequence: list[Element | _Piece] = [edge]
        if shown and item.text:
            sequence.append((item.text, True))
        for child in item:
            if isinstance(child.tag, str):
                sequence.append(child)
            if shown and child.tail:
                sequence.append((child.tail, True))
        sequence.append(edge)
        stack.extend(reversed(sequence))
    return pieces


def _text_shown(page: Page, el: Element | None) -> bool:
    return (
        el is not None
        and is_rendered(page, el)
        and computed_visibility(page, el) == "visible"
        and not is_visually_hidden(page, el)
    )


def _separates(page: Page, el: Element) -> bool:
    if not may_display(page, el):
        return el.tag in BLOCK_LEVEL
    return computed_style(page, el).display not in ("inline", "contents", "none")


# Class names of the screen-reader-only utility in common frameworks (Bootstrap, WordPress,
# Drupal, Tailwind, the Dutch NL Design System...): text in them is hidden from sight even
# where the stylesheet that says so is linked, not in the page.
_VISUALLY_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader-only|"
    r"element-invisible|a11y-hidden|hidden-visually|u-hidden-visually|offscreen|"
    r"utrecht-visually-hidden|nl-visually-hidden|rvo-visually-hidden|show-for-sr|"
    r"assistive-text|hide-text)(?:\s|$)",
    re.IGNORECASE,
)


# ------------------------------------------------------------------ icon fonts
_ICON_FONT = re.compile(
    r"material[ -]?(?:icons|symbols)|font[ -]?awesome|glyphicon|icomoon|ionicons|remixicon|"
    r"bootstrap-icons|fonts\.googleapis\.com/icon|icon[ -]?font|\bicons?['\"]",
    re.IGNORECASE,
)
_ICON_CLASS = re.compile(
    r"(?:^|\s)(?:material-icons[\w-]*|material-symbols[\w-]*|fa[srlbdk]?|fa-[\w-]+|"
    r"glyphicon[\w-]*|bi-[\w-]+|icon[\w-]*|[\w-]+-icon|mdi[\w-]*|ti-[\w-]+)(?:\s|$)",
    re.IGNORECASE,
)


@page_fact
def uses_icon_font(page: Page) -> bool:
    """True when the page's own styles or linked stylesheets name an icon font (Material
    Icons, Font Awesome, ...): then a word of text may be drawn as an icon."""
    for style in page.by_tag("style"):
        if _ICON_FONT.search(text_content(style)):
            return True
    return any(_ICON_FONT.search(link.get("href") or "") for link in page.by_tag("link"))


def in_icon_element(el: Element, root: Element) -> bool:
    """True when `el`, or an ancestor up to `root`, has a class that names an icon
    (`material-icons`, `fa-…`, `icon-…`, ...): its text may be drawn as an icon."""
    node: Element | None = el
    while node is not None:
        if _ICON_CLASS.search(node.get("class") or ""):
            return True
        if node is root:
            return False
        node = node.getparent()
    return False
