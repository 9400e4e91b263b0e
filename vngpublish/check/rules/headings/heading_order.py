"""heading-order."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.headings import outline
from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class HeadingOrder(Rule):
    """Heading levels go down one step at a time.

    Headings form the table of contents that screen reader users navigate by. When a level is
    skipped going down (an `h2` followed by an `h4`), it looks as if a section is missing, and
    users wonder whether they missed content. Best practice, related to WCAG 1.3.1 (the levels
    should match the structure).

    Only skips going *down* are reported: going back up any number of levels (`h4` then `h2`)
    simply ends the subsections, and the first heading of the page may have any level (a
    template may start with an `h2`). Headings are elements with role `heading` in the
    accessibility tree; `aria-level` counts.

    Fix it by using the next level down (`h3` after `h2`), and CSS for the look you wanted.
    """

    id = "heading-order"
    title = N_("Heading levels go down one step at a time")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("headings", "best-practice")
    why = N_(
        "Headings are the table of contents screen reader users navigate by; a skipped "
        "level suggests a missing section."
    )
    fix = N_("Use the next level down (h3 after h2) and CSS for the look you want.")

    def check(self, page: Page) -> Iterator[Result]:
        previous: int | None = None
        for heading in outline(page):
            if previous is not None and heading.level > previous + 1:
                yield self.fail(
                    heading.element,
                    N_(
                        "This level {level} heading follows a level {previous} heading, so "
                        "level {expected} is skipped: use a level {expected} heading here."
                    ),
                    level=heading.level,
                    previous=previous,
                    expected=previous + 1,
                )
            previous = heading.level
