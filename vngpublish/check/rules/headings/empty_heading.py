"""empty-heading."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class EmptyHeading(Rule):
    """Every heading has a non-empty accessible name.

    Screen reader users move through a page by its headings. A heading without a name is
    announced as just "heading level 2", which says nothing, and often means a heading element
    is being used for spacing or decoration. Applies to every element with role `heading` in the
    accessibility tree (`h1`-`h6`, `role="heading"`).

    Fix it by giving the heading text (an image inside it needs alt text), or, if it is not a
    heading at all, by using a `p` or `div` and CSS for spacing.
    """

    id = "empty-heading"
    title = N_("Headings are not empty")
    level = "A"
    wcag = ("1.3.1", "2.4.6")
    act = ("ffd0e9",)
    tags = ("headings", "names")
    why = N_(
        "An empty heading is announced as just 'heading', which tells screen reader users "
        "nothing and clutters the outline."
    )
    fix = N_(
        "Give the heading text, or, if it is only there for spacing, use a p or div "
        "styled with CSS."
    )

    def check(self, page: Page) -> Iterator[Result]:
        for heading in outline(page):
            if not accessible_name(page, heading.element):
                yield self.fail(
                    heading.element,
                    N_(
                        "This level {level} heading has no text that assistive technology can "
                        "read: give it text, or do not mark it up as a heading."
                    ),
                    level=heading.level,
                )
