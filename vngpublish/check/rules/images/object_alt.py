"""object-alt."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.resources import media_kind, resolve
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class ObjectAlt(Rule):
    """Applies to every `object` element in the accessibility tree without a `role` of its
    own that embeds an image, audio or video: by its `type` attribute, else by the extension
    of its `data` URL. An object whose file is missing next to the page shows its fallback
    content instead and is not checked, nor is an object whose kind of content cannot be
    told.

    Passes when the object has a non-empty accessible name: `aria-labelledby`, `aria-label` or
    `title` (an `alt` attribute means nothing on `object`). Fails otherwise.
    """

    id = "object-alt"
    title = N_("Embedded images, audio and video have a text alternative")
    level = "A"
    wcag = ("1.1.1",)
    act = ("8fc3b6",)
    axe = ("object-alt",)
    tags = ("images", "media", "names")
    why = N_(
        "Screen readers skip or announce just 'object' for an embedded image, sound or video "
        "without a name, so their users do not know it is there or what it is."
    )
    fix = N_(
        "Give the object a title or aria-label that says what it shows or plays, or use <img>, "
        "<audio> or <video> instead."
    )
    messages = {
        "image-no-name": N_(
            "This object embeds an image but has no accessible name: give it a title or "
            "aria-label that says what the image shows (alt does not work on object)."
        ),
        "audio-no-name": N_(
            "This object embeds audio but has no accessible name: give it a title or "
            "aria-label that says what it plays (alt does not work on object)."
        ),
        "video-no-name": N_(
            "This object embeds a video but has no accessible name: give it a title or "
            "aria-label that says what it shows (alt does not work on object)."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [el for el in page.by_tag("object") if _embeds_media(page, el)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            if not accessible_name(page, el):
                kind = media_kind(el.get("data") or "", el.get("type"))
                yield self.fail(el, f"{kind}-no-name")


def _embeds_media(page: Page, el: Element) -> bool:
    data = el.get("data")
    if not data or explicit_role(el) is not None or is_hidden(page, el):
        return False
    if media_kind(data, el.get("type")) is None:
        return False
    resource = resolve(page, data)
    return not (resource.kind == "local" and not resource.exists)
