"""important-letter-spacing."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.style import computed_style, important_in_style_attribute
from vngpublish.check.facts.text_layout import has_visible_text
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_FACTOR = 0.12


class ImportantLetterSpacing(Rule):
    """Applies to an element with visible text of its own whose `letter-spacing` is set in its
    `style` attribute with `!important`, and wins the cascade with it (`inherit` and `unset`
    set no value of their own).

    Passes when the computed letter spacing is at least 0.12 times the computed font size:
    then a user who needs more space between letters can still have it. Fails when it is less
    (`normal` is 0): an important declaration in a `style` attribute beats the styles users
    set with bookmarklets and extensions, so they cannot widen the spacing.
    """

    id = "important-letter-spacing"
    title = N_("Letter spacing set with !important in a style attribute is wide enough")
    level = "AA"
    wcag = ("1.4.12",)
    act = ("24afc2",)
    axe = ("avoid-inline-spacing",)
    tags = ("text",)
    why = N_(
        "People with dyslexia or low vision widen the spacing of text to read it; "
        "!important in a style attribute keeps their own styles from doing so."
    )
    fix = N_(
        "Remove !important from letter-spacing in the style attribute, or make the spacing at "
        "least 0.12 times the font size."
    )
    messages = {
        "too-narrow": N_(
            "letter-spacing is {spacing}px with !important in the style attribute, less than "
            "0.12 times the font size of {size}px ({needed}px): users cannot widen it. Remove "
            "!important or widen the spacing."
        ),
        "check-size": N_(
            "letter-spacing is set with !important in the style attribute, and its size or the "
            "font size could not be computed: check that it is at least 0.12 times the font "
            "size, or remove !important."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.with_attribute("style")
            if important_in_style_attribute(page, el, "letter-spacing")
            and has_visible_text(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            style = computed_style(page, el)
            spacing, size = style.letter_spacing, style.font_size_px
            if spacing is None or size is None:
                yield self.cant_tell(el, "check-size")
            elif spacing < _FACTOR * size - 1e-9:
                yield self.fail(
                    el,
                    "too-narrow",
                    spacing=f"{spacing:g}",
                    size=f"{size:g}",
                    needed=f"{_FACTOR * size:.2f}",
                )
