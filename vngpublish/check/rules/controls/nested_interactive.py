"""nested-interactive."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import PRESENTATIONAL_CHILDREN_ROLES
from vngpublish.check.facts.focus import tab_stops_within
from vngpublish.check.facts.roles import role
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Elements whose implicit role has presentational children (a button, an image ...).
_TAGS = ("button", "input", "img", "meter", "progress", "hr", "option")


class NestedInteractive(Rule):
    """Applies to every element whose role makes its content presentational (WAI-ARIA 1.2:
    `button`, `checkbox`, `img`, `meter`, `menuitemcheckbox`, `menuitemradio`, `option`,
    `progressbar`, `radio`, `scrollbar`, `separator`, `slider`, `switch` and `tab`) and that
    has content.

    Passes when nothing inside it is in the tab order. Fails when something is (a link in a
    tab, a button inside a button made of a `div`): keyboard focus lands on an element that
    screen readers do not know, with no name and no role. Content that is not rendered,
    `inert`, or taken out of the tab order with a negative `tabindex` passes. A `button` start
    tag inside an open `button` closes the first in browsers, so two buttons written that way
    are not nested.
    """

    id = "nested-interactive"
    title = N_("Controls do not contain other controls")
    level = "A"
    wcag = ("4.1.2",)
    act = ("307n5z",)
    axe = ("nested-interactive",)
    tags = ("aria", "keyboard", "names")
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
        # From the tag and role indexes, not in document order (findings are sorted by
        # position): a pass over every element costs more than the rule on a large page.
        found = [el for tag in _TAGS for el in page.by_tag(tag) if len(el)]
        found += [el for el in page.with_attribute("role") if len(el)]
        return [
            el for el in dict.fromkeys(found) if role(page, el) in PRESENTATIONAL_CHILDREN_ROLES
        ]

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
    inside = tab_stops_within(page, el)
    if not inside or el.tag != "button":
        return inside
    inner = next(el.iterdescendants("button"), None)
    if inner is None:
        return inside
    # Not nested in a browser: the inner start tag closed the outer button, so only what
    # comes before it is inside.
    before = []
    for node in el.iterdescendants():
        if node is inner:
            break
        before.append(node)
    kept = set(before)
    return [node for node in inside if node in kept]
