"""What the site pass needs of a page's blocks: the files the page links to, and which of its
blocks an equivalent block on one of those pages repeats (ACT: "block of repeated content",
at "distance 1": on a page an instrument of this page leads to)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import unquote, urlsplit

from vngpublish.check.facts.blocks import Structure, page_mask
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.links import links

if TYPE_CHECKING:
    from vngpublish.check.page import Page

W = TypeVar("W")


def with_links(page: Page, structure: Structure[W]) -> Structure[W]:
    """`structure` with the page's own file and the files it links to, which only comparing
    pages needs."""
    return replace(structure, key=page_file(page), links_to=linked_files(page))


def sitewide_masks(structures: Mapping[str, Structure[W]]) -> dict[str, list[bool]]:
    """Which blocks of each page repeat (by path): those with an equivalent block (the same
    digest) on another page it links to among `structures`, except a heading: the same
    heading on several pages ("Nieuws") still starts each page's own content. A page that
    links to none of them is decided alone (`page_mask`)."""
    holders: dict[str, set[str]] = {}
    known = set()
    for structure in structures.values():
        known.add(structure.key)
        for block in structure.blocks:
            holders.setdefault(block.digest, set()).add(structure.key)
    masks: dict[str, list[bool]] = {}
    for path, structure in structures.items():
        linked = (structure.links_to & known) - {structure.key}
        if not linked:
            masks[path] = page_mask(structure)
            continue
        masks[path] = [
            not block.is_heading and not holders[block.digest].isdisjoint(linked)
            for block in structure.blocks
        ]
    return masks


def page_file(page: Page) -> str:
    """The page's file as links resolve to it."""
    return os.path.normpath(os.path.abspath(page.path))


@page_fact
def linked_files(page: Page) -> frozenset[str]:
    """The local files the page's links lead to (relative URLs, and root-relative ones when
    the site root is known), resolved as `page_file` resolves a page."""
    folder = os.path.dirname(page_file(page))
    root = os.path.abspath(page.site_root) if page.site_root is not None else None
    found: set[str] = set()
    for link in links(page):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        if path.startswith("/"):
            if root is None:
                continue
            file = os.path.join(root, path.lstrip("/"))
        else:
            file = os.path.join(folder, path)
        if path.endswith("/") or os.path.isdir(file):
            file = os.path.join(file, "index.html")
        found.add(os.path.normpath(file))
    return frozenset(found)


__all__ = ["linked_files", "page_file", "sitewide_masks", "with_links"]
