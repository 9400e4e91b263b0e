"""text-changes-by-script."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.scripts import timed_text_changes
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class TextChangesByScript(Rule):
    """Applies to the page's JavaScript (`<script>` content, or a local script file) that sets
    a timer (`setInterval`, `setTimeout`, `requestAnimationFrame`) and writes text into the
    page (`textContent`, `innerText`, `innerHTML`, `insertAdjacentText` ...): the pattern of
    text that changes by itself, such as a ticker, a clock or a rotating news line. Remote
    scripts cannot be read.

    Always needs review: whether the text really changes without the user asking, and whether
    there is a way to pause, stop or hide it (or it stops within 5 seconds), can only be seen
    in a browser.
    """

    id = "text-changes-by-script"
    title = N_("Text that a script changes by itself can be paused")
    level = "A"
    wcag = ("2.2.2",)
    act = ("efbfc7",)
    tags = ("timing",)
    why = N_(
        "Text that changes while people read it, like a ticker or a rotating news line, cannot "
        "be read by people who read slowly or use a screen reader, and distracts others."
    )
    fix = N_(
        "Give the changing text a button that pauses, stops or hides it, or let it stop by "
        "itself within 5 seconds."
    )
    messages = {
        "check-updates": N_(
            "This script sets a timer ({timer}) and writes text into the page ({write}): check "
            "whether text on the page changes by itself, and if so that a control pauses, "
            "stops or hides it, or that it stops within 5 seconds."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [c.script for c in timed_text_changes(page) if not in_template(page, c.script)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for change in timed_text_changes(page):
            if change.script in targets:
                yield self.cant_tell(
                    change.script, "check-updates", timer=change.timer, write=change.write
                )
