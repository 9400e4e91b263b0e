"""label."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.forms import FORM_FIELD_ROLES, unconnected_label_near
from vngpublish.check.facts.html_roles import input_type
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Input types that are buttons (button-name, input-image-alt) or not shown at all.
_NOT_FIELDS = frozenset({"hidden", "image", "submit", "reset", "button"})


class Label(Rule):
    """Applies to every `input` (other than buttons and hidden inputs) and `textarea` in the
    accessibility tree whose role is a form field role (textbox, searchbox, combobox,
    checkbox, radio, slider, spinbutton, ...), or which has no ARIA role but takes input all
    the same (a colour or file picker). Disabled fields count: assistive technology lists
    them too. `select` is checked by select-name, fields made of other elements with ARIA by
    aria-input-field-name and aria-toggle-field-name.

    Passes when the field has a non-empty accessible name: a connected `label` (wrapped
    around it, or with `for` naming its `id`), `aria-labelledby`, `aria-label`, `title` or
    `placeholder`. Fails otherwise; when a `label` right before the field is not connected
    to it, the message says so.
    """

    id = "label"
    title = N_("Form fields have a label")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("e086e5",)
    axe = ("label",)
    tags = ("forms", "names")
    why = N_(
        "A field without a name is announced as just 'edit text' or 'checkbox': screen reader "
        "users do not know what to fill in, and clicking the label text does not reach it."
    )
    fix = N_(
        'Connect a visible label: <label for="e-mail">E-mailadres</label> with id="e-mail" on '
        "the field, or wrap the label around the field."
    )
    messages = {
        "no-name": N_(
            "This form field has no accessible name, so screen readers do not say what to fill "
            "in: give it a <label> connected with for and id, or aria-label."
        ),
        "label-not-connected": N_(
            "The label “{label}” before this field is not connected to it, so the field has no "
            'accessible name: give the field an id and the label for="that id", or wrap the '
            "label around the field."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for tag in ("input", "textarea")  # findings are sorted by position
            for el in page.by_tag(tag)
            if not (el.tag == "input" and input_type(el) in _NOT_FIELDS)
            and (role(page, el) in FORM_FIELD_ROLES or _takes_input_without_role(page, el))
            and not is_hidden(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if accessible_name(page, el):
                continue
            label = unconnected_label_near(page, el)
            if label is not None:
                yield self.fail(el, "label-not-connected", label=collapsed_text(label))
            else:
                yield self.fail(el, "no-name")


def _takes_input_without_role(page: Page, el: Element) -> bool:
    """An input that HTML-AAM gives no ARIA role (a colour or file picker), not given one."""
    return el.tag == "input" and input_type(el) in ("color", "file") and role(page, el) is None
