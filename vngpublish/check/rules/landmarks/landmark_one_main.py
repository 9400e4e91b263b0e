"""landmark-one-main."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, text_content
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.facts.email import is_email
from vngpublish.check.facts.landmarks import landmark_role, landmarks
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LandmarkOneMain(Rule):
    """Applies to the `html` element of an HTML page whose body has content (text or
    elements other than scripts), unless the page is e-mail HTML: a mail client shows a message
    inside its own page and has its own way to the message, so an e-mail needs no `main`.

    Passes when the page has a `main` landmark in the accessibility tree: a `main` element
    or an element with `role="main"`, not hidden. Fails otherwise; a `main` that is hidden
    (`hidden`, `display:none`, `aria-hidden="true"`) does not count.
    """

    id = "landmark-one-main"
    title = N_("The page has a main landmark")
    level = "best-practice"
    severity = Severity.WARNING
    axe = ("landmark-one-main",)
    tags = ("landmarks", "not-email")
    why = N_(
        "Screen reader users jump straight to the main landmark to skip the header and "
        "menu; without one they have to search for the content."
    )
    fix = N_("Put the page's own content (not the header, menu or footer) in one <main> element.")
    messages = {
        "no-main": N_("The page has no main landmark: put its own content in a <main> element."),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        body = page.body
        if not is_html_document(page) or page.html.tag != "html" or body is None:
            return []
        if is_email(page):
            return []
        has_content = any(
            isinstance(el.tag, str) and el.tag not in ("script", "style", "template")
            for el in body.iter()
            if el is not body
        ) or bool(text_content(body).strip())
        return [page.html] if has_content else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        if not any(landmark_role(page, el) == "main" for el in landmarks(page)):
            yield self.fail(targets[0], "no-main")
