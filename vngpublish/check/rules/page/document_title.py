"""document-title."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element, text_content
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# A `title` inside these is not the page title: SVG/MathML titles name a graphic, and the
# content of a `template` is not part of the document.
_NOT_PAGE_TITLE_CONTAINERS = frozenset({"svg", "math", "template"})


class DocumentTitle(Rule):
    """Applies to the `html` element of an HTML page (not of SVG or XML documents).

    The first HTML `title` element in the document is the page title; a `title` inside an
    `svg`, a `math` or a `template` does not count. Passes when there is one and its text is
    not empty. Fails when there is none (reported on `html`) or when it is empty or only
    spaces (reported on the `title`).
    """

    id = "document-title"
    title = N_("Page has a title")
    level = "A"
    wcag = ("2.4.2",)
    act = ("2779a5",)
    axe = ("document-title",)
    tags = ("page",)
    why = N_(
        "The title is announced first when a page opens and names it in tabs, bookmarks and search"
        " results."
    )
    fix = N_("Give each page a <title> in the head that says what the page is about.")
    messages = {
        "missing": N_(
            "The page has no title element: add a <title> in the head that says what the page "
            "is about."
        ),
        "empty": N_("The page title is empty: fill in what the page is about."),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        html = page.html
        return [html] if is_html_document(page) and html.tag == "html" else []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        title = next((t for t in page.by_tag("title") if _is_page_title(t)), None)
        if title is None:
            yield self.fail(targets[0], "missing")
        elif not text_content(title).strip():
            yield self.fail(title, "empty")


def _is_page_title(title: Element) -> bool:
    return not any(a.tag in _NOT_PAGE_TITLE_CONTAINERS for a in title.iterancestors())
