"""Repairs of lxml's tree where libxml2 builds another tree than browsers do.

libxml2's HTML parser predates HTML5. Measured against Chromium's trees of real, generated and
hand-written pages, these differences changed findings, and each can be undone exactly after
parsing:

- `source`, `track`, `wbr`, `embed`, `keygen` and `bgsound` are void in HTML, but libxml2 nests
  what follows inside them: `<picture><source><img></picture>` hides the image in `source`,
  which is never rendered. What it nested there is moved out, after the element.
- `<p>` is closed by `section`, `article`, `nav`, `header`, `footer`, `main`, `aside`,
  `figure`, `figcaption`, `details`, `summary`, `dialog`, `hgroup` and `search` in HTML;
  libxml2 does not know them and keeps them in the paragraph. Such a child of a `p`, and what
  follows it there, is moved out after the paragraph.
- With no `<body>` tag, those elements after head content stay in `head` with libxml2; in a
  browser they start the body. They and what follows them move to the start of `body`.
- `<image>` is `<img>` in HTML (outside SVG and MathML).
- `<html lang="nl">` after other content (`<meta charset="utf-8"><html lang="nl">`), or a second
  `<body>` tag: libxml2 drops its attributes, browsers add those the element does not have yet
  (`merge_misplaced_attributes`, which needs the parser's log).

None of these moves changes the document order of elements, so indexes built before them stay
valid. What cannot be undone after parsing (misnested formatting elements, `/>` on elements
that are not void) is left as libxml2 builds it; none of the real pages measured had it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable

from lxml import etree

from vngpublish.check.dom import Element, settable

VOID_UNKNOWN = ("source", "track", "wbr", "embed", "keygen", "bgsound")
"""Void elements libxml2 does not know as void."""
CLOSES_P = (
    "article",
    "aside",
    "details",
    "dialog",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "nav",
    "search",
    "section",
    "summary",
)
"""Start tags that close an open `p` in HTML but not in libxml2."""
HEAD_CONTENT = frozenset(
    ("title", "base", "link", "meta", "style", "script", "noscript", "template", "basefont")
)
"""Elements that stay in `head` when a browser meets them there."""
_START_TAG = {tag: re.compile(rf"<{tag}\b[^>]*>", re.IGNORECASE) for tag in ("html", "body")}


def repair(root: Element, by_tag: dict[str, list[Element]]) -> bool:
    """Make the tree of `root` the one browsers build, where it can be done after parsing.

    `by_tag` lists the page's elements by tag in document order. Moves inside the body keep
    that order, so it stays valid unless this returns True: an `<image>` became `img`, or
    content moved from `head` into `body` (which now comes before it).
    """
    for tag in VOID_UNKNOWN:
        for el in by_tag.get(tag, ()):
            _unnest(el)
    for tag in CLOSES_P:
        for el in by_tag.get(tag, ()):
            parent = el.getparent()
            if parent is not None and parent.tag == "p":
                following, parent.tail = parent.tail, None
                _move_after(parent, [el, *el.itersiblings()], following)
    moved_from_head = _head_content_to_body(root)
    renamed = False
    for el in by_tag.get("image", ()):
        if not any(a.tag in ("svg", "math") for a in el.iterancestors()):
            el.tag = "img"
            renamed = True
    return renamed or moved_from_head


def merge_misplaced_attributes(
    root: Element, source: str, misplaced: Iterable[tuple[str, int]], parser: etree.HTMLParser
) -> None:
    """Give `html` and `body` the attributes of their start tags that libxml2 reported as
    misplaced (`(tag, line)` pairs from its log), where the element lacks them, as browsers do.
    """
    lines = source.split("\n")
    for tag, line in misplaced:
        target = root if tag == "html" else root.find("body")
        if target is None or not 1 <= line <= len(lines):
            continue
        for match in _START_TAG[tag].finditer(lines[line - 1]):
            parsed = etree.fromstring(match.group().encode("utf-8", "surrogatepass"), parser)
            given = parsed if tag == "html" or parsed is None else parsed.find("body")
            if given is None:
                continue
            for name, value in given.attrib.items():
                with contextlib.suppress(ValueError):  # a name lxml cannot look up or set
                    if name not in target.attrib:
                        target.set(name, settable(value))


def _unnest(el: Element) -> None:
    """Move what libxml2 nested inside the void element `el` out, right after it."""
    if not len(el) and not el.text:
        return
    text, tail = el.text, el.tail
    el.text = None
    el.tail = settable(text) if text else None
    if len(el):
        _move_after(el, list(el), tail)
    elif tail:
        el.tail = settable((text or "") + tail)


def _move_after(anchor: Element, nodes: list[Element], following: str | None) -> None:
    """Move `nodes` (each with its tail) to right after `anchor`, in order, and put the text
    `following` after the last of them."""
    for node in nodes:
        anchor.addnext(node)
        anchor = node
    if following:
        anchor.tail = settable((anchor.tail or "") + following)


def _head_content_to_body(root: Element) -> bool:
    """Move body content libxml2 left in `head` to the start of `body` (made when missing);
    True when something moved."""
    head = root.find("head")
    if head is None:
        return False
    first = next(
        (c for c in head if isinstance(c.tag, str) and c.tag not in HEAD_CONTENT),
        None,
    )
    if first is None:
        return False
    moving = [first, *first.itersiblings()]
    body = root.find("body")
    if body is None:
        body = etree.Element("body")
        body.sourceline = first.sourceline  # where a browser opens it
        head.addnext(body)
    text = body.text
    body.text = None
    for position, node in enumerate(moving):
        body.insert(position, node)
    if text:
        moving[-1].tail = settable((moving[-1].tail or "") + text)
    return True
