"""image-alt."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.svg import in_svg
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_IMAGE_ROLES = frozenset({"img", "image"})


class ImageAlt(Rule):
    """Applies to `img` elements and elements with `role="img"` that are in the accessibility
    tree (not hidden with `hidden`, `display:none` or `aria-hidden="true"`) and keep the role
    of an image. An image marked as decorative, with `alt=""` or `role="presentation"` or
    `role="none"`, has no such role and is not checked, unless it can be focused, which makes
    browsers ignore that role. An `img` with another role (a button, a link) is checked by the
    rules for that role, and SVG images by svg-img-alt.

    Passes when the image has a non-empty accessible name: `alt`, `aria-label`,
    `aria-labelledby` or `title`. Fails otherwise, with a message for the missing `alt`, for an
    `alt` of only spaces, and for a `role="img"` without a name.
    """

    id = "image-alt"
    title = N_("Images have a text alternative")
    level = "A"
    wcag = ("1.1.1",)
    act = ("23a2a8",)
    axe = ("image-alt", "role-img-alt")
    tags = ("images", "names")
    why = N_(
        "Without a text alternative, screen reader users hear only 'image' or a file name, and "
        "miss what the picture shows."
    )
    fix = N_(
        'Describe what the image shows or does in alt, or use alt="" when it is only decoration.'
    )
    messages = {
        "no-alt": N_(
            'The image has no alt attribute: describe what it shows in alt, or use alt="" if it '
            "is only decoration."
        ),
        "blank-alt": N_(
            "The image's alt text is empty or only spaces: describe what it shows, or use "
            'alt="" (nothing between the quotes) if it is only decoration.'
        ),
        "no-name": N_(
            'The element with role="img" has no accessible name: name it with aria-label or '
            'aria-labelledby, or use role="none" if it is decorative.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        candidates = list(page.by_tag("img"))
        candidates += [
            el
            for el in page.with_attribute("role")
            if el.tag != "img" and role(page, el) in _IMAGE_ROLES and not in_svg(page, el)
        ]
        return [
            el
            for el in candidates
            if not is_hidden(page, el) and role(page, el) in _IMAGE_ROLES | {None}
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if accessible_name(page, el).strip():
                continue
            if el.tag != "img":
                yield self.fail(el, "no-name")
            elif el.get("alt") is None:
                yield self.fail(el, "no-alt")
            else:
                yield self.fail(el, "blank-alt")
