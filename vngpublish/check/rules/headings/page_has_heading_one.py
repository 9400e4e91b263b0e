"""page-has-heading-one."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class PageHasHeadingOne(Rule):
    """The page has a level-one heading.

    A level-one heading tells screen reader users where the main content starts and what the
    page is about; many of them jump to it first. Applies to every page with a `body` in the
    accessibility tree. An `h1`, or any element with role `heading` and `aria-level="1"`,
    counts when it is in the accessibility tree (not `hidden`, not `aria-hidden`).

    Fix it by marking up the page's title (the newsletter's name and issue) as `h1`.
    """

    id = "page-has-heading-one"
    title = N_("Page has a level-one heading")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("headings", "best-practice")
    why = N_(
        "Screen reader users jump to the level-one heading to find where the main content "
        "starts and what the page is about."
    )
    fix = N_("Mark up the page's title (the newsletter's name and issue) as an h1.")

    def check(self, page: Page) -> Iterator[Result]:
        body = page.body
        if body is None or is_hidden(page, body):
            return
        if any(heading.level == 1 for heading in outline(page)):
            return
        yield self.fail(body, N_("The page has no level-one heading (h1)."))
