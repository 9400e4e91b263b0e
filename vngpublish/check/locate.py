"""Where a reported element is and how it reads: line, column, CSS selector, snippet.

Every answer is worked out once per page and element and kept in the page's fact store, so
findings on one part of a page share the work (a selector builds on its parent's).
"""

from __future__ import annotations

import re
from html import escape

from lxml import etree

from vngpublish.check.dom import Element
from vngpublish.check.facts.fact import inherited_fact, page_fact
from vngpublish.check.page import Page

_CSS_IDENT = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")
_START_TAGS: dict[str, re.Pattern[str]] = {}  # "<tag" patterns for `column`, by tag
_WHOLE_PAGE = ("html", "head", "body")


def line(el: Element) -> int:
    """1-based source line of the element's start tag (0 when unknown, e.g. implied tags)."""
    return el.sourceline or 0


@page_fact
def _lines(page: Page) -> list[str]:
    # Split at LF only, as libxml2 counts lines: `splitlines` would also split at form
    # feeds, U+2028 and others, and shift every later line.
    return page.source.split("\n")


def column(page: Page, el: Element) -> int:
    """1-based column of the element's start tag on its line (1 when it cannot be found)."""
    line_no = line(el)
    lines = _lines(page)
    if not line_no or line_no > len(lines):
        return 1
    tag = el.tag
    # The k-th element with this tag on this line is the k-th "<tag" in the line's text.
    k = _rank_on_line(page, tag).get(el, 0)
    starts = _tag_starts(page, lines, tag, line_no)
    return starts[k] + 1 if k < len(starts) else 1


@page_fact
def _ranks_on_line(page: Page) -> dict[str, dict[Element, int]]:
    return {}


def _rank_on_line(page: Page, tag: str) -> dict[Element, int]:
    """For each element with this tag: how many elements with the same tag come before it
    on its source line."""
    ranks_by_tag = _ranks_on_line(page)
    known = ranks_by_tag.get(tag)
    if known is not None:
        return known
    ranks: dict[Element, int] = ranks_by_tag.setdefault(tag, {})
    counts: dict[int, int] = {}
    for other in page.by_tag(tag):
        line_no = other.sourceline or 0
        ranks[other] = counts.get(line_no, 0)
        counts[line_no] = ranks[other] + 1
    return ranks


@page_fact
def _starts_by_line(page: Page) -> dict[tuple[str, int], list[int]]:
    return {}


def _tag_starts(page: Page, lines: list[str], tag: str, line_no: int) -> list[int]:
    """Offsets of every "<tag" in the text of one source line (found once per tag and line,
    so a page written on one long line is not searched again for each finding)."""
    cache = _starts_by_line(page)
    key = (tag, line_no)
    starts = cache.get(key)
    if starts is None:
        pattern = _START_TAGS.get(tag)
        if pattern is None:
            pattern = _START_TAGS[tag] = re.compile(
                r"<" + re.escape(tag) + r"(?=[\s/>]|$)", re.IGNORECASE
            )
        starts = cache[key] = [m.start() for m in pattern.finditer(lines[line_no - 1])]
    return starts


@inherited_fact("")
def selector(page: Page, el: Element, parent_selector: str) -> str:
    """A CSS selector that picks out this element in the page: from the nearest `html`,
    `head`, `body` or element with a unique id, a `>` chain of tags, each with
    `:nth-of-type(n)` when siblings share its tag."""
    tag = el.tag
    if tag in _WHOLE_PAGE:
        return str(tag)
    element_id = el.get("id")
    if element_id and _is_unique_id(page, element_id):
        return "#" + str(element_id)
    parent = el.getparent()
    if parent is None:
        return str(tag)
    return f"{parent_selector} > {_nth_of_type(page, el, parent)}"


@page_fact
def _sibling_positions(page: Page) -> dict[Element, dict[Element, tuple[int, int]]]:
    return {}


def _nth_of_type(page: Page, el: Element, parent: Element) -> str:
    """The element's tag, with `:nth-of-type(n)` when a sibling has the same tag."""
    # Positions are counted once per parent: a parent with thousands of reported children
    # is walked once, not once for each of them.
    siblings = _sibling_positions(page)
    positions = siblings.get(parent)
    if positions is None:
        groups: dict[str, list[Element]] = {}
        for child in parent.iterchildren(etree.Element):
            groups.setdefault(child.tag, []).append(child)
        positions = siblings[parent] = {
            child: (position, len(group))
            for group in groups.values()
            for position, child in enumerate(group, start=1)
        }
    position, same = positions[el]
    return str(el.tag) if same == 1 else f"{el.tag}:nth-of-type({position})"


def _is_unique_id(page: Page, element_id: str) -> bool:
    """True for an id only one element has, which CSS can write as `#id` unescaped."""
    return len(page.ids.get(element_id, ())) == 1 and _CSS_IDENT.match(element_id) is not None


def snippet(page: Page, el: Element, limit: int = 160) -> str:
    """A short rendering of the element's start tag and the start of its text."""
    attrs = "".join(
        f' {k}="{escape(str(v), quote=True)}"' if v != "" else f" {k}" for k, v in el.attrib.items()
    )
    start = f"<{el.tag}{attrs}>"
    if len(start) > limit:
        return start[: limit - 1] + "…"
    text = text_start(page, el, 61) if el.tag not in _WHOLE_PAGE else ""
    if len(text) > 60:
        text = text[:59] + "…"
    return f"{start}{escape(text, quote=False)}</{el.tag}>" if text else start


@page_fact
def _text_starts(page: Page) -> dict[Element, tuple[int, str]]:
    return {}


def text_start(page: Page, el: Element, limit: int) -> str:
    """The element's whitespace-collapsed text cut to `limit` characters, reading only as much
    of its text as that needs (findings on a `main` or a big table should not read the whole
    section)."""
    # The snippet and the fingerprint of a finding both ask: the longer start serves both.
    known = _text_starts(page)
    found = known.get(el)
    if found is not None and found[0] >= limit:
        return found[1][:limit]
    if not len(el):  # no child nodes: the element's own text is all of it
        text = " ".join((el.text or "").split())[:limit]
        known[el] = (limit, text)
        return text
    parts: list[str] = []
    visible = 0
    for chunk in el.itertext():
        parts.append(chunk)
        # Collapsing whitespace keeps every other character, so once `limit` of them are
        # read, the collapsed text read so far is at least `limit` long, and it is a
        # prefix of the whole collapsed text.
        visible += len("".join(chunk.split()))
        if visible >= limit:
            break
    text = " ".join("".join(parts).split())[:limit]
    known[el] = (limit, text)
    return text
