"""summary-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import is_presentational
from vngpublish.check.facts.html_roles import conflicts_with_presentation, explicit_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class SummaryName(Rule):
    """Applies to every `summary` element in the accessibility tree that is the button of its
    `details` (the first `summary` child of a `details`) and has no `role` of its own, or one
    the browser ignores (`role="none"` on a focusable summary). A summary with another role
    is checked by the rules for that role.

    Passes when the summary has a non-empty accessible name: its text, `aria-labelledby`,
    `aria-label` or `title`. The disclosure triangle the browser draws is no name. Fails
    otherwise.
    """

    id = "summary-name"
    title = N_("Summary elements have an accessible name")
    level = "A"
    wcag = ("4.1.2",)
    act = ("2t702h",)
    axe = ("summary-name",)
    tags = ("names",)
    why = N_(
        "The summary is the button that opens and closes its details: without a name, screen "
        "reader users hear only 'collapsed' and cannot tell what it opens."
    )
    fix = N_("Put text in the summary that says what the details hold (“Meer over de agenda”).")
    messages = {
        "no-name": N_(
            "This summary has no accessible name, so screen readers announce only “collapsed” "
            "or “expanded”: give it text that says what it opens."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        targets = []
        for details in page.by_tag("details"):
            summary = next((child for child in details if child.tag == "summary"), None)
            if summary is None or is_hidden(page, summary):
                continue
            explicit = explicit_role(summary)
            if explicit is None or (
                is_presentational(explicit) and conflicts_with_presentation(summary)
            ):
                targets.append(summary)
        return targets

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not accessible_name(page, el):
                yield self.fail(el, "no-name")
