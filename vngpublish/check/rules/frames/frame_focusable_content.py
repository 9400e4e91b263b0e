"""frame-focusable-content."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.focus import has_valid_tabindex, tab_stops
from vngpublish.check.facts.frames import frame
from vngpublish.check.facts.style import at_most_a_pixel
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class FrameFocusableContent(Rule):
    """Applies to every `iframe` that is rendered, not `inert`, at least 2 by 2 pixels (by its
    `width` and `height` attributes or CSS), whose document has something keyboard users can
    reach with Tab (a link, a field, a button, ...). The document is read from `srcdoc` or from
    a file of the site (`src` relative to the page, or root-relative against the site root);
    the content of a remote iframe cannot be read, so there its negative `tabindex` needs
    review.

    Passes when the iframe has no negative `tabindex`. Fails when it has one: `tabindex="-1"`
    takes the whole embedded document out of the tab order, so keyboard users cannot reach
    what is inside.
    """

    id = "frame-focusable-content"
    title = N_("Iframes with interactive content stay in the tab order")
    level = "A"
    wcag = ("2.1.1",)
    act = ("akn7bn",)
    axe = ("frame-focusable-content",)
    tags = ("frames", "keyboard")
    why = N_(
        'An iframe with tabindex="-1" takes everything inside it out of the tab order: keyboard '
        "users cannot reach its links, buttons and fields."
    )
    fix = N_(
        "Remove the negative tabindex from the iframe, or remove the interactive content from "
        "the document it embeds."
    )
    messages = {
        "negative-tabindex": N_(
            'This iframe has tabindex="{tabindex}" but holds {count} element(s) keyboard users '
            "reach with Tab, such as {example}: remove the negative tabindex so they can reach "
            "them."
        ),
        "remote-negative-tabindex": N_(
            'This iframe has tabindex="{tabindex}" and embeds {src}, which cannot be checked '
            "here: if it has links, buttons or fields, remove the negative tabindex so keyboard "
            "users can reach them."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [el for el in page.by_tag("iframe") if _shows_content(page, el)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not _negative_tabindex(el):
                continue
            shown = frame(page, el)
            tabindex = (el.get("tabindex") or "").strip()
            if shown.document is not None:
                reached = tab_stops(shown.document)
                yield self.fail(
                    el,
                    "negative-tabindex",
                    tabindex=tabindex,
                    count=len(reached),
                    example=f"<{reached[0].tag}>",
                )
            else:
                yield self.cant_tell(
                    el, "remote-negative-tabindex", tabindex=tabindex, src=el.get("src", "")
                )


def _shows_content(page: Page, el: Element) -> bool:
    """Rendered, not inert, not tiny, and (where it can be read) with something to reach."""
    if not is_rendered(page, el) or _inert(el) or at_most_a_pixel(page, el):
        return False
    shown = frame(page, el)
    if shown.document is not None:
        return bool(tab_stops(shown.document))
    return shown.status in ("remote", "unknown")


def _negative_tabindex(el: Element) -> bool:
    return has_valid_tabindex(el) and int(el.get("tabindex", "0")) < 0


def _inert(el: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if node.get("inert") is not None:
            return True
        node = node.getparent()
    return False
