"""The user-agent origin and HTML's presentational hints.

- `user_agent_sheet()`: `ua.css` (the HTML standard's rendering rules for the properties the
  engine knows), parsed once per process; `quirks_sheet()` adds the standard's quirks-mode rule
  for tables.
- `is_quirks(root)`: whether the document is in quirks mode, from its DOCTYPE (no DOCTYPE, or
  one of the legacy public identifiers the HTML standard lists).
- `hints(el)`: the presentational hints of an element's attributes (`bgcolor`, `background`,
  `text`, `link`, `color`, `size`, `width`, `height`), which are author-level declarations
  with zero specificity that precede all other author declarations.
- `ua_extras(el)`: user-agent rules that would cost too much as selectors: what a closed
  `details` element hides.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Final, TypeAlias

from lxml import etree

from vngpublish.check.style.colors import parse_legacy_color
from vngpublish.check.style.declarations import Decl
from vngpublish.check.style.property_types import Image
from vngpublish.check.style.sheets import read_sheet
from vngpublish.check.style.stylesheet import Sheet
from vngpublish.check.style.values import Length

Element: TypeAlias = etree._Element

QUIRKS_CSS: Final = """
/* HTML standard, rendering section: in quirks mode tables do not inherit font properties. */
table { font-weight: initial; font-size: initial; line-height: initial; }
"""


@cache
def user_agent_text() -> str:
    """The text of the user-agent stylesheet."""
    return resources.files("vngpublish.check.style").joinpath("ua.css").read_text("utf-8")


def user_agent_sheet() -> Sheet:
    """The parsed user-agent stylesheet (cached)."""
    return read_sheet(user_agent_text())


def quirks_sheet() -> Sheet:
    """The extra user-agent rules of quirks mode (cached)."""
    return read_sheet(QUIRKS_CSS)


# Public identifiers (prefixes) that put a document in quirks mode (HTML standard, "The
# initial insertion mode"), lower-cased; the list is abridged to the families seen in use.
_QUIRKS_PREFIXES: Final = (
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer",
    "-//netscape comm. corp.//dtd",
    "-//o'reilly and associates//dtd html",
    "-//softquad",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//sun microsystems corp.//dtd hotjava",
    "-//w3c//dtd html 3",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html",
)
_QUIRKS_EXACT: Final = frozenset(
    {"-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"}
)
_QUIRKS_WITHOUT_SYSTEM_ID: Final = (
    "-//w3c//dtd html 4.01 frameset//",
    "-//w3c//dtd html 4.01 transitional//",
)


def is_quirks(root: Element) -> bool:
    """True when the document of `root` renders in quirks mode (limited-quirks mode counts
    as no-quirks: it changes nothing the style engine computes)."""
    info = root.getroottree().docinfo
    if not info.doctype:
        return True
    if (info.root_name or "").lower() != "html":
        return True
    public = (info.public_id or "").lower()
    system = info.system_url
    if system and system.lower() == "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd":
        return True
    if public in _QUIRKS_EXACT or public.startswith(_QUIRKS_PREFIXES):
        return True
    return system is None and public.startswith(_QUIRKS_WITHOUT_SYSTEM_ID)


# ----------------------------------------------------------------- presentational hints
HINT_ATTRIBUTES: Final = frozenset(
    {"bgcolor", "background", "text", "link", "color", "size", "width", "height", "type",
     "open"}
)  # fmt: skip
"""Attributes that may give an element presentational hints or user-agent style (`open`)."""

_BGCOLOR: Final = frozenset(
    {"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "marquee"}
)
_BACKGROUND: Final = frozenset({"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_DIMENSIONS: Final = frozenset(
    {"img", "iframe", "embed", "object", "video", "table", "td", "th", "col", "colgroup",
     "hr", "marquee", "input"}
)  # fmt: skip
_IGNORE_ZERO: Final = frozenset({"table", "td", "th", "col", "colgroup"})
_WIDTH_ONLY: Final = frozenset({"hr", "col", "colgroup", "td", "th"})
_LEGACY_FONT_SIZES: Final = (
    "x-small",
    "small",
    "medium",
    "large",
    "x-large",
    "xx-large",
    "xxx-large",
)
_DIMENSION = re.compile(r"[ \t\n\f\r]*([0-9]+(?:\.[0-9]*)?)(%)?")
_FONT_SIZE = re.compile(r"[ \t\n\f\r]*([+-]?)([0-9]+)")


def hints(el: Element, body_link: str | None) -> tuple[Decl, ...]:
    """The presentational hints of `el`'s attributes; `body_link` is the document's
    `<body link>` value (the colour of unvisited links)."""
    tag = el.tag
    line = el.sourceline or 0
    found: list[Decl] = []

    def add(name: str, value: object, attribute: str) -> None:
        source = body_link if attribute == "link" else el.get(attribute)
        found.append(Decl(name, value, False, line, 0, f"{attribute} attribute", (), source))

    if tag in _BGCOLOR:
        color = _legacy_color(el.get("bgcolor"))
        if color is not None:
            add("background-color", color, "bgcolor")
    if tag in _BACKGROUND:
        url = (el.get("background") or "").strip()
        if url:
            add("background-image", (Image("url", url),), "background")
    if tag == "body":
        color = _legacy_color(el.get("text"))
        if color is not None:
            add("color", color, "text")
    if tag == "font":
        color = _legacy_color(el.get("color"))
        if color is not None:
            add("color", color, "color")
        size = _legacy_font_size(el.get("size"))
        if size is not None:
            add("font-size", size, "size")
    if body_link is not None and tag in ("a", "area") and el.get("href") is not None:
        color = _legacy_color(body_link)
        if color is not None:
            add("color", color, "link")
    if tag in _DIMENSIONS and (tag != "input" or (el.get("type") or "").lower() == "image"):
        for attribute in ("width", "height"):
            if attribute == "height" and tag in _WIDTH_ONLY:
                continue
            length = _dimension(el.get(attribute), ignore_zero=tag in _IGNORE_ZERO)
            if length is not None:
                add(attribute, length, attribute)
    return tuple(found)


def _legacy_color(value: str | None) -> object | None:
    return None if value is None else parse_legacy_color(value)


def _dimension(value: str | None, ignore_zero: bool) -> Length | None:
    """HTML's "rules for parsing dimension values" (a number, then % or nothing)."""
    if value is None:
        return None
    match = _DIMENSION.match(value)
    if match is None:
        return None
    number = float(match.group(1))
    if number == 0 and ignore_zero:
        return None
    return Length(number, "%" if match.group(2) else "px")


def _legacy_font_size(value: str | None) -> str | None:
    """The keyword a `<font size>` maps to (HTML's "rules for parsing a legacy font size")."""
    if value is None:
        return None
    match = _FONT_SIZE.match(value)
    if match is None:
        return None
    sign, digits = match.groups()
    number = int(digits[:4])
    if sign == "+":
        number = 3 + number
    elif sign == "-":
        number = 3 - number
    number = min(7, max(1, number))
    return _LEGACY_FONT_SIZES[number - 1]


# ---------------------------------------------------------------- user-agent extras
def hidden_by_closed_details(el: Element) -> bool:
    """True when `el` is a child of a closed `details` element other than its first
    `summary`, which the user agent does not render."""
    parent = el.getparent()
    if parent is None or parent.tag != "details" or parent.get("open") is not None:
        return False
    if el.tag != "summary":
        return True
    for sibling in parent:
        if sibling.tag == "summary":
            return sibling is not el
    return True
