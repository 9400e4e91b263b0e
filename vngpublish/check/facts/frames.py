"""The documents inside a page's iframes (nested browsing contexts), read where that can be done
statically: an iframe's `srcdoc`, or a `src` that names a file of the site (relative to the
page, or root-relative against the site root). A remote `src` is never fetched.

Each document is read and parsed once per page, the first time a rule asks, as a `Page` of
its own (with the parent's site root), so rules ask it the same facts as any page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.resources import resolve
from vngpublish.check.page import Page
from vngpublish.check.source import SourceError, read_source

if TYPE_CHECKING:
    from vngpublish.check.dom import Element

Status = Literal["read", "blank", "remote", "missing", "unknown"]


@dataclass(frozen=True, slots=True)
class Frame:
    """What an iframe shows.

    `status` is "read" (`document` is its parsed content), "blank" (an empty document:
    no `src`, or `about:blank`), "remote" (another server: not fetched), "missing" (a file of
    the site that does not exist, or cannot be read or parsed) or "unknown" (a `data:` URL,
    or a root-relative URL without a site root). `key` compares what two iframes embed: equal
    keys mean the same resource.
    """

    status: Status
    key: str
    document: Page | None = None


def frame(page: Page, iframe: Element) -> Frame:
    """What `iframe` (an element of `page`) shows."""
    known = _frames(page)
    found = known.get(iframe)
    if found is None:
        found = known[iframe] = _read(page, iframe)
    return found


@page_fact
def _frames(page: Page) -> dict[Element, Frame]:
    return {}


def _read(page: Page, iframe: Element) -> Frame:
    srcdoc = iframe.get("srcdoc")
    if srcdoc is not None:
        return _parsed(srcdoc, page, "srcdoc:" + srcdoc)
    src = iframe.get("src")
    if src is None:
        return Frame("blank", "about:blank")
    resource = resolve(page, src)
    if resource.kind != "local":
        return Frame(resource.kind, resource.key)
    if resource.file is None or not resource.exists:
        return Frame("missing", resource.key)
    try:
        source = read_source(str(resource.file))
    except SourceError:
        return Frame("missing", resource.key)
    return _parsed(source, page, resource.key, str(resource.file))


def _parsed(source: str, parent: Page, key: str, path: str | None = None) -> Frame:
    try:
        document = Page(source, path or parent.path, parent.site_root)
    except SourceError:  # the parser stopped (ParseStopped)
        return Frame("missing", key)
    return Frame("read", key, document)
