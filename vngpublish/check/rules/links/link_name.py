"""link-name."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.links import links
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class LinkName(Rule):
    """Applies to every element with role `link` in the accessibility tree: `a` and `area`
    with `href`, and elements with `role="link"` (or a DPUB role that is a link, such as
    `doc-noteref`).

    Passes when the link has a non-empty accessible name: its text, the text alternative of
    an image inside it, `aria-label`, `aria-labelledby` or `title`. Fails otherwise; for an
    image map `area` the message asks for `alt`. Typical causes are an image link whose image
    has `alt=""` or no `alt`, an icon font, or an empty `<a>`.
    """

    id = "link-name"
    title = N_("Links have an accessible name")
    level = "A"
    wcag = ("2.4.4", "4.1.2")
    act = ("c487ae",)
    axe = ("link-name", "area-alt")
    tags = ("links", "names")
    why = N_(
        "A link without a name is announced as just 'link', so screen reader and speech "
        "input users cannot tell where it goes or name it."
    )
    fix = N_(
        "Give the link text, give its image alt text that says where it leads, or add aria-label."
    )
    messages = {
        "no-name": N_(
            "This link has no accessible name, so screen readers announce it only as “link”: "
            "give it text, an image with alt text, or aria-label."
        ),
        "area-no-alt": N_(
            "This image map area has no text alternative: give it an alt attribute that says "
            "where it leads."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return links(page)

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for link in targets:
            if not accessible_name(page, link):
                yield self.fail(link, "area-no-alt" if link.tag == "area" else "no-name")
