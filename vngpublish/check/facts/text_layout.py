"""What can be known of how text is laid out without laying it out: lower bounds that hold for
any font, for rules that must be certain before they fail (a line height matters only for text
that wraps; text clipped by a box must need more room than the box has).

- `has_visible_text(page, el)`: `el` has a text node child with more than white space, and is
  rendered, visible and not moved or clipped out of sight (ACT's visible text node children);
- `min_text_width(page, el)`: the narrowest the text inside `el` can be on one line: every
  character at least 0.2em wide (the narrowest glyphs, `i` and `l`, are about 0.22em in common
  fonts), plus its letter spacing;
- `available_width(page, el, viewport)`: the widest `el`'s lines can be: the smallest `width`
  or `max-width` in pixels of it or a block ancestor, else the viewport;
- `wraps(page, el)`: True when the text inside `el` certainly wraps onto more than one line on
  the page's screen; False when it cannot (`white-space: nowrap` or `pre`); None when only a
  rendering could tell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from vngpublish.check.dom import collapse, text_content
from vngpublish.check.facts.style import cascade, computed_style
from vngpublish.check.facts.visibility import (
    computed_visibility,
    is_rendered,
    is_visually_hidden,
)

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page
    from vngpublish.check.style import ComputedStyle

NARROWEST_GLYPH_EM: Final = 0.2
"""A lower bound for the advance width of any glyph of running text, in em."""
_NO_WRAP: Final = frozenset({"nowrap", "pre"})
_INLINE: Final = frozenset({"inline", "contents", "ruby", "ruby-text"})


def has_visible_text(page: Page, el: Element) -> bool:
    """True when `el` has a text node child that is not only white space, and is shown."""
    if not ((el.text or "").strip() or any((child.tail or "").strip() for child in el)):
        return False
    if not is_rendered(page, el) or computed_visibility(page, el) != "visible":
        return False
    return not is_visually_hidden(page, el)


def min_text_width(page: Page, el: Element, style: ComputedStyle | None = None) -> float | None:
    """The narrowest the text inside `el` can be on one line, in pixels (None when its font
    size is unknown)."""
    style = style or computed_style(page, el)
    size = style.font_size_px
    if size is None:
        return None
    text = collapse(text_content(el))
    spacing = max(0.0, style.letter_spacing or 0.0)
    return len(text) * (NARROWEST_GLYPH_EM * size + spacing)


def available_width(page: Page, el: Element, viewport: float) -> float:
    """The widest a line of `el` can be: the smallest `width` or `max-width` in pixels set on
    it or a block-level ancestor, else the viewport's width."""
    widest = viewport
    node: Element | None = el
    while node is not None:
        style = computed_style(page, node)
        if style.display not in _INLINE:
            for value in (style.width, style.value("max-width")):
                if isinstance(value, float):
                    widest = min(widest, value)
        node = node.getparent()
    return widest


def wraps(page: Page, el: Element) -> bool | None:
    """True when the text inside `el` certainly wraps on the page's screen; False when white
    space does not wrap there; None when only a rendering could tell."""
    style = computed_style(page, el)
    if style.value("white-space") in _NO_WRAP:
        return False
    needed = min_text_width(page, el, style)
    if needed is None:
        return None
    screen = cascade(page).screen
    return True if needed > available_width(page, el, screen.width) else None
