"""The page's top-level blocks of content, and what the bypass rules ask of them and of the
links to places in the page (see `facts.blocks` for what they are for).

The blocks are what a visitor meets from the top of the page: the body's children, going
into a container that holds landmarks, or a generic `div` that holds several blocks, so that
a header, a navigation, a sidebar and the content are each a block, as they are in the
usual page layouts. Blocks never nest: each is a subtree of its own.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from vngpublish.check.dom import collapse
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.focus import is_sequentially_focusable
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.landmarks import landmark_ancestors, landmark_role
from vngpublish.check.facts.links import links
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden, is_rendered, text_is_perceivable

if TYPE_CHECKING:
    from collections.abc import Iterator

    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

MAX_BLOCKS = 24
"""Blocks kept of a page: the repeated ones to skip come first, and a summary stays small."""
DIGEST_TEXT = 500
"""Characters of a block's text its digest reads."""
TAB_STOPS_COUNTED = 3
"""Tab stops counted per block, at most: enough to tell whether a skip link saves anything."""
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
_FOCUS_TAGS = ("a", "area", "button", "input", "select", "textarea", "summary", "audio", "video")
_FOCUS_TAG_SET = frozenset(_FOCUS_TAGS)
_HASH_IN_SCRIPT = re.compile(r"""['"]#([^'"\s]+)['"]""")
_NOT_INSTRUMENT_TYPES = frozenset({"submit", "reset"})

Landing = tuple[int | None, tuple[int, int] | None]
"""Where a link to a place in the page leads: the block whose content focus lands on (None
for the top of the page), and the blocks its target wraps, the first and the last (if it
wraps any)."""


@page_fact
def top_blocks(page: Page) -> list[Element]:
    """The blocks of the page, in document order (see the module)."""
    body = page.body
    if body is None:
        return []
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


@page_fact
def block_index(page: Page) -> dict[Element, int]:
    """Each block's place among `top_blocks`."""
    return {el: i for i, el in enumerate(top_blocks(page))}


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


def containing_block(el: Element, index: dict[Element, int]) -> int | None:
    """The block `el` is in (or is), if any."""
    if el in index:
        return index[el]
    for ancestor in el.iterancestors():
        if ancestor in index:
            return index[ancestor]
    return None


def block_of(page: Page, el: Element, index: dict[Element, int]) -> int:
    """The block `el` is in, else the first block after it (else one past the last)."""
    found = containing_block(el, index)
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


def digest(el: Element) -> str:
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


def headed_blocks(page: Page, index: dict[Element, int]) -> set[int]:
    """The blocks holding a rendered heading in the accessibility tree."""
    found: set[int] = set()
    for heading in outline(page):
        el = heading.element
        block = containing_block(el, index)
        if block is None or block in found:
            continue
        if is_rendered(page, el):
            found.add(block)
    return found


def tab_stops(page: Page, block: Element) -> int:
    """How many rendered elements in the tab order `block` holds, up to `TAB_STOPS_COUNTED`
    (read no further)."""
    found = 0
    for el in _focus_candidates(page, block):
        if is_sequentially_focusable(el) and is_rendered(page, el):
            found += 1
            if found >= TAB_STOPS_COUNTED:
                break
    return found


def _focus_candidates(page: Page, block: Element) -> Iterator[Element]:
    """The elements of `block` that may be in the tab order, each once: those focusable by
    their tag, then the others with `tabindex`."""
    yield from block.iter(*_FOCUS_TAGS)
    for el in _with_tabindex(page).get(block_index(page)[block], ()):
        if el.tag not in _FOCUS_TAG_SET:
            yield el


@page_fact
def _with_tabindex(page: Page) -> dict[int, list[Element]]:
    """The elements with `tabindex` in each block."""
    index = block_index(page)
    found: dict[int, list[Element]] = {}
    for el in page.with_attribute("tabindex"):
        block = containing_block(el, index)
        if block is not None:
            found.setdefault(block, []).append(el)
    return found


@page_fact
def controlled_ids(page: Page) -> set[str]:
    """Ids of elements that a control with `aria-expanded` shows and hides."""
    return {
        ref
        for el in page.with_attribute("aria-controls")
        if el.get("aria-expanded") is not None
        for ref in (el.get("aria-controls") or "").split()
    }


def is_collapsible(page: Page, block: Element) -> bool:
    """An instrument in the page can hide the block: it is in `details`, a `popover`, or
    holds an element a control with `aria-expanded` shows and hides."""
    if block.get("popover") is not None:
        return True
    if any(a.tag == "details" for a in block.iterancestors()):
        return True
    controlled = controlled_ids(page)
    return bool(controlled) and any(
        el.get("id") in controlled for el in block.iter() if el.get("id") is not None
    )


def is_table_of_contents(page: Page, block: Element) -> bool:
    """A navigation whose links all lead to places in this page."""
    if landmark_role(page, block) != "navigation":
        return False
    hrefs = [(a.get("href") or "").strip() for a in block.iter("a", "area") if a.get("href")]
    return bool(hrefs) and all(href.startswith("#") for href in hrefs)


@page_fact
def jump_links(page: Page) -> list[tuple[Element, str]]:
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


def jump_target(page: Page, fragment: str) -> Element | None:
    """The element a fragment leads to: its id, else an `a` with that name (HTML)."""
    found = page.by_id(fragment)
    if found is not None:
        return found
    return next((a for a in page.by_tag("a") if a.get("name") == fragment), None)


def landing(page: Page, target: Element, index: dict[Element, int]) -> Landing:
    """The block whose content focus reaches first after moving to `target`, and the blocks
    `target` wraps (if it wraps any)."""
    if target.tag in ("html", "body"):
        return None, None
    block = containing_block(target, index)
    if block is None:
        inside = [index[el] for el in target.iter() if el in index]
        if inside:
            return inside[0], (inside[0], inside[-1])
        return _next_block(page, target, index, len(index)), None
    if _has_content(target) or _content_follows(page, target, index):
        return block, None
    return min(block + 1, len(index) - 1), None


def jump_works(lands: Landing, own: set[int], first_repeated: int) -> bool:
    """A link landing there moves focus to the own content (`own`), after the repeated
    blocks from `first_repeated` on."""
    block, span = lands
    if block in own:
        return True
    # A target that wraps the content (`<div id="content">`) skips what comes before it,
    # whatever its first line is.
    return (
        span is not None
        and span[0] > first_repeated
        and any(i in own for i in range(span[0], span[1] + 1))
    )


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


def toggles(page: Page, index: dict[Element, int]) -> tuple[int, ...]:
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
        found.add(block_of(page, el, index))
    return tuple(sorted(found))


__all__ = [
    "TAB_STOPS_COUNTED",
    "Landing",
    "block_index",
    "block_of",
    "containing_block",
    "controlled_ids",
    "digest",
    "headed_blocks",
    "is_collapsible",
    "is_table_of_contents",
    "jump_links",
    "jump_target",
    "jump_works",
    "landing",
    "tab_stops",
    "toggles",
    "top_blocks",
]
