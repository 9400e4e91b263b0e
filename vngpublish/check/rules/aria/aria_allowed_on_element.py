"""aria-allowed-on-element."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import aria_attributes, elements_with_aria_attributes
from vngpublish.check.facts.html_aria import MAY_BE_FORBIDDEN, forbidden
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AriaAllowedOnElement(Rule):
    """Applies to every element of the document with an `aria-*` attribute that ARIA in HTML
    says authors must not, or should not, use on that HTML element: `aria-checked` on an
    `input` of type checkbox or radio, `aria-hidden="true"` on `body`, `aria-selected` on an
    `option`, `aria-multiselectable` on a `select`, `aria-valuemin` and `aria-valuemax` on a
    range, `meter` or `progress`.

    Passes when it has none of them. Fails for each: the element has the state itself (its
    `checked`, `selected`, `multiple`, `min` and `max`), so the attribute can only contradict
    it, and which of the two a screen reader announces differs between browsers; on `body`,
    `aria-hidden="true"` hides the whole page from them.
    """

    id = "aria-allowed-on-element"
    title = N_("ARIA attributes do not contradict the HTML element's own state")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("aria", "forms")
    why = N_(
        "A native checkbox already says whether it is checked: an aria-checked next to it can "
        "only disagree, and browsers differ in which one they pass on."
    )
    fix = N_(
        "Remove the attribute and use the element's own (checked, selected, multiple, min, "
        "max), or remove aria-hidden from body."
    )
    messages = {
        "must-not": N_(
            'ARIA in HTML says authors must not use {attribute}="{value}" on <{tag}>: it '
            "contradicts the element's own state. Remove it."
        ),
        "should-not": N_(
            "ARIA in HTML says authors should not use {attribute} on <{tag}>, which has this "
            "state itself: remove it and use the element's own attribute."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return elements_with_aria_attributes(page)

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        # Only an element with an attribute that some element must or should not have can.
        suspects = {el for el, name, _ in aria_attributes(page) if name in MAY_BE_FORBIDDEN}
        for el in targets:
            if el not in suspects:
                continue
            for name, value, must in forbidden(page, el):
                if must:
                    yield self.fail(el, "must-not", attribute=name, value=value, tag=el.tag)
                else:
                    yield self.fail(el, "should-not", attribute=name, tag=el.tag)
