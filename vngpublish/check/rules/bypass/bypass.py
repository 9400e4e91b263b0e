"""bypass."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.finding import Outcome
from vngpublish.check.repeated import Decision, Found, RepeatedContentRule, block_name
from vngpublish.i18n import N_


class Bypass(RepeatedContentRule):
    """Applies to an HTML page with own content after a block of repeated content: a header,
    navigation or sidebar that is on the other pages too. Checking a site, a block is repeated
    when an equivalent block (the same text; not a heading) is on another checked page this page
    links to; a page checked alone marks them itself, as its banner, navigation (not a table of
    contents, whose links all stay in the page), complementary and contentinfo landmarks. The
    page's own content is every block after the first repeated one that is not repeated.

    Passes when at least one way to skip the repeated blocks is there: a heading (rendered and
    in the accessibility tree) in the own content; a landmark that starts with it; a link in the
    page to the own content (a skip link, also one a script follows); or every repeated block
    before it can be collapsed (in `details`, a `popover`, or shown and hidden by a control with
    `aria-expanded` and `aria-controls`). Needs review when none of these is there, but the page
    has scripts and a button or a link going nowhere before the own content, which might
    collapse the repeated blocks. Fails otherwise.
    """

    id = "bypass"
    title = N_("Blocks that repeat on every page can be skipped")
    level = "A"
    wcag = ("2.4.1",)
    act = ("cf77f2", "3e12e1")
    axe = ("bypass",)
    tags = ("bypass", "landmarks", "not-email")
    why = N_(
        "Keyboard and screen reader users otherwise go through the same header and menu on "
        "every page before they reach what the page is about."
    )
    fix = N_(
        "Put the page's own content in <main>, start it with a heading, and add a link "
        "“Skip to content” at the top of the page that leads to it."
    )
    messages = {
        "no-bypass": N_(
            "Nothing lets users skip the {block} that repeats on other pages to reach this "
            "page's own content: no skip link, no <main> or other landmark around the "
            "content, no heading at its start. Put the content in <main>, start it with a "
            "heading, and add a skip link."
        ),
        "maybe-collapsible": N_(
            "Nothing in the markup lets users skip the {block} that repeats on other pages "
            "(no skip link, no landmark around the content, no heading in it), but a script "
            "might let them collapse it: check that a button hides the {block} for keyboard "
            "and screen reader users, or better, put the content in <main> with a heading."
        ),
    }

    def decide(self, found: Found) -> Iterator[Decision]:
        if found.landmark or found.heading or found.skip or found.collapsible == "yes":
            return
        block = block_name(found)
        if found.collapsible == "maybe":
            yield "first-repeated", Outcome.CANT_TELL, "maybe-collapsible", {"block": block}
        else:
            yield "first-repeated", Outcome.FAILED, "no-bypass", {"block": block}
