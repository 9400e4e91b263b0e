"""duplicate-id."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.ids import duplicate_ids, ids_in_document, referenced_ids
from vngpublish.check.finding import Severity
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class DuplicateId(Rule):
    """Applies to every element of the document (not `template` content) with a non-empty id
    that no label, ARIA attribute, `headers`, `list`, `form` or `usemap` refers to (a
    duplicate of such an id is an error under duplicate-id-aria).

    Passes when no other element has the same id. Fails otherwise, once for each value, on
    its second element: HTML requires every id to be unique. A duplicate that nothing refers to
    does no harm to accessibility today, so this is a best practice (WCAG 2.2 removed 4.1.1
    Parsing). An in-page link to a duplicate (a table of contents, a skip link) always goes to
    the first one, and the message then says so.
    """

    id = "duplicate-id"
    title = N_("Ids are unique")
    level = "best-practice"
    severity = Severity.WARNING
    act = ("3ea0c8",)
    axe = ("duplicate-id",)
    tags = ("page", "ids")
    why = N_(
        "HTML requires unique ids; the next label or link that uses a duplicate will point at the "
        "wrong element."
    )
    fix = N_("Give each element its own id, or remove ids that nothing uses.")
    messages = {
        "duplicate": N_(
            "The id '{id}' is used {count} times (first on line {first_line}): make each id unique."
        ),
        "duplicate-linked": N_(
            "The id '{id}' is used {count} times (first on line {first_line}), and in-page links "
            "to it always go to the first: make each id unique and point each link at its own "
            "target."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        referenced = referenced_ids(page)
        return [
            el
            for value, elements in ids_in_document(page).items()
            if value not in referenced
            for el in elements
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for duplicate in duplicate_ids(page):
            if duplicate.referenced_by:
                continue
            yield self.fail(
                duplicate.elements[1],
                "duplicate-linked" if duplicate.linked else "duplicate",
                id=duplicate.value,
                count=len(duplicate.elements),
                first_line=line(duplicate.elements[0]),
            )
