"""text-clipped-when-zoomed."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from typing import Final

from vngpublish.check.dom import Element
from vngpublish.check.facts.style import cascade, cascade_for
from vngpublish.check.facts.text_layout import NARROWEST_GLYPH_EM
from vngpublish.check.facts.visibility import hides_visually
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.style import Cascade, ComputedStyle, Screen
from vngpublish.check.style.triggers import Wanted
from vngpublish.i18n import N_

Cut = tuple[str, float, float]
"""How text is cut off: "vertically" or "horizontally", the pixels it needs, the box's."""
_CLIPS: Final = frozenset({"hidden", "clip"})
_HIDES_OVERFLOW: Final = Wanted(
    re.compile(r"(?<![\w-])overflow(?:-x|-y)?\s*:\s*(?:hidden|clip|var\()", re.IGNORECASE),
    ("overflow",),
)
_SCROLLS: Final = frozenset({"auto", "scroll"})
_NO_WRAP: Final = frozenset({"nowrap", "pre"})
_INLINE: Final = frozenset({"inline", "contents"})


class TextClippedWhenZoomed(Rule):
    """Applies to visible text (a text node child of an element, not under
    `aria-hidden="true"`, not hidden by the screen-reader-only pattern) with an ancestor whose
    `overflow` is `hidden` or `clip`, on the page's screen zoomed to 200% (half its width and
    height: 640x400 CSS pixels for the default 1280x800). A scrolling box in between keeps the
    text reachable and ends the search.

    Fails when the text certainly does not fit in a clipping box of fixed size: a box with a
    height in absolute units lower than one line of the text (and no line height that shows
    exactly one line), or lower than the lines forced by `<br>`; or text that may not wrap,
    in a box of fixed width with `text-overflow: clip`, wider than the box even in the
    narrowest font. Boxes that grow with their content pass. Otherwise, when a fixed size could
    cut the text off, the result is for review.
    """

    id = "text-clipped-when-zoomed"
    title = N_("Text is not cut off when zoomed to 200%")
    level = "AA"
    wcag = ("1.4.4",)
    act = ("59br37",)
    tags = ("text", "zoom")
    why = N_(
        "People with low vision zoom in to read; text in a box of fixed size with its "
        "overflow hidden is cut off and cannot be read at all."
    )
    fix = N_(
        "Let boxes with text grow with their content (min-height instead of height), or let "
        "them scroll (overflow: auto) instead of hiding what does not fit."
    )
    messages = {
        "cut-off": N_(
            "At 200% zoom this text needs at least {needed}px {direction} but the box that "
            "hides its overflow is {size}px: part of it is cut off. Let the box grow or scroll."
        ),
        "check-clipped": N_(
            "This text is in a box of fixed size that hides its overflow: zoom the page to 200% "
            "and check that none of the text is cut off."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        zoomed = _zoomed(page)
        if zoomed is None:
            return []
        hiding = zoomed.triggers(_HIDES_OVERFLOW)
        boxes = [
            el
            for el in page.elements
            if hiding.reach(el) and any(axis in _CLIPS for axis in _axes(zoomed.computed(el)))
        ]
        inside: dict[Element, None] = {}
        for box in boxes:
            if box not in inside:
                inside.update((node, None) for node in box.iter() if isinstance(node.tag, str))
        return [el for el in page.elements if el in inside and _clipping_boxes(zoomed, el)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        zoomed = _zoomed(page)
        if zoomed is None:
            return
        for el in targets:
            verdict: Cut | None = None
            risky = False
            for box in _clipping_boxes(zoomed, el):
                found = _cut_off(zoomed, el, box)
                if isinstance(found, tuple):
                    verdict = found
                    break
                risky = risky or found == "risk"
            if verdict is not None:
                direction, needed, size = verdict
                yield self.fail(
                    el, "cut-off", direction=direction, needed=f"{needed:g}", size=f"{size:g}"
                )
            elif risky:
                yield self.cant_tell(el, "check-clipped")


def _zoomed(page: Page) -> Cascade | None:
    """The page's cascade at 200% zoom, or None when no author CSS hides overflow."""
    here = cascade(page)
    if not (
        here.mentions("overflow")
        or any("overflow" in (el.get("style") or "").lower() for el in page.with_attribute("style"))
    ):
        return None
    screen = here.screen
    return cascade_for(
        page,
        Screen(
            width=screen.width / 2,
            height=screen.height / 2,
            media_type=screen.media_type,
            prefers_color_scheme=screen.prefers_color_scheme,
            resolution=screen.resolution * 2,
            font_size=screen.font_size,
        ),
    )


def _clipping_boxes(zoomed: Cascade, el: Element) -> list[Element]:
    """The ancestors (and `el`) that hide overflow around `el`'s own visible text, nearest
    first, up to the first scrolling box; none when the text is not visible."""
    if not ((el.text or "").strip() or any((c.tail or "").strip() for c in el)):
        return []
    boxes: list[Element] = []
    node: Element | None = el
    scrolled = False
    while node is not None:
        if (node.get("aria-hidden") or "").strip().lower() == "true":
            return []
        style = zoomed.computed(node)
        if style.display == "none" or hides_visually(style):
            return []
        if node is el and style.visibility != "visible":
            return []
        if not scrolled:
            axes = _axes(style)
            if any(axis in _CLIPS for axis in axes):
                boxes.append(node)
            if any(axis in _SCROLLS for axis in axes):
                scrolled = True
        node = node.getparent()
    return boxes


def _axes(style: ComputedStyle) -> tuple[str, str]:
    return style.overflow_x, style.overflow_y


def _cut_off(zoomed: Cascade, el: Element, box: Element) -> Cut | str | None:
    """How the text is cut off (see `Cut`) when the text of `el` certainly
    does not fit in `box`; "risk" when a fixed size may cut it off; None when it fits."""
    text = zoomed.computed(el)
    frame = zoomed.computed(box)
    size = text.font_size_px
    if size is None:
        return "risk"
    breaks = sum(1 for child in el.iter("br"))
    vertical = _vertical(text, frame, size, breaks, el)
    if vertical is not None:
        return vertical
    return _horizontal(text, frame, size, breaks, el)


def _vertical(
    text: ComputedStyle, frame: ComputedStyle, size: float, breaks: int, el: Element
) -> Cut | str | None:
    if frame.overflow_y not in _CLIPS:
        return None
    height = _fixed(frame.height, frame.value("max-height"))
    if height is None:
        return None
    room = height + _padding(frame, "top", "bottom")
    line = frame.line_height_px
    if line is not None and line >= height and size <= room:
        return None  # a box one line high, showing exactly one line
    own_line = text.line_height_px or size  # `normal` is at least the font size
    lines = breaks + 1
    if text.value("white-space") not in _NO_WRAP:
        width = _fixed(frame.width, frame.value("max-width"))
        if width is not None and width > 0:
            lines = max(lines, math.ceil(_narrowest(text, size, el) / width))
    needed = max(size, lines * own_line)
    if needed > room + 0.5:
        return ("vertically", round(needed, 1), round(room, 1))
    return "risk"


def _horizontal(
    text: ComputedStyle, frame: ComputedStyle, size: float, breaks: int, el: Element
) -> Cut | str | None:
    if frame.overflow_x not in _CLIPS or text.value("white-space") not in _NO_WRAP:
        return None
    if frame.value("text-overflow") != "clip":
        return None  # an ellipsis shows that text was cut
    width = _fixed(frame.width, frame.value("max-width"))
    if width is None or frame.display in _INLINE:
        return "risk"
    room = width + _padding(frame, "left", "right")
    needed = _narrowest(text, size, el) / (breaks + 1)
    if needed > room + 0.5:
        return ("horizontally", round(needed, 1), round(room, 1))
    return "risk"


def _fixed(size: float | str, maximum: float | str) -> float | None:
    """The fixed size in pixels a box gets from its size and maximum, if any."""
    values = [value for value in (size, maximum) if isinstance(value, float)]
    return min(values) if values else None


def _padding(frame: ComputedStyle, first: str, second: str) -> float:
    if frame.value("box-sizing") == "border-box":
        return 0.0  # the size includes the padding
    total = 0.0
    for side in (first, second):
        value = frame.value(f"padding-{side}")
        if not isinstance(value, float):
            return math.inf  # a percentage: the room is not known
        total += value
    return total


def _narrowest(text: ComputedStyle, size: float, el: Element) -> float:
    """The narrowest the text of `el` can be on one line (every glyph at least 0.2em)."""
    characters = len(" ".join(" ".join(t.split()) for t in el.itertext()).strip())
    spacing = max(0.0, text.letter_spacing or 0.0)
    return characters * (NARROWEST_GLYPH_EM * size + spacing)
