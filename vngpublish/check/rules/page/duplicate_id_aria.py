"""duplicate-id-aria."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.ids import duplicate_ids, ids_in_document, referenced_ids
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class DuplicateIdAria(Rule):
    """Applies to every element of the document (not `template` content) whose id a label
    (`label for`), an ARIA relation (`aria-labelledby`, `aria-describedby`, `aria-controls`,
    ...), table `headers`, `list`, `form` or `usemap` refers to.

    Passes when no other element has the same id. Fails otherwise, once for each value, on its
    second element: browsers take the first element with the id, so the reference may point to
    the wrong one. Duplicates of other ids, including those only in-page links (`href="#..."`)
    point at, are reported by duplicate-id: a link to a duplicate goes to the first one, which
    breaks navigation but no relationship in the accessibility tree.
    """

    id = "duplicate-id-aria"
    title = N_("Ids used in references are unique")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("3ea0c8",)
    axe = ("duplicate-id-aria",)
    tags = ("page", "ids", "aria")
    why = N_(
        "Labels and ARIA references find their target by id; with a duplicate, the first "
        "element wins and may be the wrong one, so a form field can be announced with the "
        "wrong label."
    )
    fix = N_("Give each element its own id and point the reference at the right one.")
    messages = {
        "duplicate": N_(
            "The id '{id}' is used {count} times (first on line {first_line}) and {attribute} "
            "refers to it: only the first is found, so the reference may point to the wrong "
            "element. Make each id unique."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        referenced = referenced_ids(page)
        return [
            el
            for value, elements in ids_in_document(page).items()
            if value in referenced
            for el in elements
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for duplicate in duplicate_ids(page):
            if not duplicate.referenced_by:
                continue
            yield self.fail(
                duplicate.elements[1],
                "duplicate",
                id=duplicate.value,
                count=len(duplicate.elements),
                first_line=line(duplicate.elements[0]),
                attribute=duplicate.referenced_by,
            )
