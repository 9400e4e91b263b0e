"""Accessible name computation (W3C accname 1.2). First version: a simplified subset."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from vngpublish.check.page import Page


def accessible_name(page: Page, el: HtmlElement) -> str:
    """The accessible name of `el`, whitespace-collapsed."""
    labelledby = el.get("aria-labelledby")
    if labelledby:
        parts = [page.by_id(i) for i in labelledby.split()]
        text = " ".join(page.text(p) for p in parts if p is not None)
        if text.strip():
            return " ".join(text.split())
    label = (el.get("aria-label") or "").strip()
    if label:
        return " ".join(label.split())
    if el.tag == "img":
        return " ".join((el.get("alt") or el.get("title") or "").split())
    text = " ".join(
        " ".join(t.split()) for t in _visible_text(page, el)
    ).strip()
    if text:
        return " ".join(text.split())
    return " ".join((el.get("title") or "").split())


def _visible_text(page: Page, el: HtmlElement) -> list[str]:
    out: list[str] = []
    if el.text:
        out.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and not page.is_hidden(child):
            if child.tag == "img":
                out.append(child.get("alt") or "")
            else:
                out.extend(_visible_text(page, child))
        if child.tail:
            out.append(child.tail)
    return out
