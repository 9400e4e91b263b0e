"""The role of an element in the accessibility tree, and the elements that have a role.

`role` completes `html_roles.markup_role` for the two elements whose implicit role depends on
their accessible name (HTML-AAM): a `section` is a `region` only when named, and an `aside`
nested in sectioning content is `complementary` only when named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.aria_tables import is_presentational
from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.facts.html_roles import (
    NAMED_BY_AUTHOR,
    conflicts_with_presentation,
    explicit_role,
    in_sectioning,
    markup_role,
)
from vngpublish.check.facts.html_roles import implicit_role as _markup_implicit_role
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from collections.abc import Collection

    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@element_fact
def role(page: Page, el: Element) -> str | None:
    """The element's role: a valid explicit `role`, else its implicit role (HTML-AAM); None
    for an element with no corresponding role."""
    if el.tag not in NAMED_BY_AUTHOR:
        return markup_role(page, el)
    explicit = explicit_role(el)
    if explicit is not None and (
        not is_presentational(explicit) or not conflicts_with_presentation(el)
    ):
        return explicit
    if el.tag == "section":
        return "region" if accessible_name(page, el) else "generic"
    if in_sectioning(el, main=False) and not accessible_name(page, el):
        return "generic"  # an aside inside an article, section ... names itself a landmark
    return "complementary"


@page_fact
def explicit_roles(page: Page) -> list[tuple[Element, str | None]]:
    """Every element with a `role` attribute, and its `explicit_role` (None when no token of
    it is a valid role), in document order."""
    return [(el, explicit_role(el)) for el in page.with_attribute("role")]


@page_fact
def shown_explicit_roles(page: Page) -> dict[Element, str]:
    """The elements in the accessibility tree with a valid explicit role -> that role, in
    document order."""
    return {
        el: explicit
        for el, explicit in explicit_roles(page)
        if explicit is not None and not is_hidden(page, el)
    }


def implicit_role(page: Page, el: Element) -> str | None:
    """The element's implicit role (HTML-AAM), as if it had no `role` attribute."""
    if el.tag == "section":
        return "region" if accessible_name(page, el) else "generic"
    if el.tag == "aside":
        if in_sectioning(el, main=False) and not accessible_name(page, el):
            return "generic"
        return "complementary"
    return _markup_implicit_role(page, el)


def with_tag_or_role(
    page: Page, tags: tuple[str, ...], roles: Collection[str], *, ordered: bool = True
) -> list[Element]:
    """Elements with one of `tags`, or with a `role` attribute that names one of `roles`, in
    document order: every element that can have one of `roles`, when `tags` are the elements
    with those implicit roles. (Callers still ask `role` of each.)

    With `ordered=False`, tag by tag and then the others with a role: no pass over every
    element of the page, for callers that do not need document order."""
    wanted = set(tags)
    role_names = frozenset(roles)
    with_role = {
        el
        for el in page.with_attribute("role")
        if el.tag not in wanted and not role_names.isdisjoint(el.get("role", "").lower().split())
    }
    if not ordered:
        found = [el for tag in tags for el in page.by_tag(tag)]
        return found + [el for el in page.with_attribute("role") if el in with_role]
    if not with_role:
        return page.by_tag(*tags)
    # One pass over the page's cached element list; cheaper than an XPath union, which walks
    # the tree once per branch.
    return [el for el in page.elements if el.tag in wanted or el in with_role]
