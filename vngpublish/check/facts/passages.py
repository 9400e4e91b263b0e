"""Passages of prose: the text of paragraphs, list items, quotes and table cells, as the
language rules read it.

A passage's text is its own: nested blocks are passages of their own, and text inside an
element with its own `lang`, inside code (`code`, `pre`, `kbd`, `samp`, `var`), scripts or
SVG is left out. Web addresses and e-mail addresses are removed, since they are in no
language. Blocks in a `template` are not passages; whether a passage is perceivable (not
hidden) is left to the rule, which asks it only of the passages long enough to matter.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

BLOCKS = ("p", "li", "blockquote", "q", "td", "th", "dd", "figcaption")
NOT_PROSE = frozenset(
    {"script", "style", "template", "noscript", "svg", "math", "code", "pre", "kbd", "samp",
     "var", "textarea", "select"}
)  # fmt: skip
_ADDRESSES = re.compile(
    r"\S+@\S+\.\w+|(?:https?://|www\.)\S+|\S+\.(?:nl|com|org|eu|html?)\b\S*", re.I
)


def own_text(page: Page, root: Element, *, within_blocks: bool, limit: int | None = None) -> str:
    """The text of `root` in its own language: without text in elements with their own
    `lang`, in code or scripts, and, unless `within_blocks`, in nested passage blocks.
    Addresses removed, whitespace collapsed. With `limit`, reading stops once that many
    characters are read (the start of a long text is enough to know its language)."""
    if within_blocks and root not in _holds_skipped(page):
        parts = _all_text(root, limit)  # nothing to leave out: lxml reads it
    else:
        parts = _walk_text(page, root, within_blocks, limit)
    text = " ".join(parts)
    if "@" in text or "://" in text or "www." in text:
        text = _ADDRESSES.sub(" ", text)
    return " ".join(text.split())


def _all_text(root: Element, limit: int | None) -> list[str]:
    """The pieces of text under `root` in document order (its tail not), up to `limit`."""
    parts: list[str] = []
    read = 0
    for piece in root.itertext():
        parts.append(piece)
        read += len(piece)
        if limit is not None and read >= limit:
            break
    return parts


def _walk_text(page: Page, root: Element, within_blocks: bool, limit: int | None) -> list[str]:
    """The pieces of `own_text`, leaving out what it leaves out."""
    parts: list[str] = []
    read = 0
    if root.text:
        parts.append(root.text)
        read = len(root.text)
    stack: list[tuple[Element, bool]] = [(child, True) for child in reversed(root)]
    skip_blocks = frozenset(BLOCKS) if not within_blocks else frozenset()
    lang_attributes = _lang_attributes(page)
    while stack:
        if limit is not None and read >= limit:
            break
        el, enter = stack.pop()
        if not enter:
            if el.tail:
                parts.append(el.tail)
                read += len(el.tail)
            continue
        tag = el.tag
        stack.append((el, False))  # its tail, after its content
        if (
            not isinstance(tag, str)
            or tag in NOT_PROSE
            or tag in skip_blocks
            or any(el.get(a) is not None for a in lang_attributes)
        ):
            continue
        if el.text:
            parts.append(el.text)
            read += len(el.text)
        stack.extend((child, True) for child in reversed(el))
    return parts


def _lang_attributes(page: Page) -> tuple[str, ...]:
    return ("lang", "xml:lang") if page.is_xhtml else ("lang",)


@page_fact
def _holds_skipped(page: Page) -> set[Element]:
    """The elements with something inside that `own_text` leaves out even within blocks: an
    element with its own `lang`, or code, a script, SVG (an element's text read by lxml at once
    is its own text when it holds none of these)."""
    found: set[Element] = set()
    skipped = [el for tag in NOT_PROSE for el in page.by_tag(tag)]
    skipped += [el for name in _lang_attributes(page) for el in page.with_attribute(name)]
    for el in skipped:
        for ancestor in el.iterancestors():
            if ancestor in found:
                break
            found.add(ancestor)
    return found


MIN_CHARS = 100
"""A passage has at least this many characters of its own text: shorter text is a name, a term
or a phrase."""


@page_fact
def passage_blocks(page: Page) -> list[tuple[Element, str]]:
    """The blocks that may be passages, in document order, each with all the text under it
    (read by lxml at once: an upper bound of its own text, and for most blocks the same), when
    that has at least `MIN_CHARS` characters; not in a `template` or in code."""
    in_code = _blocks_in_code(page)
    templates = bool(page.by_tag("template"))
    found = []
    for el in page.by_tag(*BLOCKS):
        if len(el):
            whole = etree.tostring(el, method="text", encoding=str, with_tail=False)
        else:  # no children: its text is all there is (and a lot cheaper to read)
            whole = el.text or ""
        if len(whole) < MIN_CHARS or el in in_code or (templates and in_template(page, el)):
            continue
        found.append((el, whole))
    return found


def _blocks_in_code(page: Page) -> set[Element]:
    """The blocks inside an element whose text is not prose (code, SVG, a script): found from
    those elements down, since most pages have few of them and most of those are empty."""
    found: set[Element] = set()
    for tag in NOT_PROSE:
        for el in page.by_tag(tag):
            if len(el):
                found.update(el.iter(*BLOCKS))
    return found
