"""error-message-descriptive."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# An id or class that marks an error message ("error", "form-error", "foutmelding").
_ERROR_MARK = re.compile(r"(?:^|[-_\s])(?:error|errors|invalid|fout|foutmelding)(?:$|[-_\s])", re.I)
# A word every mark contains: one search over all ids (or classes) of a page rules most pages out.
_MARK_WORD = re.compile(r"error|invalid|fout", re.I)
# Messages that say something is wrong, but not what.
_ONLY_WRONG = re.compile(
    r"^(?:error|fout|invalid|invalid (?:value|input|entry)|ongeldig|ongeldige (?:invoer|waarde)"
    r"|er is een fout opgetreden|er ging iets mis|something went wrong|an error occurred"
    r"|onjuiste invoer|incorrect|wrong input)[.!]*$",
    re.I,
)


class ErrorMessageDescriptive(Rule):
    """Applies to rendered error messages of form fields that have text: elements a field
    names with `aria-errormessage`, elements that a field with `aria-invalid="true"`
    refers to with `aria-describedby`, and elements in a form whose id or class marks
    them as an error ("error", "fout", "foutmelding", "invalid").

    Fails when the message only says that something is wrong ("Fout", "Ongeldige invoer",
    "Error"). Needs review otherwise: whether it says which field is wrong, what is wrong
    with the value and how to put it right is for a person to judge.
    """

    id = "error-message-descriptive"
    title = N_("Error messages say what is wrong")
    level = "A"
    wcag = ("3.3.1",)
    act = ("36b590",)
    tags = ("forms",)
    why = N_(
        "'Ongeldige invoer' does not say which field is wrong or why: people who cannot see "
        "the red border, or who do not understand the rule, cannot correct it."
    )
    fix = N_(
        'Say which field is wrong, what is wrong and how to fix it: "Vul een postcode in '
        'zoals 1234 AB".'
    )
    messages = {
        "only-wrong": N_(
            'The error message "{text}" says only that something is wrong: say which field, '
            "what is wrong and how to correct it."
        ),
        "check-message": N_(
            'Check that the error message "{text}" says which field is wrong, what is wrong '
            "and how to correct it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        found: dict[Element, None] = {}
        for field in page.with_attribute("aria-errormessage"):
            for ref in (field.get("aria-errormessage") or "").split():
                target = page.by_id(ref)
                if target is not None:
                    found[target] = None
        for field in page.with_attribute("aria-invalid"):
            if (field.get("aria-invalid") or "").strip().lower() in ("", "false"):
                continue
            for ref in (field.get("aria-describedby") or "").split():
                target = page.by_id(ref)
                if target is not None:
                    found[target] = None
        # Marked elements count only inside a form; a page with none, or whose ids (classes)
        # hold none of the words, has none (most pages: no search per element then).
        for attribute in ("id", "class") if page.by_tag("form") else ():
            marked = page.with_attribute(attribute)
            if not _MARK_WORD.search("\n".join(el.get(attribute) or "" for el in marked)):
                continue
            for el in marked:
                if (
                    _ERROR_MARK.search(el.get(attribute) or "")
                    and next(el.iterancestors("form"), None) is not None
                ):
                    found[el] = None
        return [el for el in found if is_rendered(page, el) and collapsed_text(el)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            text = collapsed_text(el)
            if _ONLY_WRONG.match(text):
                yield self.fail(el, "only-wrong", text=text)
            else:
                yield self.cant_tell(el, "check-message", text=text[:120])
