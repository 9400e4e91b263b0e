"""p-as-heading."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import NamedTuple, TypeAlias

from vngpublish.check.dom import Element, collapsed_text, text_content
from vngpublish.check.facts.content_model import HEADING_TAGS, TEXT_LEVEL
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.style import author_styled, computed_style
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_MAX_CHARS = 80  # about one line of body text
_BOLD = 700.0
# Text from this size on reads as notably larger than body text (1.25 times the default 16px).
_LARGE_PX = 20.0
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


class _Look(NamedTuple):
    """How a paragraph's visible text looks: all of it bold, and its smallest font size in
    pixels (None when a size cannot be known, or there is no text)."""

    bold: bool
    smallest: float | None

    @property
    def large(self) -> bool:
        """All of the text is notably larger than body text."""
        return self.smallest is not None and self.smallest >= _LARGE_PX


def _look(page: Page, el: Element) -> _Look:
    """How the visible text inside `el` looks, from the computed style of each element that
    holds some of it."""
    bold = True
    sizes: list[float | None] = []
    styled = author_styled(page)

    def add(holder: Element) -> None:
        nonlocal bold
        if not styled:
            # Only the browser's sheet: within a paragraph, b and strong make text bold (and
            # nothing there makes it larger).
            bold = bold and _in_bold_markup(holder, el)
            sizes.append(_BODY_PX)
            return
        style = computed_style(page, holder)
        bold = bold and style.font_weight >= _BOLD
        sizes.append(style.font_size_px)

    if (el.text or "").strip():
        add(el)
    # Down the tree with a stack, not by recursion: inline elements nest as deep as the
    # parser allows.
    stack: list[tuple[Element, Iterator[Element]]] = [(el, iter(el))]
    while stack:
        parent, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        if (child.tail or "").strip():
            add(parent)
        if isinstance(child.tag, str) and not is_hidden(page, child):
            if (child.text or "").strip():
                add(child)
            stack.append((child, iter(child)))
    if not sizes:
        return _Look(False, None)
    if any(size is None for size in sizes):
        return _Look(bold, None)
    return _Look(bold, min(size for size in sizes if size is not None))


_BODY_PX = 16.0


def _in_bold_markup(holder: Element, paragraph: Element) -> bool:
    """True when `holder` is a `b` or `strong`, or inside one within `paragraph`."""
    node: Element | None = holder
    while node is not None:
        if node.tag in ("b", "strong"):
            return True
        if node is paragraph:
            return False
        node = node.getparent()
    return False


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


def _own_text_too_long(el: Element) -> bool:
    """True when the element's own text (without its children's) has more characters other
    than white space than a title may have: its whole text, collapsed, has at least as many,
    so it cannot be title-like. Cheaper to know than the element's style."""
    own = len("".join((el.text or "").split()))
    for child in el:
        if own > _MAX_CHARS:
            return True
        own += len("".join((child.tail or "").split()))
    return own > _MAX_CHARS


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
    e-mail builders write paragraphs) whose whole text is bold (a computed `font-weight` of 700
    or more: `b`, `strong`, or CSS from any stylesheet) or notably larger (a computed font size
    of 20px or more, 1.25 times the default body text), that is short (one line, at most 80
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
            if (following.get("role") or "").strip():
                continue
            look = _look(page, following)
            if not (look.bold or look.large):
                found.append(candidate)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for candidate in targets:
            yield self.cant_tell(candidate, "looks-like-heading")


def _looks_like_heading(
    page: Page, el: Element, tables: dict[Element, bool], within: _Excluding
) -> bool:
    if not _is_paragraph(el) or (el.get("role") or "").strip():
        return False
    if _has_direct_text(el):
        # Most paragraphs: text of their own in their own style (one computed style, shared
        # by paragraphs styled alike), neither bold nor large; on a page only the browser
        # styles, text directly in a paragraph is never emphasised.
        if not author_styled(page) or _own_text_too_long(el):
            return False
        style = computed_style(page, el)
        size = style.font_size_px
        if style.font_weight < _BOLD and (size is None or size < _LARGE_PX):
            return False
    if not _is_title_like(collapsed_text(el)):
        return False
    if is_hidden(page, el) or _all_in_link(el) or _excluded(page, el, tables, within):
        return False
    look = _look(page, el)
    return look.bold or look.large


def _next_text_block(page: Page, index: int) -> Element | None:
    """The first visible block of text after the element at `index` in reading order:
    a paragraph, list item, heading, caption, or a table cell with text of its own."""
    elements = page.elements
    for position in range(index + 1, len(elements)):
        el = elements[position]
        if _is_text_block(el) and not is_hidden(page, el):
            return el
    return None
