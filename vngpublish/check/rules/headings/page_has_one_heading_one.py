"""page-has-one-heading-one."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.dom import collapsed_text
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class PageHasOneHeadingOne(Rule):
    """A page has at most one level-one heading.

    The level-one heading says what the page is about; screen reader users jump to it to find
    the start of the main content. With several, they cannot tell which one is the page's
    title, and the headings below lose their place in the outline. Best practice (WCAG does not
    require it). Reported on the second and every later level-one heading in the
    accessibility tree (`h1`, or `aria-level="1"`).

    Fix it by keeping one `h1` for the page title and making the others `h2` (a newsletter's
    items are sections of the issue: `h2`).
    """

    id = "page-has-one-heading-one"
    title = N_("Page has only one level-one heading")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("headings", "best-practice")
    why = N_(
        "With several level-one headings, screen reader users cannot tell which one is "
        "the page's title."
    )
    fix = N_("Keep one h1 for the page title and make the others h2 or lower.")

    def check(self, page: Page) -> Iterator[Result]:
        first: str | None = None
        for heading in outline(page):
            if heading.level != 1:
                continue
            if first is None:
                first = accessible_name(page, heading.element) or collapsed_text(heading.element)
                continue
            yield self.fail(
                heading.element,
                N_(
                    "The page already has a level-one heading (“{first}”): make this one a "
                    "level two heading or lower."
                ),
                first=_short(first),
            )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
