"""The element type the checker works on, and small DOM helpers shared by every module.

Pages are parsed with lxml's plain HTML parser (`lxml.etree.HTMLParser`), not `lxml.html`:
`lxml.html` looks up a Python element class for every element it hands out, which cost about a
tenth of a full check. The helpers here replace the few `lxml.html` conveniences we used.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import etree

Element: TypeAlias = etree._Element
"""An element of a parsed page (comments and processing instructions are not elements)."""


def text_content(el: Element) -> str:
    """All text inside `el` (its descendants' text included, comments excluded), unchanged."""
    if not len(el):
        return el.text or ""  # no child nodes: most paragraphs, cells and links
    return "".join(el.itertext())


def collapse(text: str) -> str:
    """`text` with whitespace collapsed to single spaces, trimmed."""
    return " ".join(text.split())


def collapsed_text(el: Element) -> str:
    """The element's text content with whitespace collapsed to single spaces, trimmed."""
    return collapse(text_content(el))


_NOT_SETTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def settable(text: str) -> str:
    """`text` as lxml lets it be set as an element's text or tail.

    lxml's parser keeps control characters and U+FFFE/U+FFFF in text, but refuses them when
    text is set: they become U+FFFD, the replacement character (neither is ever rendered).
    """
    return _NOT_SETTABLE.sub("\ufffd", text)
