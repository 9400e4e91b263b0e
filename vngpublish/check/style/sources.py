"""Finding a document's stylesheets: which apply, in cascade order, and which could not be
read.

Sources, in cascade order: the user-agent stylesheet (and its quirks-mode rule), then the
document's author stylesheets in tree order — `<style>` elements (not in `<template>` or
`<noscript>`, with a CSS `type`, whose `media` matches) and `<link rel=stylesheet>` to local
files (relative to the page's folder or to a local `<base href>`, root-relative ones against
the site root; `media` honoured; alternate and disabled ones ignored; `data:` URLs read), each
preceded by the sheets it `@import`s (relative to the importing file; `media`, `supports()`
and `layer()` honoured).

Remote stylesheets (http, https, protocol-relative, or relative to a remote `<base href>`) are
not fetched but recorded in `remote`, so callers can say a remote stylesheet may decide. Files
that are missing or unreadable, import loops, too many sheets and unclosed blocks are recorded
in `problems`.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, TypeAlias
from urllib.parse import unquote, urlsplit

from lxml import etree

from vngpublish.check.style import ua
from vngpublish.check.style.media import Screen, matches
from vngpublish.check.style.sheets import (
    SheetFileError,
    decode_sheet,
    read_sheet,
    read_sheet_file,
    resolve,
)
from vngpublish.check.style.stylesheet import Import, Sheet

Element: TypeAlias = etree._Element

USER_AGENT: Final = "user-agent"
AUTHOR: Final = "author"
MAX_SHEETS: Final = 256
"""At most this many stylesheets (imports included) are read per document."""
MAX_IMPORT_DEPTH: Final = 16
UNLAYERED: Final = 1 << 20
"""The layer rank of unlayered author styles (after every layer)."""


@dataclass(frozen=True, slots=True)
class RemoteSheet:
    """A stylesheet the cascade did not fetch."""

    url: str
    """The URL as written (in `href` or `@import`)."""
    element: Element
    """The `<link>` or `<style>` element that (directly or through imports) refers to it."""
    line: int | None
    """The line of that element in the page."""
    imported_from: str | None = None
    """The file whose `@import` names it, when not the page itself."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that kept (part of) a stylesheet out of the cascade, or was wrong with one.

    `kind` is one of "missing", "unreadable", "too-large", "import-loop", "too-many-sheets",
    "no-site-root", "no-page-path", "unsupported-url", "syntax".
    """

    kind: str
    target: str
    """The path or URL concerned."""
    reason: str
    element: Element | None
    line: int | None


@dataclass(frozen=True, slots=True)
class SheetSource:
    """Where a stylesheet in the cascade comes from."""

    kind: str
    """"user-agent", "style" (a `<style>` element), "link", "import" or "data"."""
    path: str | None
    """The stylesheet's file, or the page's path for a `<style>` element."""
    url: str | None
    """The `href` or `@import` URL as written."""
    element: Element | None
    """The `<style>` or `<link>` element (for imports: the one that started the chain)."""
    line_offset: int
    """Added to a line in the sheet's text to give the line in `path`."""


@dataclass(frozen=True, slots=True)
class SheetUse:
    """One stylesheet as a document uses it."""

    sheet: Sheet
    source: SheetSource
    origin: str
    """USER_AGENT or AUTHOR."""
    layer_prefix: tuple[str, ...]
    """The layer an `@import ... layer()` put the sheet in."""


@dataclass(slots=True)
class Sources:
    """The stylesheets of one document, and what could not be read."""

    uses: list[SheetUse] = field(default_factory=list)
    remote: list[RemoteSheet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    layer_ranks: dict[tuple[str, ...], int] = field(default_factory=dict)
    """Full layer names to their order (see `_Collector.rank_layers`); () is UNLAYERED."""


def collect(
    root: Element,
    page_path: str | None,
    site_root: Path | None,
    screen: Screen,
    quirks: bool,
    elements: Sequence[Element] | None = None,
) -> Sources:
    """The stylesheets that apply to the document of `root`, in cascade order.

    `elements`, when given, are the document's `style`, `link` and `base` elements in tree
    order (a caller with an index of the tree saves two walks over it)."""
    if elements is None:
        elements = list(root.iter("style", "link", "base"))
    collector = _Collector(root, page_path, site_root, screen, elements)
    ua_source = SheetSource(USER_AGENT, None, None, None, 0)
    found = collector.found
    found.uses.append(SheetUse(ua.user_agent_sheet(), ua_source, USER_AGENT, ()))
    if quirks:
        found.uses.append(SheetUse(ua.quirks_sheet(), ua_source, USER_AGENT, ()))
    for el in elements:
        if el.tag == "base" or _inert(el):
            continue
        if el.tag == "style":
            collector.style_element(el)
        else:
            collector.link_element(el)
    found.layer_ranks = collector.rank_layers()
    return found


class _Collector:
    def __init__(
        self,
        root: Element,
        page_path: str | None,
        site_root: Path | None,
        screen: Screen,
        elements: Sequence[Element],
    ) -> None:
        self.elements = elements
        self.root = root
        self.page_path = page_path
        self.site_root = site_root
        self.screen = screen
        self.found = Sources()
        self.loaded = 0
        self.layer_children: dict[tuple[str, ...], list[tuple[str, ...]]] = {(): []}
        self.remote_base, self.base_dir = self._document_base()

    def _document_base(self) -> tuple[bool, Path | None]:
        """(True, None) when `<base href>` makes relative URLs remote; else (False, the
        folder relative URLs resolve against, or None when unknown)."""
        page_dir = Path(self.page_path).parent if self.page_path else None
        base = next((el for el in self.elements if el.tag == "base" and el.get("href")), None)
        if base is None:
            return False, page_dir
        href = (base.get("href") or "").strip()
        if _is_remote(href):
            return True, None
        if not href or page_dir is None:
            return False, page_dir
        if href.endswith("/"):
            folder = href
        elif "/" in href:
            folder = href.rsplit("/", 1)[0] + "/"
        else:
            return False, page_dir
        folder = unquote(folder)
        if folder.startswith("/"):
            if self.site_root is None:
                return False, page_dir
            return False, Path(self.site_root) / folder.lstrip("/")
        return False, page_dir / folder

    # ------------------------------------------------------------------- elements
    def style_element(self, el: Element) -> None:
        """Add a `<style>` element's sheet when its type and media apply."""
        kind = (el.get("type") or "").strip().lower()
        if kind not in ("", "text/css") or not matches(el.get("media"), self.screen):
            return
        line = el.sourceline
        source = SheetSource("style", self.page_path, None, el, (line - 1) if line else 0)
        self.add_sheet(
            read_sheet(el.text or ""), source, el, self.base_dir, self.remote_base, (), [], 0
        )

    def link_element(self, el: Element) -> None:
        """Add a `<link rel=stylesheet>`'s sheet when its rel, type and media apply."""
        rel = (el.get("rel") or "").lower().split()
        if "stylesheet" not in rel or "alternate" in rel or el.get("disabled") is not None:
            return
        kind = (el.get("type") or "").strip().lower()
        if kind not in ("", "text/css"):
            return
        href = (el.get("href") or "").strip()
        if not href or not matches(el.get("media"), self.screen):
            return
        self.load(href, el, self.base_dir, self.remote_base, None, (), [], 0, "link", None)

    # ------------------------------------------------------------------- loading
    def load(
        self,
        href: str,
        element: Element,
        base_dir: Path | None,
        remote_base: bool,
        importer: str | None,
        layer: tuple[str, ...],
        stack: list[str],
        depth: int,
        kind: str,
        import_line: int | None,
    ) -> None:
        """Add the sheet at `href` (with its imports) to the cascade, or record why not."""
        line = element.sourceline if importer is None else import_line
        if _is_remote(href) or (remote_base and not href.lower().startswith(("data:", "file:"))):
            self.found.remote.append(RemoteSheet(href, element, element.sourceline, importer))
            return
        if href.lower().startswith("data:"):
            text = _data_url(href)
            if text is None:
                self.problem("unsupported-url", href, "not a readable data: URL", element, line)
                return
            source = SheetSource("data", importer or self.page_path, href, element, 0)
            self.add_sheet(
                read_sheet(text), source, element, base_dir, remote_base, layer, stack, depth
            )
            return
        path = self.local_path(href, base_dir, element, line)
        if path is None:
            return
        try:
            key = str(resolve(path))
        except (OSError, RuntimeError, ValueError):
            key = str(path)
        if key in stack:
            chain = " -> ".join(Path(p).name for p in [*stack, key])
            reason = f"the stylesheet imports itself (through {chain})"
            self.problem("import-loop", str(path), reason, element, line)
            return
        try:
            sheet = read_sheet_file(path)
        except SheetFileError as error:
            reason = str(error)
            if reason == "file not found":
                problem = "missing"
            elif reason.startswith("larger"):
                problem = "too-large"
            else:
                problem = "unreadable"
            self.problem(problem, str(path), reason, element, line)
            return
        source = SheetSource(kind, str(path), href, element, 0)
        self.add_sheet(sheet, source, element, path.parent, False, layer, [*stack, key], depth)

    def local_path(
        self, href: str, base_dir: Path | None, element: Element, line: int | None
    ) -> Path | None:
        """The file an `href` names, or None (with a problem recorded) when it cannot be known."""
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme and scheme != "file" and len(scheme) > 1:
            self.problem("unsupported-url", href, f"{scheme}: URLs are not read", element, line)
            return None
        target = unquote(parts.path)
        if scheme == "file":
            return Path(target)
        if target.startswith("/"):
            if self.site_root is None:
                reason = "a root-relative URL needs the site root"
                self.problem("no-site-root", href, reason, element, line)
                return None
            return Path(self.site_root) / target.lstrip("/")
        if base_dir is None:
            reason = "a relative URL needs the page's path"
            self.problem("no-page-path", href, reason, element, line)
            return None
        return base_dir / target

    def add_sheet(
        self,
        sheet: Sheet,
        source: SheetSource,
        element: Element,
        base_dir: Path | None,
        remote_base: bool,
        layer: tuple[str, ...],
        stack: list[str],
        depth: int,
    ) -> None:
        """Add a sheet's imports, then the sheet, in cascade order."""
        # Counted when a sheet starts loading, so that imports fanning out stop early.
        self.loaded += 1
        if self.loaded > MAX_SHEETS:
            if self.loaded == MAX_SHEETS + 1:
                reason = f"more than {MAX_SHEETS} stylesheets; the rest are left out"
                self.problem(
                    "too-many-sheets", source.path or "", reason, element, element.sourceline
                )
            return
        for line, message in sheet.problems:
            target = source.path or source.url or ""
            self.problem("syntax", target, message, element, line + source.line_offset)
        for event in sheet.layer_events:
            if isinstance(event, Import):
                if event.layer is not None:
                    self.declare_layer(layer + event.layer)
                self.add_import(event, source, element, base_dir, remote_base, layer, stack, depth)
            else:
                self.declare_layer(layer + event)
        if layer:
            self.declare_layer(layer)
        self.found.uses.append(SheetUse(sheet, source, AUTHOR, layer))

    def add_import(
        self,
        rule: Import,
        source: SheetSource,
        element: Element,
        base_dir: Path | None,
        remote_base: bool,
        layer: tuple[str, ...],
        stack: list[str],
        depth: int,
    ) -> None:
        """Load an `@import`ed sheet when its conditions apply."""
        if not rule.supported or not matches(rule.media, self.screen):
            return
        line = rule.line + source.line_offset
        if depth >= MAX_IMPORT_DEPTH:
            reason = f"imports nested more than {MAX_IMPORT_DEPTH} deep"
            self.problem("too-many-sheets", rule.url, reason, element, line)
            return
        importer = source.path if source.kind != "style" else None
        inner = layer + rule.layer if rule.layer is not None else layer
        self.load(
            rule.url,
            element,
            base_dir,
            remote_base,
            importer,
            inner,
            stack,
            depth + 1,
            "import",
            line,
        )

    # -------------------------------------------------------------------- layers
    def declare_layer(self, path: tuple[str, ...]) -> None:
        """Note a layer name (and its ancestors) in order of first appearance."""
        children = self.layer_children
        for length in range(1, len(path) + 1):
            prefix = path[:length]
            if prefix not in children:
                children[prefix] = []
                children[prefix[:-1]].append(prefix)

    def rank_layers(self) -> dict[tuple[str, ...], int]:
        """Layer names to their order: sublayers before their parent's own rules, siblings
        in order of first declaration (CSS Cascade 5); unlayered styles last."""
        ranks: dict[tuple[str, ...], int] = {}
        stack: list[tuple[tuple[str, ...], bool]] = [((), False)]
        while stack:
            path, expanded = stack.pop()
            if expanded:
                ranks[path] = len(ranks)
                continue
            stack.append((path, True))
            for child in reversed(self.layer_children.get(path, [])):
                stack.append((child, False))
        ranks[()] = UNLAYERED
        return ranks

    def problem(
        self, kind: str, target: str, reason: str, element: Element | None, line: int | None
    ) -> None:
        """Record a problem."""
        self.found.problems.append(Problem(kind, target, reason, element, line))


def _inert(el: Element) -> bool:
    """True when a `<style>` or `<link>` is inside `<template>` (not rendered) or
    `<noscript>` (raw text when scripting is enabled)."""
    return any(ancestor.tag in ("template", "noscript") for ancestor in el.iterancestors())


def _is_remote(href: str) -> bool:
    lowered = href.lower()
    return lowered.startswith(("http://", "https://", "//", "\\\\"))


def _data_url(href: str) -> str | None:
    header, comma, data = href[5:].partition(",")
    if not comma:
        return None
    if header.lower().endswith(";base64"):
        try:
            return decode_sheet(base64.b64decode(unquote(data), validate=False))
        except (binascii.Error, ValueError):
            return None
    return unquote(data)
