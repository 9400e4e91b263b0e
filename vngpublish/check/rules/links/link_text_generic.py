"""link-text-generic."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text, text_content
from vngpublish.check.facts.content_model import HEADING_TAGS, TEXT_LEVEL
from vngpublish.check.facts.generic_links import GenericLink, generic_links
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.links import link_target
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.wordlists import (
    normalise_link_text,
)
from vngpublish.i18n import N_

# Elements whose text WCAG counts as programmatically determined link context (paragraph, list
# item, table cell, heading); checked for every such ancestor, so a parent list item counts.
_CONTEXT_BLOCKS = frozenset(
    ("p", "li", "td", "th", "dd", "dt", "caption", "figcaption", *HEADING_TAGS)
)
_WORD = re.compile(r"\w{2,}")
_CONTEXT_CHARS = 80  # how much context text a message shows


class LinkTextGeneric(Rule):
    """Applies to every element with role `link` in the accessibility tree whose accessible
    name is only a generic phrase from the word lists (`checks/wordlists/<lang>.txt`): the
    list of the link's language (chosen by the primary subtag of its `lang`), then every
    other list, since an English "Read more" left in a Dutch page says as little as "Lees
    meer". Phrases listed after `[only in this language]` count only for links in that list's
    language, because as a whole link text they can be a real name elsewhere: French "Plus"
    is also a Dutch supermarket chain, so a "Plus" link on a Dutch page does not apply. When
    the link's language is missing or has no list, those phrases count for no link. Case,
    spacing, brackets, trailing punctuation and arrows are ignored: "[Lees meer »]" is
    generic. A name that adds the purpose does not apply, however it is given: visible text,
    visually hidden text inside the link, or `aria-label`/`aria-labelledby` that includes the
    visible words.

    Fails when nothing programmatically tied to the link gives its purpose: no other text in
    its sentence, paragraph, list item (or parent list item) or table cell, no table headers,
    no term (`dt`) for its `dd`, no description (`aria-describedby`, `title`), and no heading
    before it. That is a certain failure of 2.4.4 (A). Also fails: several links with the
    same generic name and no context of their own share the nearest heading but go to
    different pages; the name plus that heading is then the same for links with different
    destinations, so the context cannot be what tells their purpose.

    Needs review when a context exists: 2.4.4 (A) allows the purpose to come from that
    context, so a person has to check whether it does; the link still fails 2.4.9 (AAA, link
    text alone), and is a usability problem either way.
    """

    id = "link-text-generic"
    title = N_("Link text says where the link goes")
    level = "A"
    wcag = ("2.4.4",)
    act = ("5effbb",)
    tags = ("links", "language")
    why = N_(
        "In a list of links, 'Lees meer, Lees meer, Lees meer' says nothing; speech input "
        "users cannot say which one they mean."
    )
    fix = N_(
        "Put the purpose in the link text ('Lees meer over de Spreidingswet'), or add it "
        "as visually hidden text inside the link, or an aria-label that starts with the "
        "visible words."
    )
    messages = {
        "no-context": N_(
            "The link text “{name}” does not say where the link goes, and nothing around it "
            "does (no sentence, list item, table cell or heading): put the purpose in the link "
            "text, for example “Read more about the council meeting”."
        ),
        "same-heading-other-targets": N_(
            "Links named “{name}” after the heading “{heading}” go to {count} different pages, "
            "so neither their text nor their context tells them apart: put the purpose in each "
            "link text."
        ),
        "heading-context": N_(
            "The link text “{name}” does not say where the link goes on its own (fails WCAG "
            "2.4.9, AAA). It meets 2.4.4 only if the heading “{heading}” before it makes the "
            "purpose clear: check that, or better, put the purpose in the link text."
        ),
        "text-context": N_(
            "The link text “{name}” does not say where the link goes on its own (fails WCAG "
            "2.4.9, AAA). It meets 2.4.4 only if the text around it, “{context}”, makes the "
            "purpose clear: check that, or better, put the purpose in the link text."
        ),
        "table-header-context": N_(
            "The link text “{name}” does not say where the link goes on its own (fails WCAG "
            "2.4.9, AAA). It meets 2.4.4 only if the table headers “{context}” make the purpose "
            "clear: check that, or better, put the purpose in the link text."
        ),
        "description-context": N_(
            "The link text “{name}” does not say where the link goes on its own (fails WCAG "
            "2.4.9, AAA). It meets 2.4.4 only if its description “{context}” makes the purpose "
            "clear: check that, or better, put the purpose in the link text."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [g.link for g in generic_links(page)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        generic = generic_links(page)
        nearest = _nearest_headings(page, [g.link for g in generic])
        # Links without context of their own, grouped by generic text and the heading before
        # them, to find groups whose members lead to different places.
        groups: dict[tuple[str, int], set[str]] = {}
        headers_cache: dict[Element, str] = {}  # table headers' text, per table
        pending: list[tuple[GenericLink, Element | None]] = []
        for g in generic:
            context = _own_context(page, g.link, g.name, headers_cache)
            if context is not None:
                message_id, text = context
                yield self.cant_tell(g.link, message_id, name=g.name, context=_short(text))
                continue
            heading = nearest.get(g.link)
            if heading is not None and normalise_link_text(accessible_name(page, heading)) == g.key:
                heading = None
            pending.append((g, heading))
            if heading is not None:
                target = link_target(page, g.link)
                targets_seen = groups.setdefault((g.key, id(heading)), set())
                if target is not None:
                    targets_seen.add(target)
        for g, heading in pending:
            if heading is None:
                yield self.fail(g.link, "no-context", name=g.name)
                continue
            heading_name = _short(accessible_name(page, heading))
            count = len(groups[(g.key, id(heading))])
            if count > 1:
                yield self.fail(
                    g.link,
                    "same-heading-other-targets",
                    name=g.name,
                    heading=heading_name,
                    count=count,
                )
            else:
                yield self.cant_tell(g.link, "heading-context", name=g.name, heading=heading_name)


def _own_context(
    page: Page, link: Element, name: str, headers_cache: dict[Element, str]
) -> tuple[str, str] | None:
    """The message id and the text of the nearest context tied to the link other than a
    heading."""
    ancestors = list(link.iterancestors())
    chain = set(ancestors)
    read: dict[Element, str] = {}  # blocks on the way up already read in full
    # The nearest ancestor that is not phrasing content is the block holding the link's line.
    container = next((a for a in ancestors if a.tag not in TEXT_LEVEL), None)
    for ancestor in ancestors:
        if ancestor is container or ancestor.tag in _CONTEXT_BLOCKS:
            text = _inline_text(page, ancestor, link, chain, read)
            if _WORD.search(text):
                return "text-context", text
        if ancestor.tag in ("td", "th"):
            headers = _table_headers(page, ancestor, headers_cache)
            if headers:
                return "table-header-context", headers
        if ancestor.tag == "dd":
            term = _term_of(page, ancestor)
            if _WORD.search(term):
                return "text-context", term
        if ancestor.tag == "body":
            break
    description = _description(page, link, name)
    if description:
        return "description-context", description
    return None


def _inline_text(
    page: Page, block: Element, link: Element, chain: set[Element], read: dict[Element, str]
) -> str:
    """The text of `block` on the link's lines: without the link itself, without hidden
    content, and without other blocks (a following paragraph is not the link's sentence).

    Pieces are joined as they render: inline elements add no space ("<b>Wet</b>: de brief"
    reads "Wet: de brief"), block boundaries and line breaks do. Stops once it has enough for
    the message, so a cell with thousands of links is not read in full for each of them.

    A block read in full is kept in `read`: a block further up reads it again as one piece
    (it had no word, or the search would have stopped). The text may then run on past where
    reading piece by piece would have stopped, but only beyond the start the message shows."""
    parts: list[str] = []
    visible = 0  # characters other than whitespace read so far
    for piece in _inline_pieces(page, block, link, chain, read):
        parts.append(piece)
        if not piece or piece.isspace():
            continue  # most pieces in a layout table: the gap another block leaves
        visible += len("".join(piece.split()))
        # Collapsing whitespace keeps every other character, so the text is long enough.
        if visible > _CONTEXT_CHARS:
            text = " ".join("".join(parts).split())
            if _WORD.search(text):
                return text
    raw = read[block] = "".join(parts)
    return " ".join(raw.split())


# Phrasing elements that separate the text around them when rendered: a line break, or a box
# of their own (an image or a form control) between two words.
_SEPARATING = frozenset(
    (
        "br",
        "img",
        "input",
        "select",
        "textarea",
        "button",
        "iframe",
        "embed",
        "object",
        "video",
        "audio",
        "canvas",
        "svg",
        "math",
        "meter",
        "progress",
    )
)


def _inline_pieces(
    page: Page, block: Element, link: Element, chain: set[Element], read: dict[Element, str]
) -> Iterator[str]:
    if block.text:
        yield block.text
    # Into the elements holding the link with a stack of their children, not by recursion:
    # inline elements nest as deep as the parser allows, deeper than Python's stack.
    # Each entry: the children still to read, and the gap and tail that follow the element.
    stack: list[tuple[Iterator[Element], str, str]] = [(iter(block), "", "")]
    while stack:
        children, closing_gap, tail_after = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack:  # the end of an element holding the link, not of the block itself
                yield closing_gap
                if tail_after:
                    yield tail_after
            continue
        tag = child.tag
        if not isinstance(tag, str) or child is link:
            pass  # a comment or processing instruction; the link is not its own context
        elif tag not in TEXT_LEVEL and child not in chain:
            yield " "  # another block is left out, but it still ends the line before it
        elif not is_hidden(page, child):
            # Asked only here: a layout cell holds many blocks that are skipped either way.
            # Blocks holding the link, line breaks and boxes such as images separate the text
            # around them; other inline elements join it as it is written.
            gap = " " if tag not in TEXT_LEVEL or tag in _SEPARATING else ""
            yield gap
            if child in read:
                yield read[child]
            elif child in chain:
                if child.text:
                    yield child.text
                stack.append((iter(child), gap, child.tail or ""))
                continue  # its gap and tail come when its children are read
            else:
                yield text_content(child)
            yield gap
        if child.tail:
            yield child.tail


def _table_headers(page: Page, cell: Element, cache: dict[Element, str]) -> str:
    table = next((a for a in cell.iterancestors("table")), None)
    if table is None:
        return ""
    if table not in cache:
        texts: list[str] = []
        if role(page, table) not in ("presentation", "none"):
            texts = [collapsed_text(th) for th in table.iter("th") if not is_hidden(page, th)]
        cache[table] = " / ".join(t for t in texts if t)
    return cache[table]


def _term_of(page: Page, definition: Element) -> str:
    """The text of the `dt` terms a `dd` describes (the ones right before it)."""
    terms: list[str] = []
    for sibling in definition.itersiblings(preceding=True):
        if sibling.tag == "dt":
            terms.insert(0, collapsed_text(sibling))
        elif terms or sibling.tag != "dd":
            break
    return " ".join(terms)


def _description(page: Page, link: Element, name: str) -> str:
    texts = []
    for ref in (link.get("aria-describedby") or "").split():
        target = page.by_id(ref)
        if target is not None:
            texts.append(collapsed_text(target))
    title = " ".join((link.get("title") or "").split())
    if title and normalise_link_text(title) != normalise_link_text(name):
        texts.append(title)
    text = " ".join(t for t in texts if t)
    return text if _WORD.search(text) else ""


def _nearest_headings(page: Page, targets: list[Element]) -> dict[Element, Element]:
    """For each target link, the nearest heading with a name before it in document order.

    A binary search over the headings (in document order) for each link, comparing positions
    through their ancestors: the links are few, and a pass over every element of the page
    would cost more."""
    headings = [h.element for h in outline(page) if accessible_name(page, h.element)]
    nearest: dict[Element, Element] = {}
    for link in targets:
        low, high = 0, len(headings)  # headings[:low] precede the link, headings[high:] not
        while low < high:
            middle = (low + high) // 2
            if _precedes(headings[middle], link):
                low = middle + 1
            else:
                high = middle
        if low:
            nearest[link] = headings[low - 1]
    return nearest


def _precedes(first: Element, second: Element) -> bool:
    """True when `first` starts before `second` in document order (an ancestor does)."""
    if first is second:
        return False
    path = [first, *first.iterancestors()][::-1]  # from the root down to `first`
    other = [second, *second.iterancestors()][::-1]
    depth = 0
    while depth < len(path) and depth < len(other) and path[depth] is other[depth]:
        depth += 1
    if depth == len(path):
        return True  # `first` holds `second`
    if depth == len(other) or depth == 0:
        return False  # `second` holds `first` (or they are in different trees)
    parent = path[depth - 1]
    before: bool = parent.index(path[depth]) < parent.index(other[depth])
    return before


def _short(text: str, limit: int = _CONTEXT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
