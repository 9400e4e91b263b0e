"""page-has-heading-one."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class PageHasHeadingOne(Rule):
    """The page has a level-one heading.

    A level-one heading tells screen reader users where the main content starts and what the
    page is about; many of them jump to it first. Applies to every page with a `body`.
    """

    id = "page-has-heading-one"
    title = N_("Page has a level-one heading")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("headings", "best-practice")

    def check(self, page: Page) -> Iterator[Result]:
        body = page.body
        if body is None or page.is_hidden(body):
            return
        for el in page.by_tag("h1") + page.with_attribute("aria-level"):
            if page.role(el) == "heading" and not page.is_hidden(el):
                level = el.get("aria-level") or ("1" if el.tag == "h1" else "")
                if level.strip() == "1":
                    return
        yield self.fail(body, N_("The page has no level-one heading (h1)."))
