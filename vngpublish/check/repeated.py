"""The base of the rules about skipping repeated blocks (WCAG 2.4.1): one decision, per page
or for a site.

Each such rule decides from what the page shows (`Found`: the answers of
`facts.blocks.Verdict`) which elements to report (`RepeatedContentRule.decide`). Checked
alone, a page says itself which of its blocks repeat (its banner, navigation, complementary
and contentinfo landmarks), and `facts.own_content` answers each question only when a rule
asks it; in the site pass, a block repeats when an equivalent block is on another checked
page it links to (`facts.site_links.sitewide_masks`), and `facts.blocks.verdict` answers
from the page's summary. The decision is the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar, Literal, Protocol

from vngpublish.check.dom import Element
from vngpublish.check.facts import own_content
from vngpublish.check.facts.blocks import (
    Split,
    Structure,
    Ternary,
    Verdict,
    page_structure,
    verdict,
)
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.site_links import sitewide_masks, with_links
from vngpublish.check.facts.top_blocks import top_blocks
from vngpublish.check.finding import Outcome
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.sitewide import Located, SiteResult, locate_all

Reported = Literal["first-repeated", "first-own", "broken-skip"]
"""Which element a decision is about: the first repeated block, the first block of the own
content, or the link that looks like a skip link but fails."""
Decision = tuple[Reported, Outcome, str, dict[str, Any]]
"""What to report: which element, the outcome, the message id and args."""


class Found(Protocol):
    """What the rules ask of a page with own content after repeated blocks (see
    `facts.blocks.Verdict`)."""

    @property
    def repeated_tag(self) -> str:
        """The tag of the first repeated block."""

    @property
    def heading(self) -> bool:
        """The own content holds a rendered heading in the accessibility tree."""

    @property
    def landmark(self) -> bool:
        """A block of the own content is a landmark in the accessibility tree."""

    @property
    def skip(self) -> bool:
        """A link in the page moves focus to the own content."""

    @property
    def broken_skip(self) -> str | None:
        """Why the first link that looks like a skip link fails, when none works."""

    @property
    def collapsible(self) -> Ternary:
        """Whether the repeated blocks before the own content can be collapsed."""

    @property
    def tab_stops(self) -> int:
        """How many elements in the tab order the repeated blocks before it hold."""


class _PageAlone:
    """`Found` for a page checked alone: each answer asked of the page's facts when a rule
    needs it (made for one rule's decision, not kept)."""

    def __init__(self, page: Page, split: Split) -> None:
        self.page = page
        self.split = split

    @property
    def repeated_tag(self) -> str:
        return str(top_blocks(self.page)[self.split.first_repeated].tag)

    @property
    def heading(self) -> bool:
        return own_content.has_heading(self.page)

    @property
    def landmark(self) -> bool:
        return own_content.has_landmark(self.page)

    @property
    def skip(self) -> bool:
        return own_content.skip_links(self.page)[0]

    @property
    def broken_skip(self) -> str | None:
        broken = own_content.skip_links(self.page)[1]
        return broken[1] if broken is not None else None

    @property
    def collapsible(self) -> Ternary:
        return own_content.collapsible(self.page)

    @property
    def tab_stops(self) -> int:
        return own_content.tab_stops_before(self.page)

    def element(self, reported: Reported) -> Element:
        """The element a decision reports."""
        if reported == "broken-skip":
            broken = own_content.skip_links(self.page)[1]
            assert broken is not None, "no broken skip link to report"
            return broken[0]
        blocks = top_blocks(self.page)
        return blocks[
            self.split.first_repeated if reported == "first-repeated" else self.split.own[0]
        ]


class RepeatedContentRule(Rule):
    """A rule about the page's own content after its repeated blocks (see the module)."""

    judges_site: ClassVar[bool] = True

    def decide(self, found: Found) -> Iterator[Decision]:
        """What to report on a page with own content after repeated blocks."""
        raise NotImplementedError

    def applicable(self, page: Page) -> Sequence[Element]:
        split = own_content.own_content(page)
        if split is None:
            return []
        return [top_blocks(page)[split.first_repeated]]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        split = own_content.own_content(page)
        if split is None:
            return
        found = _PageAlone(page, split)
        for reported, outcome, message_id, args in self.decide(found):
            yield Result(found.element(reported), outcome, self._known(message_id), args)

    def summarize(self, page: Page) -> Structure[Located] | None:
        return located_structure(page)

    def judge(
        self, summaries: Mapping[str, Structure[Located] | None]
    ) -> Mapping[str, Sequence[SiteResult]]:
        known = {path: s for path, s in summaries.items() if s is not None}
        masks = sitewide_masks(known)
        judged: dict[str, list[SiteResult]] = {}
        for path, structure in known.items():
            found = verdict(structure, masks[path])
            if found is None:
                continue
            results = [
                SiteResult(
                    _where(structure, found, reported), outcome, self._known(message_id), args
                )
                for reported, outcome, message_id, args in self.decide(found)
            ]
            if results:
                judged[path] = results
        return judged


def _where(structure: Structure[Located], found: Verdict, reported: Reported) -> Located:
    if reported == "broken-skip":
        assert found.broken_at is not None, "no broken skip link to report"
        return structure.where[found.broken_at]
    return structure.where[
        found.first_repeated if reported == "first-repeated" else found.first_own
    ]


@page_fact
def located_structure(page: Page) -> Structure[Located] | None:
    """The page's structure with its elements located, for the site pass: made once per page,
    so the rules that share it send and keep one copy."""
    if not is_html_document(page):
        return None
    structure = with_links(page, page_structure(page))
    return replace(structure, where=locate_all(page, structure.where))


def block_name(found: Found) -> str:
    """How a message names the first repeated block: its tag, as written (`<nav>`)."""
    return f"<{found.repeated_tag}>"


__all__ = ["Decision", "Found", "RepeatedContentRule", "block_name"]
