"""color-contrast."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.contrast import (
    default_colours,
    shortfall_messages,
    shortfalls,
    text_targets,
)
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class ColorContrast(Rule):
    """Applies to every element with visible text of its own that expresses something in
    words or numbers (not only symbols, punctuation or icon-font glyphs), in HTML, outside a
    disabled control or group and outside the label of one. The colours come from every
    stylesheet the page uses: `style` attributes, `<style>`, linked and imported local files,
    colour attributes such as `bgcolor`, and the browser's defaults.

    Passes when the contrast between the text colour and the colour beneath it (through
    transparent backgrounds, with alpha and `opacity` composed, over the white page) is at
    least 4.5:1, or 3:1 for large text (24px, or 18.67px bold). Fails when it is lower. When
    a background image or gradient, positioned or transformed content, a text shadow, a filter
    or a blend mode, a colour this checker cannot compute, an unknown font size or a remote
    stylesheet that was not read could change the outcome of a failing text, the result is for
    review, saying what to look at.
    """

    id = "color-contrast"
    title = N_("Text has enough contrast with its background")
    level = "AA"
    wcag = ("1.4.3",)
    act = ("afw4f7",)
    axe = ("color-contrast",)
    tags = ("color", "text")
    why = N_(
        "Text that differs too little from its background is hard or impossible to read for "
        "people with low vision or colour blindness, and for everyone on a phone in sunlight."
    )
    fix = N_(
        "Darken the text or lighten its background (or the other way round) until the "
        "contrast is at least 4.5:1, or 3:1 for large text."
    )
    messages = shortfall_messages(
        N_(
            "The colours of this text use CSS this checker does not compute (such as "
            "color-mix()): check that the contrast is at least {required}:1 (3:1 for large "
            "text)."
        )
    )
    normal = 4.5
    """The contrast normal text needs."""
    large = 3.0
    """The contrast large text needs."""

    def applicable(self, page: Page) -> Sequence[Element]:
        if default_colours(page):
            # The browser's own colours all pass 7:1: nothing to compute.
            return [] if page.body is None else [page.body]
        return text_targets(page)

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for found in shortfalls(page, tuple(targets), self.normal, self.large):
            if found.outcome == "failed":
                yield self.fail(found.element, found.message, **found.args)
            else:
                yield self.cant_tell(found.element, found.message, **found.args)
