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
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

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
_CLOSES_P_IN_LIBXML2 = frozenset(
    (
        *CLOSES_P,
        *("address", "blockquote", "center", "dir", "div", "dl", "fieldset", "form", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "listing", "menu", "ol", "p", "pre", "table"),
        *("ul", "xmp"),
    )
)
"""Start tags that close an open `p` (in HTML; those beyond `CLOSES_P` in libxml2 too)."""
HEAD_CONTENT = frozenset(
    ("title", "base", "link", "meta", "style", "script", "noscript", "template", "basefont")
)
"""Elements that stay in `head` when a browser meets them there."""
_TAG_START = {tag: re.compile(rf"<{tag}(?=[\s/>]|$)", re.IGNORECASE) for tag in ("html", "body")}
_START_TAG = {
    tag: re.compile(rf"<{tag}(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
    for tag in ("html", "body")
}
_LONGEST_TAG = 4096  # characters of a start tag read for its attributes
_RAW = r"(script|style|textarea|title|xmp|noscript|iframe|noembed|noframes)(?=[\s/>]|$)"
_OPENS = re.compile(rf"<!--|<{_RAW}", re.IGNORECASE)
_CLOSES = re.compile(rf"-->|</{_RAW}", re.IGNORECASE)


def repair(root: Element, by_tag: dict[str, list[Element]]) -> bool:
    """Make the tree of `root` the one browsers build, where it can be done after parsing.

    `by_tag` lists the page's elements by tag in document order. Moves inside the body keep
    that order, so it stays valid unless this returns True: an `<image>` became `img`, or
    content moved from `head` into `body` (which now comes before it).
    """
    for tag in VOID_UNKNOWN:
        for el in by_tag.get(tag, ()):
            moved = _unnest(el)
            parent = el.getparent()
            if moved and parent is not None and parent.tag == "p":
                # libxml2 would have closed the paragraph at a block it nested in the void
                # element (`<p>a<wbr>b<p>c`): close it there now.
                block = next((n for n in moved if n.tag in _CLOSES_P_IN_LIBXML2), None)
                if block is not None:
                    following, parent.tail = parent.tail, None
                    _move_after(parent, [block, *block.itersiblings()], following)
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
    for (tag, line), count in Counter(misplaced).items():
        target = root if tag == "html" else root.find("body")
        if target is None or not 1 <= line <= len(lines):
            continue
        # libxml2's log gives the line but no usable column: the tags on the line that are
        # markup count, as many as were misplaced and the element's own (which adds nothing).
        for tag_text in _start_tags(tag, _markup_only(lines[line - 1]), count + 1):
            parsed = etree.fromstring(tag_text.encode("utf-8", "surrogatepass"), parser)
            given = parsed if tag == "html" or parsed is None else parsed.find("body")
            if given is None:
                continue
            for name, value in given.attrib.items():
                if name.startswith("{"):
                    continue  # lxml reads "{a}b" as a namespace; no HTML attribute is named so
                with contextlib.suppress(ValueError):  # a name lxml cannot look up or set
                    if name not in target.attrib:
                        target.set(name, settable(value))


def _start_tags(tag: str, text: str, limit: int) -> Iterator[str]:
    """The first `limit` `<html ...>` or `<body ...>` start tags in `text`, each read up to
    `_LONGEST_TAG` characters (unclosed quotes must not make this quadratic)."""
    for start in islice(_TAG_START[tag].finditer(text), limit):
        found = _START_TAG[tag].match(text, start.start(), start.start() + _LONGEST_TAG)
        if found:
            yield found.group()


def _markup_only(line: str) -> str:
    """`line` without comments and the content of `script`, `style` and similar elements,
    including those that begin on the line and end later, or began earlier and end on it.
    One pass: each search starts where the previous one ended."""
    first_open, first_close = _OPENS.search(line), _CLOSES.search(line)
    position = 0
    if first_close and (first_open is None or first_close.start() < first_open.start()):
        position = first_close.end()  # the end of something that began on an earlier line
    kept: list[str] = []
    while True:
        opening = _OPENS.search(line, position)
        if opening is None:
            kept.append(line[position:])
            break
        kept.append(line[position : opening.start()] + " ")
        name = opening.group(1)
        closing = (
            re.compile(rf"</{name}(?=[\s/>]|$)", re.IGNORECASE) if name else _COMMENT_END
        ).search(line, opening.end())
        if closing is None:
            break  # open until a later line
        position = closing.end()
    return "".join(kept)


_COMMENT_END = re.compile("-->")


def _unnest(el: Element) -> list[Element]:
    """Move what libxml2 nested inside the void element `el` out, right after it; the
    elements (and comments) moved."""
    if not len(el) and not el.text:
        return []
    text, tail = el.text, el.tail
    el.text = None
    el.tail = settable(text) if text else None
    moved = list(el)
    if moved:
        _move_after(el, moved, tail)
    elif tail:
        el.tail = settable((text or "") + tail)
    return moved


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
    body.insert(0, moving[0])
    _move_after(moving[0], moving[1:], text)  # one by one, not each inserted at an index
    return True
