"""link-name."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.facts.links import links
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.i18n import N_
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class LinkName(Rule):
    """Every link has an accessible name.

    Screen readers announce a link by its accessible name; without one they say only "link"
    (or read out the address), and speech input users cannot say which link to follow.
    Applies to every element with role `link` in the accessibility tree: `a` and `area` with
    `href`, and `role="link"`.

    Typical causes are an image link whose image has `alt=""` or no `alt`, an icon font, or an
    empty `<a>`. Fix it by giving the link text, giving its image a text alternative that says
    where the link goes, or adding `aria-label`. An `area` gets its name from `alt`.
    """

    id = "link-name"
    title = N_("Links have an accessible name")
    level = "A"
    wcag = ("2.4.4", "4.1.2")
    act = ("c487ae",)
    tags = ("links", "names")
    why = N_(
        "A link without a name is announced as just 'link', so screen reader and speech "
        "input users cannot tell where it goes or name it."
    )
    fix = N_(
        "Give the link text, give its image alt text that says where it leads, or add aria-label."
    )

    def check(self, page: Page) -> Iterator[Result]:
        for link in links(page):
            if not accessible_name(page, link):
                if link.tag == "area":
                    yield self.fail(
                        link,
                        N_(
                            "This image map area has no text alternative: give it an alt "
                            "attribute that says where it leads."
                        ),
                    )
                else:
                    yield self.fail(
                        link,
                        N_(
                            "This link has no accessible name, so screen readers announce it "
                            "only as “link”: give it text, an image with alt text, or aria-label."
                        ),
                    )
