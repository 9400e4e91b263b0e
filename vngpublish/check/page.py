"""One parsed page: the lxml tree, source positions, indexes, and cached facts per element.

Rules never walk the whole tree themselves: they ask the page (`by_tag`, `with_attribute`,
`by_id`, `role`, `name`, `is_hidden`, `lang`) and every answer is computed once per page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from html import escape
from pathlib import Path
from typing import Any, Literal, TypeVar

from lxml import etree

from vngpublish.check import aria, names, treefix, visibility
from vngpublish.check.dom import Element, settable, text_content
from vngpublish.check.i18n import N_
from vngpublish.check.source import FileError, SourceError

# libxml2 stops parsing at a fixed depth of nesting (256 levels, 2048 with huge_tree) and drops
# the rest of the document; `parse_html` turns that into a `ParseStopped` error.
_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=False, default_doctype=False, huge_tree=True
)
_DEPTH_LIMIT = re.compile(r"Excessive depth in document: (\d+)")
_MISPLACED = re.compile(r"htmlParseStartTag: misplaced <(html|body)> tag")
T = TypeVar("T")
_CSS_IDENT = re.compile(r"^-?[A-Za-z_][A-Za-z0-9_-]*$")
_START_TAGS: dict[str, re.Pattern[str]] = {}  # "<tag" patterns for `Page.column`, by tag


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


class Page:
    """A parsed HTML page.

    `path` is how findings name the file; `site_root` is the folder root-relative URLs resolve
    against (`--root`), or None. `source` keeps the text with line endings normalised to LF,
    so that its lines are the lines findings are reported at. Raises `ParseStopped` when the
    parser cannot read the whole page.
    """

    def __init__(self, source: str, path: str = "<string>", site_root: Path | None = None) -> None:
        self.source = normalize_newlines(source)
        self.path = path
        self.site_root = site_root
        self.root: Element = parse_html(self.source, path)
        self._cache: dict[str, dict[Any, Any]] = {}
        if treefix.repair(self.root, self._indexes[0]):
            # An <image> became <img>, or head content moved into the body: list and index the
            # elements again.
            del self.__dict__["_indexes"], self.__dict__["elements"]
        # The facts rules ask about most, each in its own dictionary: one lookup when known.
        self._hidden: dict[Element, bool] = {}
        self._roles: dict[Element, str | None] = {}
        self._names: dict[Element, str] = {}
        self._langs: dict[Element, str | None] = {}
        # The elements that are not rendered on a page where nothing else can hide content;
        # False on other pages, None until known.
        self._unrendered: set[Element] | Literal[False] | None = None

    # ----------------------------------------------------------------- indexes
    @cached_property
    def elements(self) -> list[Element]:
        """Every element in document order (no comments or processing instructions)."""
        return list(self.root.iter(etree.Element))

    def by_tag(self, *tags: str) -> list[Element]:
        """Elements with one of these tag names, in document order (cached per tag set)."""
        index = self._by_tag
        if len(tags) == 1:
            return index.get(tags[0]) or []
        cache = self._cache.setdefault("by_tag", {})
        found: list[Element] | None = cache.get(tags)
        if found is None:
            present = [tag for tag in tags if tag in index]
            if len(present) <= 1:
                found = index[present[0]] if present else []
            else:
                wanted = set(present)
                found = [el for el in self.elements if el.tag in wanted]
            cache[tags] = found
        return found

    @cached_property
    def _by_tag(self) -> dict[str, list[Element]]:
        return self._indexes[0]

    @cached_property
    def _indexes(self) -> tuple[dict[str, list[Element]], dict[str, list[Element]]]:
        """Elements by tag and by attribute name, from one pass over the cached element list.

        Several times cheaper than one lxml `iter(tag)` (which walks the tree in C but wraps
        each element again) or one XPath `//*[@name]` query, and rules ask about many tags and
        attribute names on every page.
        """
        by_tag: dict[str, list[Element]] = {}
        by_attribute: dict[str, list[Element]] = {}
        for el in self.elements:
            found = by_tag.get(el.tag)
            if found is None:
                by_tag[el.tag] = [el]
            else:
                found.append(el)
            for name in el.keys():  # noqa: SIM118 (an element iterates over its children)
                found = by_attribute.get(name)
                if found is None:
                    by_attribute[name] = [el]
                else:
                    found.append(el)
        return by_tag, by_attribute

    @cached_property
    def ids(self) -> dict[str, list[Element]]:
        """Elements by `id` value (a list, since ids may be duplicated)."""
        index: dict[str, list[Element]] = {}
        for el in self.with_attribute("id"):
            index.setdefault(el.get("id"), []).append(el)
        return index

    def by_id(self, element_id: str) -> Element | None:
        """The first element with this id, as `getElementById` would return it."""
        found = self.ids.get(element_id)
        return found[0] if found else None

    def with_attribute(self, name: str) -> list[Element]:
        """Elements that carry attribute `name` (any value), in document order."""
        return self._by_attribute.get(name) or []

    @cached_property
    def _by_attribute(self) -> dict[str, list[Element]]:
        return self._indexes[1]

    @cached_property
    def is_xhtml(self) -> bool:
        """True for an XHTML file (`.xhtml`), where `xml:lang` sets the language like `lang`."""
        return self.path.lower().endswith(".xhtml")

    @cached_property
    def html(self) -> Element:
        """The root `html` element."""
        return self.root

    @cached_property
    def head(self) -> Element | None:
        """The `head` element, if the page has one."""
        return self.root.find("head")

    @cached_property
    def body(self) -> Element | None:
        """The `body` element, if the page has one."""
        return self.root.find("body")

    # ----------------------------------------------------------- cached facts
    def memo(self, key: str, compute: Callable[[Page], T]) -> T:
        """A fact about the whole page, computed once: `compute(page)` cached under `key`.

        For derived views several rules share (the heading outline, the links and their
        targets) so that no rule walks the tree again.
        """
        cache = self._cache.setdefault("page", {})
        try:
            value: T = cache[key]
        except KeyError:
            value = cache[key] = compute(self)
        return value

    def _memo(self, kind: str, el: Element, compute: Any) -> Any:
        cache = self._cache.setdefault(kind, {})
        try:
            return cache[el]
        except KeyError:
            value = cache[el] = compute(self, el)
            return value

    def role(self, el: Element) -> str | None:
        """The element's role: a valid explicit `role`, else its implicit role (HTML-AAM)."""
        try:
            return self._roles[el]
        except KeyError:
            role = self._roles[el] = aria.role_of(self, el)
            return role

    def name(self, el: Element) -> str:
        """The accessible name (accname 1.2), whitespace-collapsed; "" when there is none."""
        try:
            return self._names[el]
        except KeyError:
            name = self._names[el] = names.accessible_name(self, el)
            return name

    def description(self, el: Element) -> str:
        """The accessible description (aria-describedby, aria-description, or a title that is
        not already the name), whitespace-collapsed; "" when there is none."""
        result: str = self._memo("description", el, names.accessible_description)
        return result

    def is_hidden(self, el: Element) -> bool:
        """True when the element is excluded from the accessibility tree."""
        # Asked for most elements, often many times each: on most pages one set lookup, on the
        # others one dictionary lookup once known.
        plain = self._unrendered
        if plain is None:
            found = visibility.unrendered_on_plain_page(self)
            plain = self._unrendered = False if found is None else found
        if plain is not False:
            return el in plain or not isinstance(el.tag, str)
        try:
            return self._hidden[el]
        except KeyError:
            hidden = self._hidden[el] = visibility.is_hidden(self, el)
            return hidden

    def is_rendered(self, el: Element) -> bool:
        """False when the element is not rendered at all (`hidden`, `display:none`, ...)."""
        return visibility.is_rendered(self, el)

    def labels(self, el: Element) -> list[Element]:
        """The `label` elements associated with a form control (by `for`, or by wrapping)."""
        return names.labels_of(self, el)

    def is_visually_hidden(self, el: Element) -> bool:
        """True when the element is moved or clipped out of sight but still read by screen
        readers (the sr-only pattern)."""
        return visibility.is_visually_hidden(self, el)

    def lang(self, el: Element) -> str | None:
        """The language of the element: the nearest `lang` on it or an ancestor.

        `xml:lang` counts only in XHTML; in HTML it has no effect (HTML's "language" rules).
        """
        try:
            return self._langs[el]
        except KeyError:
            lang = self._langs[el] = _language_of(self, el)
            return lang

    def text(self, el: Element) -> str:
        """The element's text content, whitespace-collapsed."""
        return " ".join(text_content(el).split())

    # ------------------------------------------------------------ reporting
    def line(self, el: Element) -> int:
        """1-based source line of the element's start tag (0 when unknown, e.g. implied tags)."""
        return el.sourceline or 0

    @cached_property
    def _lines(self) -> list[str]:
        # Split at LF only, as libxml2 counts lines: `splitlines` would also split at form
        # feeds, U+2028 and others, and shift every later line.
        return self.source.split("\n")

    def column(self, el: Element) -> int:
        """1-based column of the element's start tag on its line (1 when it cannot be found)."""
        line_no = self.line(el)
        if not line_no or line_no > len(self._lines):
            return 1
        tag = el.tag
        # The k-th element with this tag on this line is the k-th "<tag" in the line's text.
        k = self._rank_on_line(tag).get(el, 0)
        starts = self._tag_starts(tag, line_no)
        return starts[k] + 1 if k < len(starts) else 1

    def _rank_on_line(self, tag: str) -> dict[Element, int]:
        """For each element with this tag: how many elements with the same tag come before it
        on its source line."""
        cache = self._cache.setdefault("rank_on_line", {})
        ranks: dict[Element, int] | None = cache.get(tag)
        if ranks is None:
            ranks = cache[tag] = {}
            counts: dict[int, int] = {}
            for other in self.by_tag(tag):
                line_no = other.sourceline or 0
                ranks[other] = counts.get(line_no, 0)
                counts[line_no] = ranks[other] + 1
        return ranks

    def _tag_starts(self, tag: str, line_no: int) -> list[int]:
        """Offsets of every "<tag" in the text of one source line (found once per tag and line,
        so a page written on one long line is not searched again for each finding)."""
        cache = self._cache.setdefault("tag_starts", {})
        key = (tag, line_no)
        starts: list[int] | None = cache.get(key)
        if starts is None:
            pattern = _START_TAGS.get(tag)
            if pattern is None:
                pattern = _START_TAGS[tag] = re.compile(
                    r"<" + re.escape(tag) + r"(?=[\s/>]|$)", re.IGNORECASE
                )
            starts = cache[key] = [m.start() for m in pattern.finditer(self._lines[line_no - 1])]
        return starts

    def selector(self, el: Element) -> str:
        """A CSS selector that picks out this element in the page: from the nearest `html`,
        `head`, `body` or element with a unique id, a `>` chain of tags, each with
        `:nth-of-type(n)` when siblings share its tag."""
        known: dict[Element, str] = self._cache.setdefault("selector", {})
        found = known.get(el)
        if found is not None:
            return found
        # Ancestors first, from the nearest one already known: each selector then builds on
        # its parent's, and findings in one part of the page share the work.
        chain: list[Element] = []
        node: Element | None = el
        while node is not None and node not in known:
            chain.append(node)
            node = node.getparent()
        for node in reversed(chain):
            tag = node.tag
            if tag in ("html", "head", "body"):
                found = str(tag)
            else:
                node_id = node.get("id")
                parent = node.getparent()
                if node_id and self._is_unique_id(node_id):
                    found = "#" + node_id
                elif parent is None:
                    found = str(tag)
                else:
                    found = f"{known[parent]} > {self._nth_of_type(node, parent)}"
            known[node] = found
        return known[el]

    def _nth_of_type(self, el: Element, parent: Element) -> str:
        """The element's tag, with `:nth-of-type(n)` when a sibling has the same tag."""
        # Positions are counted once per parent: a parent with thousands of reported children
        # is walked once, not once for each of them.
        siblings: dict[Element, dict[Element, tuple[int, int]]] = self._cache.setdefault(
            "positions", {}
        )
        positions = siblings.get(parent)
        if positions is None:
            groups: dict[str, list[Element]] = {}
            for child in parent.iterchildren(etree.Element):
                groups.setdefault(child.tag, []).append(child)
            positions = siblings[parent] = {
                child: (position, len(group))
                for group in groups.values()
                for position, child in enumerate(group, start=1)
            }
        position, same = positions[el]
        return str(el.tag) if same == 1 else f"{el.tag}:nth-of-type({position})"

    def _is_unique_id(self, element_id: str) -> bool:
        """True for an id only one element has, which CSS can write as `#id` unescaped."""
        return len(self.ids.get(element_id, ())) == 1 and _CSS_IDENT.match(element_id) is not None

    def snippet(self, el: Element, limit: int = 160) -> str:
        """A short rendering of the element's start tag and the start of its text."""
        attrs = "".join(
            f' {k}="{escape(str(v), quote=True)}"' if v != "" else f" {k}"
            for k, v in el.attrib.items()
        )
        start = f"<{el.tag}{attrs}>"
        if len(start) > limit:
            return start[: limit - 1] + "…"
        text = self.text_start(el, 61) if el.tag not in ("html", "head", "body") else ""
        if len(text) > 60:
            text = text[:59] + "…"
        return f"{start}{escape(text, quote=False)}</{el.tag}>" if text else start

    def text_start(self, el: Element, limit: int) -> str:
        """`self.text(el)[:limit]`, reading only as much of the element's text as that needs
        (findings on a `main` or a big table should not read the whole section)."""
        # The snippet and the fingerprint of a finding both ask: the longer start serves both.
        known: dict[Element, tuple[int, str]] = self._cache.setdefault("text_start", {})
        found = known.get(el)
        if found is not None and found[0] >= limit:
            return found[1][:limit]
        if not len(el):  # no child nodes: the element's own text is all of it
            text = " ".join((el.text or "").split())[:limit]
            known[el] = (limit, text)
            return text
        parts: list[str] = []
        visible = 0
        for chunk in el.itertext():
            parts.append(chunk)
            # Collapsing whitespace keeps every other character, so once `limit` of them are
            # read, the collapsed text read so far is at least `limit` long, and it is a
            # prefix of the whole collapsed text.
            visible += len("".join(chunk.split()))
            if visible >= limit:
                break
        text = " ".join("".join(parts).split())[:limit]
        known[el] = (limit, text)
        return text


def _language_of(page: Page, el: Element) -> str | None:
    node: Element | None = el
    while node is not None:
        value = node.get("lang")
        if value is None and page.is_xhtml:
            value = node.get("xml:lang")
        if value is not None:
            return str(value).strip()
        node = node.getparent()
    return None


def iter_text_nodes(el: Element) -> Iterable[str]:
    """The element's own text and the text of its descendants, in order."""
    yield from el.itertext()


__all__ = ["Page", "ParseStopped", "etree", "normalize_newlines", "parse_html"]
