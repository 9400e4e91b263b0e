"""page-has-heading-one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class PageHasHeadingOne(Rule):
    """Applies to the `body` of every page, when it is in the accessibility tree.

    Passes when the page has a level-one heading in the accessibility tree: an `h1`, or any
    element with role `heading` and `aria-level="1"` (not `hidden`, not `aria-hidden`). Fails
    otherwise. WCAG does not require it: this is a best practice.
    """

    id = "page-has-heading-one"
    title = N_("Page has a level-one heading")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("page-has-heading-one",)
    tags = ("headings",)
    why = N_(
        "Screen reader users jump to the level-one heading to find where the main content "
        "starts and what the page is about."
    )
    fix = N_("Mark up the page's title (the newsletter's name and issue) as an h1.")
    messages = {"missing": N_("The page has no level-one heading (h1).")}

    def applicable(self, page: Page) -> Sequence[Element]:
        body = page.body
        return [body] if body is not None and not is_hidden(page, body) else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        if not any(heading.level == 1 for heading in outline(page)):
            yield self.fail(targets[0], "missing")
