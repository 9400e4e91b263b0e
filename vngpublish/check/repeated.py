"""The base of the rules about skipping repeated blocks (WCAG 2.4.1): one decision, per page
or for a site.

Each such rule decides from the page's `facts.blocks.Structure` and its `Verdict` which of
the structure's elements to report (`RepeatedContentRule.decide`). Checked alone, a page says
itself which of its blocks repeat (its banner, navigation, complementary and contentinfo
landmarks); in the site pass, a block repeats when an equivalent block is on another checked
page it links to (`facts.blocks.sitewide_masks`). The decision is the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from vngpublish.check.dom import Element
from vngpublish.check.facts.blocks import (
    Structure,
    Verdict,
    page_mask,
    page_structure,
    verdict,
)
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.site_links import sitewide_masks, with_links
from vngpublish.check.finding import Outcome
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.sitewide import Located, SiteResult, locate_all

Decision = tuple[int, Outcome, str, dict[str, Any]]
"""What to report: the `where` index of the element, the outcome, the message id and args."""


class RepeatedContentRule(Rule):
    """A rule about the page's own content after its repeated blocks (see the module)."""

    judges_site: ClassVar[bool] = True

    def decide(self, structure: Structure[Any], found: Verdict) -> Iterator[Decision]:
        """What to report on a page with own content after repeated blocks."""
        raise NotImplementedError

    def applicable(self, page: Page) -> Sequence[Element]:
        structure, found = _page_verdict(page)
        if found is None:
            return []
        return [structure.where[found.first_repeated]]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        structure, found = _page_verdict(page)
        if found is None:
            return
        for at, outcome, message_id, args in self.decide(structure, found):
            yield Result(structure.where[at], outcome, self._known(message_id), args)

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
                SiteResult(structure.where[at], outcome, self._known(message_id), args)
                for at, outcome, message_id, args in self.decide(structure, found)
            ]
            if results:
                judged[path] = results
        return judged


@page_fact
def located_structure(page: Page) -> Structure[Located] | None:
    """The page's structure with its elements located, for the site pass: made once per page,
    so the rules that share it send and keep one copy."""
    if not is_html_document(page):
        return None
    structure = with_links(page, page_structure(page))
    return replace(structure, where=locate_all(page, structure.where))


@page_fact
def _page_verdict(page: Page) -> tuple[Structure[Element], Verdict | None]:
    """The page's structure and its verdict when the page is checked alone."""
    structure = page_structure(page)
    if not is_html_document(page):
        return structure, None
    return structure, verdict(structure, page_mask(structure))


def block_name(structure: Structure[Any], index: int) -> str:
    """How a message names a block: its tag, as written (`<nav>`)."""
    return f"<{structure.blocks[index].tag}>"


__all__ = ["Decision", "RepeatedContentRule", "block_name"]
