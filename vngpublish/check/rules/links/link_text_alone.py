"""link-text-alone."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.generic_links import generic_links
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LinkTextAlone(Rule):
    """Applies to every element with role `link` in the accessibility tree whose accessible
    name is only a generic phrase from the word lists, chosen by the link's language as
    link-text-generic chooses them ("Lees meer", "klik hier", "Read more").

    Fails each of them: WCAG 2.4.9 (AAA) asks that the link text alone says where the link
    goes, so the text around the link, its table headers or the heading before it do not
    count. Whether that context meets 2.4.4 (A) is link-text-generic's question.
    """

    id = "link-text-alone"
    title = N_("Link text alone says where the link goes")
    level = "AAA"
    severity = Severity.WARNING
    wcag = ("2.4.9",)
    act = ("aizyf1",)
    tags = ("links", "language")
    why = N_(
        "Screen reader users often list a page's links, and speech input users say a link's "
        "text to follow it: a list of 'Lees meer' links tells them nothing, however clear the "
        "text around each link is."
    )
    fix = N_(
        "Put the purpose in the link text ('Lees meer over de Spreidingswet'), or add it as "
        "visually hidden text inside the link."
    )
    messages = {
        "generic": N_(
            "The link text “{name}” does not say on its own where the link goes (WCAG 2.4.9, "
            "AAA): put the purpose in the link text, for example “Read more about the council "
            "meeting”."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [g.link for g in generic_links(page)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for g in generic_links(page):
            yield self.fail(g.link, "generic", name=g.name)
