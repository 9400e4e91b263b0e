"""aria-prohibited-attr."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import shown_aria_attributes
from vngpublish.check.facts.aria_tables import (
    ALL_GLOBAL_ATTRIBUTES,
    PROHIBITED_IN_BOTH,
    names_no_known_role,
)
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.html_roles import NAMED_BY_AUTHOR
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.tree import role_known
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_NAMING = frozenset({"aria-label", "aria-labelledby"})


class AriaProhibitedAttr(Rule):
    """Applies to every global WAI-ARIA state or property with a value (not only white space)
    on an HTML or SVG element in the accessibility tree.

    Passes when the element's role does not prohibit the attribute. Fails when WAI-ARIA 1.2
    prohibits it for that role and the 1.3 draft still does: `aria-label` and
    `aria-labelledby` on a `generic` element (`div`, `span`, an `a` without `href`), a
    paragraph, `code`, `strong`, `em` and the like, or `aria-roledescription` on a `generic`
    one. Such a name is not announced by most screen readers. Not checked: the naming
    attributes of a `section` or `aside` (they decide whether it is a region or complementary
    landmark), a custom element without a `role` (script may give it one), and an element whose
    `role` names no known role (aria-roles reports the typo that left it `generic`).
    """

    id = "aria-prohibited-attr"
    title = N_("ARIA attributes are not used where the role prohibits them")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("kb1m8s",)
    axe = ("aria-prohibited-attr",)
    tags = ("aria", "names")
    why = N_(
        "Roles such as generic (a div or span) and paragraph cannot be named: screen readers "
        "do not announce their aria-label, so what it says is lost."
    )
    fix = N_(
        "Put the text in the content (visible or visually hidden), or give the element a role "
        "that can be named (a link, a button, an image, a landmark)."
    )
    messages = {
        "prohibited": N_(
            "{attribute} is prohibited on an element with role '{role}': screen readers do "
            "not announce it. Put the text in the content, or use an element with a role "
            "that can be named."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return list(dict.fromkeys(el for el, _ in _valued_globals(page)))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el, name in _valued_globals(page):
            semantic = role(page, el)
            if semantic is None or name not in PROHIBITED_IN_BOTH.get(semantic, ()):
                continue
            if not role_known(page, el) or (name in _NAMING and el.tag in NAMED_BY_AUTHOR):
                continue
            if names_no_known_role(el.get("role")):
                continue  # a misspelt role: aria-roles reports it
            yield self.fail(el, "prohibited", attribute=name, role=semantic)


@page_fact
def _valued_globals(page: Page) -> list[tuple[Element, str]]:
    """The global states and properties with a value on elements in the accessibility tree."""
    return [
        (el, name)
        for el, name, value in shown_aria_attributes(page)
        if value and name in ALL_GLOBAL_ATTRIBUTES
    ]
