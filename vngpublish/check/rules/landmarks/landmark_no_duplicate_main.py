"""landmark-no-duplicate-main."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.landmarks import landmark_role, landmarks
from vngpublish.check.finding import Severity
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LandmarkNoDuplicateMain(Rule):
    """Applies to every main landmark in the accessibility tree (a `main` element or an element
    with `role="main"`) when the page has two or more. Hidden `main` elements (as in pages that
    show one of several) do not count.

    Fails for each one after the first, naming the line of the first.
    """

    id = "landmark-no-duplicate-main"
    title = N_("The page has at most one main landmark")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("landmark-no-duplicate-main",)
    tags = ("landmarks", "not-email")
    why = N_(
        "Screen reader users jump to the main landmark to reach the content; with two, they "
        "land in one and may never find the other."
    )
    fix = N_(
        "Keep one <main> around all of the page's own content; use <section> or <article> for "
        "its parts."
    )
    messages = {
        "duplicate": N_(
            "This is a second main landmark (the first is on line {first}): put all of the "
            "page's own content in one <main>, and use <section> for its parts."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        found = [el for el in landmarks(page) if landmark_role(page, el) == "main"]
        return found if len(found) > 1 else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        first = line(targets[0])
        for el in targets[1:]:
            yield self.fail(el, "duplicate", first=first)
