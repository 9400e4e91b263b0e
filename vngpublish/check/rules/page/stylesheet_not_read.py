"""stylesheet-not-read."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.style import remote_sheets, sheet_problems
from vngpublish.check.finding import Severity
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Problems of the style engine (`vngpublish.check.style.sources.Problem.kind`) with a message of
# their own; the others (unreadable, too large, an import loop, too many sheets, an address that
# is not a file) share "unreadable", which gives the engine's reason.
_MESSAGES = {"missing": "missing", "no-site-root": "no-site-root", "syntax": "syntax"}


class StylesheetNotRead(Rule):
    """Applies to a page that uses a stylesheet the checker did not read, or not completely:
    a remote one (`http`, `https`, or relative to a remote `<base href>`: remote stylesheets
    are not fetched; those that only load web fonts are left out), a local file that is
    missing, cannot be read or is larger than 16 MB, an `@import` loop (cut where it closes),
    more than 256 stylesheets, a root-relative link checked without `--root`, or CSS with an
    unclosed block or nesting too deep to follow.

    The outcome is always for review: every result that depends on CSS (contrast, hidden
    content, spacing) was computed without what was not read, and may differ in a browser.
    One result names all the remote stylesheets of a page; each local problem has its own.
    """

    id = "stylesheet-not-read"
    title = N_("Every stylesheet the page uses could be read")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("page", "color")
    why = N_(
        "Contrast, hidden content and text spacing are checked from the page's stylesheets; "
        "what the checker could not read may change those results."
    )
    fix = N_(
        "Check with --root pointing at the site's folder, fix the missing or broken "
        "stylesheet, or check the page in a browser for what depends on the remote styles."
    )
    messages = {
        "remote": N_(
            "Styles from {urls} were not read (remote stylesheets are not fetched): contrast, "
            "hidden content and other results that depend on CSS may differ in a browser."
        ),
        "missing": N_(
            "The stylesheet {target} does not exist: results that depend on CSS were "
            "computed without it."
        ),
        "unreadable": N_(
            "The stylesheet {target} could not be read completely ({reason}): results that "
            "depend on CSS were computed without what was not read."
        ),
        "no-site-root": N_(
            "The stylesheet {target} is root-relative: check with --root set to the site's "
            "folder so that it is read."
        ),
        "syntax": N_(
            "The CSS in {target} is broken at line {line} ({reason}); browsers skip what "
            "cannot be read, as this checker did: check that the styles are complete."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        found: list[Element] = []
        remote = remote_sheets(page)
        if remote:
            found.append(remote[0].element)
        found += [_element(page, problem.element) for problem in sheet_problems(page)]
        return list(dict.fromkeys(found))

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        remote = remote_sheets(page)
        if remote:
            urls = ", ".join(dict.fromkeys(sheet.url for sheet in remote))
            yield self.cant_tell(remote[0].element, "remote", urls=urls)
        for problem in sheet_problems(page):
            message = _MESSAGES.get(problem.kind, "unreadable")
            yield self.cant_tell(
                _element(page, problem.element),
                message,
                target=problem.target,
                reason=problem.reason,
                line=problem.line or "?",
            )


def _element(page: Page, el: Element | None) -> Element:
    """Where a problem is reported: its `<link>` or `<style>`, else the page."""
    return page.root if el is None else el
