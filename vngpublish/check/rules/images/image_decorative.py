"""image-decorative."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, text_content
from vngpublish.check.facts.aria_tables import NAME_FROM_CONTENT_ROLES, is_presentational
from vngpublish.check.facts.html_roles import explicit_role, markup_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.resources import resolve
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.style import at_most_a_pixel
from vngpublish.check.facts.visibility import (
    computed_visibility,
    is_hidden,
    is_rendered,
    is_visually_hidden,
)
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Roles of controls whose name stands for the images inside them (link-name, button-name).
_CONTROLS = frozenset({"link", "button", "menuitem", "tab", "option"})


class ImageDecorative(Rule):
    """Applies to every visible `img`, `svg` and `canvas` that assistive technology skips: an
    image with `alt=""`, `role="none"` or `role="presentation"`, or `aria-hidden="true"`; an
    `svg` without a role of its own or a text alternative (one with a role is checked by
    svg-img-alt); a `canvas` without a role or a name. Left out are images that cannot be
    seen (hidden, moved out of sight, at most 1 pixel wide or high, or whose file is missing
    next to the page); images inside a link or a button, or inside an element whose name
    could come from its content but is given with `aria-label` or `aria-labelledby` (their
    meaning is that element's name, which link-name and button-name check); and images right
    next to text (an icon before its label, a logo next to the organisation's name), which
    that text can stand for.

    Hiding an image is right only when it is pure decoration, which only a person can judge
    from what it shows: each of these needs review.
    """

    id = "image-decorative"
    title = N_("Images hidden from screen readers are decoration")
    level = "A"
    wcag = ("1.1.1",)
    act = ("e88epe",)
    tags = ("images",)
    why = N_(
        "An image marked as decoration is skipped by screen readers; if it shows information, "
        "such as a chart, a photo of an event or text, their users miss it."
    )
    fix = N_(
        'If the image shows information, describe it in alt (and remove role="presentation" or '
        "aria-hidden); if it is decoration, leave it as it is."
    )
    messages = {
        "empty-alt": N_(
            'This image has alt="", so screen readers skip it: check that it is only '
            "decoration; if it shows information, describe that in alt."
        ),
        "hidden-with-alt": N_(
            "This image has alt text (“{alt}”), but {how} hides it from screen readers: check "
            "that it is only decoration; otherwise remove {how}."
        ),
        "hidden": N_(
            "This image is hidden from screen readers with {how}: check that it is only "
            "decoration; if it shows information, give it a text alternative and remove {how}."
        ),
        "hidden-by-ancestor": N_(
            "This image is inside an element hidden from screen readers (aria-hidden or inert): "
            "check that it is only decoration, or that its information is also given as text."
        ),
        "svg-no-name": N_(
            "This SVG has no text alternative, so screen readers skip it: check that it is only "
            'decoration (then add aria-hidden="true"); if it shows information, give it '
            'role="img" and a <title> or aria-label.'
        ),
        "canvas-no-name": N_(
            "This canvas has no text alternative, so screen readers skip it: check that what "
            'is drawn on it is only decoration; otherwise give it role="img" and aria-label.'
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        # Cheapest tests first: whether the image file exists is asked last.
        return [
            el
            for el in page.by_tag("img", "svg", "canvas")
            if _skipped(page, el)
            and is_rendered(page, el)
            and computed_visibility(page, el) == "visible"
            and not _excepted(page, el)
            and _visible(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if el.tag == "svg" and not is_hidden(page, el):
                yield self.cant_tell(el, "svg-no-name")
            elif el.tag == "canvas" and not is_hidden(page, el):
                yield self.cant_tell(el, "canvas-no-name")
            else:
                how = _how_hidden(page, el)
                alt = " ".join((el.get("alt") or "").split())
                if how == 'alt=""':
                    yield self.cant_tell(el, "empty-alt")
                elif not how:
                    yield self.cant_tell(el, "hidden-by-ancestor")
                elif alt:
                    yield self.cant_tell(el, "hidden-with-alt", alt=alt, how=how)
                else:
                    yield self.cant_tell(el, "hidden", how=how)


def _skipped(page: Page, el: Element) -> bool:
    """Not in the accessibility tree, or (an svg or canvas) ignored for want of a name."""
    if is_hidden(page, el) or is_presentational(role(page, el)):
        return True
    if el.tag == "svg":
        # An svg given a graphics role by its author is svg-img-alt's.
        return (
            explicit_role(el) is None
            and role(page, el) == "graphics-document"
            and not accessible_name(page, el)
        )
    if el.tag == "canvas":
        return explicit_role(el) is None and not accessible_name(page, el)
    return False


def _visible(page: Page, el: Element) -> bool:
    """Not moved out of sight, not tiny, and (an `img`) with a file to show."""
    if is_visually_hidden(page, el) or at_most_a_pixel(page, el):
        return False
    if el.tag == "img":
        src = (el.get("src") or "").strip()
        if not src:
            return False
        resource = resolve(page, src)
        return not (resource.kind == "local" and not resource.exists)
    return True


def _excepted(page: Page, el: Element) -> bool:
    """Inside an element named by the author or inside a control, or right next to text."""
    ancestor = el.getparent()
    while ancestor is not None:
        if _named_by_author(ancestor) and markup_role(page, ancestor) in NAME_FROM_CONTENT_ROLES:
            return True  # the author's name replaces what the image would add to it
        if role(page, ancestor) in _CONTROLS:
            return True
        ancestor = ancestor.getparent()
    return _next_to_text(page, el)


def _named_by_author(el: Element) -> bool:
    return bool((el.get("aria-label") or "").strip() or el.get("aria-labelledby"))


def _next_to_text(page: Page, el: Element) -> bool:
    """Text right before or after the image, in the same parent: a text node, or a sibling
    element with text that is shown."""
    if (el.tail or "").strip():
        return True
    previous = el.getprevious()
    if previous is None:
        parent = el.getparent()
        if parent is not None and (parent.text or "").strip():
            return True
    elif (previous.tail or "").strip() or _shows_text(page, previous):
        return True
    following = el.getnext()
    return following is not None and _shows_text(page, following)


def _shows_text(page: Page, el: Element) -> bool:
    return (
        isinstance(el.tag, str)
        and is_rendered(page, el)
        and not is_visually_hidden(page, el)
        and bool(text_content(el).strip())
    )


def _how_hidden(page: Page, el: Element) -> str:
    """The markup on the image that hides it, or "" when an ancestor does."""
    explicit = explicit_role(el)
    if el.tag == "img" and el.get("alt") == "" and explicit is None and not is_hidden(page, el):
        return 'alt=""'
    if is_presentational(explicit):
        return f'role="{explicit}"'
    if (el.get("aria-hidden") or "").strip().lower() == "true":
        return 'aria-hidden="true"'
    return ""
