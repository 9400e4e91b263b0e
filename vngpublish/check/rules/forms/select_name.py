"""select-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.forms import FORM_FIELD_ROLES, unconnected_label_near
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class SelectName(Rule):
    """Applies to every `select` in the accessibility tree that keeps a form field role (a
    combobox, or a listbox with `multiple` or `size`), disabled ones included.

    Passes when it has a non-empty accessible name: a connected `label`, `aria-labelledby`,
    `aria-label` or `title`. Its options do not name it: the chosen option is its value, not
    what it asks for. Fails otherwise; when a `label` right before it is not connected to
    it, the message says so.
    """

    id = "select-name"
    title = N_("Select lists have a label")
    level = "A"
    wcag = ("1.3.1", "4.1.2")
    act = ("e086e5",)
    axe = ("select-name",)
    tags = ("forms", "names")
    why = N_(
        "A select list without a name is announced only with its chosen option, so screen "
        "reader users do not know what they are choosing."
    )
    fix = N_(
        'Connect a visible label: <label for="gemeente">Gemeente</label> with id="gemeente" '
        "on the select."
    )
    messages = {
        "no-name": N_(
            "This select list has no accessible name, so screen readers do not say what it asks "
            "for: give it a <label> connected with for and id, or aria-label."
        ),
        "label-not-connected": N_(
            "The label “{label}” before this select list is not connected to it, so the list "
            'has no accessible name: give the select an id and the label for="that id".'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.by_tag("select")
            if role(page, el) in FORM_FIELD_ROLES and not is_hidden(page, el)
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
