"""aria-required-attr."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import trimmed
from vngpublish.check.facts.aria_tables import REQUIRED_CONDITIONS, REQUIRED_IN_BOTH
from vngpublish.check.facts.content_model import HEADING_TAGS
from vngpublish.check.facts.focus import is_focusable
from vngpublish.check.facts.html_roles import input_type
from vngpublish.check.facts.roles import implicit_role, shown_explicit_roles
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# States that HTML elements give natively (HTML-AAM's attribute mappings): a checkbox's
# `checked`, a range's `value`, a heading's level.
_NATIVE: dict[str, Callable[[Element], bool]] = {
    "aria-checked": lambda el: el.tag == "input" and input_type(el) in ("checkbox", "radio"),
    "aria-valuenow": lambda el: (
        el.tag in ("progress", "meter")
        or (el.tag == "input" and input_type(el) in ("range", "number"))
    ),
    "aria-level": lambda el: el.tag in HEADING_TAGS,
}


class AriaRequiredAttr(Rule):
    """Applies to every element in the accessibility tree with an explicit role (the first
    valid token of `role`) that differs from the role its HTML element has anyway: a
    `<div role="checkbox">`, not an `<input type="checkbox" role="checkbox">`.

    Passes when every state and property the role requires is set to something other than
    white space, or has an implicit value. Required are those WAI-ARIA 1.2 requires and the
    1.3 draft still requires: `aria-checked` for a checkbox, radio or switch, `aria-level` for
    a heading, `aria-valuenow` for a slider, scrollbar or meter (and for a separator that can
    take focus), `aria-expanded` for a combobox. A state the HTML element gives natively
    counts as set (an `input type="checkbox"` with `role="switch"` is checked or not by
    itself). Fails otherwise, naming what is missing: without it a screen reader cannot say
    whether the checkbox is checked or the section expanded.
    """

    id = "aria-required-attr"
    title = N_("Roles have their required states and properties")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("4e8ab6",)
    axe = ("aria-required-attr",)
    tags = ("aria",)
    why = N_(
        "A custom checkbox without aria-checked or a slider without aria-valuenow has no state "
        "a screen reader can announce: its users cannot tell whether it is on or where it is "
        "set."
    )
    fix = N_(
        "Add the missing attributes and keep them up to date with script, or use the native "
        'HTML element (input type="checkbox", input type="range"), which has the state '
        "built in."
    )
    messages = {
        "missing": N_(
            "An element with role '{role}' needs {attributes}: without it screen readers "
            "cannot announce its state."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el, explicit in shown_explicit_roles(page).items()
            if explicit != implicit_role(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        explicit_of = shown_explicit_roles(page)
        for el in targets:
            explicit = explicit_of[el]
            if explicit not in REQUIRED_IN_BOTH:
                continue  # most roles require nothing
            conditions = REQUIRED_CONDITIONS.get(explicit, {})
            missing = [
                name
                for name in sorted(REQUIRED_IN_BOTH.get(explicit, ()))
                if not trimmed(el.get(name))
                and not (name in _NATIVE and _NATIVE[name](el))
                and not (conditions.get(name) == "if focusable" and not is_focusable(el))
            ]
            if missing:
                yield self.fail(el, "missing", role=explicit, attributes=", ".join(missing))
