"""page-has-one-heading-one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.headings import outline
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class PageHasOneHeadingOne(Rule):
    """Applies to the level-one headings in the accessibility tree (`h1`, or an element with
    role `heading` and `aria-level="1"`).

    The first passes; the second and every later one fail. WCAG does not require a single
    level-one heading: this is a best practice.
    """

    id = "page-has-one-heading-one"
    title = N_("Page has only one level-one heading")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("headings",)
    why = N_(
        "The level-one heading says what the page is about; with several, screen reader users "
        "cannot tell which one is the page's title, and the headings below lose their place in "
        "the outline."
    )
    fix = N_(
        "Keep one h1 for the page title and make the others h2 or lower (a newsletter's items "
        "are sections of the issue: h2)."
    )
    messages = {
        "second-h1": N_(
            "The page already has a level-one heading (“{first}”): make this one a level two "
            "heading or lower."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [heading.element for heading in outline(page) if heading.level == 1]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        first = accessible_name(page, targets[0]) or collapsed_text(targets[0])
        for element in targets[1:]:
            yield self.fail(element, "second-h1", first=_short(first))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
