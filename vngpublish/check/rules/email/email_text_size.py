"""email-text-size."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.contrast import text_targets
from vngpublish.check.facts.email import is_email
from vngpublish.check.facts.style import computed_style
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_SMALLEST = 14.0
_SMALLER_BY_DESIGN = frozenset({"sub", "sup"})


class EmailTextSize(Rule):
    """Applies to the visible text of e-mail HTML that expresses something (the text the
    contrast rules check), outside `sub` and `sup`.

    Passes when its computed font size is at least 14px. Fails when it is smaller: mail apps
    on phones show messages without zoom by default, and small text (grey footers at 10 or
    11px) is hard to read for many people.
    """

    id = "email-text-size"
    title = N_("Text in an e-mail is at least 14px")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("text", "email-only")
    why = N_(
        "E-mail is read on phones without zooming; text below 14px, often the footer's, is "
        "hard to read for people with low vision and for older readers."
    )
    fix = N_("Set the font size of all text to at least 14px, the footer's too.")
    messages = {
        "too-small": N_(
            "This text is {size}px: make it at least 14px so that it can be read on a phone "
            "without zooming."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_email(page):
            return []
        return [
            el
            for el in text_targets(page)
            if el.tag not in _SMALLER_BY_DESIGN
            and not any(a.tag in _SMALLER_BY_DESIGN for a in el.iterancestors())
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            size = computed_style(page, el).font_size_px
            if size is not None and size < _SMALLEST - 1e-6:
                yield self.fail(el, "too-small", size=f"{size:g}")
