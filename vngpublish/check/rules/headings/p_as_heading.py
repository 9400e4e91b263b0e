"""p-as-heading."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeAlias

from vngpublish.check.dom import Element, collapsed_text, text_content
from vngpublish.check.facts.content_model import HEADING_TAGS, TEXT_LEVEL
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.numbers import ascii_integer
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_MAX_CHARS = 80  # about one line of body text
_FONT_WEIGHT = re.compile(r"font-weight\s*:\s*([a-z0-9]+)", re.IGNORECASE)
_FONT_SIZE = re.compile(r"font-size\s*:\s*([0-9.]+)\s*(px|pt|em|rem|%)?|font-size\s*:\s*([a-z-]+)")
_LARGE_KEYWORDS = frozenset(("large", "x-large", "xx-large", "xxx-large", "larger"))
# Minimum size that reads as "notably larger" than 16px body text (1.25 times).
_LARGE_SIZES = {"px": 20.0, "pt": 15.0, "em": 1.25, "rem": 1.25, "%": 125.0}
# Places where short bold lines are labels, not headings of the text that follows.
_EXCLUDING_ANCESTORS = frozenset(
    (
        "li",
        "dt",
        "dd",
        "footer",
        "address",
        "nav",
        "a",
        "button",
        "label",
        "legend",
        "caption",
        "figcaption",
        "summary",
        "blockquote",
    )
)
_EXCLUDING_ROLES = frozenset(
    ("contentinfo", "navigation", "listitem", "heading", "cell", "gridcell")
)


def _is_bold(el: Element) -> bool:
    if el.tag in ("b", "strong"):
        return True
    for value in reversed(_FONT_WEIGHT.findall(el.get("style") or "")):
        value = value.lower()  # the last valid declaration wins
        weight = ascii_integer(value)
        if weight is not None and not 1 <= weight <= 1000:
            continue  # out of CSS's range: browsers ignore the declaration
        return value in ("bold", "bolder") or (weight is not None and weight >= 700)
    return False


def _is_large(el: Element) -> bool:
    if el.tag == "big":
        return True
    if el.tag == "font":
        size = (el.get("size") or "").strip()
        if size.startswith("+"):
            step = ascii_integer(size[1:])
            return step is not None and step >= 1
        absolute = ascii_integer(size)
        return absolute is not None and absolute >= 5
    matches = list(_FONT_SIZE.finditer((el.get("style") or "").lower()))
    if not matches:
        return False
    match = matches[-1]  # the last declaration wins
    if match.group(3):
        return match.group(3) in _LARGE_KEYWORDS
    try:
        number = float(match.group(1))
    except ValueError:
        return False
    return number >= _LARGE_SIZES.get(match.group(2) or "px", 20.0)


def _all_text_is(page: Page, el: Element, inherited: bool, test: Callable[[Element], bool]) -> bool:
    """True when every piece of visible text inside `el` is inside an element passing `test`."""
    own = inherited or test(el)
    if not own and (el.text or "").strip():
        return False
    # Down the tree with a stack, not by recursion: inline elements nest as deep as the
    # parser allows. Each entry: the children still to look at, and whether their parent's
    # text passes `test`.
    stack: list[tuple[Iterator[Element], bool]] = [(iter(el), own)]
    while stack:
        children, own = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if isinstance(child.tag, str) and not is_hidden(page, child):
            child_own = own or test(child)
            if not child_own and (child.text or "").strip():
                return False
            stack.append((iter(child), child_own))
        if not own and (child.tail or "").strip():
            return False
    return True


def _looks_emphasised(page: Page, p: Element) -> bool:
    """True when all the paragraph's text is bold, or all of it large, by its own markup."""
    if not p.get("style") and (len(p) == 0 or _has_direct_text(p)):
        # Without a style of its own, text directly in the paragraph is not emphasised (checked
        # first: most paragraphs).
        return False
    return _all_text_is(page, p, False, _is_bold) or _all_text_is(page, p, False, _is_large)


def _is_title_like(text: str) -> bool:
    """Short, one line, with words, and not ending like a sentence or a label."""
    return (
        1 < len(text) <= _MAX_CHARS
        and any(c.isalpha() for c in text)
        and not text.endswith((".", ",", ";", ":"))
        and not text.startswith(("©", "(c)", "(C)"))
    )


def _in_data_table(page: Page, p: Element, tables: dict[Element, bool]) -> bool:
    table = next(p.iterancestors("table"), None)
    if table is None:
        return False
    if table not in tables:
        # Browsers treat a table as a data table when it has header cells or a caption;
        # e-mail layout tables have neither.
        tables[table] = role(page, table) not in ("presentation", "none") and (
            table.find(".//th") is not None or table.find("caption") is not None
        )
    return tables[table]


# Whether an element or one of its ancestors is a place where paragraphs are not applicable,
# per element: the candidates of a page share most of their ancestors.
_Excluding: TypeAlias = dict[Element, bool]


def _excluded(page: Page, p: Element, tables: dict[Element, bool], within: _Excluding) -> bool:
    parent = p.getparent()
    if parent is not None and _excluding(page, parent, within):
        return True
    return _in_data_table(page, p, tables)


def _excluding(page: Page, el: Element, known: _Excluding) -> bool:
    """True when `el` or one of its ancestors excludes the paragraphs inside it."""
    # Up to the nearest ancestor already known, then back down: no recursion, however deep
    # the page nests (huge_tree allows 2048 levels, more than Python's stack).
    chain: list[Element] = []
    node: Element | None = el
    found = False
    while node is not None:
        known_here = known.get(node)
        if known_here is not None:
            found = known_here
            break
        chain.append(node)
        node = node.getparent()
    for node in reversed(chain):
        found = known[node] = found or _excludes(page, node)
    return found


def _excludes(page: Page, el: Element) -> bool:
    """True when `el` itself makes the paragraphs inside it not applicable: by its tag, its
    role, or a footer class or id."""
    tag = el.tag
    if tag in _EXCLUDING_ANCESTORS:
        return True
    role_attribute = el.get("role")
    if (role_attribute or "").strip() and role(page, el) in _EXCLUDING_ROLES:
        return True
    # A heading, as headings.heading_ancestor finds it (not called: it walks all ancestors).
    if (tag in HEADING_TAGS or role_attribute is not None) and role(page, el) == "heading":
        return True
    marker = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return "footer" in marker  # e-mail templates mark their footer by class, not element


def _all_in_link(p: Element) -> bool:
    """True when the paragraph is only a link (a call to action, not a heading)."""
    node = p
    while True:  # down through elements that hold nothing but one element
        children = [c for c in node if isinstance(c.tag, str)]
        if (node.text or "").strip() or any((c.tail or "").strip() for c in children):
            return False
        if len(children) != 1:
            return False
        if children[0].tag == "a":
            return True
        node = children[0]


def _is_paragraph(el: Element) -> bool:
    """A `p`, or a `div` holding only a line of text (how e-mail builders write paragraphs)."""
    tag = el.tag
    if tag == "p":
        return True
    if tag != "div":
        return False
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in TEXT_LEVEL:
            return False
    return True


def _has_direct_text(el: Element) -> bool:
    text = el.text
    if text and not text.isspace():
        return True
    for child in el:
        tail = child.tail
        if tail and not tail.isspace():
            return True
    return False


# Blocks of text other than paragraphs and table cells, for "what comes next".
_OTHER_BLOCKS = frozenset(
    ("li", "dt", "dd", "caption", "figcaption", "pre", "address", "legend", *HEADING_TAGS)
)


def _is_text_block(el: Element) -> bool:
    """True for a block of text in reading order: a paragraph, list item, heading, caption,
    or a table cell with text of its own."""
    tag = el.tag
    if tag in ("td", "th"):
        # Only text of the cell itself: a layout cell's text_content would be a whole table.
        return _has_direct_text(el)
    if tag in _OTHER_BLOCKS or (tag in ("p", "div") and _is_paragraph(el)):
        return any(c.isalpha() for c in text_content(el))
    return False


class PAsHeading(Rule):
    """Applies to a visible paragraph (a `p`, or a `div` that holds only a line of text, as
    e-mail builders write paragraphs) whose whole text is bold (`b`, `strong`, or
    `font-weight` bold or 700 and up in a `style` attribute) or notably larger (`font-size` of
    1.25 times body text or more, `big`, `font size`), that is short (one line, at most 80
    characters, not ending in a period, comma, semicolon or colon), is not only a link, and
    whose next block of text in reading order is a normal paragraph (not bold, not large; a
    list, heading or table cell in between means it does not apply). Not applicable inside
    list items, data table cells, footers (also e-mail footers marked by class), navigation,
    headings, labels, captions and quotes, nor to text that already has a `role`.

    This is a heuristic, so the outcome is always for review: a bold line can also be a label,
    a name above a quote, or a stressed sentence.
    """

    id = "p-as-heading"
    title = N_("Text that looks like a heading is a heading")
    level = "A"
    severity = Severity.WARNING
    wcag = ("1.3.1",)
    axe = ("p-as-heading",)
    tags = ("headings", "heuristic")
    why = N_(
        "Bold or large text looks like a heading, but screen reader users cannot jump to "
        "it and it is missing from the page's outline."
    )
    fix = N_(
        "If the text introduces what follows, mark it up as a heading (h2–h6) and style "
        "it with CSS."
    )
    messages = {
        "looks-like-heading": N_(
            "This paragraph looks like a heading: its short text is all bold or large and a "
            "normal paragraph follows. If it introduces the text below, mark it up as a heading "
            "(h2–h6)."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        tables: dict[Element, bool] = {}  # whether a table is a data table, per table
        within: _Excluding = {}
        candidates = [
            el
            for el in page.by_tag("p") + page.by_tag("div")
            if _looks_like_heading(page, el, tables, within)
        ]
        elements = page.elements
        # A few candidates are found in the element list directly; for many, one map of
        # positions keeps a page of thousands of bold lines linear.
        if len(candidates) > 16:
            position = {el: i for i, el in enumerate(elements)}.__getitem__
        else:
            position = elements.index
        found = []
        for candidate in candidates:
            following = _next_text_block(page, position(candidate))
            if following is None or not _is_paragraph(following):
                continue
            if (following.get("role") or "").strip() or _looks_emphasised(page, following):
                continue
            found.append(candidate)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for candidate in targets:
            yield self.cant_tell(candidate, "looks-like-heading")


def _looks_like_heading(
    page: Page, el: Element, tables: dict[Element, bool], within: _Excluding
) -> bool:
    # Most often false first: few paragraphs look emphasised.
    if not _is_paragraph(el) or not _looks_emphasised(page, el):
        return False
    if (el.get("role") or "").strip() or not _is_title_like(collapsed_text(el)):
        return False
    return not (is_hidden(page, el) or _all_in_link(el) or _excluded(page, el, tables, within))


def _next_text_block(page: Page, index: int) -> Element | None:
    """The first visible block of text after the element at `index` in reading order:
    a paragraph, list item, heading, caption, or a table cell with text of its own."""
    elements = page.elements
    for position in range(index + 1, len(elements)):
        el = elements[position]
        if _is_text_block(el) and not is_hidden(page, el):
            return el
    return None
