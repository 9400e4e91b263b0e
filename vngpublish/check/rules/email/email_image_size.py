"""email-image-size."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.email import is_email
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class EmailImageSize(Rule):
    """Applies to rendered images (`img`) in e-mail HTML. E-mail HTML is a page with markup for
    Outlook or Apple Mail, a table with `role="presentation"`, or its content laid out in one
    table.

    Passes when the image has both a `width` and a `height` attribute. Fails otherwise: mail
    clients that block images until the reader allows them, and Outlook, which ignores CSS
    sizes, then show the image at its own size or collapse its place, and the message's
    layout (and the alt text shown instead) breaks.
    """

    id = "email-image-size"
    title = N_("Images in an e-mail have a width and height")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("images", "email-only")
    why = N_(
        "Mail clients block images by default; without width and height the layout "
        "collapses or stretches, and the alt text shown in the image's place is cut off."
    )
    fix = N_(
        'Give every img width and height attributes (width="552" height="310"), and scale it '
        "for small screens with CSS."
    )
    messages = {
        "no-size": N_(
            "This image has no {missing} attribute: give it width and height attributes so "
            "mail clients keep its place while images are blocked."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        if not is_email(page):
            return []
        return [img for img in page.by_tag("img") if is_rendered(page, img)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for img in targets:
            missing = [name for name in ("width", "height") if not (img.get(name) or "").strip()]
            if missing:
                yield self.fail(img, "no-size", missing=" / ".join(missing))
