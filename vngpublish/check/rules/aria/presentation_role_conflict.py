"""presentation-role-conflict."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import GLOBAL_ATTRIBUTES, is_presentational
from vngpublish.check.facts.focus import is_focusable
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.roles import explicit_roles, role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class PresentationRoleConflict(Rule):
    """Applies to every element marked as decorative: with `role="none"` or
    `role="presentation"` (the first valid token of `role`), or an `img` with `alt=""` and no
    valid `role`.

    Passes when the element is not in the accessibility tree (hidden), or when browsers
    indeed leave it out. Fails when they expose it after all, because it can take focus or has
    a global ARIA attribute (`aria-label`, `aria-describedby` ...): WAI-ARIA then has browsers
    ignore the decorative role and give the element its own (an image, a list item), so
    screen reader users meet something the author meant to hide, often without a name.
    """

    id = "presentation-role-conflict"
    title = N_("Decorative elements are not exposed to assistive technology")
    level = "best-practice"
    severity = Severity.WARNING
    act = ("46ca7f",)
    axe = ("presentation-role-conflict",)
    tags = ("aria", "images")
    why = N_(
        "An element marked as decoration that can take focus or has an ARIA attribute is "
        "shown to screen readers after all, usually without a useful name."
    )
    fix = N_(
        "Decide what the element is: if decorative, remove the tabindex or ARIA attribute; if "
        'not, remove role="none" (or give the image a real alt text).'
    )
    messages = {
        "focusable": N_(
            "This element is marked as decorative but can take focus, so browsers expose it "
            "with its role '{role}' after all."
        ),
        "global-attribute": N_(
            "This element is marked as decorative but has {attribute}, so browsers expose it "
            "with its role '{role}' after all."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        marked = [el for el, explicit in explicit_roles(page) if is_presentational(explicit)]
        marked += [
            el for el in page.by_tag("img") if el.get("alt") == "" and explicit_role(el) is None
        ]
        return marked

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            exposed = role(page, el)
            if is_hidden(page, el) or is_presentational(exposed):
                continue
            if is_focusable(el):
                yield self.fail(el, "focusable", role=exposed or el.tag)
                continue
            attribute = next((name for name in el.attrib if name in GLOBAL_ATTRIBUTES), "")
            yield self.fail(el, "global-attribute", attribute=attribute, role=exposed or el.tag)
