"""idref-exists."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import is_true
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.ids import ids_in_document
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Attributes that name or label: a reference to nothing leaves the element without the name,
# label it was given. (`for` counts on `label` and `output`.) A cell's `headers` is
# td-headers-attr's, which also knows which cells may be named.
_NAMING = {
    "aria-labelledby": None,
    "for": frozenset({"label", "output"}),
}
# References that script often fills in later: the element they point at (an error message,
# a menu, the active option) may be added only when it is needed.
_DYNAMIC = {
    "aria-describedby": None,
    "aria-controls": None,
    "aria-owns": None,
    "aria-flowto": None,
    "aria-details": None,
    "aria-activedescendant": None,
    "list": frozenset({"input"}),
}


class IdrefExists(Rule):
    """Applies to every element in the accessibility tree with an attribute that refers to
    other elements by id: `aria-labelledby` and `for` (on `label` and `output`), and
    `aria-describedby`, `aria-controls`, `aria-owns`, `aria-flowto`,
    `aria-details`, `aria-activedescendant` and `list` (on `input`). `aria-errormessage` is
    left out: its message is usually added only when there is an error; so is `headers` on
    table cells, which td-headers-attr checks.

    Passes when every id it names belongs to an element of the document (not to `template`
    content). Fails for `aria-labelledby` and `for` when one does not: the label or name the
    author gave is then missing or incomplete. Fails for `aria-controls` on a scrollbar, or on
    an element that says it is expanded (`aria-expanded="true"`), when none of its ids does:
    what the scrollbar moves, or what the element opened, should be there (WAI-ARIA requires
    the reference of a scrollbar and an expanded combobox). Needs review for the others, whose
    target script may add only when it is needed (a menu when it opens, a description when
    there is an error): a person has to check that it is there by then.
    """

    id = "idref-exists"
    title = N_("References by id point to an element that exists")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("aria", "ids", "forms")
    why = N_(
        "A label or aria-labelledby attribute that names an id no element has ties nothing "
        "together: the field or button is left without the name its author meant to give it."
    )
    fix = N_(
        "Correct the id in the reference, or give the intended element that id (ids are "
        "case-sensitive)."
    )
    act = ("in6db8",)
    messages = {
        "missing-name": N_(
            "aria-labelledby refers to the id {ids}, but no element in the page has it: the "
            "accessible name it should give is missing or incomplete."
        ),
        "missing-label": N_(
            "This label's for attribute refers to the id {ids}, but no element in the page "
            "has it: the label is tied to no form field."
        ),
        "missing-controls": N_(
            'This element is expanded (aria-expanded="true") and controls the id {ids}, but '
            "no element in the page has it: what it opened cannot be found."
        ),
        "missing-scrolled": N_(
            "This scrollbar controls the id {ids}, but no element in the page has it: screen "
            "readers cannot tell what it scrolls."
        ),
        "missing-dynamic": N_(
            "{attribute} refers to the id {ids}, but no element in the page has it yet: check "
            "that script adds it before it is needed, or correct the reference."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return list(dict.fromkeys(el for el, _, _ in _references(page)))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        ids = ids_in_document(page)
        for el, attribute, tokens in _references(page):
            missing = [token for token in tokens if token not in ids]
            if not missing:
                continue
            listed = ", ".join(f"'{token}'" for token in missing)
            if attribute in _NAMING:
                yield self.fail(el, _NAMING_MESSAGES[attribute], ids=listed)
            elif attribute == "aria-controls" and len(missing) == len(tokens):
                if role(page, el) == "scrollbar":
                    yield self.fail(el, "missing-scrolled", ids=listed)
                elif is_true(el, "aria-expanded"):
                    yield self.fail(el, "missing-controls", ids=listed)
                else:
                    yield self.cant_tell(el, "missing-dynamic", attribute=attribute, ids=listed)
            else:
                yield self.cant_tell(el, "missing-dynamic", attribute=attribute, ids=listed)


@page_fact
def _references(page: Page) -> list[tuple[Element, str, list[str]]]:
    """Each (element, attribute, ids) this rule checks: in the accessibility tree, not in
    `template` content, naming at least one id."""
    templates = bool(page.by_tag("template"))
    found = []
    for attribute, tags in (*_NAMING.items(), *_DYNAMIC.items()):
        for el in page.with_attribute(attribute):
            if tags is not None and el.tag not in tags:
                continue
            value = el.get(attribute) or ""
            # A label's `for` is one id, matched exactly; the others are lists of ids.
            tokens = [value] if attribute == "for" and el.tag == "label" else value.split()
            if not "".join(tokens).strip() or is_hidden(page, el):
                continue
            if templates and in_template(page, el):
                continue
            found.append((el, attribute, tokens))
    return found


_NAMING_MESSAGES = {
    "aria-labelledby": "missing-name",
    "for": "missing-label",
}
