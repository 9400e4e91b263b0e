"""aria-valid-attr."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import aria_attributes, elements_with_aria_attributes
from vngpublish.check.facts.aria_tables import ARIA_1_3_ATTRIBUTES, ATTRIBUTES, is_known_attribute
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.suggest import closest
from vngpublish.i18n import N_

# Known names without their common "aria-" prefix, which would make any two look alike.
_KNOWN = sorted(name.removeprefix("aria-") for name in {*ATTRIBUTES, *ARIA_1_3_ATTRIBUTES})
# Misspellings some browsers accept as the attribute (Chromium reads aria-labeledby).
_ALIASES = {"aria-labeledby": "aria-labelledby"}


class AriaValidAttr(Rule):
    """Applies to every element of the document with an attribute whose name starts with
    `aria-`, whether it is hidden or not (content of a `template` is not part of the document).

    Passes when each such attribute is a state or property that WAI-ARIA 1.2 defines, or one
    of the WAI-ARIA 1.3 draft that browsers already support (`aria-description`,
    `aria-braillelabel`, ...). Fails otherwise, once per unknown attribute, with the closest
    known name when there is one: browsers ignore an attribute they do not know, so a typo such
    as `aria-lable` or `aria-expaned` leaves the element without the name or state it was
    meant to have. `aria-labeledby`, which some browsers accept for `aria-labelledby`, fails with
    its own message. Deprecated attributes (`aria-grabbed`) are defined, and reported by
    aria-deprecated-attr instead.
    """

    id = "aria-valid-attr"
    title = N_("ARIA attributes are spelt as WAI-ARIA defines them")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("5f99a7",)
    axe = ("aria-valid-attr",)
    tags = ("aria",)
    why = N_(
        "Browsers ignore an aria-* attribute they do not know: a misspelt aria-label or "
        "aria-expanded never reaches the screen reader, so the name or state it was meant to "
        "give is missing."
    )
    fix = N_("Correct the spelling to a WAI-ARIA attribute, or remove the attribute.")
    messages = {
        "unknown": N_("'{attribute}' is not a WAI-ARIA attribute, so browsers ignore it."),
        "unknown-suggest": N_(
            "'{attribute}' is not a WAI-ARIA attribute, so browsers ignore it: did you mean "
            "'{suggestion}'?"
        ),
        "alias": N_(
            "'{attribute}' is not how WAI-ARIA spells it: some browsers accept it, others "
            "ignore it. Write '{suggestion}'."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return elements_with_aria_attributes(page)

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el, name, _ in aria_attributes(page):
            if is_known_attribute(name):
                continue
            if name in _ALIASES:
                yield self.fail(el, "alias", attribute=name, suggestion=_ALIASES[name])
                continue
            close = closest(name.removeprefix("aria-"), _KNOWN, cutoff=0.7)
            if close:
                suggestion = f"aria-{close}"
                yield self.fail(el, "unknown-suggest", attribute=name, suggestion=suggestion)
            else:
                yield self.fail(el, "unknown", attribute=name)
