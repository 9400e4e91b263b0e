"""aria-roles."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import (
    ABSTRACT_ROLES,
    ARIA_1_2_ROLES,
    ROLES,
    is_a,
    is_known_role,
)
from vngpublish.check.facts.roles import shown_explicit_roles
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.suggest import closest
from vngpublish.i18n import N_

_VALID = sorted(ROLES)


class AriaRoles(Rule):
    """Applies to every `role` attribute with a value other than white space, on an HTML or
    SVG element in the accessibility tree (not hidden with `hidden`, `display: none`,
    `visibility: hidden` or `aria-hidden="true"`).

    Passes when at least one of its tokens is a role of WAI-ARIA 1.2, of the Digital
    Publishing or Graphics modules, or of the WAI-ARIA 1.3 draft, and not an abstract role
    (`widget`, `landmark`, ...): browsers take the first token they know, so further tokens
    are fallbacks. Fails when no token is, naming the closest valid role when one is close:
    the browser then ignores the attribute and the element keeps its own role, so a
    `role="buton"` is no button to a screen reader.
    """

    id = "aria-roles"
    title = N_("Role attributes name a valid role")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("674b10",)
    axe = ("aria-roles",)
    tags = ("aria",)
    why = N_(
        "A role the browser does not know is ignored: the element keeps its own role, so a "
        "screen reader does not announce the checkbox, tab or button the author meant."
    )
    fix = N_(
        "Correct the role to one WAI-ARIA defines, or use the HTML element with that role "
        "(a button, a checkbox) instead."
    )
    messages = {
        "invalid": N_('role="{role}" is not a WAI-ARIA role, so browsers ignore it.'),
        "invalid-suggest": N_(
            'role="{role}" is not a WAI-ARIA role, so browsers ignore it: did you mean '
            "'{suggestion}'?"
        ),
        "abstract": N_(
            'role="{role}" is an abstract role, which exists only to order the others and '
            "must not be used in a page: use a concrete role such as {examples}."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.with_attribute("role")
            if (el.get("role") or "").split() and not is_hidden(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        valid = shown_explicit_roles(page)
        for el in targets:
            if el in valid:
                continue  # a valid role (a known one)
            tokens = (el.get("role") or "").split()
            if any(is_known_role(token) for token in tokens):
                continue
            value = " ".join(tokens)
            abstract = next((t.lower() for t in tokens if t.lower() in ABSTRACT_ROLES), None)
            if abstract is not None:
                yield self.fail(el, "abstract", role=value, examples=_concrete(abstract))
                continue
            suggestion = closest(tokens[0].lower(), _VALID, cutoff=0.7)
            if suggestion:
                yield self.fail(el, "invalid-suggest", role=value, suggestion=suggestion)
            else:
                yield self.fail(el, "invalid", role=value)


def _concrete(abstract: str) -> str:
    """A few concrete roles that inherit from `abstract`, for the message."""
    found = sorted(r for r in ARIA_1_2_ROLES if is_a(r, abstract) and r != abstract)
    return ", ".join(f"'{r}'" for r in found[:3]) or "'region'"
