"""image-alt."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.dom import Element, text_content
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule

_IMAGE_ROLES = frozenset({"img", "image"})
_DECORATIVE_ROLES = frozenset({"presentation", "none"})


class ImageAlt(Rule):
    """Images have a text alternative, or are marked as decorative.

    A screen reader announces an image without a name as "image", or reads out its file name
    ("IMG_0412.jpg"); the information in the picture is lost. Decorative images must say so,
    so they are skipped.

    Applies to `img` elements and elements with `role="img"` that are in the accessibility
    tree (not hidden with `hidden`, `display:none` or `aria-hidden="true"`). An `img` with
    another role (a button, a link) is checked by the rules for that role.

    Passes: a non-empty accessible name (`alt`, `aria-label`, `aria-labelledby`, `title`), or
    marked decorative: `alt=""` or `role="presentation"`/`role="none"` (unless the image can be
    focused, which makes browsers ignore that role).

    Fix: `alt` that says what the image shows or does (`alt="Kaart van de gemeente Utrecht"`),
    or `alt=""` when it is only decoration.
    """

    id = "image-alt"
    title = N_("Images have a text alternative")
    level = "A"
    wcag = ("1.1.1",)
    act = ("23a2a8",)
    tags = ("images",)
    why = N_(
        "Without a text alternative, screen reader users hear only 'image' or a file name, and "
        "miss what the picture shows."
    )
    fix = N_(
        'Describe what the image shows or does in alt, or use alt="" when it is only decoration.'
    )

    def check(self, page: Page) -> Iterator[Result]:
        candidates = list(page.by_tag("img"))
        candidates += [
            el
            for el in page.with_attribute("role")
            if el.tag != "img" and role(page, el) in _IMAGE_ROLES
        ]
        for el in candidates:
            if is_hidden(page, el):
                continue
            el_role = role(page, el)
            if el_role in _DECORATIVE_ROLES:
                continue
            if el.tag == "img" and el_role is not None and el_role not in _IMAGE_ROLES:
                continue
            if accessible_name(page, el).strip() or _svg_title(el):
                continue
            alt = el.get("alt")
            if el.tag != "img":
                message = N_(
                    'The element with role="img" has no accessible name: name it with '
                    'aria-label or aria-labelledby, or use role="none" if it is decorative.'
                )
            elif alt is None:
                message = N_(
                    'The image has no alt attribute: describe what it shows in alt, or use alt="" '
                    "if it is only decoration."
                )
            else:
                message = N_(
                    "The image's alt text is empty or only spaces: describe what it shows, or use "
                    'alt="" (nothing between the quotes) if it is only decoration.'
                )
            yield self.fail(el, message)


def _svg_title(el: Element) -> bool:
    """An `svg` is named by its `title` child (SVG-AAM), which the HTML name computation may
    not know about."""
    if el.tag != "svg":
        return False
    return any(child.tag == "title" and text_content(child).strip() for child in el)
