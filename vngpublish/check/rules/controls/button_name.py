"""button-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.forms import in_tree_with_role
from vngpublish.check.facts.html_roles import input_type
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_BUTTON = frozenset({"button"})


class ButtonName(Rule):
    """Applies to every element with role `button` in the accessibility tree: `button`,
    `input type=button|submit|reset`, and any element with `role="button"` (a custom
    element, a `div` or `span` made into a button). Image buttons (`input type=image`) are
    checked by input-image-alt; a `button` with `role="none"` that is not focusable is not a
    button.

    Passes when the button has a non-empty accessible name: its text, the text alternative of
    an image inside it, `aria-label`, `aria-labelledby`, a `label`, `title`, or for an input
    button its `value` (a submit or reset button without `value` is named "Submit" or "Reset"
    by the browser). Fails otherwise, such as an icon-only button whose icon has no text
    alternative.
    """

    id = "button-name"
    title = N_("Buttons have an accessible name")
    level = "A"
    wcag = ("4.1.2",)
    act = ("97a4e1",)
    axe = ("button-name",)
    tags = ("forms", "names")
    why = N_(
        "A button without a name is announced as just 'button': screen reader users cannot tell "
        "what it does, and speech input users cannot say its name to press it."
    )
    fix = N_(
        "Give the button text that says what it does, or, for an icon-only button, "
        "aria-label or an image with alt text."
    )
    messages = {
        "no-name": N_(
            "This button has no accessible name, so screen readers announce it only as "
            "“button”: give it text that says what it does, or aria-label if it shows only "
            "an icon."
        ),
        "input-no-value": N_(
            'This input type="button" has no value, so it has no name: give it a value that '
            "says what it does."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            # Not in document order: findings are sorted by position.
            for el in in_tree_with_role(page, ("button", "input"), _BUTTON, ordered=False)
            if not (el.tag == "input" and input_type(el) == "image")
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if accessible_name(page, el):
                continue
            if el.tag == "input" and input_type(el) == "button" and not el.get("value"):
                yield self.fail(el, "input-no-value")
            else:
                yield self.fail(el, "no-name")
