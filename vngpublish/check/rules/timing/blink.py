"""blink."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class Blink(Rule):
    """Applies to rendered `blink` elements (not in a `template`) that have text.

    Fails always: `blink` is obsolete. No current browser makes it blink, so it is not a
    WCAG failure in them (which is why this is a best practice, not level A), but older
    browsers and some e-mail programs and readers do, and then nothing can stop it.
    """

    id = "blink"
    title = N_("No blinking text")
    level = "best-practice"
    severity = Severity.WARNING
    act = ()
    axe = ("blink",)
    tags = ("timing",)
    why = N_(
        "Blinking text is hard to read and distracts people with attention disorders; where "
        "it still blinks, nothing can stop it."
    )
    fix = N_("Remove the blink element; use <strong> or <em> for emphasis.")
    messages = {
        "blink": N_(
            "The blink element is obsolete and blinks in some programs without a way to stop "
            "it: use <strong> or <em> for emphasis instead."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("blink")
            if is_rendered(page, el) and not in_template(page, el) and collapsed_text(el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            yield self.fail(el, "blink")
