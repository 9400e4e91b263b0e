"""aria-deprecated-role."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import DEPRECATED_ROLES
from vngpublish.check.facts.roles import shown_explicit_roles
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# What the specifications say to use instead (WAI-ARIA 1.2 §5.3, DPUB-ARIA 1.1).
_INSTEAD = {"directory": "list", "doc-biblioentry": "listitem", "doc-endnote": "listitem"}


class AriaDeprecatedRole(Rule):
    """Applies to every element in the accessibility tree whose `role` attribute gives it a
    role (the first valid token of the attribute).

    Passes when that role is not deprecated. Fails for a role its specification deprecates,
    with the role to use instead: `directory` (WAI-ARIA 1.2), `doc-biblioentry` and
    `doc-endnote` (Digital Publishing WAI-ARIA 1.1). Deprecated roles are still valid, but
    browsers and screen readers may drop them, and newer specifications no longer describe
    them.
    """

    id = "aria-deprecated-role"
    title = N_("No deprecated ARIA roles")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("aria-deprecated-role",)
    tags = ("aria",)
    why = N_(
        "Deprecated roles are kept only for old pages; browsers and screen readers may stop "
        "supporting them, and the element then loses its meaning."
    )
    fix = N_("Use the role the specification gives instead (a list, a list item).")
    messages = {
        "deprecated": N_(
            'role="{role}" is deprecated: use role="{instead}" (or the HTML element with '
            "that role) instead."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return list(shown_explicit_roles(page))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el, given in shown_explicit_roles(page).items():  # the targets, with their role
            if given in DEPRECATED_ROLES:
                yield self.fail(el, "deprecated", role=given, instead=_INSTEAD[given])
