"""nested-interactive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import PRESENTATIONAL_CHILDREN_ROLES
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.tab_order import tab_stops_within
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# HTML elements whose implicit role has presentational children (a button, an image, a
# checkbox, a progress bar, an option, a separator ...).
_TAGS = ("button", "img", "input", "meter", "option", "progress", "hr")


class NestedInteractive(Rule):
    """Applies to every element whose role makes its children presentational: `button`,
    `checkbox`, `img`, `meter`, `menuitemcheckbox`, `menuitemradio`, `option`,
    `progressbar`, `radio`, `scrollbar`, `separator`, `slider`, `switch`, `tab` (explicit
    or implicit, so every `button` element).

    Passes when nothing inside it is in the tab order. Fails when a descendant can be reached
    with the Tab key (a link or a form field inside a button, an element with `tabindex="0"`
    inside a tab): browsers give the content of such an element no roles of its own, so
    keyboard focus lands on something screen readers cannot name or identify. Content that is
    not rendered, `inert`, or taken out of the tab order with a negative `tabindex` passes.
    """

    id = "nested-interactive"
    title = N_("Buttons, tabs and similar controls contain nothing focusable")
    level = "A"
    wcag = ("4.1.2",)
    act = ("307n5z",)
    axe = ("nested-interactive",)
    tags = ("aria", "keyboard")
    why = N_(
        "Inside a button, tab or checkbox, content has no role of its own: a link or field "
        "there takes keyboard focus, but screen readers cannot say what it is."
    )
    fix = N_(
        "Move the link or field out of the control, or take it out of the tab order "
        '(tabindex="-1") when the control itself does the same thing.'
    )
    messages = {
        "focusable-inside": N_(
            "This element with role '{role}' contains <{tag}>, which the Tab key reaches but "
            "which has no role or name for screen readers inside it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        candidates = dict.fromkeys([*page.by_tag(*_TAGS), *page.with_attribute("role")])
        return [el for el in candidates if role(page, el) in PRESENTATIONAL_CHILDREN_ROLES]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            inside = tab_stops_within(page, el)
            if inside:
                yield self.fail(el, "focusable-inside", role=role(page, el), tag=inside[0].tag)
