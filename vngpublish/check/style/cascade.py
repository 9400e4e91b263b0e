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
from vngpublish.check.style.selectors import (
    TRIVIAL,
    Buckets,
    Entry,
    Matcher,
    SheetIndex,
    element_keys,
    index_sheet,
)
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
        self._styled: dict[Element, tuple[ComputedStyle, object]] = {}
        """Each styled element's style and ancestor-chain token (see `_token`)."""
        self._bits: dict[Element, int] = {}
        self._key_bits: dict[tuple[Any, ...], int] = {}
        self._candidates: dict[tuple[Any, ...], _Candidates] = {}
        self._token_table: dict[tuple[Any, ...], object] = {}
        self._parent_ends: dict[Element, tuple[Element | None, Element | None]] = {}
        self._items: dict[tuple[Entry, _Use], list[tuple[Any, ...]]] = {}
        self._pseudo: dict[tuple[Element, str], ComputedStyle] = {}
        self._shared: dict[tuple[Any, ...], tuple[ComputedStyle, object]] = {}
        self._matches: dict[tuple[Any, ...], tuple[_Candidates, tuple[int, ...], object, bool]] = {}
        self._by_match: dict[tuple[Any, ...], ComputedStyle] = {}
        self._by_key: dict[tuple[Any, ...], ComputedStyle] = {}
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
        styled = self._styled
        found = styled.get(el)
        if found is not None:
            return found[0]
        if not self._prepared:
            self._prepare()
        chain: list[Element] = []
        node: Element | None = el
        while node is not None and node not in styled:
            chain.append(node)
            node = node.getparent()
        for current in reversed(chain):
            self._style(current)
        return styled[el][0]

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
        """Style `el`, whose parent is styled. Three caches avoid repeating work: the same
        parent style, chain and signature give the same style (no matching at all); the same
        chain and selector-relevant signature give the same matched rules; the same matched
        rules, `style` attribute and hints under the same parent style give the same style."""
        parent = el.getparent()
        if parent is None:
            parent_style: ComputedStyle | None = None
            parent_token: object = None
        else:
            parent_style, parent_token = self._styled[parent]
        matching, other = self._signature(el)
        share_key = (parent_style, parent_token, matching, other)
        shared = self._shared.get(share_key)
        if shared is not None:
            self._styled[el] = shared
            return
        match_key = (parent_token, matching)
        match = self._matches.get(match_key)
        if match is None:
            self.elements_matched += 1
            candidates = self._candidates_of(el, None)
            matched, plain = self._test(candidates, el)
            if parent is not None and parent.tag == "details":
                plain = False
            match = (candidates, matched, self._token(el, parent_token), plain)
            if plain:
                self._matches[match_key] = match
        candidates, matched, token, plain = match
        extra = None
        if parent is not None and parent.tag == "details" and ua.hidden_by_closed_details(el):
            extra = _CLOSED_DETAILS
        inline = el.get("style")
        hint_decls = self._hints(el) if el.tag in _HINTED else ()
        style_key = (parent_style, candidates, matched, inline, hint_decls, extra)
        style = self._by_key.get(style_key)
        if style is None:
            items = self._items_for(candidates, matched)
            if extra is not None:
                items.append(((3, 0, 0, 0, 0, 0), extra, _EXTRA))
            if inline:
                self._has_style_attributes = True
                normal, important = parse_style_attribute(inline)
                if normal:
                    items.append(((1, 1, 0, 0, 0, 0), normal, _INLINE))
                if important:
                    items.append(((2, 1, 0, 0, 0, 0), important, _INLINE))
            if hint_decls:
                items.append(((1, 0, -1, 0, 0, 0), hint_decls, _HINT))
            style = self._by_key[style_key] = self._style_for(items, parent_style)
        found = (style, token)
        self._styled[el] = found
        if plain:
            self._shared[share_key] = found

    def _token(self, el: Element, parent_token: object) -> object:
        """What the ancestor chain down to `el` is, as far as any selector can tell: elements
        whose chains agree on the features selectors test on ancestors get the same token."""
        features: list[Any] = []
        tag = el.tag
        if tag in self._ancestor_tags:
            features.append(tag)
        if self._ancestor_structure:
            first, last = self._ends(el)
            features.append(el is first)
            features.append(el is last)
        wanted = self._ancestor_attributes
        if wanted:
            for name, value in el.items():
                if name not in wanted:
                    continue
                if name == "class":
                    names = value.lower().split() if self._quirks else value.split()
                    features.extend(c for c in names if c in self._ancestor_classes)
                elif name == "id":
                    if self._quirks or value in self._ancestor_ids:
                        features.append("#" + value)
                else:
                    features.append(name)
                    features.append(value)
        key = (parent_token, *features)
        found = self._token_table.get(key)
        if found is None:
            found = self._token_table[key] = object()
        return found

    def _ends(self, el: Element) -> tuple[Element | None, Element | None]:
        """The first and last element children of `el`'s parent."""
        parent = el.getparent()
        if parent is None:
            return el, el
        found = self._parent_ends.get(parent)
        if found is None:
            children = [child for child in parent if isinstance(child.tag, str)]
            found = self._parent_ends[parent] = (children[0], children[-1])
        return found

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
            candidates = self._candidates_of(el, pseudo)
            matched, _plain = self._test(candidates, el)
            items = self._items_for(candidates, matched)
            if len(items) > 1:
                items.sort(key=_first)
            found = ComputedStyle(self, parent_style, _cascaded(items), el, pseudo)
            self._pseudo[key] = found
        return found

    def _ancestor_bits(self, el: Element) -> int:
        """The Bloom filter of the tags, ids and classes of `el`'s ancestors."""
        found = self._bits.get(el)
        if found is not None:
            return found
        chain = []
        node = el
        while node is not None and node not in self._bits:
            chain.append(node)
            node = node.getparent()
        bits = 0 if node is None else self._bits[node]
        for current in reversed(chain):
            parent = current.getparent()
            if parent is not None:
                bits |= self._element_bits(parent)
            self._bits[current] = bits
        return bits

    def _element_bits(self, el: Element) -> int:
        key = (el.tag, el.get("id"), el.get("class"))
        found = self._key_bits.get(key)
        if found is None:
            found = self._key_bits[key] = element_keys(*key)
        return found

    def _signature(self, el: Element) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """What, besides its ancestors, decides which rules match `el` (tag, whether it is
        a first or last child when that matters, the attributes selectors test), and what
        else decides its style (`style` and presentational attributes)."""
        tag = el.tag
        if self._structural:
            # Whether it is a first or last child decides :first-child, :last-child ...
            first, last = self._ends(el)
            tag = (tag, el is first, el is last)
        attributes = el.items()
        if not attributes:
            return (tag,), ()
        relevant = self._relevant
        matching: list[Any] = [tag]
        other: list[Any] = []
        for name, value in attributes:
            kind = relevant.get(name)
            if kind is None:
                continue
            if kind is _VALUE:
                matching.append(name)
                matching.append(value)
            elif kind is _PRESENCE:
                matching.append(name)
            elif kind is _OTHER:
                other.append(name)
                other.append(value)
            elif value in self._ids:  # an id selectors name
                matching.append(name)
                matching.append(value)
        return tuple(matching), tuple(other)

    def _candidates_of(self, el: Element, pseudo: str | None) -> _Candidates:
        """The rules an element may match, from its tag, id, classes and attributes."""
        attributes = tuple(el.keys()) if self._attribute_buckets else ()
        key = (pseudo, el.tag, el.get("id"), el.get("class"), attributes)
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = self._find_candidates(*key)
        return found

    def _test(self, candidates: _Candidates, el: Element) -> tuple[tuple[int, ...], bool]:
        """The positions of the conditional candidates `el` matches, and whether the result
        is shareable (see `selectors.Analysis.plain`)."""
        conditional = candidates.conditional
        if not conditional:
            return (), candidates.plain
        ancestors = self._ancestor_bits(el) if candidates.masked else 0
        matches = self._matcher.matches
        matched = []
        for position, entry in enumerate(conditional):
            mask = entry.mask
            if mask and ancestors & mask != mask:
                continue  # an ancestor the selector needs is missing
            if entry.kind == TRIVIAL or matches(entry, el):
                matched.append(position)
        return tuple(matched), candidates.plain

    def _items_for(
        self, candidates: _Candidates, matched: tuple[int, ...]
    ) -> list[tuple[Any, ...]]:
        """The cascade items of the always-matching and the matched conditional rules."""
        items = list(candidates.always_items())
        uses = candidates.uses
        for position in matched:
            entry = candidates.conditional[position]
            use = uses[position]
            found = self._items.get((entry, use))
            if found is None:
                found = self._items[(entry, use)] = self._rule_items(use, entry)
            items.extend(found)
        return items

    def _find_candidates(
        self,
        pseudo: str | None,
        tag: str,
        element_id: str | None,
        class_value: str | None,
        attributes: tuple[str, ...],
    ) -> _Candidates:
        """The entries whose bucket keys an element with these features has."""
        classes = class_value.split() if class_value else []
        quirks = self._quirks
        if quirks:
            classes = [c.lower() for c in classes]
            element_id = element_id.lower() if element_id else element_id
        found = _Candidates(self)
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
            lists: list[list[Entry]] = []
            ids = buckets.quirks_ids() if quirks else buckets.ids
            classes_table = buckets.quirks_classes() if quirks else buckets.classes
            if element_id and element_id in ids:
                lists.append(ids[element_id])
            for name in dict.fromkeys(classes):
                if name in classes_table:
                    lists.append(classes_table[name])
            if tag in buckets.tags:
                lists.append(buckets.tags[tag])
            for name in attributes:
                if name in buckets.attributes:
                    lists.append(buckets.attributes[name])
            lists.append(buckets.universal)
            for entries in lists:
                for entry in entries:
                    found.add(entry, use)
        return found

    def _rule_items(self, use: _Use, entry: Entry) -> list[tuple[Any, ...]]:
        """The cascade items (sort key, declarations, origin) of a matched rule."""
        rule = entry.rule
        normal, important = rule.declarations()
        items: list[tuple[Any, ...]] = []
        if use.origin == USER_AGENT:
            if normal:
                items.append(((0, 0, 0, entry.specificity, use.position, rule.order), normal, use))
            if important:
                items.append(
                    ((3, 0, 0, entry.specificity, use.position, rule.order), important, use)
                )
            return items
        layer = self._layer_rank(use, rule)
        if normal:
            items.append(((1, 0, layer, entry.specificity, use.position, rule.order), normal, use))
        if important:
            key = (2, 0, _UNLAYERED - layer, entry.specificity, use.position, rule.order)
            items.append((key, important, use))
        return items

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
        self._quirks = self.quirks
        self._matcher = Matcher(self._quirks)
        self._has_style_attributes = False
        self._sheets_loaded = 0
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
        values: set[str] = {"class"}
        presence: set[str] = {"open", "href"}
        self._ids: set[str] = set()
        for use in self._uses:
            values |= use.index.attribute_names
            presence |= use.index.presence_names
            self._ids |= use.index.ids
            for buckets in (use.index.elements, use.index.before, use.index.after):
                self._ids.update(buckets.ids)
        if self.quirks:
            self._ids = _AnyId()
        # How each attribute enters an element's signature: its value, its presence, or
        # (for id) its value when a selector names it.
        self._relevant: dict[str, object] = dict.fromkeys(
            {"style"} | (ua.HINT_ATTRIBUTES - {"open"}), _OTHER
        )
        self._relevant.update(dict.fromkeys(presence - values, _PRESENCE))
        self._relevant.update(dict.fromkeys(values - {"id"}, _VALUE))
        self._relevant["id"] = _VALUE if "id" in values else _ID
        self._structural = any(use.index.structural for use in self._uses)
        features: set[str] = set()
        for use in self._uses:
            features |= use.index.ancestor_features
        self._ancestor_tags = {f[2:] for f in features if f.startswith("t:")}
        self._ancestor_classes = {f[1:] for f in features if f.startswith(".")}
        self._ancestor_ids = {f[1:] for f in features if f.startswith("#")}
        if self._quirks:
            self._ancestor_classes = {c.lower() for c in self._ancestor_classes}
        # Attributes (class and id included) whose presence on an ancestor matters.
        self._ancestor_attributes = {f[1:] for f in features if f.startswith("[")}
        if self._ancestor_classes:
            self._ancestor_attributes.add("class")
        if self._ancestor_ids or self._quirks:
            self._ancestor_attributes.add("id")
        self._ancestor_structure = ":structure" in features

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
        # Counted when a sheet starts loading, so that imports fanning out stop early.
        self._sheets_loaded += 1
        if self._sheets_loaded > MAX_SHEETS:
            if self._sheets_loaded == MAX_SHEETS + 1:
                self._problem(
                    "too-many-sheets",
                    source.path or "",
                    f"more than {MAX_SHEETS} stylesheets; the rest are left out",
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


class _Candidates:
    """The rules an element may match: those that match whenever the element has their
    bucket key (`always`), and those that need a test (`conditional`)."""

    __slots__ = ("_always_items", "always", "cascade", "conditional", "masked", "plain", "uses")

    def __init__(self, cascade: Cascade) -> None:
        self.cascade = cascade
        self.always: list[tuple[Entry, _Use]] = []
        self.conditional: list[Entry] = []
        self.uses: list[_Use] = []
        self.plain = True
        self.masked = False
        self._always_items: list[tuple[Any, ...]] | None = None

    def add(self, entry: Entry, use: _Use) -> None:
        """Add a candidate."""
        self.plain = self.plain and entry.plain
        if entry.kind == TRIVIAL and not entry.mask:
            self.always.append((entry, use))
        else:
            self.conditional.append(entry)
            self.uses.append(use)
            self.masked = self.masked or bool(entry.mask)

    def always_items(self) -> list[tuple[Any, ...]]:
        """The cascade items of the always-matching rules."""
        found = self._always_items
        if found is None:
            found = []
            for entry, use in self.always:
                found.extend(self.cascade._rule_items(use, entry))
            self._always_items = found
        return found


class _AnyId(set[str]):
    """Every id (quirks mode compares ids case-insensitively: keep them all)."""

    def __contains__(self, item: object) -> bool:
        return True


_UNSET: Final = object()
_VALUE: Final = object()
_PRESENCE: Final = object()
_ID: Final = object()
_OTHER: Final = object()
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


def _bucket_lists(buckets: Buckets) -> list[list[Entry]]:
    lists = [buckets.universal]
    for table in (buckets.ids, buckets.classes, buckets.tags, buckets.attributes):
        lists.extend(table.values())
    return lists


def _previous_element(el: Element) -> Element | None:
    sibling = el.getprevious()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getprevious()
    return sibling


def _next_element(el: Element) -> Element | None:
    sibling = el.getnext()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext()
    return sibling


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
