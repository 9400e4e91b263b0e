"""region."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.landmarks import all_landmarks, landmark_ancestors, landmarks
from vngpublish.check.facts.links import links
from vngpublish.check.facts.visibility import text_is_perceivable
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_NOT_CONTENT = frozenset({"script", "style", "template", "noscript", "link", "meta"})
_EMBEDDED = ("img", "svg", "video", "audio", "iframe", "object", "embed", "canvas", "input")


class Region(Rule):
    """Applies to the body of an HTML page that has at least one landmark in the
    accessibility tree.

    Fails for each outermost element with content (text, or an image, video, frame or form field
    that is visible or in the accessibility tree) that is not inside a landmark: going down from
    the body through elements that hold landmarks, each child that is not a landmark and holds
    none is reported, and a run of such siblings once, on its first. Links to places in the same
    page (skip links) may stand outside landmarks. A page without any landmark is reported by
    landmark-one-main instead, not once for each of its blocks.
    """

    id = "region"
    title = N_("All content is inside landmarks")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("region",)
    tags = ("landmarks", "not-email")
    why = N_(
        "Screen reader users move through a page by its landmarks; content outside them is "
        "easily missed."
    )
    fix = N_(
        "Put every part of the page in a landmark: <header>, <nav>, <main>, <aside> or "
        "<footer> (or a <section> with a name)."
    )
    messages = {
        "outside": N_(
            "This content, and what follows it up to the next landmark, is not inside any "
            "landmark (header, nav, main, aside, footer), so screen reader users who move by "
            "landmarks miss it: move it into the landmark it belongs to."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        body = page.body
        if body is None or not is_html_document(page) or not landmarks(page):
            return []
        return [body]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in _outside(page, targets[0]):
            yield self.fail(el, "outside")


def _outside(page: Page, body: Element) -> list[Element]:
    """The outermost elements with content that are not in a landmark (see the rule)."""
    holders = landmark_ancestors(page)
    marks = set(landmarks(page))
    breaks = holders | set(all_landmarks(page))
    in_tree = frozenset(links(page))

    def is_skip_link(el: Element) -> bool:
        """A link to a place in the page (asked only of what stands outside landmarks)."""
        return el in in_tree and (el.get("href") or "").strip().startswith("#")

    found: list[Element] = []
    stack = [iter(body)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child.tag, str) or child.tag in _NOT_CONTENT or child in marks:
            continue
        if child in holders:
            stack.append(iter(child))
            continue
        if is_skip_link(child) or not _has_content(page, child):
            continue
        if not _other_content(child) and any(is_skip_link(a) for a in child.iter("a")):
            continue  # only links to places in the page: skip links
        if not found or not _follows(found[-1], child, breaks):
            found.append(child)  # the first of a run of blocks outside landmarks
    return found


def _follows(previous: Element, el: Element, breaks: set[Element]) -> bool:
    """`el` comes after `previous` among its siblings with no landmark, and nothing holding
    one, between them: the two are one run of content outside landmarks."""
    if previous.getparent() is not el.getparent():
        return False
    for sibling in previous.itersiblings():
        if sibling is el:
            return True
        if sibling in breaks:
            return False
    return False


def _has_content(page: Page, el: Element) -> bool:
    """Text or an embedded element that is visible or in the accessibility tree (the text is
    read only up to its first word)."""
    has_text = any(piece.strip() for piece in el.itertext())
    if not has_text and el.tag not in _EMBEDDED and not any(True for _ in el.iter(*_EMBEDDED)):
        return False
    return text_is_perceivable(page, el)


def _other_content(el: Element) -> bool:
    """Text in `el` outside its links: text of a node that is not a link and has no link
    among its ancestors (other than `el`), or a tail whose parent is `el` or not a link."""
    # Each node carries whether an ancestor other than `el` is a link, so no node looks up.
    stack = [(el, any(a.tag == "a" for a in el.iterancestors()))]
    while stack:
        node, under_link = stack.pop()
        if not (node.tag == "a" or under_link) and (node.text or "").strip():
            return True
        if node is not el and (node.tail or "").strip():
            parent = node.getparent()
            if parent is not None and (parent is el or parent.tag != "a"):
                return True
        below = under_link or (node is not el and node.tag == "a")
        stack += [(child, below) for child in reversed(node)]  # in document order
    return False
