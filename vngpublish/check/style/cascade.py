"""The static cascade of one document: which declarations apply to an element, and its
computed style.

Sources, in cascade order: the user-agent stylesheet (and its quirks-mode rule), then the
document's author stylesheets in tree order — `<style>` elements (not in `<template>` or
`<noscript>`, with a CSS `type`, whose `media` matches) and `<link rel=stylesheet>` to local
files (relative to the page's folder or to `<base href>`, root-relative ones against the site
root; `media` honoured; alternate and disabled ones ignored; `data:` URLs read), each preceded
by the sheets it `@import`s — then presentational hints and `style` attributes.

Sorting (CSS Cascade 5): origin and importance (user-agent normal < author normal < author
!important < user-agent !important), then `style` attributes over rules of the same origin and
importance, then cascade layers (later layers win for normal declarations, earlier ones for
!important; unlayered styles are a last layer; a layer's sublayers precede its own rules),
specificity, and order of appearance. `revert` (and `revert-layer`, treated the same) in author
styles rolls back to the user-agent value, or unsets when there is none.

Remote stylesheets (http, https, protocol-relative, or relative to a remote `<base href>`) are
not fetched: `remote_sheets` lists them so callers can say a remote stylesheet may decide. Files
that are missing or unreadable, import loops and other trouble are listed in `problems`.

Speed: sheets are parsed and indexed once per process (see `sheets` and `selectors`); style
is computed only for the elements asked about and their ancestors, once each. Elements whose
ancestors agree on tag, id, class, `style` and the attributes selectors test share their
matched rules without matching again, and elements with the same matched declarations and
parent style share one `ComputedStyle`, as browsers' style sharing and matched-properties
caches do.
"""

from __future__ import annotations

import base64
import binascii
import os
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, Final, TypeAlias
from urllib.parse import unquote, urlsplit

from lxml import etree

from vngpublish.check.style import ua
from vngpublish.check.style.computed import Cascaded, ComputedStyle
from vngpublish.check.style.media import Screen, matches
from vngpublish.check.style.selectors import Buckets, Entry, Matcher, SheetIndex, index_sheet
from vngpublish.check.style.sheets import (
    Decl,
    Import,
    Sheet,
    SheetFileError,
    StyleRule,
    decode_sheet,
    parse_style_attribute,
    read_sheet,
    read_sheet_file,
)
from vngpublish.check.style.values import Wide

Element: TypeAlias = etree._Element

USER_AGENT: Final = "user-agent"
AUTHOR: Final = "author"
MAX_SHEETS: Final = 256
"""At most this many stylesheets (imports included) are used per document."""
MAX_IMPORT_DEPTH: Final = 16

_UNLAYERED: Final = 1 << 20
_INLINE: Final = "style-attribute"
_HINT: Final = "presentational-hint"
_EXTRA: Final = "user-agent-extra"
_first = itemgetter(0)


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
class Declared:
    """A cascaded value with where it comes from, so that a finding can name the file and
    line of the declaration that decided."""

    property: str
    value: str
    """The value as written (for a longhand set by a shorthand: the shorthand's value)."""
    written_as: str
    """The property as written (`background` for `background-color` set by it)."""
    important: bool
    origin: str
    """"user-agent" or "author"."""
    kind: str
    """"user-agent", "style", "link", "import", "data", "style-attribute" or
    "presentational-hint"."""
    path: str | None
    """The file the declaration is in (the page for `<style>` and attributes)."""
    url: str | None
    line: int | None
    column: int | None
    element: Element | None
    """The `<style>`/`<link>` element, or the element itself for attributes."""
    specified: Any
    """The specified value as parsed (or a `Pending` value, or a `Wide` keyword)."""


class _Use:
    """One stylesheet as used by this document."""

    __slots__ = ("index", "layer_prefix", "layer_ranks", "origin", "position", "sheet", "source")

    def __init__(
        self,
        sheet: Sheet,
        source: SheetSource,
        origin: str,
        position: int,
        index: SheetIndex,
        layer_prefix: tuple[str, ...],
    ) -> None:
        self.sheet = sheet
        self.source = source
        self.origin = origin
        self.position = position
        self.index = index
        self.layer_prefix = layer_prefix
        self.layer_ranks: dict[tuple[str, ...], int] = {}


class Cascade:
    """The static cascade of one document.

    `root` is the document's root element (as `vngpublish.check.page.parse_html` returns it);
    `page_path` the page's file (for relative stylesheet URLs), `site_root` the folder that
    root-relative URLs (`/css/site.css`) resolve against. `quirks` overrides quirks-mode
    detection from the DOCTYPE.
    """

    def __init__(
        self,
        root: Element,
        page_path: str | os.PathLike[str] | None = None,
        site_root: Path | None = None,
        screen: Screen | None = None,
        *,
        quirks: bool | None = None,
    ) -> None:
        self.root = root
        self.page_path = None if page_path is None else str(page_path)
        self.site_root = site_root
        self.screen = screen or Screen()
        self._quirks = quirks
        self._prepared = False
        self._remote: list[RemoteSheet] = []
        self._problems: list[Problem] = []
        self._uses: list[_Use] = []
        self._styles: dict[Element, ComputedStyle] = {}
        self._tokens: dict[Element, object] = {}
        self._pseudo: dict[tuple[Element, str], ComputedStyle] = {}
        self._shared: dict[tuple[Any, ...], tuple[object, ComputedStyle] | None] = {}
        self._by_match: dict[tuple[Any, ...], ComputedStyle] = {}
        self._alive: list[tuple[Decl, ...]] = []
        self._root_font_size: float | object | None = _UNSET
        self.elements_matched = 0
        """How many elements were matched against the rules (the others shared a result)."""

    # -------------------------------------------------------------------- public API
    @property
    def quirks(self) -> bool:
        """True when the document is styled in quirks mode."""
        if self._quirks is None:
            self._quirks = ua.is_quirks(self.root)
        return self._quirks

    @property
    def remote_sheets(self) -> list[RemoteSheet]:
        """Stylesheets that were not fetched (remote URLs), in document order."""
        self._prepare()
        return self._remote

    @property
    def problems(self) -> list[Problem]:
        """What went wrong reading the document's stylesheets."""
        self._prepare()
        return self._problems

    @property
    def sheets(self) -> list[SheetSource]:
        """The stylesheets in the cascade, in cascade order (the user agent's first)."""
        self._prepare()
        return [use.source for use in self._uses]

    @property
    def has_author_styles(self) -> bool:
        """True when the document has author stylesheets or `style` attributes in use."""
        self._prepare()
        return len(self._uses) > self._ua_count or self._has_style_attributes

    def computed(self, el: Element, pseudo: str | None = None) -> ComputedStyle:
        """The computed style of `el`, or of its `::before` or `::after` when `pseudo` is
        "before" or "after"."""
        if pseudo is not None:
            return self._pseudo_style(el, pseudo)
        found = self._styles.get(el)
        if found is not None:
            return found
        self._prepare()
        chain: list[Element] = []
        node: Element | None = el
        styles = self._styles
        while node is not None and node not in styles:
            chain.append(node)
            node = node.getparent()
        for current in reversed(chain):
            self._style(current)
        return styles[el]

    def declared(self, el: Element, name: str, pseudo: str | None = None) -> Declared | None:
        """The cascaded declaration of `name` on `el` (None when no declaration applies, so
        the value is inherited or initial), with the file and line it comes from."""
        style = self.computed(el, pseudo)
        entry = style._cascaded.get(name)
        if entry is None:
            return None
        decl, origin = entry
        if origin in (_INLINE, _HINT, _EXTRA):
            kind = USER_AGENT if origin == _EXTRA else origin
            return Declared(
                name,
                decl.text,
                decl.written,
                decl.important,
                USER_AGENT if origin == _EXTRA else AUTHOR,
                kind,
                None if origin == _EXTRA else self.page_path,
                None,
                el.sourceline,
                None,
                el,
                decl.value,
            )
        use: _Use = origin
        source = use.source
        line = decl.line + source.line_offset if decl.line else None
        column = decl.column if decl.line > 1 or source.kind != "style" else None
        return Declared(
            name,
            decl.text,
            decl.written,
            decl.important,
            use.origin,
            source.kind,
            source.path,
            source.url,
            line,
            column,
            source.element,
            decl.value,
        )

    def root_font_size(self) -> float | None:
        """The root element's computed font size (what `rem` refers to)."""
        if self._root_font_size is _UNSET:
            self._root_font_size = self.screen.font_size  # while the root's own is computed
            self._root_font_size = self.computed(self.root).font_size_px
        found: float | None = self._root_font_size  # type: ignore[assignment]
        return found

    # -------------------------------------------------------------------- styling
    def _style(self, el: Element) -> None:
        parent = el.getparent()
        if parent is None:
            parent_style: ComputedStyle | None = None
            parent_token: object = None
        else:
            parent_style = self._styles[parent]
            parent_token = self._tokens[parent]
        signature = self._signature(el)
        share_key = (parent_token, signature)
        shared = self._shared.get(share_key, _UNSET)
        if isinstance(shared, tuple):
            self._tokens[el] = shared[0]
            self._styles[el] = shared[1]
            return
        self.elements_matched += 1
        items, plain = self._match(el, None)
        if parent is not None and parent.tag == "details":
            plain = False
            if ua.hidden_by_closed_details(el):
                items.append(((3, 0, 0, 0, 0, 0), _CLOSED_DETAILS, _EXTRA))
        inline = el.get("style")
        if inline:
            self._has_style_attributes = True
            normal, important = parse_style_attribute(inline)
            if normal:
                items.append(((1, 1, 0, 0, 0, 0), normal, _INLINE))
            if important:
                items.append(((2, 1, 0, 0, 0, 0), important, _INLINE))
        hint_decls = self._hints(el)
        if hint_decls:
            items.append(((1, 0, -1, 0, 0, 0), hint_decls, _HINT))
        style = self._style_for(items, parent_style)
        token = object()
        self._styles[el] = style
        self._tokens[el] = token
        if plain:
            self._shared[share_key] = (token, style)
        elif shared is _UNSET:
            self._shared[share_key] = None

    def _style_for(
        self, items: list[tuple[Any, ...]], parent_style: ComputedStyle | None
    ) -> ComputedStyle:
        """The shared style for these matched declarations under this parent style."""
        if len(items) > 1:
            items.sort(key=_first)
        match_key = (parent_style, *[id(decls) for _key, decls, _origin in items])
        style = self._by_match.get(match_key)
        if style is None:
            style = ComputedStyle(self, parent_style, _cascaded(items))
            self._by_match[match_key] = style
            # The key holds ids: keep the declaration tuples alive so no id is reused.
            self._alive.extend(decls for _key, decls, _origin in items)
        return style

    def _pseudo_style(self, el: Element, pseudo: str) -> ComputedStyle:
        if pseudo not in ("before", "after"):
            raise ValueError(f"unsupported pseudo-element: {pseudo!r}")
        key = (el, pseudo)
        found = self._pseudo.get(key)
        if found is None:
            parent_style = self.computed(el)
            items, _plain = self._match(el, pseudo)
            if len(items) > 1:
                items.sort(key=_first)
            found = ComputedStyle(self, parent_style, _cascaded(items), el, pseudo)
            self._pseudo[key] = found
        return found

    def _signature(self, el: Element) -> tuple[Any, ...]:
        """What, besides its ancestors, decides which rules match `el` and its hints."""
        tag = el.tag
        attributes = el.items()
        if not attributes:
            return (tag,)
        values = self._value_attributes
        presence = self._presence_attributes
        found: list[Any] = [tag]
        for name, value in attributes:
            if name in values:
                if name == "id" and value not in self._ids:
                    continue
                found.append(name)
                found.append(value)
            elif name in presence:
                found.append(name)
        return tuple(found)

    def _match(self, el: Element, pseudo: str | None) -> tuple[list[tuple[Any, ...]], bool]:
        """(key, declarations, origin) of every rule matching `el` (or its pseudo-element),
        and whether the match is "plain" (shareable by elements with the same signature
        chain)."""
        items: list[tuple[Any, ...]] = []
        plain = True
        tag = el.tag
        element_id = el.get("id")
        class_value = el.get("class")
        classes = class_value.split() if class_value else ()
        if self.quirks:
            classes = tuple(c.lower() for c in classes)
            element_id = element_id.lower() if element_id else element_id
        attributes = el.keys() if self._attribute_buckets else ()
        matcher = self._matcher
        for use in self._uses:
            index = use.index
            buckets: Buckets = (
                index.elements
                if pseudo is None
                else index.before
                if pseudo == "before"
                else index.after
            )
            if buckets.empty:
                continue
            candidates: list[list[Entry]] = []
            ids = buckets.quirks_ids() if self.quirks else buckets.ids
            classes_table = buckets.quirks_classes() if self.quirks else buckets.classes
            if element_id and ids:
                found = ids.get(element_id)
                if found:
                    candidates.append(found)
            if classes and classes_table:
                for name in classes:
                    found = classes_table.get(name)
                    if found:
                        candidates.append(found)
            found = buckets.tags.get(tag)
            if found:
                candidates.append(found)
            if attributes and buckets.attributes:
                for name in attributes:
                    found = buckets.attributes.get(name)
                    if found:
                        candidates.append(found)
            if buckets.universal:
                candidates.append(buckets.universal)
            for entries in candidates:
                for entry in entries:
                    if not entry.plain:
                        plain = False
                    if matcher.matches(entry, el):
                        self._add(items, use, entry)
        return items, plain

    def _add(self, items: list[tuple[Any, ...]], use: _Use, entry: Entry) -> None:
        rule = entry.rule
        normal, important = rule.declarations()
        if use.origin == USER_AGENT:
            if normal:
                items.append(((0, 0, 0, entry.specificity, use.position, rule.order), normal, use))
            if important:
                items.append(
                    ((3, 0, 0, entry.specificity, use.position, rule.order), important, use)
                )
            return
        layer = self._layer_rank(use, rule)
        if normal:
            items.append(((1, 0, layer, entry.specificity, use.position, rule.order), normal, use))
        if important:
            items.append(
                (
                    (2, 0, _UNLAYERED - layer, entry.specificity, use.position, rule.order),
                    important,
                    use,
                )
            )

    def _layer_rank(self, use: _Use, rule: StyleRule) -> int:
        if not rule.layer and not use.layer_prefix:
            return _UNLAYERED
        found = use.layer_ranks.get(rule.layer)
        if found is None:
            found = self._layer_order.get(use.layer_prefix + rule.layer, _UNLAYERED)
            use.layer_ranks[rule.layer] = found
        return found

    def _hints(self, el: Element) -> tuple[Decl, ...]:
        tag = el.tag
        if tag not in _HINTED:
            return ()
        attributes = tuple(el.get(name) for name in _HINT_KEYS)
        if not any(attributes) and (self._body_link is None or tag not in ("a", "area")):
            return ()
        key = (tag, attributes, el.get("href") is not None, self._body_link)
        found = self._hint_cache.get(key)
        if found is None:
            found = ua.hints(el, self._body_link)
            self._hint_cache[key] = found
        return found

    # -------------------------------------------------------------------- sheets
    def _prepare(self) -> None:
        if self._prepared:
            return
        self._prepared = True
        self._matcher = Matcher(self.quirks)
        self._has_style_attributes = False
        self._hint_cache: dict[tuple[Any, ...], tuple[Decl, ...]] = {}
        self._layer_children: dict[tuple[str, ...], list[tuple[str, ...]]] = {(): []}
        self._base: tuple[str, Path | None] = self._document_base()
        ua_source = SheetSource(USER_AGENT, None, None, None, 0)
        self._add_use(ua.user_agent_sheet(), ua_source, USER_AGENT, ())
        if self.quirks:
            self._add_use(ua.quirks_sheet(), ua_source, USER_AGENT, ())
        self._ua_count = len(self._uses)
        for el in self.root.iter("style", "link"):
            if _inert(el):
                continue
            if el.tag == "style":
                self._style_element(el)
            else:
                self._link_element(el)
        self._layer_order = self._rank_layers()
        body = self.root.find("body")
        self._body_link = body.get("link") if body is not None else None
        self._attribute_buckets = any(
            use.index.elements.attributes
            or use.index.before.attributes
            or use.index.after.attributes
            for use in self._uses
        )
        self._value_attributes: set[str] = {"class", "style", "id"} | (
            ua.HINT_ATTRIBUTES - {"open"}
        )
        self._presence_attributes: set[str] = {"open", "href"}
        self._ids: set[str] = set()
        for use in self._uses:
            self._value_attributes |= use.index.attribute_names
            self._presence_attributes |= use.index.presence_names
            self._ids |= use.index.ids
            for buckets in (use.index.elements, use.index.before, use.index.after):
                self._ids.update(buckets.ids)
        if self.quirks:
            self._ids = _AnyId()
        self._presence_attributes -= self._value_attributes

    def _document_base(self) -> tuple[str, Path | None]:
        """("remote", None) when `<base href>` makes relative URLs remote; else ("local",
        the folder relative URLs resolve against, or None when unknown)."""
        page_dir = Path(self.page_path).parent if self.page_path else None
        base = self.root.find(".//base[@href]")
        if base is None:
            return ("local", page_dir)
        href = (base.get("href") or "").strip()
        if _is_remote(href):
            return ("remote", None)
        if not href or page_dir is None:
            return ("local", page_dir)
        if href.endswith("/"):
            folder = href
        elif "/" in href:
            folder = href.rsplit("/", 1)[0] + "/"
        else:
            return ("local", page_dir)
        folder = unquote(folder)
        if folder.startswith("/"):
            if self.site_root is None:
                return ("local", page_dir)
            return ("local", Path(self.site_root) / folder.lstrip("/"))
        return ("local", page_dir / folder)

    def _style_element(self, el: Element) -> None:
        kind = (el.get("type") or "").strip().lower()
        if kind not in ("", "text/css"):
            return
        if not matches(el.get("media"), self.screen):
            return
        text = el.text or ""
        line = el.sourceline
        source = SheetSource("style", self.page_path, None, el, (line - 1) if line else 0)
        base_kind, base_dir = self._base
        self._add_sheet(read_sheet(text), source, el, base_dir, base_kind == "remote", (), [], 0)

    def _link_element(self, el: Element) -> None:
        rel = (el.get("rel") or "").lower().split()
        if "stylesheet" not in rel or "alternate" in rel or el.get("disabled") is not None:
            return
        kind = (el.get("type") or "").strip().lower()
        if kind not in ("", "text/css"):
            return
        href = (el.get("href") or "").strip()
        if not href or not matches(el.get("media"), self.screen):
            return
        base_kind, base_dir = self._base
        self._load(href, el, base_dir, base_kind == "remote", None, (), [], 0, "link", None)

    def _load(
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
            self._remote.append(RemoteSheet(href, element, element.sourceline, importer))
            return
        if href.lower().startswith("data:"):
            text = _data_url(href)
            if text is None:
                self._problem("unsupported-url", href, "not a readable data: URL", element, line)
                return
            source = SheetSource("data", importer or self.page_path, href, element, 0)
            self._add_sheet(
                read_sheet(text), source, element, base_dir, remote_base, layer, stack, depth
            )
            return
        path = self._local_path(href, base_dir, element, line)
        if path is None:
            return
        try:
            key = str(path.resolve())
        except (OSError, RuntimeError, ValueError):
            key = str(path)
        if key in stack:
            self._problem(
                "import-loop",
                str(path),
                "the stylesheet imports itself (through "
                + " -> ".join(Path(p).name for p in [*stack, key])
                + ")",
                element,
                line,
            )
            return
        try:
            sheet = read_sheet_file(path)
        except SheetFileError as error:
            reason = str(error)
            problem = (
                "missing"
                if reason == "file not found"
                else ("too-large" if reason.startswith("larger") else "unreadable")
            )
            self._problem(problem, str(path), reason, element, line)
            return
        source = SheetSource(kind, str(path), href, element, 0)
        self._add_sheet(sheet, source, element, path.parent, False, layer, [*stack, key], depth)

    def _local_path(
        self, href: str, base_dir: Path | None, element: Element, line: int | None
    ) -> Path | None:
        parts = urlsplit(href)
        if parts.scheme and parts.scheme.lower() != "file" and len(parts.scheme) > 1:
            self._problem(
                "unsupported-url", href, f"{parts.scheme}: URLs are not read", element, line
            )
            return None
        target = unquote(parts.path)
        if parts.scheme.lower() == "file":
            return Path(target)
        if target.startswith("/"):
            if self.site_root is None:
                self._problem(
                    "no-site-root", href, "a root-relative URL needs the site root", element, line
                )
                return None
            return Path(self.site_root) / target.lstrip("/")
        if base_dir is None:
            self._problem(
                "no-page-path", href, "a relative URL needs the page's path", element, line
            )
            return None
        return base_dir / target

    def _add_sheet(
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
        if len(self._uses) >= MAX_SHEETS:
            self._problem(
                "too-many-sheets",
                source.path or "",
                f"more than {MAX_SHEETS} stylesheets",
                element,
                element.sourceline,
            )
            return
        for line, message in sheet.problems:
            self._problem(
                "syntax",
                source.path or source.url or "",
                message,
                element,
                line + source.line_offset,
            )
        for event in sheet.layer_events:
            if isinstance(event, Import):
                if event.layer is not None:
                    self._declare_layer(layer + event.layer)
                self._import(event, source, element, base_dir, remote_base, layer, stack, depth)
            else:
                self._declare_layer(layer + event)
        self._add_use(sheet, source, AUTHOR, layer)

    def _import(
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
        if not rule.supported or not matches(rule.media, self.screen):
            return
        line = rule.line + source.line_offset
        if depth >= MAX_IMPORT_DEPTH:
            self._problem(
                "too-many-sheets",
                rule.url,
                f"imports nested more than {MAX_IMPORT_DEPTH} deep",
                element,
                line,
            )
            return
        importer = source.path if source.kind != "style" else None
        inner = layer + rule.layer if rule.layer is not None else layer
        self._load(
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

    def _add_use(
        self, sheet: Sheet, source: SheetSource, origin: str, layer: tuple[str, ...]
    ) -> None:
        if origin == AUTHOR and layer:
            self._declare_layer(layer)
        index = index_sheet(sheet, self.screen)
        self._uses.append(_Use(sheet, source, origin, len(self._uses), index, layer))

    def _declare_layer(self, path: tuple[str, ...]) -> None:
        children = self._layer_children
        for length in range(1, len(path) + 1):
            prefix = path[:length]
            if prefix not in children:
                children[prefix] = []
                children[prefix[:-1]].append(prefix)

    def _rank_layers(self) -> dict[tuple[str, ...], int]:
        """Layer paths to their order: sublayers before their parent's own rules, siblings
        in order of first declaration (CSS Cascade 5)."""
        ranks: dict[tuple[str, ...], int] = {}
        stack: list[tuple[tuple[str, ...], bool]] = [((), False)]
        while stack:
            path, expanded = stack.pop()
            if expanded:
                ranks[path] = len(ranks)
                continue
            stack.append((path, True))
            for child in reversed(self._layer_children.get(path, [])):
                stack.append((child, False))
        ranks[()] = _UNLAYERED
        return ranks

    def _problem(
        self, kind: str, target: str, reason: str, element: Element | None, line: int | None
    ) -> None:
        self._problems.append(Problem(kind, target, reason, element, line))


class _AnyId(set[str]):
    """Every id (quirks mode compares ids case-insensitively: keep them all)."""

    def __contains__(self, item: object) -> bool:
        return True


_UNSET: Final = object()
_CLOSED_DETAILS: Final = (Decl("display", "none", True, 0, 0, "display", (), "none"),)
_HINTED: Final = frozenset(
    {"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "marquee", "font", "a",
     "area", "img", "iframe", "embed", "object", "video", "col", "colgroup", "hr", "input"}
)  # fmt: skip
_HINT_KEYS: Final = ("bgcolor", "background", "text", "color", "size", "width", "height", "type")


def _cascaded(items: list[tuple[Any, ...]]) -> Cascaded:
    """The winning declaration of each property, from items sorted by cascade key."""
    cascaded: Cascaded = {}
    reverted = False
    for _key, decls, origin in items:
        for decl in decls:
            cascaded[decl.name] = (decl, origin)
            if type(decl.value) is Wide and decl.value in (Wide.REVERT, Wide.REVERT_LAYER):
                reverted = True
    if reverted:
        for name, (decl, origin) in list(cascaded.items()):
            if decl.value in (Wide.REVERT, Wide.REVERT_LAYER) and _origin_of(origin) == AUTHOR:
                fallback = None
                for _key, decls, item_origin in items:
                    if _origin_of(item_origin) != USER_AGENT:
                        continue
                    for candidate in decls:
                        if candidate.name == name:
                            fallback = (candidate, item_origin)
                if fallback is None:
                    del cascaded[name]
                else:
                    cascaded[name] = fallback
    return cascaded


def _origin_of(origin: Any) -> str:
    if isinstance(origin, _Use):
        return origin.origin
    return USER_AGENT if origin == _EXTRA else AUTHOR


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
