"""The page's scripts: what they are, and whether one changes the page's text on a timer.

A script is read from the page (inline) or from its local file (relative, or root-relative
against `--root`); a remote script cannot be read. Reading is bounded (`_MAX_BYTES`), and a
file read for one page is read again only when it changes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from vngpublish.check.dom import Element
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.media import local_file
from vngpublish.check.page import Page

_MAX_BYTES = 2_000_000
_TIMER = re.compile(r"\b(setInterval|setTimeout|requestAnimationFrame)\s*\(")
_TEXT_WRITE = re.compile(
    r"\.(textContent|innerText|innerHTML|outerHTML|nodeValue|data)\s*(\+?=)(?!=)"
    r"|\.(insertAdjacentText|insertAdjacentHTML|replaceChildren|replaceWith)\s*\("
)
# The names each pattern starts its match with ("." before a write): a script without any of
# them has no match, and a match starts no earlier than the first of them.
_TIMER_NAMES = ("setInterval", "setTimeout", "requestAnimationFrame")
_WRITE_NAMES = tuple(
    "." + name
    for name in (
        "textContent", "innerText", "innerHTML", "outerHTML", "nodeValue", "data",
        "insertAdjacentText", "insertAdjacentHTML", "replaceChildren", "replaceWith",
    )
)  # fmt: skip
_JAVASCRIPT_TYPES = ("", "module", "text/javascript", "application/javascript")


class TimedTextChange(NamedTuple):
    """A script that sets a timer and writes text into the page: its element, and the timer
    and the write it was seen to use ("setInterval", "textContent")."""

    script: Element
    timer: str
    write: str


def is_javascript(script: Element) -> bool:
    """True for a `<script>` a browser runs as JavaScript (by its `type`)."""
    kind = (script.get("type") or "").strip().lower()
    return kind in _JAVASCRIPT_TYPES or "javascript" in kind or "ecmascript" in kind


def script_text(page: Page, script: Element) -> str | None:
    """The code of a script: its content, or its local file's; None when it cannot be read
    (a remote file, a missing one, or one larger than can be read)."""
    src = script.get("src")
    if src is None:
        return script.text or ""
    path = local_file(page, src)
    return None if path is None else _read(path)


@lru_cache(maxsize=256)
def _read(path: Path) -> str | None:
    try:
        if path.stat().st_size > _MAX_BYTES:
            return None
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _first(pattern: re.Pattern[str], code: str, names: tuple[str, ...]) -> re.Match[str] | None:
    """`pattern.search(code)`, searched from the first of `names` in the code (a regular
    expression over a long script is slow; `str.find` is not)."""
    starts = [found for name in names if (found := code.find(name)) >= 0]
    return pattern.search(code, min(starts)) if starts else None


@page_fact
def timed_text_changes(page: Page) -> list[TimedTextChange]:
    """The scripts of the page that set a timer and write text into the page: the pattern of
    content that changes by itself (a ticker, a clock, a rotating news line)."""
    found = []
    for script in page.by_tag("script"):
        if not is_javascript(script):
            continue
        code = script_text(page, script)
        if not code:
            continue
        timer = _first(_TIMER, code, _TIMER_NAMES)
        write = _first(_TEXT_WRITE, code, _WRITE_NAMES) if timer else None
        if timer and write:
            found.append(TimedTextChange(script, timer.group(1), write.group(1) or write.group(3)))
    return found
