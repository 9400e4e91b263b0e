"""Parsing a page's source as the checker reads every page.

lxml's HTML parser with comments kept and line endings normalised, content after `</body>`
moved into the body as browsers do, and a clear error (`ParseStopped`) when libxml2 gives up
part way; `treefix` then repairs where libxml2's tree differs from the one browsers build.
"""

from __future__ import annotations

import re

from lxml import etree

from vngpublish.check import treefix
from vngpublish.check.dom import Element, settable
from vngpublish.check.source import FileError, SourceError
from vngpublish.i18n import N_

# libxml2 stops parsing at a fixed depth of nesting (256 levels, 2048 with huge_tree) and drops
# the rest of the document; `parse_html` turns that into a `ParseStopped` error.
_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=False, default_doctype=False, huge_tree=True
)
_DEPTH_LIMIT = re.compile(r"Excessive depth in document: (\d+)")
_MISPLACED = re.compile(r"htmlParseStartTag: misplaced <(html|body)> tag")


class ParseStopped(SourceError):
    """Raised when the HTML parser gave up part way through a page (elements nested deeper
    than libxml2 allows): what follows that point was never parsed, so it cannot be checked.

    Carries the `FileError` to report, with the line where the parser stopped.
    """


def normalize_newlines(source: str) -> str:
    """`source` with every CR LF pair and every lone CR turned into LF, as HTML's input stream
    preprocessing does before tokenising (libxml2 counts lines by LF only)."""
    if "\r" not in source:
        return source
    return source.replace("\r\n", "\n").replace("\r", "\n")


def parse_html(source: str, path: str = "<string>") -> Element:
    """The root element of `source` parsed as the checker parses every page (lxml's HTML
    parser, comments kept, line endings normalised to LF, content after `</body>` or
    `</html>` moved to the end of `body` as browsers do).

    Raises `ParseStopped` (naming `path`) when the parser gave up before the end of the
    page, rather than return a tree that silently lacks the rest.
    """
    source = normalize_newlines(source)
    root = etree.fromstring(source.encode("utf-8", "surrogatepass"), _PARSER)
    log = _PARSER.error_log
    fatal = log.filter_from_fatals()
    if fatal:
        raise _parse_stopped(path, fatal[0])
    misplaced = []  # `<html>` and `<body>` start tags libxml2 dropped the attributes of
    for entry in log if len(log) else ():
        found = _MISPLACED.match(entry.message)
        if found:
            misplaced.append((found.group(1), entry.line))
    if root is None:
        # Nothing but whitespace or comments: a browser still builds html, head and body.
        root = etree.fromstring(b"<html><head></head><body></body></html>", _PARSER)
    _move_trailing_content_into_body(root)
    if misplaced:
        treefix.merge_misplaced_attributes(root, source, misplaced, _PARSER)
    return root


def _move_trailing_content_into_body(root: Element) -> None:
    """Put what follows `</body>` or `</html>` at the end of `body`, where browsers put it.

    libxml2 keeps content after `</body>` in `html` after the body element, and content after
    `</html>` in a second `html` element beside the root, which no rule would ever see.
    """
    extras = [extra for extra in root.itersiblings() if isinstance(extra.tag, str)]
    body = root.find("body")
    after_body = list(body.itersiblings()) if body is not None else []
    if not after_body and not any(len(extra) or (extra.text or "").strip() for extra in extras):
        return
    if body is None:
        body = etree.SubElement(root, "body")
    for node in after_body:
        body.append(node)  # keeps its tail and its source line
    for extra in extras:
        # A second `html` element (comments beside the root stay where they are); libxml2 may
        # have opened a `body` in it too.
        _append_text(body, extra.text)
        extra.text = None
        for node in list(extra):
            if node.tag == "body":
                _append_text(body, node.text)
                for inner in list(node):
                    body.append(inner)
                _append_text(body, node.tail)
                extra.remove(node)
            else:
                body.append(node)


def _append_text(parent: Element, text: str | None) -> None:
    """Add `text` at the end of `parent`'s content."""
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = settable((last.tail or "") + text)
    else:
        parent.text = settable((parent.text or "") + text)


def _parse_stopped(path: str, entry: etree._LogEntry) -> ParseStopped:
    depth = _DEPTH_LIMIT.search(entry.message)
    if depth:
        error = FileError(
            path,
            N_(
                "the HTML parser stopped at line {line}: elements are nested more than {limit}"
                " levels deep, so the rest of the page cannot be checked"
            ),
            {"line": entry.line, "limit": int(depth.group(1))},
            line=entry.line,
        )
    else:
        error = FileError(
            path,
            N_(
                "the HTML parser stopped at line {line} ({reason}), so the rest of the page"
                " cannot be checked"
            ),
            {"line": entry.line, "reason": entry.message.strip()},
            line=entry.line,
        )
    return ParseStopped(error)


__all__ = ["ParseStopped", "normalize_newlines", "parse_html"]
