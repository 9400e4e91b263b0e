"""important-line-height."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.style import computed_style, important_in_style_attribute
from vngpublish.check.facts.text_layout import has_visible_text, wraps
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_FACTOR = 1.5


class ImportantLineHeight(Rule):
    """Applies to an element with visible text of its own whose `line-height` is set in its
    `style` attribute with `!important`, and wins the cascade with it (`inherit` and `unset`
    set no value of their own), when its text wraps onto more than one line.

    Passes when the line height is at least 1.5 times the computed font size. Fails when it is
    less (`normal` is about 1.2 in common fonts) and the text certainly wraps: no font is
    narrow enough to fit it on one line in the width it has. When the text may fit on one line
    (only a rendering could tell), the result is for review.
    """

    id = "important-line-height"
    title = N_("Line height set with !important in a style attribute is wide enough")
    level = "AA"
    wcag = ("1.4.12",)
    act = ("78fd32",)
    axe = ("avoid-inline-spacing",)
    tags = ("text",)
    why = N_(
        "People with dyslexia or low vision increase the space between lines to read "
        "comfortably; !important in a style attribute keeps their own styles from doing so."
    )
    fix = N_(
        "Remove !important from line-height in the style attribute, or make it at least 1.5 "
        "times the font size."
    )
    messages = {
        "too-tight": N_(
            "line-height is {height} with !important in the style attribute, less than 1.5 "
            "times the font size of {size}px: users cannot increase the space between the "
            "lines of this text. Remove !important or make it at least {needed}px."
        ),
        "check-wrap": N_(
            "line-height is {height} with !important in the style attribute, less than 1.5 "
            "times the font size of {size}px. If the text runs over more than one line, users "
            "cannot increase the space between its lines: check, and remove !important."
        ),
        "check-size": N_(
            "line-height is set with !important in the style attribute, and the font size "
            "could not be computed: check that it is at least 1.5 times the font size, or "
            "remove !important."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.with_attribute("style")
            if important_in_style_attribute(page, el, "line-height")
            and has_visible_text(page, el)
            and wraps(page, el) is not False
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            style = computed_style(page, el)
            height, size = style.line_height, style.font_size_px
            if height is None or size is None:
                yield self.cant_tell(el, "check-size")
                continue
            if height.kind == "normal":
                shown = "normal"
            else:
                px = height.value if height.kind == "px" else height.value * size
                if px >= _FACTOR * size - 1e-9:
                    continue
                shown = f"{px:g}px"
            args = {"height": shown, "size": f"{size:g}", "needed": f"{_FACTOR * size:g}"}
            if wraps(page, el):
                yield self.fail(el, "too-tight", **args)
            else:
                yield self.cant_tell(el, "check-wrap", **args)
