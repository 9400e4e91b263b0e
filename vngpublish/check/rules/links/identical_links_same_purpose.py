"""identical-links-same-purpose."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.links import href_of, link_target, links
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.finding import Severity
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class IdenticalLinksSamePurpose(Rule):
    """Applies to every set of two or more links (role `link` in the accessibility tree)
    whose accessible names match, ignoring case and surrounding spaces.

    Their `href`s are resolved against the page (and `<base href>`; root-relative URLs against
    the site root given with `--root`) and compared as resources: scheme and host case,
    default ports, the fragment and a trailing `/` or `index.html` do not matter. Links whose
    target cannot be known statically (no `href`, `javascript:`) are left out.

    Passes when every link of a set leads to the same resource. Different URLs can still serve
    the same purpose (a mirror, a copy of the page), so this rule never reports a definite
    failure: a link whose target differs from the first link with that name needs review, for
    a person to compare the two pages.
    """

    id = "identical-links-same-purpose"
    title = N_("Links with the same name go to the same place")
    level = "AAA"
    severity = Severity.WARNING
    wcag = ("2.4.9",)
    act = ("b20e66",)
    axe = ("identical-links-same-purpose",)
    tags = ("links",)
    why = N_(
        "People expect links with the same name to lead to the same place; if they do "
        "not, users cannot tell which is which."
    )
    fix = N_(
        "Give links that lead to different places names that tell them apart (“Contact for "
        "the press”, “Contact for residents”)."
    )
    messages = {
        "other-target": N_(
            "This link has the same name, “{name}”, as the link to “{first}” on line {line}, but "
            "goes to “{href}”: check that both lead to the same content, or give them names "
            "that tell them apart."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [link for group in _same_name_groups(page) for link in group]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for group in _same_name_groups(page):
            # Resolving URLs is the costly part: only for names used by links with different hrefs.
            if len({href_of(link) for link in group}) < 2:
                continue
            resolved = [(link, link_target(page, link)) for link in group]
            known = [(link, target) for link, target in resolved if target is not None]
            if not known:
                continue
            first_link, first_target = known[0]
            for link, target in known[1:]:
                if target != first_target:
                    yield self.cant_tell(
                        link,
                        "other-target",
                        name=accessible_name(page, link),
                        first=href_of(first_link) or "",
                        line=line(first_link),
                        href=href_of(link) or "",
                    )


@page_fact
def _same_name_groups(page: Page) -> list[list[Element]]:
    """The page's links grouped by matching accessible name: groups of two or more."""
    by_name: dict[str, list[Element]] = {}
    for link in links(page):
        name = accessible_name(page, link)
        if name:
            by_name.setdefault(" ".join(name.casefold().split()), []).append(link)
    return [group for group in by_name.values() if len(group) >= 2]
