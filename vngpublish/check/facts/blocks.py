"""Which of the page's top-level blocks are repeated, and how the page lets users skip the
repeated ones to its own content (WCAG 2.4.1; ACT cf77f2, 047fe0, b40fd1, ye5d6e, 3e12e1).

The blocks are `top_blocks.top_blocks`: a header, a navigation, a sidebar and the content are
each a block, as they are in the usual page layouts. Each block has a digest of its text, so
pages can be compared.

A block is *repeated* (ACT: "block of repeated content") when an equivalent block is on
another page this page links to. Comparing pages needs the site (`site_links`). A page on
its own (`page_mask`, `repeats_alone`) says which of its blocks repeat by marking them, as
the ACT rules' assumptions allow: a landmark with the role banner, navigation, complementary
or contentinfo is taken to be the header, menu, sidebar or footer every page of the site has,
except a navigation whose links all lead into the page itself: that is its table of contents.

*The page's own content* (ACT: "non-repeated content after repeated content") is every
block after the first repeated block that is not repeated itself (`split`). `verdict` says,
for a page's `Structure` and which of its blocks repeat, whether the own content has a
heading, starts a landmark, is reached by a link in the page (a skip link), and whether the
repeated blocks before it can be collapsed. A page checked alone gets the same answers from
`own_content`, each worked out only when a rule asks for it.

`Structure` carries everything the verdict needs as small values; its `where` are the
elements it is about (blocks, then links), replaced by their places for the site pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.landmarks import landmark_role
from vngpublish.check.facts.top_blocks import (
    Landing,
    block_index,
    block_of,
    digest,
    headed_blocks,
    is_collapsible,
    is_table_of_contents,
    jump_links,
    jump_target,
    jump_works,
    landing,
    tab_stops,
    toggles,
    top_blocks,
)
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

W = TypeVar("W")

REPEATED_ROLES = frozenset({"banner", "navigation", "complementary", "contentinfo"})
"""Landmark roles a page alone is taken to repeat on its other pages."""

Ternary = Literal["yes", "maybe", "no"]


@dataclass(frozen=True, slots=True)
class Block:
    """One top-level block: its element is `where[index]` of the structure."""

    tag: str
    digest: str
    role: str | None
    """Its landmark role, if it has one (in the accessibility tree or not)."""
    in_tree: bool
    heading: bool
    """It holds a rendered heading in the accessibility tree."""
    collapsible: bool
    """An instrument in the page can hide it (it is in `details`, a `popover`, or controlled
    by an element with `aria-expanded`)."""
    tab_stops: int
    """How many elements in the tab order it holds (links, buttons, form fields ...), up to
    `top_blocks.TAB_STOPS_COUNTED`."""
    contents_only: bool = False
    """A navigation whose links all lead to places in this page: its table of contents."""
    is_heading: bool = False
    """The block is a heading itself."""


@dataclass(frozen=True, slots=True)
class Jump:
    """A link to a place in the page (`href="#..."`, or a script going to `#...`)."""

    at: int | None
    """Its element: `where[at]`; None for a link no verdict can report (see
    `page_structure`), which is not located."""
    block: int
    """The block it is in (or the block after it)."""
    target: bool
    """Its target exists."""
    landing: Landing
    """The block whose content focus lands on, and the blocks its target wraps."""


@dataclass(frozen=True, slots=True)
class Structure(Generic[W]):
    """What the bypass rules know of a page, as small values (see the module)."""

    key: str
    """The page's file, resolved (what links of other pages resolve to; only in the site
    pass)."""
    links_to: frozenset[str]
    """The files the page links to, resolved the same way (only in the site pass: see
    `site_links.with_links`)."""
    blocks: tuple[Block, ...]
    jumps: tuple[Jump, ...]
    toggles: tuple[int, ...]
    """Blocks holding a scripted control that might hide content."""
    where: tuple[W, ...]


@dataclass(frozen=True, slots=True)
class Split:
    """Where a page's own content is among its blocks, given which of them repeat."""

    first_repeated: int
    own: tuple[int, ...]
    """The own content: the blocks after the first repeated one that do not repeat."""
    before: tuple[int, ...]
    """The repeated blocks from the first repeated one up to the own content."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a page lets users skip its repeated blocks (see `verdict`)."""

    first_repeated: int
    first_own: int
    repeated_tag: str
    """The tag of the first repeated block, as written."""
    heading: bool
    landmark: bool
    skip: bool
    broken_skip: str | None
    """When a link looks like a skip link but fails: "no-target" or "lands-in-repeated"."""
    broken_at: int | None
    """That link: its `where` index."""
    collapsible: Ternary
    tab_stops: int
    """How many elements in the tab order the repeated blocks before the own content hold."""


@page_fact
def page_structure(page: Page) -> Structure[Element]:
    """The page's blocks, links to places in it and possible toggles (see the module): all of
    it, for the site pass."""
    blocks_el = top_blocks(page)
    index = block_index(page)
    headed = headed_blocks(page, index)
    headings = {heading.element for heading in outline(page)}
    blocks = tuple(
        Block(
            tag=str(el.tag),
            digest=digest(el),
            role=landmark_role(page, el),
            in_tree=not is_hidden(page, el),
            heading=i in headed,
            collapsible=is_collapsible(page, el),
            tab_stops=tab_stops(page, el),
            contents_only=is_table_of_contents(page, el),
            is_heading=el in headings,
        )
        for i, el in enumerate(blocks_el)
    )
    where: list[Element] = list(blocks_el)
    jumps: list[Jump] = []
    landings: dict[Element, Landing] = {}
    # A link is reported only as the first broken one (`broken_skip`) of a page whose own
    # content starts at some block F >= 1. A link before it without a target is broken for
    # every F; one with a target that does not land in the first block is broken for every F
    # above its block, so F is at most the lowest such block (`below`). Links that no F
    # leaves first are not located (the site pass locates each element it keeps: costly).
    untargeted_before = False
    below = len(blocks_el) + 1
    for link, fragment in jump_links(page):
        target = jump_target(page, fragment)
        lands: Landing = (None, None)
        if target is not None:
            if target not in landings:
                landings[target] = landing(page, target, index)
            lands = landings[target]
        block = block_of(page, link, index)
        first_broken = lands[0] != 0 and not untargeted_before
        if first_broken and (block < below if target is not None else below >= 1):
            jumps.append(Jump(len(where), block, target is not None, lands))
            where.append(link)
        else:
            jumps.append(Jump(None, block, target is not None, lands))
        if lands[0] != 0:
            if target is None:
                untargeted_before = True
            else:
                below = min(below, block)
    return Structure(
        key="",  # with the links: filled in for the site pass only (`site_links.with_links`)
        links_to=frozenset(),
        blocks=blocks,
        jumps=tuple(jumps),
        toggles=toggles(page, index),
        where=tuple(where),
    )


def page_mask(structure: Structure[W]) -> list[bool]:
    """Which blocks repeat, from the page alone: its banner, navigation, complementary and
    contentinfo landmarks; not a navigation whose links all stay in the page (a table of
    contents is the page's own)."""
    return [block.role in REPEATED_ROLES and not block.contents_only for block in structure.blocks]


def repeats_alone(page: Page, block: Element) -> bool:
    """`page_mask` for one block, asked of the page."""
    return landmark_role(page, block) in REPEATED_ROLES and not is_table_of_contents(page, block)


def split(repeated: Sequence[bool]) -> Split | None:
    """Where the own content is; None when no own content follows a repeated block (nothing
    to skip)."""
    first_repeated = next((i for i, rep in enumerate(repeated) if rep), None)
    if first_repeated is None:
        return None
    own = tuple(i for i in range(first_repeated + 1, len(repeated)) if not repeated[i])
    if not own:
        return None
    before = tuple(i for i in range(first_repeated, own[0]) if repeated[i])
    return Split(first_repeated, own, before)


def broken_skip(lands: Landing, block: int, target: bool, first_own: int) -> str | None:
    """Why a link to a place in the page that does not reach the own content looks like a
    broken skip link: "no-target" or "lands-in-repeated"; None when it goes to the top of
    the page, or lands after the repeated blocks. (`block` is where the link is.)"""
    if lands[0] == 0 or (block >= first_own and target):
        return None
    return "lands-in-repeated" if target else "no-target"


def verdict(structure: Structure[W], repeated: Sequence[bool]) -> Verdict | None:
    """How the page lets users skip its repeated blocks; None when no own content follows a
    repeated block (nothing to skip)."""
    found = split(repeated)
    if found is None:
        return None
    own = set(found.own)
    first_own = found.own[0]
    blocks = structure.blocks
    skip = False
    broken: tuple[Jump, str] | None = None
    for jump in structure.jumps:
        if jump_works(jump.landing, own, found.first_repeated):
            skip = True
        elif broken is None:
            why = broken_skip(jump.landing, jump.block, jump.target, first_own)
            broken = (jump, why) if why is not None else None
    collapsible: Ternary = "no"
    if all(blocks[i].collapsible for i in found.before):
        collapsible = "yes"
    elif any(block < first_own for block in structure.toggles):
        collapsible = "maybe"
    if skip:
        broken = None
    elif broken is not None:
        assert broken[0].at is not None, "the first broken link is located (page_structure)"
    return Verdict(
        first_repeated=found.first_repeated,
        first_own=first_own,
        repeated_tag=blocks[found.first_repeated].tag,
        heading=any(blocks[i].heading for i in own),
        landmark=any(blocks[i].role is not None and blocks[i].in_tree for i in own),
        skip=skip,
        broken_skip=broken[1] if broken else None,
        broken_at=broken[0].at if broken else None,
        collapsible=collapsible,
        tab_stops=sum(blocks[i].tab_stops for i in found.before),
    )


__all__ = [
    "REPEATED_ROLES",
    "Block",
    "Jump",
    "Split",
    "Structure",
    "Ternary",
    "Verdict",
    "broken_skip",
    "page_mask",
    "page_structure",
    "repeats_alone",
    "split",
    "verdict",
]
