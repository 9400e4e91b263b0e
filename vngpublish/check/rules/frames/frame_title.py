"""frame-title."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import is_presentational
from vngpublish.check.facts.focus import has_valid_tabindex
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class FrameTitle(Rule):
    """Applies to every `iframe` in the accessibility tree, except one taken out of the tab
    order with a negative `tabindex` or marked as decorative with `role="none"` or
    `role="presentation"` (browsers and screen readers handle those unevenly).

    Passes when the iframe has a non-empty accessible name: `title`, `aria-label` or
    `aria-labelledby`. The `name` attribute is no name for people, nor is the title of the
    document inside. Fails otherwise.
    """

    id = "frame-title"
    title = N_("Iframes have an accessible name")
    level = "A"
    wcag = ("4.1.2",)
    act = ("cae760",)
    axe = ("frame-title",)
    tags = ("frames", "names")
    why = N_(
        "Screen readers announce an iframe by its name; without one, their users hear 'frame' "
        "and must enter it to find out whether it is a map, a video or a form."
    )
    fix = N_(
        'Give the iframe a title that says what it holds (title="Kaart van de vergaderlocatie").'
    )
    messages = {
        "no-name": N_(
            "This iframe has no accessible name: give it a title that says what it holds, such "
            "as “Video: terugblik raadsvergadering”."
        ),
        "name-attribute-only": N_(
            "This iframe has only a name attribute, which screen readers do not announce: give "
            "it a title that says what it holds."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("iframe")
            if not is_hidden(page, el)
            and not is_presentational(explicit_role(el))
            and not _negative_tabindex(el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if accessible_name(page, el):
                continue
            named = (el.get("name") or "").strip()
            yield self.fail(el, "name-attribute-only" if named else "no-name")


def _negative_tabindex(el: Element) -> bool:
    return has_valid_tabindex(el) and int(el.get("tabindex", "0")) < 0
