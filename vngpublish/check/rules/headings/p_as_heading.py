"""p-as-heading."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from lxml.html import HtmlElement

from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.rules.headings import heading_ancestor

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


def _is_bold(el: HtmlElement) -> bool:
    if el.tag in ("b", "strong"):
        return True
    match = _FONT_WEIGHT.search(el.get("style") or "")
    if match is None:
        return False
    value = match.group(1).lower()
    return value in ("bold", "bolder") or (value.isdigit() and int(value) >= 700)


def _is_large(el: HtmlElement) -> bool:
    if el.tag == "big":
        return True
    if el.tag == "font":
        size = (el.get("size") or "").strip()
        if size.startswith("+") and size[1:].isdigit():
            return int(size[1:]) >= 1
        return size.isdigit() and int(size) >= 5
    match = _FONT_SIZE.search((el.get("style") or "").lower())
    if match is None:
        return False
    if match.group(3):
        return match.group(3) in _LARGE_KEYWORDS
    try:
        number = float(match.group(1))
    except ValueError:
        return False
    return number >= _LARGE_SIZES.get(match.group(2) or "px", 20.0)


def _all_text_is(
    page: Page, el: HtmlElement, inherited: bool, test: Callable[[HtmlElement], bool]
) -> bool:
    """True when every piece of visible text inside `el` is inside an element passing `test`."""
    own = inherited or test(el)
    if not own and (el.text or "").strip():
        return False
    for child in el:
        visible = isinstance(child.tag, str) and not page.is_hidden(child)
        if visible and not _all_text_is(page, child, own, test):
            return False
        if not own and (child.tail or "").strip():
            return False
    return True


def _looks_emphasised(page: Page, p: HtmlElement) -> bool:
    """True when all the paragraph's text is bold, or all of it large, by its own markup."""
    if len(p) == 0 and not p.get("style"):
        return False  # plain text without markup or style (checked first: most paragraphs)
    return _all_text_is(page, p, False, _is_bold) or _all_text_is(page, p, False, _is_large)


def _is_title_like(text: str) -> bool:
    """Short, one line, with words, and not ending like a sentence or a label."""
    return (
        1 < len(text) <= _MAX_CHARS
        and any(c.isalpha() for c in text)
        and not text.endswith((".", ",", ";", ":"))
        and not text.startswith(("©", "(c)", "(C)"))
    )


def _in_data_table(page: Page, p: HtmlElement) -> bool:
    table = next(p.iterancestors("table"), None)
    if table is None or page.role(table) in ("presentation", "none"):
        return False
    # Browsers treat a table as a data table when it has header cells or a caption; e-mail
    # layout tables have neither.
    return table.find(".//th") is not None or table.find("caption") is not None


def _excluded(page: Page, p: HtmlElement) -> bool:
    for ancestor in p.iterancestors():
        if ancestor.tag in _EXCLUDING_ANCESTORS:
            return True
        if (ancestor.get("role") or "").strip() and page.role(ancestor) in _EXCLUDING_ROLES:
            return True
        marker = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower()
        if "footer" in marker:  # e-mail templates mark their footer by class, not element
            return True
    return heading_ancestor(page, p) is not None or _in_data_table(page, p)


def _all_in_link(p: HtmlElement) -> bool:
    """True when the paragraph is only a link (a call to action, not a heading)."""
    children = [c for c in p if isinstance(c.tag, str)]
    if (p.text or "").strip() or any((c.tail or "").strip() for c in children):
        return False
    return len(children) == 1 and (children[0].tag == "a" or _all_in_link(children[0]))


def _next_paragraph(page: Page, p: HtmlElement) -> HtmlElement | None:
    """The paragraph right after `p`, skipping line breaks and hidden elements."""
    node = p.getnext()
    while node is not None and (
        not isinstance(node.tag, str) or node.tag == "br" or page.is_hidden(node)
    ):
        node = node.getnext()
    if node is None or node.tag != "p" or (node.get("role") or "").strip():
        return None
    return node


class PAsHeading(Rule):
    """Text that looks like a heading is marked up as a heading.

    Newsletters and e-mails often show an item's title as a bold or large paragraph. It looks
    like a heading, but screen reader users cannot jump to it, and the item disappears from the
    page's outline (WCAG 1.3.1: structure shown visually is also in the markup).

    Applies to a visible `p` whose whole text is bold (`b`, `strong`, or `font-weight` bold or
    700 and up in a `style` attribute) or notably larger (`font-size` of 1.25 times body text
    or more, `big`, `font size`), that is short (one line, at most 80 characters, not ending in
    a period, comma, semicolon or colon), is not only a link, and is followed directly by a
    normal paragraph. Not applicable inside list items, data table cells, footers (also e-mail
    footers marked by class), navigation, headings, labels, captions and quotes.

    This is a heuristic, so the outcome is always cantTell: a bold line can also be a label or
    a stressed sentence. If it introduces the text below, make it a heading (`h2`-`h6`, at the
    right level) and style it with CSS.
    """

    id = "p-as-heading"
    title = N_("Text that looks like a heading is a heading")
    level = "A"
    severity = Severity.WARNING
    wcag = ("1.3.1",)
    tags = ("headings", "heuristic")

    def check(self, page: Page) -> Iterator[Result]:
        for p in page.by_tag("p"):
            if (p.get("role") or "").strip() or not _looks_emphasised(page, p):
                continue
            if not _is_title_like(page.text(p)) or page.is_hidden(p) or _all_in_link(p):
                continue
            following = _next_paragraph(page, p)
            if following is None or not _is_title_like_body(page, following):
                continue
            if _excluded(page, p):
                continue
            yield self.cant_tell(
                p,
                N_(
                    "This paragraph looks like a heading: its short text is all bold or large "
                    "and a normal paragraph follows. If it introduces the text below, mark it "
                    "up as a heading (h2–h6)."
                ),
            )


def _is_title_like_body(page: Page, p: HtmlElement) -> bool:
    """True when `p` reads as ordinary text: it has words and is not itself emphasised."""
    text = page.text(p)
    return any(c.isalpha() for c in text) and not _looks_emphasised(page, p)
