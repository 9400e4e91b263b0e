"""duplicate-id-aria."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.ids import duplicate_ids
from vngpublish.check.i18n import N_
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class DuplicateIdAria(Rule):
    """Ids that something refers to are unique.

    Labels (`label for`), ARIA relations (`aria-labelledby`, `aria-describedby`,
    `aria-controls`, ...), table `headers`, `list`, `form` and `usemap` find their target by
    id. When two elements share that id, browsers take the first one, so a form field can be
    announced with the wrong label, or a data cell with the wrong header (WCAG 1.3.1, 4.1.2).

    Applies to every id value used by two or more elements of the document (not counting
    `template` content) that one of those attributes refers to. Reported once per value, on
    its second element. Other duplicate ids, including those only in-page links
    (`href="#..."`) point at, are reported by duplicate-id: a link to a duplicate goes to the
    first one, which breaks navigation but no relationship in the accessibility tree.

    Fix: give each element its own id and point the reference at the right one.
    """

    id = "duplicate-id-aria"
    title = N_("Ids used in references are unique")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("3ea0c8",)
    tags = ("page", "ids", "aria")
    why = N_(
        "Labels and ARIA references find their target by id; with a duplicate, the first "
        "element wins and may be the wrong one."
    )
    fix = N_("Give each element its own id and point the reference at the right one.")

    def check(self, page: Page) -> Iterator[Result]:
        for duplicate in duplicate_ids(page):
            if not duplicate.referenced_by:
                continue
            yield self.fail(
                duplicate.elements[1],
                N_(
                    "The id '{id}' is used {count} times (first on line {first_line}) and "
                    "{attribute} refers to it: only the first is found, so the reference may "
                    "point to the wrong element. Make each id unique."
                ),
                id=duplicate.value,
                count=len(duplicate.elements),
                first_line=line(duplicate.elements[0]),
                attribute=duplicate.referenced_by,
            )
