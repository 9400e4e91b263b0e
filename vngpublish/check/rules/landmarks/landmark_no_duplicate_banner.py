"""landmark-no-duplicate-banner."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.landmarks import landmark_role, landmarks
from vngpublish.check.finding import Severity
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LandmarkNoDuplicateBanner(Rule):
    """Applies to every banner landmark in the accessibility tree (a `header` element or an
    element with `role="banner"`) when the page has two or more. A `header` inside `article`,
    `aside`, `main`, `nav` or `section` is no banner.

    Fails for each one after the first, naming the line of the first.
    """

    id = "landmark-no-duplicate-banner"
    title = N_("The page has at most one banner landmark")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("landmark-no-duplicate-banner",)
    tags = ("landmarks", "not-email")
    why = N_(
        "A page has one banner, its header with the logo and site name; screen readers list "
        "every banner, and several make users wonder which is the page's."
    )
    fix = N_(
        "Keep one <header> at the top level of the page; make other headers part of an <article> "
        "or <section>, or use a <div>."
    )
    messages = {
        "duplicate": N_(
            "This is a second banner landmark (the first is on line {first}): a page has one "
            "site header; make this one a <div>, or put it inside the <article> or <section> it "
            "belongs to."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        found = [el for el in landmarks(page) if landmark_role(page, el) == "banner"]
        return found if len(found) > 1 else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        first = line(targets[0])
        for el in targets[1:]:
            yield self.fail(el, "duplicate", first=first)
