"""menuitem-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.forms import in_tree_with_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_MENUITEM = frozenset({"menuitem"})


class MenuitemName(Rule):
    """Applies to every element with role `menuitem` in the accessibility tree (a `button`,
    `a` or `li` with `role="menuitem"` in a menu). Menu items that are checkboxes or radio
    buttons (`menuitemcheckbox`, `menuitemradio`) are checked by aria-toggle-field-name and
    label.

    Passes when the menu item has a non-empty accessible name: its text, the text alternative
    of an image inside it, `aria-labelledby`, `aria-label` or `title`. Fails otherwise.
    """

    id = "menuitem-name"
    title = N_("Menu items have an accessible name")
    level = "A"
    wcag = ("4.1.2",)
    act = ("m6b1q3",)
    axe = ("aria-command-name",)
    tags = ("aria", "names")
    why = N_(
        "A menu item without a name is announced as just 'menu item': screen reader users "
        "cannot tell what it does."
    )
    fix = N_(
        "Give the menu item text, an image with alt text, aria-labelledby or aria-label that "
        "says what it does."
    )
    messages = {
        "no-name": N_(
            "This menu item has no accessible name: give it text, or aria-label if it shows "
            "only an icon."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return in_tree_with_role(page, (), _MENUITEM)

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not accessible_name(page, el):
                yield self.fail(el, "no-name")
