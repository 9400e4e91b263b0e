"""marquee."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.media import has_script
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class Marquee(Rule):
    """Applies to rendered `marquee` elements (not in a `template`) that have text.

    A marquee scrolls its text by itself for as long as the page is open (unless `loop` limits
    the number of passes), and HTML offers no control to stop it. Fails when the page has no
    script, so nothing can stop it. Needs review when the page has script (a button could
    call its `stop()`), or when `loop` ends the scrolling (whether it moves for more than 5
    seconds depends on its speed and width).
    """

    id = "marquee"
    title = N_("Text does not scroll by itself")
    level = "A"
    wcag = ("2.2.2",)
    act = ("efbfc7",)
    axe = ("marquee",)
    tags = ("timing",)
    why = N_(
        "Text that moves by itself is hard or impossible to read for people with low vision "
        "or dyslexia, and distracts people with attention disorders from the rest of the page."
    )
    fix = N_("Replace the marquee with ordinary text that stands still.")
    messages = {
        "scrolls": N_(
            "The marquee scrolls its text by itself and nothing on the page can stop it: "
            "replace it with text that stands still."
        ),
        "check-control": N_(
            "The marquee scrolls its text by itself: check that a button next to it stops "
            "it, or replace it with text that stands still."
        ),
        "check-loop": N_(
            "The marquee scrolls its text {loop} times: check that it stops within 5 seconds, "
            "or replace it with text that stands still."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("marquee")
            if is_rendered(page, el) and not in_template(page, el) and collapsed_text(el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            loop = (el.get("loop") or "").strip()
            if loop.isdigit() and int(loop) > 0:
                yield self.cant_tell(el, "check-loop", loop=int(loop))
            elif has_script(page):
                yield self.cant_tell(el, "check-control")
            else:
                yield self.fail(el, "scrolls")
