"""aria-deprecated-attr."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import shown_aria_attributes
from vngpublish.check.facts.aria_tables import (
    DEPRECATED_ATTRIBUTES,
    DEPRECATED_GLOBAL_ATTRIBUTES,
    supports_itself,
)
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.html_aria import row_of
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.tree import role_known
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AriaDeprecatedAttr(Rule):
    """Applies to every element in the accessibility tree with a state or property that
    WAI-ARIA 1.2 deprecates: `aria-grabbed` and `aria-dropeffect` (deprecated since
    WAI-ARIA 1.1), and `aria-disabled`, `aria-errormessage`, `aria-haspopup` and
    `aria-invalid` used as global attributes, on an element whose role does not support
    them itself (a `div` or `span` with `aria-disabled`).

    Passes otherwise; an element without an ARIA role whose HTML element ARIA in HTML lets use
    the attribute (`input type=file` with `aria-invalid`) passes too. Fails once per
    deprecated attribute.
    """

    id = "aria-deprecated-attr"
    title = N_("No deprecated ARIA states and properties")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("aria",)
    why = N_(
        "Deprecated states and properties are kept only for old pages: screen readers may "
        "ignore them, so the state they describe can be lost."
    )
    fix = N_(
        "Remove the attribute, or give the element a role that supports it (a button can be "
        "disabled, a text field invalid)."
    )
    messages = {
        "deprecated": N_(
            "{attribute} is deprecated in WAI-ARIA and no longer supported by assistive "
            "technology: remove it."
        ),
        "deprecated-global": N_(
            "{attribute} on an element with role '{role}' is deprecated: WAI-ARIA 1.2 no "
            "longer lets every element use it. Use it on an element whose role supports it, "
            "or remove it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return list(dict.fromkeys(el for el, _ in _deprecated(page)))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el, name in _deprecated(page):
            if name in DEPRECATED_ATTRIBUTES:
                yield self.fail(el, "deprecated", attribute=name)
                continue
            semantic = role(page, el)
            if semantic is None or not role_known(page, el) or supports_itself(semantic, name):
                continue
            row = row_of(page, el)
            if row is not None and name in row.extra_aria:
                continue
            yield self.fail(el, "deprecated-global", attribute=name, role=semantic)


_DEPRECATED = DEPRECATED_ATTRIBUTES | DEPRECATED_GLOBAL_ATTRIBUTES


@page_fact
def _deprecated(page: Page) -> list[tuple[Element, str]]:
    """The deprecated attributes, and those deprecated as globals, on elements in the
    accessibility tree."""
    return [(el, name) for el, name, _ in shown_aria_attributes(page) if name in _DEPRECATED]
