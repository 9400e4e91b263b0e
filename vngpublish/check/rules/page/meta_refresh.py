"""meta-refresh."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.refresh import Refresh, first_refresh
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule

TWENTY_HOURS = 72000

M_REDIRECT = N_(
    "The page goes to {url} after {seconds} seconds, without asking. People who read slowly "
    "or use a screen reader lose what they were reading: redirect at once (delay 0) or on the "
    "server, or give a link."
)
M_RELOAD = N_(
    "The page reloads itself after {seconds} seconds, without asking. People who read slowly "
    "or use a screen reader lose their place: let them reload it themselves."
)


def refresh_message(refresh: Refresh) -> str:
    """The message for a timed refresh: a redirect or a reload."""
    return M_REDIRECT if refresh.url else M_RELOAD


class MetaRefresh(Rule):
    """The page does not refresh or redirect itself after a delay.

    A timed `<meta http-equiv="refresh">` moves or reloads the page while people may still
    be reading it; the time it takes to read varies a lot, and a screen reader restarts at
    the top. WCAG 2.2.1 allows a delay of more than 20 hours (72000 seconds), the essential
    exception; a delay of 0 is an immediate redirect and is fine.

    Applies to the first `meta http-equiv="refresh"` whose `content` browsers accept
    (values they reject, like `"0: url"`, are ignored, as browsers ignore them).

    Fix: redirect on the server (HTTP 301/302) or with a delay of 0, or give a link.
    """

    id = "meta-refresh"
    title = N_("Page does not refresh or redirect after a delay")
    level = "A"
    wcag = ("2.2.1",)
    act = ("bc659a",)
    tags = ("page", "timing")
    why = N_(
        "A page that reloads or redirects by itself interrupts people who read slowly or use a "
        "screen reader."
    )
    fix = N_(
        "Redirect on the server or at once (delay 0), or give a link; let people reload pages "
        "themselves."
    )

    def check(self, page: Page) -> Iterator[Result]:
        refresh = first_refresh(page)
        if refresh is None or refresh.seconds == 0 or refresh.seconds > TWENTY_HOURS:
            return
        yield self.fail(
            refresh.element, refresh_message(refresh), seconds=refresh.seconds, url=refresh.url
        )
