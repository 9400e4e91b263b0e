"""The page's top-level blocks of content, which of them are repeated, and how the page lets
users skip the repeated ones to its own content (WCAG 2.4.1; ACT cf77f2, 047fe0, b40fd1,
ye5d6e, 3e12e1).

The blocks are what a visitor meets from the top of the page: the body's children, going
into a container that holds landmarks, or a generic `div` that holds several blocks, so that
a header, a navigation, a sidebar and the content are each a block, as they are in the
usual page layouts. Each block has a digest of its text, so pages can be compared.

A block is *repeated* (ACT: "block of repeated content") when an equivalent block is on
another page this page links to. Comparing pages needs the site (`site_links`). A page on
its own (`page_mask`) says which of its blocks repeat by marking them, as the ACT rules'
assumptions allow: a landmark with the role banner, navigation, complementary or contentinfo
is taken to be the header, menu, sidebar or footer every page of the site has, except a
navigation whose links all lead into the page itself: that is its table of contents.

*The page's own content* (ACT: "non-repeated content after repeated content") is every
block after the first repeated block that is not repeated itself. `verdict` says, for a
page and which of its blocks repeat, whether the own content has a heading, starts a
landmark, is reached by a link in the page (a skip link), and whether the repeated blocks
before it can be collapsed.

`Structure` carries everything the verdict needs as small values; its `where` are the
elements it is about (blocks, then links), replaced by their places for the site pass.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Literal, TypeVar
from urllib.parse import unquote

from vngpublish.check.dom import collapse
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.focus import is_sequentially_focusable
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.landmarks import landmark_ancestors, landmark_role
from vngpublish.check.facts.links import links
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import (
    is_hidden,
    is_rendered,
    text_is_perceivable,
)

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

W = TypeVar("W")

REPEATED_ROLES = frozenset({"banner", "navigation", "complementary", "contentinfo"})
"""Landmark roles a page alone is taken to repeat on its other pages."""
MAX_BLOCKS = 24
"""Blocks kept of a page: the repeated ones to skip come first, and a summary stays small."""
DIGEST_TEXT = 500
"""Characters of a block's text its digest reads."""
_SKIP = frozenset({"script", "style", "template", "noscript", "link", "meta", "title", "base"})
_CONTAINERS = frozenset({"div", "center"})
_EMBEDDED = (
    "img",
    "svg",
    "video",
    "audio",
    "iframe",
    "object",
    "embed",
    "canvas",
    "input",
    "select",
    "textarea",
    "button",
    "math",
)
_HASH_IN_SCRIPT = re.compile(r"""['"]#([^'"\s]+)['"]""")
_NOT_INSTRUMENT_TYPES = frozenset({"submit", "reset"})

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
    `TAB_STOPS_COUNTED`."""
    contents_only: bool = False
    """A navigation whose links all lead to places in this page: its table of contents."""
    is_heading: bool = False
    """The block is a heading itself."""


@dataclass(frozen=True, slots=True)
class Jump:
    """A link to a place in the page (`href="#..."`, or a script going to `#...`)."""

    at: int
    """Its element: `where[at]`."""
    block: int
    """The block it is in (or the block after it)."""
    target: bool
    """Its target exists."""
    landing: int | None
    """The block whose content focus lands on, None when it goes to the top."""
    span: tuple[int, int] | None
    """When the target wraps blocks: the first and last of them."""


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
class Verdict:
    """How a page lets users skip its repeated blocks (see `verdict`)."""

    first_repeated: int
    first_own: int
    heading: bool
    landmark: bool
    skip: bool
    broken_skip: tuple[int, str] | None
    """A link that looks like a skip link but fails: its `where` index, and "no-target" or
    "lands-in-repeated"."""
    collapsible: Ternary
    tab_stops: int
    """How many elements in the tab order the repeated blocks before the own content hold."""


@page_fact
def page_structure(page: Page) -> Structure[Element]:
    """The page's blocks, links to places in it and possible toggles (see the module)."""
    body = page.body
    blocks_el = _top_blocks(page, body) if body is not None else []
    index = {el: i for i, el in enumerate(blocks_el)}
    headed = _headed_blocks(page, index)
    headings = {heading.element for heading in outline(page)}
    tabbable = _tabbable_blocks(page, index)
    controlled = _controlled_ids(page)
    blocks = tuple(
        Block(
            tag=str(el.tag),
            digest=_digest(page, el),
            role=landmark_role(page, el),
            in_tree=not is_hidden(page, el),
            heading=i in headed,
            collapsible=_collapsible(el, controlled),
            tab_stops=tabbable.get(i, 0),
            contents_only=_is_table_of_contents(page, el),
            is_heading=el in headings,
        )
        for i, el in enumerate(blocks_el)
    )
    where: list[Element] = list(blocks_el)
    jumps: list[Jump] = []
    landings: dict[Element, tuple[int | None, tuple[int, int] | None]] = {}
    for link, fragment in _jump_links(page):
        target = _target(page, fragment)
        landing: int | None = None
        span: tuple[int, int] | None = None
        if target is not None:
            if target not in landings:
                landings[target] = _landing(page, target, index)
            landing, span = landings[target]
        jumps.append(
            Jump(len(where), _block_of(page, link, index), target is not None, landing, span)
        )
        where.append(link)
    return Structure(
        key="",  # with the links: filled in for the site pass only (`site_links.with_links`)
        links_to=frozenset(),
        blocks=blocks,
        jumps=tuple(jumps),
        toggles=_toggles(page, index),
        where=tuple(where),
    )


def page_mask(structure: Structure[W]) -> list[bool]:
    """Which blocks repeat, from the page alone: its banner, navigation, complementary and
    contentinfo landmarks; not a navigation whose links all stay in the page (a table of
    contents is the page's own)."""
    return [block.role in REPEATED_ROLES and not block.contents_only for block in structure.blocks]


def verdict(structure: Structure[W], repeated: Sequence[bool]) -> Verdict | None:
    """How the page lets users skip its repeated blocks; None when no own content follows a
    repeated block (nothing to skip)."""
    first_repeated = next((i for i, rep in enumerate(repeated) if rep), None)
    if first_repeated is None:
        return None
    own = [i for i in range(first_repeated + 1, len(repeated)) if not repeated[i]]
    if not own:
        return None
    owned = set(own)
    blocks = structure.blocks
    skip = False
    broken: tuple[int, str] | None = None
    for jump in structure.jumps:
        if _jump_works(jump, owned, first_repeated):
            skip = True
        elif broken is None and jump.landing != 0 and (jump.block < own[0] or not jump.target):
            broken = (jump.at, "lands-in-repeated" if jump.target else "no-target")
    before = [i for i in range(first_repeated, own[0]) if repeated[i]]
    collapsible: Ternary = "no"
    if all(blocks[i].collapsible for i in before):
        collapsible = "yes"
    elif any(block < own[0] for block in structure.toggles):
        collapsible = "maybe"
    return Verdict(
        first_repeated=first_repeated,
        first_own=own[0],
        heading=any(blocks[i].heading for i in own),
        landmark=any(blocks[i].role is not None and blocks[i].in_tree for i in own),
        skip=skip,
        broken_skip=None if skip else broken,
        collapsible=collapsible,
        tab_stops=sum(blocks[i].tab_stops for i in before),
    )


def _jump_works(jump: Jump, own: set[int], first_repeated: int) -> bool:
    if jump.landing in own:
        return True
    # A target that wraps the content (`<div id="content">`) skips what comes before it,
    # whatever its first line is.
    return (
        jump.span is not None
        and jump.span[0] > first_repeated
        and any(i in own for i in range(jump.span[0], jump.span[1] + 1))
    )


def _top_blocks(page: Page, body: Element) -> list[Element]:
    """The blocks of the page, in document order (see the module)."""
    holders = landmark_ancestors(page)
    found: list[Element] = []
    stack = [iter(body)]
    while stack and len(found) < MAX_BLOCKS:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or child.tag in _SKIP or not _perceivable(page, child):
            continue
        if landmark_role(page, child) is None and (
            child in holders or (child.tag in _CONTAINERS and _holds_blocks(child))
        ):
            stack.append(iter(child))
            continue
        found.append(child)
    return found


def _holds_blocks(el: Element) -> bool:
    """A generic container of two or more elements that are not inline."""
    if el.get("role"):
        return False
    blocks = 0
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _SKIP:
            blocks += 1
            if blocks >= 2:
                return True
    return False


def _perceivable(page: Page, el: Element) -> bool:
    """The element holds content someone perceives: text, or an embedded element, that is
    visible or in the accessibility tree."""
    return _has_content(el) and text_is_perceivable(page, el)


def _has_content(el: Element) -> bool:
    """The element holds text or an embedded element (read only as far as needed)."""
    if any(piece.strip() for piece in el.itertext()):
        return True
    return el.tag in _EMBEDDED or any(True for _ in el.iter(*_EMBEDDED))


def _digest(page: Page, el: Element) -> str:
    """A digest of the block: its tag, its number of children, the start of its text and its
    images' text alternatives. Blocks that repeat are the same throughout; blocks that do
    not differ at their start, so a long block is not read to its end."""
    pieces: list[str] = []
    size = 0
    for piece in el.itertext():
        pieces.append(piece)
        size += len(piece)
        if size > DIGEST_TEXT:
            break
    alts = " ".join(img.get("alt") or "" for img in el.iter("img"))
    text = f"{el.tag}|{len(el)}|{collapse(''.join(pieces))[:DIGEST_TEXT]}|{collapse(alts)}"
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _headed_blocks(page: Page, index: dict[Element, int]) -> set[int]:
    found: set[int] = set()
    for heading in outline(page):
        el = heading.element
        block = _containing_block(el, index)
        if block is None or block in found:
            continue
        if is_rendered(page, el):
            found.add(block)
    return found


TAB_STOPS_COUNTED = 3
"""Tab stops counted per block, at most: enough to tell whether a skip link saves anything."""
_FOCUS_TAGS = ("a", "area", "button", "input", "select", "textarea", "summary", "audio", "video")


def _tabbable_blocks(page: Page, index: dict[Element, int]) -> dict[int, int]:
    """How many rendered elements in the tab order each block holds."""
    found: dict[int, int] = {}
    candidates = [*page.by_tag(*_FOCUS_TAGS), *page.with_attribute("tabindex")]
    for el in candidates:
        block = _containing_block(el, index)
        if block is None or found.get(block, 0) >= TAB_STOPS_COUNTED:
            continue
        if is_sequentially_focusable(el) and is_rendered(page, el):
            found[block] = found.get(block, 0) + 1
    return found


def _containing_block(el: Element, index: dict[Element, int]) -> int | None:
    if el in index:
        return index[el]
    for ancestor in el.iterancestors():
        if ancestor in index:
            return index[ancestor]
    return None


def _block_of(page: Page, el: Element, index: dict[Element, int]) -> int:
    found = _containing_block(el, index)
    return found if found is not None else _next_block(page, el, index, len(index))


def _next_block(page: Page, el: Element, index: dict[Element, int], default: int) -> int:
    """The first block after `el` in document order (or `default`)."""
    positions = _positions(page)
    position = positions.get(el)
    if position is None or not index:
        return default
    starts = sorted((positions[block], i) for block, i in index.items())
    found = bisect.bisect_right(starts, (position, len(index)))
    return starts[found][1] if found < len(starts) else default


@page_fact
def _positions(page: Page) -> dict[Element, int]:
    """Every element's position in document order."""
    return {el: i for i, el in enumerate(page.elements)}


def _controlled_ids(page: Page) -> set[str]:
    """Ids of elements that a control with `aria-expanded` shows and hides."""
    return {
        ref
        for el in page.with_attribute("aria-controls")
        if el.get("aria-expanded") is not None
        for ref in (el.get("aria-controls") or "").split()
    }


def _is_table_of_contents(page: Page, block: Element) -> bool:
    if landmark_role(page, block) != "navigation":
        return False
    hrefs = [(a.get("href") or "").strip() for a in block.iter("a", "area") if a.get("href")]
    return bool(hrefs) and all(href.startswith("#") for href in hrefs)


def _collapsible(block: Element, controlled: set[str]) -> bool:
    if block.get("popover") is not None:
        return True
    if any(a.tag == "details" for a in block.iterancestors()):
        return True
    return bool(controlled) and any(
        el.get("id") in controlled for el in block.iter() if el.get("id") is not None
    )


def _jump_links(page: Page) -> list[tuple[Element, str]]:
    """Links to places in the page, and scripted controls going to one, with the fragment."""
    found: list[tuple[Element, str]] = []
    for link in links(page):
        href = (link.get("href") or "").strip()
        if href.startswith("#") and len(href) > 1:
            found.append((link, unquote(href[1:])))
    for el in page.with_attribute("onclick"):
        match = _HASH_IN_SCRIPT.search(el.get("onclick") or "")
        if match and not is_hidden(page, el) and el not in {f[0] for f in found}:
            found.append((el, match.group(1)))
    return found


def _target(page: Page, fragment: str) -> Element | None:
    """The element a fragment leads to: its id, else an `a` with that name (HTML)."""
    found = page.by_id(fragment)
    if found is not None:
        return found
    return next((a for a in page.by_tag("a") if a.get("name") == fragment), None)


def _landing(
    page: Page, target: Element, index: dict[Element, int]
) -> tuple[int | None, tuple[int, int] | None]:
    """The block whose content focus reaches first after moving to `target`, and the blocks
    `target` wraps (if it wraps any)."""
    if target.tag in ("html", "body"):
        return None, None
    block = _containing_block(target, index)
    if block is None:
        inside = [index[el] for el in target.iter() if el in index]
        if inside:
            return inside[0], (inside[0], inside[-1])
        return _next_block(page, target, index, len(index)), None
    if _has_content(target) or _content_follows(page, target, index):
        return block, None
    return min(block + 1, len(index) - 1), None


def _content_follows(page: Page, el: Element, index: dict[Element, int]) -> bool:
    """Perceivable content follows `el` inside its block."""
    node = el
    while node not in index:
        if (node.tail or "").strip():
            return True
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str) and _perceivable(page, sibling):
                return True
            if (sibling.tail or "").strip():
                return True
        parent = node.getparent()
        if parent is None:
            return False
        node = parent
    return False


def _toggles(page: Page, index: dict[Element, int]) -> tuple[int, ...]:
    """Blocks holding a control that a script might use to hide content: on a page with
    scripts, a button, or a link that goes nowhere by itself."""
    if not page.by_tag("script") and not page.with_attribute("onclick"):
        return ()
    found: set[int] = set()
    candidates = [*page.by_tag("button"), *page.with_attribute("onclick")]
    candidates += [el for el in page.with_attribute("role") if role(page, el) == "button"]
    candidates += [
        a
        for a in page.with_attribute("href")
        if a.tag == "a"
        and (
            a.get("href", "").strip() == "#"
            or a.get("href", "").strip().lower().startswith("javascript:")
        )
    ]
    for el in candidates:
        if el.tag == "button" and (el.get("type") or "").lower() in _NOT_INSTRUMENT_TYPES:
            continue
        if is_hidden(page, el) and not is_rendered(page, el):
            continue
        found.add(_block_of(page, el, index))
    return tuple(sorted(found))


__all__ = [
    "REPEATED_ROLES",
    "Block",
    "Jump",
    "Structure",
    "Verdict",
    "page_mask",
    "page_structure",
    "verdict",
]
