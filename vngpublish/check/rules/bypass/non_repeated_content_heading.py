"""non-repeated-content-heading."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.finding import Outcome, Severity
from vngpublish.check.repeated import Decision, Found, RepeatedContentRule, block_name
from vngpublish.i18n import N_


class NonRepeatedContentHeading(RepeatedContentRule):
    """Applies to an HTML page with own content after a block of repeated content (as the
    rule bypass finds them: blocks that are on other pages the page links to, or, for a
    page alone, its banner, navigation, complementary and contentinfo landmarks).

    Passes when the own content holds a heading that is rendered and in the accessibility tree
    (an `h1`-`h6`, or `role="heading"`; not `hidden`, `display:none` or `aria-hidden`). Fails
    otherwise, reported on the first block of the own content. A heading moved out of sight with
    CSS (the screen-reader-only pattern) still counts: it serves the screen reader users who
    jump by headings.
    """

    id = "non-repeated-content-heading"
    title = N_("The page's own content has a heading")
    level = "best-practice"
    severity = Severity.WARNING
    act = ("047fe0",)
    tags = ("bypass", "headings", "not-email")
    why = N_(
        "Screen reader users jump from heading to heading; a heading at the start of the "
        "content lets them skip the header and menu in one step."
    )
    fix = N_("Start the page's own content with a heading (an h1) that says what it is about.")
    messages = {
        "no-heading": N_(
            "The page's own content, after the {block} that repeats on other pages, has no "
            "heading: start it with a heading (h1) so screen reader users can jump to it."
        ),
    }

    def decide(self, found: Found) -> Iterator[Decision]:
        if not found.heading:
            block = block_name(found)
            yield "first-own", Outcome.FAILED, "no-heading", {"block": block}
