"""svg-img-alt."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.svg import in_svg
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_GRAPHIC_ROLES = frozenset({"img", "graphics-document", "graphics-symbol"})


class SvgImgAlt(Rule):
    """Applies to every SVG element (an `svg`, or a shape or group inside one) in the
    accessibility tree with an explicit role of `img`, `graphics-document` or
    `graphics-symbol`: the author said it conveys something. An `svg` without such a role is
    left to image-decorative, since browsers and screen readers treat it unevenly.

    Passes when the element has a non-empty accessible name: `aria-labelledby`,
    `aria-label`, or its `title` child. Fails otherwise.
    """

    id = "svg-img-alt"
    title = N_("SVG images have a text alternative")
    level = "A"
    wcag = ("1.1.1",)
    act = ("7d6734",)
    axe = ("svg-img-alt",)
    tags = ("images", "names")
    why = N_(
        "An SVG image marked as an image but without a text alternative is announced as just "
        "'image': screen reader users miss what it shows."
    )
    fix = N_(
        "Give the SVG a <title> as its first child, aria-label, or aria-labelledby pointing to "
        'text that says what it shows; use aria-hidden="true" if it is only decoration.'
    )
    messages = {
        "no-name": N_(
            'This SVG has role="{role}" but no text alternative: give it a <title> child or '
            "aria-label that says what it shows."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el in page.with_attribute("role")
            if explicit_role(el) in _GRAPHIC_ROLES and in_svg(page, el) and not is_hidden(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not accessible_name(page, el):
                yield self.fail(el, "no-name", role=explicit_role(el) or "")
