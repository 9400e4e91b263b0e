"""aria-valid-attr-value."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import (
    allowed_values,
    aria_attributes,
    fits,
    value_type,
)
from vngpublish.check.facts.aria_tables import ValueType
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AriaValidAttrValue(Rule):
    """Applies to every WAI-ARIA state or property with a value (not only white space) on an
    element of the document, hidden or not (content of a `template` is not part of it).

    Passes when the value fits the attribute's value type in WAI-ARIA: one of its listed
    values for true/false, tristate and token attributes (`aria-expanded="true"`,
    `aria-current="page"`), only listed values for token lists (`aria-relevant`), an integer
    (`aria-level="2"`) or a number (`aria-valuenow="3.5"`) where one is expected, and a single
    id for an ID reference (`aria-activedescendant`). Case and surrounding spaces are not held
    against a value, since browsers differ there. Whether referenced ids exist is another
    matter (rule idref-exists). Fails otherwise: browsers then ignore the value or fall back to
    a default, so `aria-expanded="ja"` or `aria-hidden="yes"` does not say what it seems to.
    """

    id = "aria-valid-attr-value"
    title = N_("ARIA attributes have valid values")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("6a7281",)
    axe = ("aria-valid-attr-value",)
    tags = ("aria",)
    why = N_(
        "A value WAI-ARIA does not define is ignored or replaced by a default: "
        'aria-expanded="ja" or aria-hidden="yes" does not give the state it seems to.'
    )
    fix = N_("Use one of the values WAI-ARIA defines for the attribute (in English).")
    messages = {
        "not-allowed": N_('{attribute}="{value}" is not a valid value: use one of {values}.'),
        "not-integer": N_('{attribute}="{value}" is not a valid value: use a whole number.'),
        "not-number": N_('{attribute}="{value}" is not a valid value: use a number.'),
        "not-one-id": N_(
            '{attribute}="{value}" is not a valid value: it takes the id of one element.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return list(dict.fromkeys(el for el, _, _, _ in _valued(page)))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el, name, kind, value in _valued(page):
            if fits(kind, value):
                continue
            if kind.kind == "integer":
                yield self.fail(el, "not-integer", attribute=name, value=value)
            elif kind.kind == "number":
                yield self.fail(el, "not-number", attribute=name, value=value)
            elif kind.kind == "idref":
                yield self.fail(el, "not-one-id", attribute=name, value=value)
            else:
                values = ", ".join(f'"{v}"' for v in allowed_values(kind))
                yield self.fail(el, "not-allowed", attribute=name, value=value, values=values)


@page_fact
def _valued(page: Page) -> list[tuple[Element, str, ValueType, str]]:
    """The WAI-ARIA attributes of the document with a value: (element, name, type, value)."""
    found = []
    for el, name, value in aria_attributes(page):
        kind = value_type(name) if value else None
        if kind is not None:
            found.append((el, name, kind, value))
    return found
