"""email-content-lang."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.email import content_wrappers, is_email
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class EmailContentLang(Rule):
    """Applies to the body of e-mail HTML with content. Webmail (Gmail, Outlook on the web)
    drops the `html` and `body` elements and their attributes when it shows a message, so their
    `lang` and `dir` are lost: the element that wraps the content must carry them. E-mail HTML
    is a page with markup for Outlook or Apple Mail, a table with `role="presentation"`, or its
    content laid out in one table.

    The content's wrappers are the elements from `body` down that hold all of its content:
    each the only element in its parent, with no text beside it. Passes when one of them
    below `body` has a non-empty `lang` and a `dir`. Fails, naming what is missing, otherwise.
    """

    id = "email-content-lang"
    title = N_("The e-mail's content wrapper sets the language and direction")
    level = "best-practice"
    severity = Severity.WARNING
    wcag = ("3.1.1",)
    tags = ("language", "email-only")
    why = N_(
        "Webmail removes the html element and its lang; without a lang on the content, "
        "screen readers read a Dutch message with English pronunciation."
    )
    fix = N_(
        'Wrap the message in one element inside body, with lang and dir: <div lang="nl" dir="ltr">.'
    )
    messages = {
        "no-wrapper": N_(
            "No element inside body wraps the whole message, so no lang and dir survive "
            'webmail: wrap the content in one element with lang and dir (<div lang="nl" '
            'dir="ltr">).'
        ),
        "no-lang": N_(
            "The element that wraps the message has no lang: add the message's language "
            '(lang="nl"), which webmail keeps when it drops the html element.'
        ),
        "no-dir": N_(
            'The element that wraps the message has no dir: add dir="ltr" (or "rtl"), which '
            "webmail keeps when it drops the html element."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        body = page.body
        if body is None or not is_email(page) or not "".join(body.itertext()).strip():
            return []
        return [body]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for body in targets:
            wrappers = content_wrappers(page)
            if not wrappers:
                yield self.fail(body, "no-wrapper")
                continue
            if not any((w.get("lang") or "").strip() for w in wrappers):
                yield self.fail(wrappers[0], "no-lang")
            elif not any((w.get("dir") or "").strip() for w in wrappers):
                yield self.fail(wrappers[0], "no-dir")
