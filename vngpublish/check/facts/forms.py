"""Form fields and controls: which elements are in the accessibility tree with a given role,
the form field roles of WAI-ARIA 1.2, labels that name no control, and the HTML standard's
grammar of the `autocomplete` attribute.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vngpublish.check.dom import collapsed_text
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.labels import labels_of
from vngpublish.check.facts.roles import role, with_tag_or_role
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

FORM_FIELD_ROLES = frozenset(
    {
        "checkbox",
        "combobox",
        "listbox",
        "menuitemcheckbox",
        "menuitemradio",
        "radio",
        "searchbox",
        "slider",
        "spinbutton",
        "switch",
        "textbox",
    }
)
"""The roles of WAI-ARIA 1.2 that are form fields: they inherit from `input`, `menuitem` or
`select` and take a value (not `menu`, `option` or `tree`)."""

NATIVE_FIELDS = ("input", "select", "textarea")
"""The HTML elements that are form fields by themselves."""


def in_tree_with_role(
    page: Page, tags: tuple[str, ...], roles: Collection[str], *, ordered: bool = True
) -> list[Element]:
    """The elements in the accessibility tree whose role is one of `roles`, in document order
    (unless `ordered` is False); `tags` are the elements that can have one of them
    implicitly."""
    # Without tags, only an explicit role can give one of the roles.
    candidates = (
        with_tag_or_role(page, tags, roles, ordered=ordered)
        if tags
        else page.with_attribute("role")
    )
    return [el for el in candidates if role(page, el) in roles and not is_hidden(page, el)]


def form_fields(page: Page) -> list[Element]:
    """The form fields in the accessibility tree: elements with a form field role."""
    return _form_fields(page)


@page_fact
def _form_fields(page: Page) -> list[Element]:
    return in_tree_with_role(page, NATIVE_FIELDS, FORM_FIELD_ROLES)


def unconnected_label_near(page: Page, el: Element) -> Element | None:
    """A `label` with text right before the control (its previous element sibling, or that of
    the control's only-child wrapper) that labels no control at all: a label the author meant
    for this control but did not connect (`for` missing or naming another id)."""
    node: Element | None = el
    for _ in range(2):
        if node is None:
            return None
        previous = node.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()  # comments
        if previous is not None:
            if previous.tag == "label" and _labels_nothing(page, previous):
                return previous if collapsed_text(previous) else None
            return None
        node = node.getparent()
    return None


def _labels_nothing(page: Page, label: Element) -> bool:
    return label not in _labels_in_use(page)


@page_fact
def _labels_in_use(page: Page) -> set[Element]:
    """The `label` elements that label some control."""
    used: set[Element] = set()
    for tag in ("input", "select", "textarea", "button", "meter", "output", "progress"):
        for el in page.by_tag(tag):  # tag by tag: order does not matter for a set
            used.update(labels_of(page, el))
    return used


# ------------------------------------------------------------------ autocomplete
# The autofill field names of the HTML standard (§ 4.10.18.7.1, "Autofill"), in its table's
# order; the contact ones take an optional home/work/mobile/fax/pager before them.
FIELD_NAMES = frozenset(
    {
        "name",
        "honorific-prefix",
        "given-name",
        "additional-name",
        "family-name",
        "honorific-suffix",
        "nickname",
        "username",
        "new-password",
        "current-password",
        "one-time-code",
        "organization-title",
        "organization",
        "street-address",
        "address-line1",
        "address-line2",
        "address-line3",
        "address-level4",
        "address-level3",
        "address-level2",
        "address-level1",
        "country",
        "country-name",
        "postal-code",
        "cc-name",
        "cc-given-name",
        "cc-additional-name",
        "cc-family-name",
        "cc-number",
        "cc-exp",
        "cc-exp-month",
        "cc-exp-year",
        "cc-csc",
        "cc-type",
        "transaction-currency",
        "transaction-amount",
        "language",
        "bday",
        "bday-day",
        "bday-month",
        "bday-year",
        "sex",
        "url",
        "photo",
    }
)
CONTACT_FIELD_NAMES = frozenset(
    {
        "tel",
        "tel-country-code",
        "tel-national",
        "tel-area-code",
        "tel-local",
        "tel-local-prefix",
        "tel-local-suffix",
        "tel-extension",
        "email",
        "impp",
    }
)
CONTACT_HINTS = frozenset({"home", "work", "mobile", "fax", "pager"})
MODES = frozenset({"shipping", "billing"})
ALL_TOKENS = FIELD_NAMES | CONTACT_FIELD_NAMES | CONTACT_HINTS | MODES | {"webauthn"}
"""Every token an autocomplete value may hold, other than `section-*`."""


@dataclass(frozen=True, slots=True)
class AutofillProblem:
    """Why an `autocomplete` value breaks the grammar: `kind` names the problem, `token` is
    the token at fault ("" when a token is missing)."""

    kind: str
    """"unknown" (not an autofill token), "no-field" (no field name), "two-fields",
    "hint-not-contact" (home/work/... before a field that is no contact field), "order" (a
    token out of place)."""
    token: str


def autofill_problem(value: str) -> AutofillProblem | None:
    """What is wrong with an `autocomplete` value by the HTML standard's grammar, or None
    when it is valid: an optional `section-*`, an optional `shipping` or `billing`, an optional
    contact hint (`home`, `work`, `mobile`, `fax`, `pager`) only before a contact field name,
    one field name, and an optional `webauthn`. ASCII case-insensitive."""
    tokens = [token.lower() for token in value.split()]
    for token in tokens:
        if token not in ALL_TOKENS and not token.startswith("section-"):
            return AutofillProblem("unknown", token)
    fields = [t for t in tokens if t in FIELD_NAMES or t in CONTACT_FIELD_NAMES]
    if not fields:
        return AutofillProblem("no-field", "")
    if len(fields) > 1:
        return AutofillProblem("two-fields", fields[1])
    position = 0
    if position < len(tokens) and tokens[position].startswith("section-"):
        position += 1
    if position < len(tokens) and tokens[position] in MODES:
        position += 1
    if position < len(tokens) and tokens[position] in CONTACT_HINTS:
        if position + 1 < len(tokens) and tokens[position + 1] not in CONTACT_FIELD_NAMES:
            return AutofillProblem("hint-not-contact", tokens[position])
        position += 1
    if position >= len(tokens) or tokens[position] != fields[0]:
        return AutofillProblem("order", tokens[position] if position < len(tokens) else "")
    position += 1
    if position < len(tokens) and tokens[position] == "webauthn":
        position += 1
    if position < len(tokens):
        return AutofillProblem("order", tokens[position])
    return None
