"""landmark-no-duplicate-contentinfo."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.landmarks import landmark_role, landmarks
from vngpublish.check.finding import Severity
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LandmarkNoDuplicateContentinfo(Rule):
    """Applies to every contentinfo landmark in the accessibility tree (a `footer` element or an
    element with `role="contentinfo"`) when the page has two or more. A `footer` inside
    `article`, `aside`, `main`, `nav` or `section` is no contentinfo.

    Fails for each one after the first, naming the line of the first.
    """

    id = "landmark-no-duplicate-contentinfo"
    title = N_("The page has at most one contentinfo landmark")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("landmark-no-duplicate-contentinfo",)
    tags = ("landmarks", "not-email")
    why = N_(
        "A page has one contentinfo, its footer with the site's details; several make "
        "screen reader users wonder which is the page's."
    )
    fix = N_(
        "Keep one <footer> at the top level of the page; make other footers part of an "
        "<article> or <section>, or use a <div>."
    )
    messages = {
        "duplicate": N_(
            "This is a second contentinfo landmark (the first is on line {first}): a page has one "
            "site footer; make this one a <div>, or put it inside the <article> or <section> it "
            "belongs to."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        found = [el for el in landmarks(page) if landmark_role(page, el) == "contentinfo"]
        return found if len(found) > 1 else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        first = line(targets[0])
        for el in targets[1:]:
            yield self.fail(el, "duplicate", first=first)
