"""meta-refresh."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.refresh import first_refresh
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

TWENTY_HOURS = 72000


class MetaRefresh(Rule):
    """Applies to the first `meta http-equiv="refresh"` whose `content` browsers accept
    (values they reject, like `"0: url"`, are ignored, as browsers ignore them).

    Passes with a delay of 0 (an immediate redirect) or of more than 20 hours (72000 seconds,
    the essential exception WCAG 2.2.1 allows). Fails for any other delay, with a message for a
    redirect and one for a reload.
    """

    id = "meta-refresh"
    title = N_("Page does not refresh or redirect after a delay")
    level = "A"
    wcag = ("2.2.1",)
    act = ("bc659a",)
    axe = ("meta-refresh",)
    tags = ("page", "timing")
    why = N_(
        "A page that reloads or redirects by itself interrupts people who read slowly or use a "
        "screen reader, who then lose what they were reading."
    )
    fix = N_(
        "Redirect on the server or at once (delay 0), or give a link; let people reload pages "
        "themselves."
    )
    messages = {
        "redirect": N_(
            "The page goes to {url} after {seconds} seconds, without asking. People who read "
            "slowly or use a screen reader lose what they were reading: redirect at once (delay "
            "0) or on the server, or give a link."
        ),
        "reload": N_(
            "The page reloads itself after {seconds} seconds, without asking. People who read "
            "slowly or use a screen reader lose their place: let them reload it themselves."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        refresh = first_refresh(page)
        return [refresh.element] if refresh is not None else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        refresh = first_refresh(page)
        if refresh is None or refresh.seconds == 0 or refresh.seconds > TWENTY_HOURS:
            return
        message = "redirect" if refresh.url else "reload"
        yield self.fail(refresh.element, message, seconds=refresh.seconds, url=refresh.url)
