"""link-in-text-block."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapse, text_content
from vngpublish.check.facts.contrast import (
    default_colours,
    expresses,
    shown_ratio,
    text_colours,
)
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.style import computed_style, generated_style, remote_sheets
from vngpublish.check.facts.visibility import is_hidden, is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.style import ComputedStyle, contrast_ratio
from vngpublish.i18n import N_

# An arrow or chevron that starts or ends a link's text marks it as something to follow.
_ARROWS = frozenset("→←↗↘➔➜➝➞➡⟶›»▸▶❯")
_INLINE = frozenset({"inline", "contents", "ruby", "inline-block", "inline-flex"})
_NEEDED = 3.0


class LinkInTextBlock(Rule):
    """Applies to a visible link (`a` or `area` with `href`, keeping the link role) with text,
    inside a block of text: its nearest block-level ancestor has words of its own outside
    links (a link alone in a list item or a cell is not in running text).

    Passes when the link is set apart from the text around it by more than colour: an underline
    or other line the surrounding text lacks, a border, a box shadow, a background of its own,
    an outline, generated content before or after it, an arrow or chevron at the start or end of
    its text, or a different font weight (bold against normal); or when its colour contrasts at
    least 3:1 with the colour of some of the text around it. Fails otherwise. When a background
    image, positioned content, a shadow, an effect or a remote stylesheet could change the
    colours, the result is for review.
    """

    id = "link-in-text-block"
    title = N_("Links in running text are told apart by more than colour")
    level = "A"
    wcag = ("1.4.1",)
    axe = ("link-in-text-block",)
    tags = ("color", "links")
    why = N_(
        "People who do not see colours well cannot find a link that differs from the text "
        "around it by colour alone."
    )
    fix = N_(
        "Underline links in running text (or give them another mark, such as bold text or a "
        "border), or give them a colour with at least 3:1 contrast with the text around them."
    )
    messages = {
        "colour-only": N_(
            "The link differs from the text around it by colour alone: {ratio}:1 ({link} "
            "against {text}), less than 3:1, and no underline, border or weight sets it "
            "apart. Underline it, or give it a mark other than colour."
        ),
        "check-colours": N_(
            "The link seems to differ from the text around it by colour alone ({ratio}:1, "
            "{link} against {text}), but what lies under the text or a stylesheet that was not "
            "read may change that: check in a browser that links stand out by more than colour."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if default_colours(page):
            return []  # links are underlined by the browser's own stylesheet
        found = []
        for el in page.by_tag("a", "area"):
            if el.get("href") is None or role(page, el) != "link":
                continue
            if not expresses_text(el) or not is_rendered(page, el) or is_hidden(page, el):
                continue
            block = _block_of(page, el)
            if block is not None and _words_outside_links(page, block):
                found.append(el)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        remote = bool(remote_sheets(page))
        for link in targets:
            block = _block_of(page, link)
            if block is None or _marked(page, link):
                continue
            own = text_colours(page, link)
            if own is None:
                continue
            around = [
                colours
                for holder in _text_outside_links(page, block)
                if (colours := text_colours(page, holder)) is not None
            ]
            if not around:
                continue
            # Set apart from some of the text around it is set apart: the closest call counts.
            nearest = max(around, key=lambda c: contrast_ratio(own.foreground, c.foreground))
            ratio = contrast_ratio(own.foreground, nearest.foreground)
            if ratio >= _NEEDED:
                continue
            args = {
                "ratio": shown_ratio(ratio),
                "link": own.foreground.hex,
                "text": nearest.foreground.hex,
            }
            if own.doubt or nearest.doubt or remote:
                yield self.cant_tell(link, "check-colours", **args)
            else:
                yield self.fail(link, "colour-only", **args)


def expresses_text(el: Element) -> bool:
    """True when the text inside `el` has a letter or digit."""
    return any(expresses(node.text) or expresses(node.tail) for node in el.iter())


def _block_of(page: Page, el: Element) -> Element | None:
    """The nearest ancestor that lays out as a block (not inline)."""
    node = el.getparent()
    while node is not None:
        if computed_style(page, node).display not in _INLINE:
            return node
        node = node.getparent()
    return None


def _text_outside_links(page: Page, block: Element) -> list[Element]:
    """The visible elements in `block` (itself included) holding words outside its links."""
    known = _outside_links(page)
    found = known.get(block)
    if found is None:
        found = known[block] = _find_text_outside_links(page, block)
    return found


def _words_outside_links(page: Page, block: Element) -> bool:
    """True when `block` has words outside its links (cached per block)."""
    known = _has_words(page)
    found = known.get(block)
    if found is None:
        found = known[block] = _any_words_outside_links(block)
    return found


def _any_words_outside_links(block: Element) -> bool:
    stack: list[tuple[Element, bool]] = [(block, False)]
    while stack:
        node, in_link = stack.pop()
        if not isinstance(node.tag, str):
            continue
        here = in_link or (node.tag in ("a", "area") and node.get("href") is not None)
        if not here and (expresses(node.text) or any(expresses(c.tail) for c in node)):
            return True
        stack.extend((child, here) for child in node)
    return False


@page_fact
def _has_words(page: Page) -> dict[Element, bool]:
    """`_words_outside_links` of the blocks asked about, by block."""
    return {}


@page_fact
def _outside_links(page: Page) -> dict[Element, list[Element]]:
    """`_text_outside_links` of the blocks asked about, by block."""
    return {}


def _find_text_outside_links(page: Page, block: Element) -> list[Element]:
    found: list[Element] = []
    stack: list[tuple[Element, bool]] = [(block, False)]
    while stack:
        node, in_link = stack.pop()
        if not isinstance(node.tag, str) or (node is not block and is_hidden(page, node)):
            continue
        here = in_link or (node.tag in ("a", "area") and node.get("href") is not None)
        if not here and (expresses(node.text) or any(expresses(c.tail) for c in node)):
            found.append(node)
        stack.extend((child, here) for child in node)
    return found


def _marked(page: Page, link: Element) -> bool:
    """True when something other than colour sets the link apart from the text around it."""
    parent = link.getparent()
    if parent is None:
        return False
    style = computed_style(page, link)
    around = computed_style(page, parent)
    words = collapse(text_content(link))
    if words[:1] in _ARROWS or words[-1:] in _ARROWS:
        return True
    lines = style.decorations_in_effect - around.decorations_in_effect
    if lines - {"blink"}:
        return True
    if (style.font_weight >= 600) != (around.font_weight >= 600):
        return True
    if _boxed(style):
        return True
    if any(generated_style(page, link, pseudo).generates_box for pseudo in ("before", "after")):
        return True
    # Text inside the link that carries the mark itself (<a><u>...</u></a>).
    for inner in link.iterdescendants():
        if not isinstance(inner.tag, str) or is_hidden(page, inner):
            continue
        inner_style = computed_style(page, inner)
        if inner_style.decorations_in_effect - around.decorations_in_effect - {"blink"}:
            return True
        if (inner_style.font_weight >= 600) != (around.font_weight >= 600):
            return True
        if _boxed(inner_style):
            return True
    return False


def _boxed(style: ComputedStyle) -> bool:
    """A border, box shadow, outline, own background or background image."""
    for side in ("top", "right", "bottom", "left"):
        width = style.value(f"border-{side}-width")
        colour = style.value(f"border-{side}-color")
        if width and (colour is None or colour.a > 0):
            return True
    if style.value("box-shadow") != "none" or style.has_background_image:
        return True
    if style.outline_style != "none" and (style.outline_width or 0) > 0:
        return True
    background = style.background_color
    return background is None or background.a > 0
