"""input-image-alt."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.html_roles import input_type
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class InputImageAlt(Rule):
    """Applies to every image button (`input type="image"`) in the accessibility tree.

    Passes when it has a non-empty accessible name: `aria-labelledby`, `aria-label`, a
    `label`, `alt`, `value` or `title`. The "Submit Query" that browsers fall back to
    describes nothing, so it does not count. An empty `alt` does not make an image button
    decorative: it is a button, and still needs a name. Fails otherwise, with a message for a
    missing `alt` and one for an empty `alt`.
    """

    id = "input-image-alt"
    title = N_("Image buttons have a text alternative")
    level = "A"
    wcag = ("1.1.1", "4.1.2")
    act = ("59796f",)
    axe = ("input-image-alt",)
    tags = ("forms", "images", "names")
    why = N_(
        "An image used as a button is announced as just 'button' or 'Submit Query' when it has "
        "no text alternative, so screen reader users cannot tell what it does."
    )
    fix = N_('Give the image button an alt attribute that says what it does (alt="Zoeken").')
    messages = {
        "no-alt": N_(
            "This image button has no alt attribute and no other name: give it an alt that says "
            "what the button does."
        ),
        "empty-alt": N_(
            'This image button has alt="", which does not make a button decorative: give it an '
            "alt that says what the button does."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("input")
            if input_type(el) == "image" and not is_hidden(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if accessible_name(page, el):
                continue
            yield self.fail(el, "no-alt" if el.get("alt") is None else "empty-alt")
