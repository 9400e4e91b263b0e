"""meta-refresh-no-exceptions."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.refresh import first_refresh
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class MetaRefreshNoExceptions(Rule):
    """Applies to the first `meta http-equiv="refresh"` whose `content` browsers accept.

    The stricter form of meta-refresh, for WCAG 2.2.4 (Interruptions) and 3.2.5 (Change on
    Request), which allow no timed refresh at all, not even after 20 hours. Passes with a
    delay of 0 (an immediate redirect); fails for any other delay.
    """

    id = "meta-refresh-no-exceptions"
    title = N_("Page never refreshes or redirects after a delay")
    level = "AAA"
    wcag = ("2.2.4", "3.2.5")
    act = ("bisz58",)
    axe = ("meta-refresh-no-exceptions",)
    tags = ("page", "timing")
    why = N_(
        "Any timed reload or redirect interrupts people who read slowly or use a screen reader."
    )
    fix = N_("Redirect on the server or at once (delay 0); let people reload pages themselves.")
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
        if refresh is None or refresh.seconds == 0:
            return
        message = "redirect" if refresh.url else "reload"
        yield self.fail(refresh.element, message, seconds=refresh.seconds, url=refresh.url)
