"""heading-order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

from vngpublish.check.dom import Element
from vngpublish.check.facts.headings import outline
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class HeadingOrder(Rule):
    """Applies to every heading in the accessibility tree after the first (elements with role
    `heading`; `aria-level` counts). The first heading of a page may have any level: a
    template may start with an `h2`.

    Fails when the heading is more than one level below the heading before it (an `h2`
    followed by an `h4`). Going back up any number of levels (`h4` then `h2`) passes: it
    simply ends the subsections. A best practice, related to WCAG 1.3.1 (the levels should
    match the structure).
    """

    id = "heading-order"
    title = N_("Heading levels go down one step at a time")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("heading-order",)
    tags = ("headings",)
    why = N_(
        "Headings are the table of contents screen reader users navigate by; a skipped "
        "level suggests a missing section."
    )
    fix = N_("Use the next level down (h3 after h2) and CSS for the look you want.")
    messages = {
        "skipped-level": N_(
            "This level {level} heading follows a level {previous} heading, so level {expected} "
            "is skipped: use a level {expected} heading here."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [heading.element for heading in outline(page)[1:]]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        headings = outline(page)
        for before, heading in pairwise(headings):
            if heading.level > before.level + 1:
                yield self.fail(
                    heading.element,
                    "skipped-level",
                    level=heading.level,
                    previous=before.level,
                    expected=before.level + 1,
                )
