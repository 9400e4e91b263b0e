"""aria-allowed-attr."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import shown_aria_attributes
from vngpublish.check.facts.aria_tables import (
    ALL_GLOBAL_ATTRIBUTES,
    SUPPORTED_IN_EITHER,
    is_known_attribute,
    names_no_known_role,
)
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.html_aria import allows
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.svg import in_svg_content
from vngpublish.check.facts.tree import role_known
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AriaAllowedAttr(Rule):
    """Applies to every WAI-ARIA state or property (a WAI-ARIA 1.2 attribute, or one of the
    1.3 draft's that browsers support) on an HTML or SVG element in the accessibility tree.

    Passes when the attribute is global (every element may have it), when the element's role
    supports it (its role as browsers resolve it: the explicit role, or the implicit one when
    a `none`/`presentation` role is overridden because the element can take focus or has a
    global ARIA attribute), or when ARIA in HTML allows it on that HTML element (`audio` and
    `video` may have the attributes of an `application`). Fails otherwise: the attribute
    means nothing for that role, so browsers ignore it, and the state it was meant to give (a
    selected tab, a pressed button) is lost. Elements whose role markup cannot tell are left
    alone: a custom element without a `role` (script may give it one) and SVG content other
    than the `svg` element (SVG-AAM gives its shapes roles by their content); so is an element
    whose `role` names no known role (aria-roles reports the typo).
    """

    id = "aria-allowed-attr"
    title = N_("ARIA attributes are allowed on the element's role")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("5c01ea",)
    axe = ("aria-allowed-attr",)
    tags = ("aria",)
    why = N_(
        "A state or property that the element's role does not support is ignored: a link "
        "with aria-selected or a div with aria-expanded tells a screen reader nothing."
    )
    fix = N_(
        "Use an attribute the role supports (aria-current instead of aria-selected on a "
        "link), or give the element the role that has this state (a button for "
        "aria-pressed)."
    )
    messages = {
        "not-supported": N_(
            "{attribute} is not supported on an element with role '{role}', so browsers "
            "ignore it: use an attribute this role supports, or another role."
        ),
        "no-role": N_(
            "{attribute} is not allowed on <{tag}>, which has no ARIA role that supports it, "
            "so browsers ignore it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return list(dict.fromkeys(el for el, _ in _known(page)))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el, name in _known(page):
            if name in ALL_GLOBAL_ATTRIBUTES:
                continue
            semantic = role(page, el)
            if semantic is not None and name in SUPPORTED_IN_EITHER.get(semantic, ()):
                continue
            if not role_known(page, el) or in_svg_content(page, el) or allows(page, el, name):
                continue
            if names_no_known_role(el.get("role")):
                continue  # a misspelt role: aria-roles reports it
            if semantic is None:
                yield self.fail(el, "no-role", attribute=name, tag=el.tag)
            else:
                yield self.fail(el, "not-supported", attribute=name, role=semantic)


@page_fact
def _known(page: Page) -> list[tuple[Element, str]]:
    """The WAI-ARIA states and properties on elements in the accessibility tree."""
    return [(el, name) for el, name, _ in shown_aria_attributes(page) if is_known_attribute(name)]
