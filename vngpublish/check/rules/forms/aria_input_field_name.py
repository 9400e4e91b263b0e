"""aria-input-field-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.forms import NATIVE_FIELDS, in_tree_with_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_INPUT_ROLES = frozenset({"combobox", "listbox", "searchbox", "slider", "spinbutton", "textbox"})


class AriaInputFieldName(Rule):
    """Applies to every element in the accessibility tree that is not an HTML form field
    (`input`, `select`, `textarea`) but has an input field role through ARIA: `textbox`,
    `searchbox`, `combobox`, `listbox`, `slider` or `spinbutton` (a `div` with
    `contenteditable` and `role="textbox"`, a custom select list). HTML form fields are
    checked by label and select-name.

    Passes when the element has a non-empty accessible name: `aria-labelledby`, `aria-label`
    or `title` (a `label` element cannot name it: only HTML form fields are labelable).
    Fails otherwise.
    """

    id = "aria-input-field-name"
    title = N_("ARIA input fields have an accessible name")
    level = "A"
    wcag = ("4.1.2",)
    act = ("e086e5",)
    axe = ("aria-input-field-name",)
    tags = ("aria", "forms", "names")
    why = N_(
        "A field without a name is announced only by its role, so screen reader users do not "
        "know what to enter or choose."
    )
    fix = N_(
        "Name the field with aria-labelledby pointing to its visible label, or with aria-label; "
        "a <label> element does not name an element that is not an HTML form field."
    )
    messages = {
        "no-name": N_(
            'This element with role="{role}" has no accessible name: point aria-labelledby to '
            "its visible label, or give it aria-label."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el for el in in_tree_with_role(page, (), _INPUT_ROLES) if el.tag not in NATIVE_FIELDS
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not accessible_name(page, el):
                yield self.fail(el, "no-name", role=role(page, el) or "")
