"""skip-link."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.finding import Outcome, Severity
from vngpublish.check.repeated import Decision, Found, RepeatedContentRule, block_name
from vngpublish.i18n import N_

TAB_STOPS_WORTH_SKIPPING = 3
"""Below this many links and fields to tab through, a skip link saves next to nothing."""


class SkipLink(RepeatedContentRule):
    """Applies to an HTML page with own content after a block of repeated content (as the
    rule bypass finds them: blocks that are on other pages the page links to, or, for a
    page alone, its banner, navigation, complementary and contentinfo landmarks).

    Passes when a link in the page (`href="#..."`, or a control whose script goes to `#...`)
    moves focus to the own content: its target is in it, wraps it, or is an empty element right
    before it. Fails when no link does: reported on a link before the own content whose target
    does not exist, or lands in the repeated blocks, and else on the first repeated block, when
    the repeated blocks before the own content hold three or more things in the tab order
    (links, buttons, form fields): with fewer, a Tab or two already reaches the own content (a
    header with only the logo linked to the home page). Landmarks and headings let screen reader
    users skip blocks too, but only a link serves sighted keyboard users, so this is a best
    practice on its own.
    """

    id = "skip-link"
    title = N_("A skip link leads past the repeated blocks to the page's own content")
    level = "best-practice"
    severity = Severity.WARNING
    act = ("ye5d6e",)
    axe = ("skip-link",)
    tags = ("bypass", "keyboard", "not-email")
    why = N_(
        "Sighted keyboard users cannot jump by landmarks or headings: without a skip link "
        "they tab through the whole header and menu on every page."
    )
    fix = N_(
        "Add a link such as “Naar de inhoud” (Skip to content) as the first thing in the "
        'body, pointing at the id of the main content: <a href="#inhoud">.'
    )
    messages = {
        "no-skip-link": N_(
            "No link leads past the {block} that repeats on other pages to this page's own "
            "content: add a skip link at the top of the page that points at the main content."
        ),
        "no-target": N_(
            "This link should lead to a place in the page, but no element has the id it "
            "points at: give the main content that id."
        ),
        "lands-in-repeated": N_(
            "This link leads to a place inside the {block} that repeats on other pages, not "
            "to the page's own content: point it at the main content."
        ),
    }

    def decide(self, found: Found) -> Iterator[Decision]:
        if found.skip:
            return
        block = block_name(found)
        if found.broken_skip is not None:
            yield "broken-skip", Outcome.FAILED, found.broken_skip, {"block": block}
            return
        if found.tab_stops >= TAB_STOPS_WORTH_SKIPPING:
            yield "first-repeated", Outcome.FAILED, "no-skip-link", {"block": block}
