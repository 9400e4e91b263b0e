"""identical-links-same-purpose."""

from __future__ import annotations

from collections.abc import Iterator

from vngpublish.check.dom import Element
from vngpublish.check.facts.links import href_of, link_target, links
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.finding import Severity
from vngpublish.check.i18n import N_
from vngpublish.check.locate import line
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule


class IdenticalLinksSamePurpose(Rule):
    """Links with the same name lead to the same thing.

    When two links on a page have the same accessible name, people expect them to go to the
    same place; a screen reader's list of links shows them as one choice repeated. If they go
    to different places, users cannot tell which is which (WCAG 2.4.9, AAA).

    Applies to every set of two or more links (role `link` in the accessibility tree) whose
    accessible names match, ignoring case and surrounding spaces. Their `href`s are resolved
    against the page (and `<base href>`; root-relative URLs against the site root given with
    `--root`) and compared as resources: scheme and host case, default ports, the fragment and
    a trailing `/` or `index.html` do not matter. Links whose target cannot be known statically
    (no `href`, `javascript:`) are left out.

    Different URLs can still serve the same purpose (a mirror, a copy of the page), so this
    rule never reports a definite failure: a link whose target differs from the first link with
    that name is reported as cantTell, for a person to compare the two pages. Fix a real
    difference by naming each link after where it goes ("Contact voor pers", "Contact voor
    inwoners").
    """

    id = "identical-links-same-purpose"
    title = N_("Links with the same name go to the same place")
    level = "AAA"
    severity = Severity.WARNING
    wcag = ("2.4.9",)
    act = ("b20e66",)
    tags = ("links",)
    why = N_(
        "People expect links with the same name to lead to the same place; if they do "
        "not, users cannot tell which is which."
    )
    fix = N_("Give links that lead to different places names that tell them apart.")

    def check(self, page: Page) -> Iterator[Result]:
        by_name: dict[str, list[Element]] = {}
        for link in links(page):
            name = accessible_name(page, link)
            if name:
                by_name.setdefault(" ".join(name.casefold().split()), []).append(link)
        for group in by_name.values():
            # Resolving URLs is the costly part: only for names used by links with different hrefs.
            if len(group) < 2 or len({href_of(link) for link in group}) < 2:
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
                        N_(
                            "This link has the same name, “{name}”, as the link to “{first}” "
                            "on line {line}, but goes to “{href}”: check that both lead to the "
                            "same content, or give them names that tell them apart."
                        ),
                        name=accessible_name(page, link),
                        first=href_of(first_link) or "",
                        line=line(first_link),
                        href=href_of(link) or "",
                    )
