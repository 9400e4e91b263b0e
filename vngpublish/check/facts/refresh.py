"""The page's refresh: the `<meta http-equiv="refresh">` a browser acts on, and its delay.

Follows the HTML standard's "shared declarative refresh steps": a value that those steps
reject (`"0: url"`, `"+5"`, `"foo"`) makes the browser ignore the element, and only the first
element whose value is accepted has an effect.
"""

from __future__ import annotations

from dataclasses import dataclass

from vngpublish.check.dom import Element
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.numbers import ascii_integer
from vngpublish.check.page import Page

_ASCII_WHITESPACE = "\t\n\f\r "


@dataclass(frozen=True, slots=True)
class Refresh:
    """An accepted refresh: the delay in seconds and the URL it goes to ("" for a reload)."""

    element: Element
    seconds: int
    url: str


def parse_refresh(content: str) -> tuple[int, str] | None:
    """(seconds, url) for a valid refresh value, None when browsers would ignore it."""
    n = len(content)
    pos = 0
    if n == 0:
        return None
    while pos < n and content[pos] in _ASCII_WHITESPACE:
        pos += 1
    start = pos
    while pos < n and content[pos] in "0123456789":
        pos += 1
    digits = content[start:pos]
    if not digits and (pos >= n or content[pos] != "."):
        return None
    seconds = ascii_integer(digits) or 0  # ASCII digits, or none
    while pos < n and content[pos] in "0123456789.":
        pos += 1
    if pos < n:
        if content[pos] not in ";," + _ASCII_WHITESPACE:
            return None
        while pos < n and content[pos] in _ASCII_WHITESPACE:
            pos += 1
        if pos < n and content[pos] in ";,":
            pos += 1
        while pos < n and content[pos] in _ASCII_WHITESPACE:
            pos += 1
    return seconds, _url_part(content[pos:])


def _url_part(rest: str) -> str:
    url = rest
    if url[:3].lower() == "url":
        after = url[3:].lstrip(_ASCII_WHITESPACE)
        if after.startswith("="):
            url = after[1:].lstrip(_ASCII_WHITESPACE)
    if url[:1] in ("'", '"'):
        quote = url[0]
        url = url[1:].split(quote, 1)[0]
    return url.strip(_ASCII_WHITESPACE)


@page_fact
def first_refresh(page: Page) -> Refresh | None:
    """The refresh the browser acts on: the first meta refresh whose content is accepted."""
    for meta in page.by_tag("meta"):
        if (meta.get("http-equiv") or "").lower() != "refresh":
            continue
        content = meta.get("content")
        if content is None or in_template(page, meta):
            continue
        parsed = parse_refresh(content)
        if parsed is not None:
            return Refresh(meta, parsed[0], parsed[1])
    return None
