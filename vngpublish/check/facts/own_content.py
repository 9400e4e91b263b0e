"""How a page checked alone lets users skip its repeated blocks to its own content: the
answers `blocks.verdict` gives for `blocks.page_mask`, each worked out only when a rule asks
for it, and read no further than the answer needs.

Most pages answer the cheap questions first: a page whose own content is in `<main>` has a
landmark there, whatever else it holds; the first link that reaches the own content makes
the page's skip link, the links after it are not looked at. Comparing pages (the site pass)
needs every answer for every block instead: `blocks.page_structure`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.blocks import Split, Ternary, broken_skip, repeats_alone, split
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.landmarks import landmark_role
from vngpublish.check.facts.top_blocks import (
    Landing,
    block_index,
    block_of,
    containing_block,
    is_collapsible,
    jump_links,
    jump_target,
    jump_works,
    landing,
    tab_stops,
    toggles,
    top_blocks,
)
from vngpublish.check.facts.visibility import is_hidden, is_rendered

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@page_fact
def own_content(page: Page) -> Split | None:
    """Where the page's own content is among its blocks, the page checked alone; None when
    there is nothing to skip, or the page is not an HTML document."""
    if not is_html_document(page):
        return None
    return split([repeats_alone(page, block) for block in top_blocks(page)])


def _own(page: Page) -> Split:
    found = own_content(page)
    assert found is not None, "asked about the own content of a page without one"
    return found


@page_fact
def has_heading(page: Page) -> bool:
    """The own content holds a rendered heading in the accessibility tree."""
    own = set(_own(page).own)
    index = block_index(page)
    return any(
        containing_block(heading.element, index) in own and is_rendered(page, heading.element)
        for heading in outline(page)
    )


@page_fact
def has_landmark(page: Page) -> bool:
    """A block of the own content is a landmark in the accessibility tree."""
    blocks = top_blocks(page)
    return any(
        landmark_role(page, blocks[i]) is not None and not is_hidden(page, blocks[i])
        for i in _own(page).own
    )


@page_fact
def skip_links(page: Page) -> tuple[bool, tuple[Element, str] | None]:
    """Whether a link in the page moves focus to the own content; if none does, the first
    link that looks like a skip link but fails, and why (see `blocks.broken_skip`)."""
    found = _own(page)
    own = set(found.own)
    index = block_index(page)
    landings: dict[Element, Landing] = {}
    broken: tuple[Element, str] | None = None
    for link, fragment in jump_links(page):
        target = jump_target(page, fragment)
        lands: Landing = (None, None)
        if target is not None:
            if target not in landings:
                landings[target] = landing(page, target, index)
            lands = landings[target]
        if jump_works(lands, own, found.first_repeated):
            return True, None  # the links after it do not matter
        if broken is None:
            block = block_of(page, link, index) if target is not None else 0
            why = broken_skip(lands, block, target is not None, found.own[0])
            broken = (link, why) if why is not None else None
    return False, broken


@page_fact
def collapsible(page: Page) -> Ternary:
    """Whether the repeated blocks before the own content can be collapsed: "yes" when each
    is in `details`, a `popover` or shown and hidden by a control; "maybe" when a scripted
    control before the own content might hide them; else "no"."""
    found = _own(page)
    blocks = top_blocks(page)
    if all(is_collapsible(page, blocks[i]) for i in found.before):
        return "yes"
    if any(block < found.own[0] for block in toggles(page, block_index(page))):
        return "maybe"
    return "no"


@page_fact
def tab_stops_before(page: Page) -> int:
    """How many elements in the tab order the repeated blocks before the own content hold
    (each block counted up to `top_blocks.TAB_STOPS_COUNTED`)."""
    blocks = top_blocks(page)
    return sum(tab_stops(page, blocks[i]) for i in _own(page).before)


__all__ = [
    "collapsible",
    "has_heading",
    "has_landmark",
    "own_content",
    "skip_links",
    "tab_stops_before",
]
