"""The page's landmarks: the regions assistive technology lists and lets users jump between.

A landmark is an element with a landmark role (WAI-ARIA 1.2: banner, complementary,
contentinfo, form, main, navigation, region, search) in the accessibility tree. A `form` and a
`region` are landmarks only with an accessible name (WAI-ARIA 1.2, HTML-AAM); a `section` has
the role `region` only when named, and a `header` or `footer` inside sectioning content is no
banner or contentinfo (`roles.role` knows both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role, with_tag_or_role
from vngpublish.check.facts.visibility import is_hidden

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

LANDMARK_ROLES = frozenset(
    {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}
)
NAMED_LANDMARK_ROLES = frozenset({"form", "region"})
"""Roles that make a landmark only when the element has an accessible name."""
_LANDMARK_TAGS = ("header", "footer", "nav", "main", "aside", "section", "form", "search")
_LANDMARK_TAG_SET = frozenset(_LANDMARK_TAGS)
_NAMED_ONLY_TAGS = frozenset({"section", "form"})
"""Tags whose landmark role needs an accessible name."""
_NAMING_ATTRIBUTES = ("aria-labelledby", "aria-labeledby", "aria-label", "title")
"""What can give a `section` or a `form` an accessible name (accname 1.2 with HTML-AAM: they
take no name from their content or from a host-language label)."""


def landmark_role(page: Page, el: Element) -> str | None:
    """The landmark role of `el` (whether or not it is in the accessibility tree), or None."""
    if el.tag not in _LANDMARK_TAG_SET and el.get("role") is None:
        return None  # most elements: no implicit landmark role and no role attribute
    if (
        el.tag in _NAMED_ONLY_TAGS
        and el.get("role") is None
        and not any(map(el.get, _NAMING_ATTRIBUTES))
    ):
        return None  # a section or form without a name: no landmark, its name is not computed
    found = role(page, el)
    if found not in LANDMARK_ROLES:
        return None
    if found in NAMED_LANDMARK_ROLES and not accessible_name(page, el).strip():
        return None
    return found


@page_fact
def all_landmarks(page: Page) -> list[Element]:
    """Every element with a landmark role, in the accessibility tree or not, in document
    order."""
    return [
        el
        for el in with_tag_or_role(page, _LANDMARK_TAGS, LANDMARK_ROLES)
        if landmark_role(page, el) is not None
    ]


@page_fact
def landmarks(page: Page) -> list[Element]:
    """The page's landmarks in the accessibility tree, in document order."""
    return [el for el in all_landmarks(page) if not is_hidden(page, el)]


@page_fact
def landmark_ancestors(page: Page) -> set[Element]:
    """Every element that has a landmark (in the tree or not) among its descendants."""
    found: set[Element] = set()
    for el in all_landmarks(page):
        for ancestor in el.iterancestors():
            if ancestor in found:
                break
            found.add(ancestor)
    return found


__all__ = [
    "LANDMARK_ROLES",
    "all_landmarks",
    "landmark_ancestors",
    "landmark_role",
    "landmarks",
]
