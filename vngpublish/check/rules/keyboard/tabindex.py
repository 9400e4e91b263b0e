"""tabindex."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.focus import has_valid_tabindex
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class Tabindex(Rule):
    """Applies to every rendered element with a `tabindex` attribute that is a valid integer.

    Passes when the value is 0 or negative. Fails when it is greater than 0: such an element
    is reached with Tab before everything else on the page, in an order apart from the order
    of reading, which keyboard and screen reader users do not expect (and every later change
    to the page must keep the numbers right).
    """

    id = "tabindex"
    title = N_("No element has a tabindex greater than 0")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("tabindex",)
    tags = ("keyboard",)
    why = N_(
        "A positive tabindex puts an element ahead of the rest of the page in the tab order, "
        "so keyboard users jump around instead of following the reading order."
    )
    fix = N_(
        'Use tabindex="0" (or no tabindex on links and buttons), and put the elements in the '
        "source in the order they should be reached."
    )
    messages = {
        "positive": N_(
            'tabindex="{value}" puts this element ahead of the page\'s reading order: use '
            'tabindex="0" and order the source instead.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.with_attribute("tabindex")
            if has_valid_tabindex(el) and is_rendered(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            value = int(el.get("tabindex", "0"))
            if value > 0:
                yield self.fail(el, "positive", value=value)
