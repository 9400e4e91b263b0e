"""The links whose accessible name is only a generic phrase ("Lees meer", "klik hier").

The phrases are in the word lists (`checks/wordlists/<lang>.txt`, see `vngpublish.check.wordlists`):
the list of the link's language (by the primary subtag of its `lang`) counts in full, every
other list without its phrases marked "only in this language", since an English "Read more"
left in a Dutch page says as little as "Lees meer".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.language import lang
from vngpublish.check.facts.links import links
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.wordlists import (
    all_generic_link_texts,
    generic_texts_for,
    normalise_link_text,
)

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

# Names longer than this cannot be only a generic phrase (plus wrapping), so are not normalised.
_LONGEST_GENERIC = 60


@dataclass(frozen=True, slots=True)
class GenericLink:
    """A link whose name is only a generic phrase: the link, its name, the normalised name."""

    link: Element
    name: str
    key: str


@page_fact
def generic_links(page: Page) -> list[GenericLink]:
    """The page's links (in the accessibility tree) whose accessible name is only a generic
    phrase, in document order. Links without a name are not among them."""
    found = []
    generic = all_generic_link_texts()
    for link in links(page):
        name = accessible_name(page, link)
        if not name or len(name) > _LONGEST_GENERIC:
            continue
        key = normalise_link_text(name)
        # The union of all lists is a cheap first filter; the link's language decides (its
        # own list in full, the others without their "only in this language" phrases).
        if key in generic and key in generic_texts_for(lang(page, link)):
            found.append(GenericLink(link, name, key))
    return found
