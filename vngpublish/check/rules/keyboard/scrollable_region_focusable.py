"""scrollable-region-focusable."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.focus import in_tab_order
from vngpublish.check.facts.scrolling import may_overflow, scroll_containers
from vngpublish.check.facts.style import computed_style
from vngpublish.check.facts.visibility import computed_visibility, is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Content that is visible without text: replaced and embedded elements.
_VISIBLE_WITHOUT_TEXT = ("img", "svg", "video", "canvas", "iframe", "object", "embed", "picture")


class ScrollableRegionFocusable(Rule):
    """Applies to every rendered element that the page's CSS makes a scroll container
    (`overflow`, `overflow-x` or `overflow-y` set to `auto` or `scroll`), that has visible
    content (text, or an image, video or other embedded content), and whose content can
    overflow it: it scrolls vertically and has a `height` or `max-height`, or it scrolls
    horizontally and holds more than short text (a line of code or a word longer than 30
    characters, an image, a table). Whether the content really overflows depends on the layout
    and the size of the screen, which only a rendering shows.

    Passes when the element itself or something inside it is in the tab order: keyboard users
    can then focus it and scroll with the arrow keys. Needs review otherwise: if the content
    can overflow (on a small screen, too), keyboard users cannot scroll to the rest.
    """

    id = "scrollable-region-focusable"
    title = N_("Scrollable regions can be reached with the keyboard")
    level = "A"
    wcag = ("2.1.1", "2.1.3")
    act = ("0ssw9k",)
    axe = ("scrollable-region-focusable",)
    tags = ("keyboard",)
    why = N_(
        "Content that scrolls inside a box can only be scrolled with the keyboard when the box, "
        "or something in it, can take focus; otherwise keyboard users cannot read the rest."
    )
    fix = N_(
        'Give the scrolling element tabindex="0", a role and an accessible name (role="region" '
        'aria-label="…"), or let its content grow instead of scrolling.'
    )
    messages = {
        "not-focusable": N_(
            "This element scrolls its content (overflow: {overflow}) but neither it nor anything "
            "in it can take keyboard focus: if the content can overflow, also on a small "
            'screen, give it tabindex="0" and a name so keyboard users can scroll it.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in scroll_containers(page)
            if is_rendered(page, el)
            and computed_visibility(page, el) == "visible"
            and _has_visible_content(page, el)
            and may_overflow(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if in_tab_order(page, el) or any(
                in_tab_order(page, node)
                for node in el.iterdescendants()
                if isinstance(node.tag, str)
            ):
                continue
            yield self.cant_tell(el, "not-focusable", overflow=_overflow(page, el))


def _has_visible_content(page: Page, el: Element) -> bool:
    """Text or embedded content in a rendered element inside `el` (or in `el` itself)."""
    for node in el.iter():
        if not isinstance(node.tag, str) or not is_rendered(page, node):
            continue
        if node.tag in _VISIBLE_WITHOUT_TEXT or (node.text or "").strip():
            return True
        if node is not el and (node.tail or "").strip():
            return True  # text after a child, inside `el`
    return False


def _overflow(page: Page, el: Element) -> str:
    """The element's overflow as CSS's shorthand writes it: one value, or x and y."""
    style = computed_style(page, el)
    x, y = style.value("overflow-x"), style.value("overflow-y")
    return str(x) if x == y else f"{x} {y}"
