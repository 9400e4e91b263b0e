"""nested-interactive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import PRESENTATIONAL_CHILDREN_ROLES
from vngpublish.check.facts.focus import in_tab_order
from vngpublish.check.facts.roles import role
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class NestedInteractive(Rule):
    """Applies to every element whose role makes its content presentational (WAI-ARIA 1.2:
    `button`, `checkbox`, `img`, `meter`, `menuitemcheckbox`, `menuitemradio`, `option`,
    `progressbar`, `radio`, `scrollbar`, `separator`, `slider`, `switch` and `tab`) and that
    has content.

    Passes when nothing inside it is in the tab order. Fails when something is (a link in a
    tab, a button inside a button made of a `div`): keyboard focus lands on an element that
    screen readers do not know, with no name and no role. A `button` start tag inside an open
    `button` closes the first in browsers, so two buttons written that way are not nested.
    """

    id = "nested-interactive"
    title = N_("Controls do not contain other controls")
    level = "A"
    wcag = ("4.1.2",)
    act = ("307n5z",)
    axe = ("nested-interactive",)
    tags = ("keyboard", "names")
    why = N_(
        "Screen readers treat the content of a button, tab or checkbox as plain text, so a "
        "link or button inside it gets focus without a name or role anyone can hear."
    )
    fix = N_(
        "Move the inner link or button out of the control, or make the outer element a plain "
        "container (a div or li without the role)."
    )
    messages = {
        "focusable-inside": N_(
            "This {role} contains {count} element(s) that keyboard focus reaches, such as "
            "<{example}>: screen readers do not announce them. Move them out of the {role}."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        candidates = page.by_tag("button", "input", "img", "meter", "progress", "hr", "option")
        found = [el for el in candidates if len(el)] + list(page.with_attribute("role"))
        targets = {
            el for el in found if len(el) and role(page, el) in PRESENTATIONAL_CHILDREN_ROLES
        }
        return [el for el in page.elements if el in targets] if targets else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            inside = _focusable_inside(page, el)
            if inside:
                yield self.fail(
                    el,
                    "focusable-inside",
                    role=role(page, el) or "",
                    count=len(inside),
                    example=inside[0].tag,
                )


def _focusable_inside(page: Page, el: Element) -> list[Element]:
    found = []
    descendants = el.iterdescendants()
    for node in descendants:
        if el.tag == "button" and node.tag == "button":
            # Not nested in a browser: the inner start tag closed the outer button.
            break
        if in_tab_order(page, node):
            found.append(node)
    return found
