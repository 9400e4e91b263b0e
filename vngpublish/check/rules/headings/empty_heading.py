"""empty-heading."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.headings import heading_level, outline
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class EmptyHeading(Rule):
    """Applies to every element with role `heading` in the accessibility tree (`h1`-`h6`,
    `role="heading"`).

    Passes when the heading has a non-empty accessible name: text, or an image inside it with
    a text alternative. Fails otherwise.
    """

    id = "empty-heading"
    title = N_("Headings are not empty")
    level = "A"
    wcag = ("1.3.1", "2.4.6")
    act = ("ffd0e9",)
    axe = ("empty-heading",)
    tags = ("headings", "names")
    why = N_(
        "Screen reader users move through a page by its headings. An empty heading is announced "
        "as just 'heading', which tells them nothing and clutters the outline."
    )
    fix = N_(
        "Give the heading text (an image inside it needs alt text), or, if it is only there for "
        "spacing, use a p or div styled with CSS."
    )
    messages = {
        "no-name": N_(
            "This level {level} heading has no text that assistive technology can read: give it "
            "text, or do not mark it up as a heading."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [heading.element for heading in outline(page)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for element in targets:
            if not accessible_name(page, element):
                yield self.fail(element, "no-name", level=heading_level(element))
