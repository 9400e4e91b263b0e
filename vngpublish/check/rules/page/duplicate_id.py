"""duplicate-id."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.ids import duplicate_ids
from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class DuplicateId(Rule):
    """Id values are unique in the page (best practice).

    HTML requires every id to be unique. A duplicate that nothing refers to does no harm to
    accessibility today, but the next label or ARIA relation that uses it will silently point
    at the first element. An in-page link to a duplicate (a table of contents, a skip link)
    always goes to the first one, so the message says so. (WCAG 2.2 removed 4.1.1 Parsing;
    duplicates that labels or ARIA attributes refer to are errors under duplicate-id-aria.)

    Applies to every id value used by two or more elements of the document (not counting
    `template` content) that no label, ARIA attribute, `headers`, `list`, `form` or `usemap`
    refers to. Reported once per value, on its second element.

    Fix: give each element its own id, or drop ids that nothing uses.
    """

    id = "duplicate-id"
    title = N_("Ids are unique")
    level = "best-practice"
    severity = Severity.WARNING
    act = ("3ea0c8",)
    tags = ("page", "ids", "best-practice")
    why = N_(
        "HTML requires unique ids; the next label or link that uses a duplicate will point at the "
        "wrong element."
    )
    fix = N_("Give each element its own id, or remove ids that nothing uses.")

    def check(self, page: Page) -> Iterator[Result]:
        for duplicate in duplicate_ids(page):
            if duplicate.referenced_by:
                continue
            yield self.fail(
                duplicate.elements[1],
                N_(
                    "The id '{id}' is used {count} times (first on line {first_line}), and "
                    "in-page links to it always go to the first: make each id unique and "
                    "point each link at its own target."
                )
                if duplicate.linked
                else N_(
                    "The id '{id}' is used {count} times (first on line {first_line}): make "
                    "each id unique."
                ),
                id=duplicate.value,
                count=len(duplicate.elements),
                first_line=line(duplicate.elements[0]),
            )
