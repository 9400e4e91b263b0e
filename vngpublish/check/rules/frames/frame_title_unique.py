"""frame-title-unique."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.frames import Frame, frame
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class FrameTitleUnique(Rule):
    """Applies to every set of two or more iframes in the accessibility tree whose accessible
    names match (ignoring case and surrounding spaces).

    Passes when the iframes of a set embed the same resource: the same `srcdoc`, or `src`
    URLs that resolve to the same file or address (relative URLs against the page,
    root-relative ones against the site root), or files of the site with the same content.
    Different resources may still serve the same purpose (two copies of one map), which only
    a person can judge, so an iframe that embeds something else than the first one with its
    name needs review.
    """

    id = "frame-title-unique"
    title = N_("Iframes with the same name embed the same content")
    level = "A"
    wcag = ("4.1.2",)
    act = ("4b1c6c",)
    axe = ("frame-title-unique",)
    tags = ("frames", "names")
    why = N_(
        "Screen reader users pick an iframe from a list by its name: two iframes with the same "
        "name but different content cannot be told apart."
    )
    fix = N_(
        "Give iframes with different content titles that tell them apart (“Kaart: "
        "gemeentehuis”, “Kaart: stadskantoor”)."
    )
    messages = {
        "other-content": N_(
            "This iframe has the same name, “{name}”, as the iframe on line {line}, but embeds "
            "something else: check that both show the same content, or give them names that "
            "tell them apart."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [el for group in _same_name_groups(page) for el in group]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for group in _same_name_groups(page):
            first = group[0]
            for other in group[1:]:
                if not _same_content(frame(page, first), frame(page, other)):
                    yield self.cant_tell(
                        other, "other-content", name=accessible_name(page, other), line=line(first)
                    )


def _same_content(one: Frame, other: Frame) -> bool:
    if one.key == other.key:
        return True
    if one.document is None or other.document is None:
        return False
    return one.document.source == other.document.source


@page_fact
def _same_name_groups(page: Page) -> list[list[Element]]:
    """The page's iframes grouped by matching accessible name: groups of two or more."""
    by_name: dict[str, list[Element]] = {}
    for el in page.by_tag("iframe"):
        if is_hidden(page, el):
            continue
        name = accessible_name(page, el)
        if name:
            by_name.setdefault(" ".join(name.casefold().split()), []).append(el)
    return [group for group in by_name.values() if len(group) >= 2]
