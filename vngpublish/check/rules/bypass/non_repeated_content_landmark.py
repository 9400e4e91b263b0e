"""non-repeated-content-landmark."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.finding import Outcome, Severity
from vngpublish.check.repeated import Decision, Found, RepeatedContentRule, block_name
from vngpublish.i18n import N_


class NonRepeatedContentLandmark(RepeatedContentRule):
    """Applies to an HTML page with own content after a block of repeated content (as the
    rule bypass finds them: blocks that are on other pages the page links to, or, for a
    page alone, its banner, navigation, complementary and contentinfo landmarks).

    Passes when a landmark in the accessibility tree starts with the own content: usually
    `main`, or any other landmark (a named `section` or `form`, `role="main"` ...) that is not
    itself repeated. Fails otherwise, reported on the first block of the own content.
    """

    id = "non-repeated-content-landmark"
    title = N_("The page's own content is in a landmark")
    level = "best-practice"
    severity = Severity.WARNING
    act = ("b40fd1",)
    tags = ("bypass", "landmarks", "not-email")
    why = N_(
        "Screen reader users jump to the main landmark to skip the header and menu; content "
        "outside any landmark cannot be reached that way."
    )
    fix = N_("Put the page's own content in a <main> element.")
    messages = {
        "no-landmark": N_(
            "The page's own content, after the {block} that repeats on other pages, is not "
            "in a landmark: put it in <main> so screen reader users can jump to it."
        ),
    }

    def decide(self, found: Found) -> Iterator[Decision]:
        if not found.landmark:
            block = block_name(found)
            yield "first-own", Outcome.FAILED, "no-landmark", {"block": block}
