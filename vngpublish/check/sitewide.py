"""What a rule that judges a whole site hands over: small picklable values, never pages.

Most rules decide a page on its own. A few can only decide by comparing pages: a block of
content is *repeated* (WCAG 2.4.1, the ACT rules cf77f2, ye5d6e ...) when an equivalent block
is on another page the page links to. Such a rule (`Rule.judges_site`) gives, per page, a
summary (`Rule.summarize`), and once every page is checked judges them together
(`Rule.judge`). Pages are gone by then, so what a result reports is already located:
`Located` carries the line, column, selector, snippet and fingerprint key of an element,
worked out while its page was parsed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from vngpublish.check.dom import Element
from vngpublish.check.finding import Outcome
from vngpublish.check.fingerprint import element_key
from vngpublish.check.locate import column, line, selector, snippet
from vngpublish.check.page import Page


class Located(NamedTuple):
    """Where an element is and how it reads: what a finding about it needs."""

    line: int
    column: int
    selector: str
    snippet: str
    key: str
    """Its fingerprint key (`fingerprint.element_key`)."""


def locate_element(page: Page, el: Element) -> Located:
    """Where `el` is on `page`, as the engine places the elements rules report."""
    key = element_key(page, el)  # reads more of the text than the snippet: first
    return Located(line(el), column(page, el), selector(page, el), snippet(page, el), key)


def locate_all(page: Page, elements: Iterable[Element]) -> tuple[Located, ...]:
    """`locate_element` for each of `elements`, in order."""
    return tuple(locate_element(page, el) for el in elements)


@dataclass(frozen=True, slots=True)
class SiteResult:
    """What a site-judging rule says about one located element of one page: like
    `rule.Result`, with the element's place instead of the element."""

    where: Located
    outcome: Outcome
    message_id: str
    args: dict[str, Any] = field(default_factory=dict)


__all__ = ["Located", "SiteResult", "locate_all", "locate_element"]
