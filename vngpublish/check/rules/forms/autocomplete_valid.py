"""autocomplete-valid."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import is_a
from vngpublish.check.facts.focus import in_tab_order, is_disabled
from vngpublish.check.facts.forms import ALL_TOKENS, autofill_problem
from vngpublish.check.facts.html_roles import input_type
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import computed_visibility, is_hidden, is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.suggest import closest
from vngpublish.i18n import N_

# Inputs whose value is fixed or chosen another way: autocomplete means nothing on them.
_FIXED_VALUE = frozenset({"button", "checkbox", "file", "image", "radio", "reset", "submit"})


class AutocompleteValid(Rule):
    """Applies to every `input`, `select` and `textarea` with an `autocomplete` attribute
    that is not empty and not just `on` or `off`, except fields that are disabled, that have
    a fixed value (buttons, checkboxes, radio buttons, file and image inputs), that are
    neither visible nor in the accessibility tree (such as `type="hidden"`), or that are out
    of the tab order and given a role that is no widget.

    Passes when the value follows the HTML standard's grammar of autofill tokens: an optional
    `section-` token, an optional `shipping` or `billing`, an optional `home`, `work`,
    `mobile`, `fax` or `pager` (only before `email`, `tel`, `tel-*` or `impp`), one field
    name such as `email`, `given-name` or `postal-code`, and an optional `webauthn`. Fails
    otherwise: a misspelt or unknown token (with the field name it most looks like), no
    field name, two field names, or tokens in the wrong order. A single word written to
    switch autofill off (`false`, `nope`, `disabled`, `chrome-off`, ...) needs review instead:
    it is invalid, but a failure of 1.3.5 only where the field asks for the user's own
    information.
    """

    id = "autocomplete-valid"
    title = N_("autocomplete values are valid")
    level = "AA"
    wcag = ("1.3.5",)
    act = ("73f2c2",)
    axe = ("autocomplete-valid",)
    tags = ("forms",)
    why = N_(
        "A valid autocomplete value tells browsers and assistive technology what a field asks "
        "for, so they can fill it in or show a familiar icon; an invalid one is ignored."
    )
    fix = N_(
        'Use a field name from the HTML standard, such as autocomplete="email", "given-name", '
        '"family-name", "postal-code" or "tel".'
    )
    messages = {
        "meant-off": N_(
            'autocomplete="{value}" is not a valid value; browsers treat it as unknown. To '
            'switch autofill off use autocomplete="off"; if the field asks for the user\'s own '
            'information (name, e-mail, address), give its purpose, such as "email", instead.'
        ),
        "unknown-token": N_(
            'autocomplete="{value}": “{token}” is not an autocomplete value. Use a field name '
            'from the HTML standard, such as "email" or "given-name".'
        ),
        "misspelt-token": N_(
            'autocomplete="{value}": “{token}” is not an autocomplete value; did you mean '
            "“{suggestion}”?"
        ),
        "no-field-name": N_(
            'autocomplete="{value}" names no field: add what the field asks for, such as '
            '"email", "street-address" or "postal-code".'
        ),
        "two-field-names": N_(
            'autocomplete="{value}" names more than one field: keep only the one this field '
            "asks for."
        ),
        "hint-not-contact": N_(
            'autocomplete="{value}": “{token}” can only come right before email, tel, tel-* '
            "or impp."
        ),
        "wrong-order": N_(
            'autocomplete="{value}": “{token}” is out of place. The order is: section-…, '
            "shipping or billing, home/work/mobile/fax/pager, the field name, webauthn."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.with_attribute("autocomplete")
            if el.tag in ("input", "select", "textarea") and _applies(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            value = " ".join((el.get("autocomplete") or "").split())
            problem = autofill_problem(value)
            if problem is None:
                continue
            if problem.kind == "unknown" and _meant_off(value):
                # Written to stop autofill; only a field for the user's own information must
                # name its purpose (1.3.5), which a person judges.
                yield self.cant_tell(el, "meant-off", value=value)
            elif problem.kind == "unknown":
                near = closest(problem.token, ALL_TOKENS)
                if near is not None:
                    yield self.fail(
                        el, "misspelt-token", value=value, token=problem.token, suggestion=near
                    )
                else:
                    yield self.fail(el, "unknown-token", value=value, token=problem.token)
            elif problem.kind == "no-field":
                yield self.fail(el, "no-field-name", value=value)
            elif problem.kind == "two-fields":
                yield self.fail(el, "two-field-names", value=value)
            elif problem.kind == "hint-not-contact":
                yield self.fail(el, "hint-not-contact", value=value, token=problem.token)
            else:
                yield self.fail(el, "wrong-order", value=value, token=problem.token or "")


# Values authors write to keep browsers from filling a field in (none of them valid).
_OFF_WORDS = frozenset({"false", "no", "nope", "none", "disable", "disabled", "nofill"})
_OFF_PART = re.compile(r"(?:^|-)off(?:$|-)")


def _meant_off(value: str) -> bool:
    """A single word written to keep browsers from filling the field in."""
    token = value.lower()
    return " " not in token and (token in _OFF_WORDS or bool(_OFF_PART.search(token)))


def _applies(page: Page, el: Element) -> bool:
    tokens = (el.get("autocomplete") or "").split()
    if not tokens or (len(tokens) == 1 and tokens[0].lower() in ("on", "off")):
        return False
    if is_disabled(el) or (el.tag == "input" and input_type(el) in _FIXED_VALUE):
        return False
    visible = is_rendered(page, el) and computed_visibility(page, el) == "visible"
    if not visible and is_hidden(page, el):
        return False
    return in_tab_order(page, el) or is_a(role(page, el), "widget")
