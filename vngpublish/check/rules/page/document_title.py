"""document-title."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.dom import Element, text_content
from vngpublish.check.facts.document import is_html_document
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule

# A `title` inside these is not the page title: SVG/MathML titles name a graphic, and the
# content of a `template` is not part of the document.
_NOT_PAGE_TITLE_CONTAINERS = frozenset({"svg", "math", "template"})


class DocumentTitle(Rule):
    """The page has a title that is not empty.

    The title is the first thing a screen reader announces when a page opens, and what
    people see in tabs, bookmarks, history and search results. Without it they cannot tell
    pages apart, e.g. this month's newsletter from last month's.

    Applies to HTML pages (not SVG or XML documents). The first HTML `title` element in the
    document is the page title; a `title` inside an `svg` or a `template` does not count.

    Fix: give every page a `<title>` in the `head` that says what the page is about, e.g.
    `<title>Nieuwsbrief raadsleden maart 2024 - VNG</title>`.
    """

    id = "document-title"
    title = N_("Page has a title")
    level = "A"
    wcag = ("2.4.2",)
    act = ("2779a5",)
    tags = ("page",)
    why = N_(
        "The title is announced first when a page opens and names it in tabs, bookmarks and search"
        " results."
    )
    fix = N_("Give each page a <title> in the head that says what the page is about.")

    def check(self, page: Page) -> Iterator[Result]:
        html = page.html
        if not is_html_document(page) or html.tag != "html":
            return
        title = next((t for t in page.by_tag("title") if _is_page_title(t)), None)
        if title is None:
            yield self.fail(
                html,
                N_(
                    "The page has no title element: add a <title> in the head that says what "
                    "the page is about."
                ),
            )
        elif not text_content(title).strip():
            yield self.fail(
                title,
                N_("The page title is empty: fill in what the page is about."),
            )


def _is_page_title(title: Element) -> bool:
    return not any(a.tag in _NOT_PAGE_TITLE_CONTAINERS for a in title.iterancestors())
