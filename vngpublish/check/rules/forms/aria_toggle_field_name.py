"""aria-toggle-field-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.forms import NATIVE_FIELDS, in_tree_with_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_TOGGLE_ROLES = frozenset({"checkbox", "menuitemcheckbox", "menuitemradio", "radio", "switch"})


class AriaToggleFieldName(Rule):
    """Applies to every element in the accessibility tree that is not an HTML form field
    (`input`, `select`, `textarea`) but has a toggle role through ARIA: `checkbox`, `radio`,
    `switch`, `menuitemcheckbox` or `menuitemradio` (a `span role="checkbox"`, a `button
    role="switch"`). HTML checkboxes and radio buttons are checked by label.

    Passes when the element has a non-empty accessible name: its text, `aria-labelledby`,
    `aria-label` or `title`. Fails otherwise.
    """

    id = "aria-toggle-field-name"
    title = N_("ARIA toggles have an accessible name")
    level = "A"
    wcag = ("4.1.2",)
    act = ("e086e5",)
    axe = ("aria-toggle-field-name",)
    tags = ("aria", "forms", "names")
    why = N_(
        "A checkbox, radio button or switch without a name is announced only as 'checked' or "
        "'not checked': screen reader users cannot tell what they turn on or off."
    )
    fix = N_(
        "Give the element text, point aria-labelledby to its visible label, or give it aria-label."
    )
    messages = {
        "no-name": N_(
            "This {role} has no accessible name, so screen readers do not say what it turns on "
            "or off: give it text, aria-labelledby or aria-label."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el for el in in_tree_with_role(page, (), _TOGGLE_ROLES) if el.tag not in NATIVE_FIELDS
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not accessible_name(page, el):
                yield self.fail(el, "no-name", role=role(page, el) or "")
