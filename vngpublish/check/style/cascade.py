"""The static cascade of one document: which declarations apply to an element, and its
computed style.

Sorting (CSS Cascade 5): origin and importance (user-agent normal < author normal < author
!important < user-agent !important), then `style` attributes over rules of the same origin and
importance, then cascade layers (later layers win for normal declarations, earlier ones for
!important; unlayered styles are a last layer; a layer's sublayers precede its own rules),
specificity, and order of appearance. Presentational hints (`bgcolor`, `<font color>` ...)
are author declarations of zero specificity before all others. `revert` (and
`revert-layer`, treated the same) in author styles rolls back to the user-agent value, or
unsets when there is none. Which stylesheets apply is `sources`' job.

Speed. Sheets are parsed and indexed once per process (`sheets`, `selectors`); style is
computed only for the elements asked about and their ancestors, once each. Three caches, as
browsers' style sharing and matched-properties caches, skip most of the work:

1. elements with the same parent style, the same ancestor "token" (what selectors can tell of
   the ancestor chain) and the same signature (tag, the attributes selectors test, `style`
   and presentational attributes) get the same style without any matching;
2. elements with the same token and selector-relevant signature match the same rules;
3. the same matched rules, `style` attribute and hints under the same parent style give the
   same `ComputedStyle`.

Only results that cannot depend on siblings or descendants are shared (see
`selectors.Analysis.plain`). The caches live in a context shared by every document with the
same stylesheets, quirks mode, screen and `<body link>`, so the pages of a site reuse them.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, Final, TypeAlias

from lxml import etree

from vngpublish.check.style import ua
from vngpublish.check.style.computed import Cascaded, ComputedStyle
from vngpublish.check.style.media import Screen
from vngpublish.check.style.selectors import (
    TRIVIAL,
    Buckets,
    Entry,
    Matcher,
    SheetIndex,
    element_keys,
    index_sheet,
)
from vngpublish.check.style.sheets import Decl, StyleRule, parse_style_attribute
from vngpublish.check.style.sources import (
    AUTHOR,
    UNLAYERED,
    USER_AGENT,
    Problem,
    RemoteSheet,
    SheetSource,
    SheetUse,
    collect,
)
from vngpublish.check.style.values import Wide

Element: TypeAlias = etree._Element

# Origins of cascade items that are not a stylesheet (those are the sheet's position).
_INLINE: Final = "style-attribute"
_HINT: Final = "presentational-hint"
_EXTRA: Final = "user-agent-extra"
_first = itemgetter(0)
_MAX_CONTEXTS = 32
_MAX_CACHED = 200_000  # entries a context's caches may hold before they are emptied


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


class Cascade:
    """The static cascade of one document.

    `root` is the document's root element (as `vngpublish.check.page.parse_html` returns it);
    `page_path` the page's file (for relative stylesheet URLs), `site_root` the folder that
    root-relative URLs (`/css/site.css`) resolve against, `screen` the device media queries
    are evaluated for. `quirks` overrides quirks-mode detection from the DOCTYPE.
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
        self._styled: dict[Element, tuple[ComputedStyle, object]] = {}
        """Each styled element's style and ancestor token (see `_Context.token`)."""
        self._bits: dict[Element, int] = {}
        self._ends: dict[Element, tuple[Element, Element]] = {}
        self._pseudo: dict[tuple[Element, str], ComputedStyle] = {}
        self._has_author_styles: bool | None = None
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
        return self._sources.remote

    @property
    def problems(self) -> list[Problem]:
        """What went wrong reading the document's stylesheets."""
        self._prepare()
        return self._sources.problems

    @property
    def sheets(self) -> list[SheetSource]:
        """The stylesheets in the cascade, in cascade order (the user agent's first)."""
        self._prepare()
        return [use.source for use in self._uses]

    @property
    def has_author_styles(self) -> bool:
        """True when the document has author stylesheets, `style` attributes or
        presentational attributes (only the user-agent sheet applies otherwise)."""
        self._prepare()
        if self._has_author_styles is None:
            self._has_author_styles = any(use.origin == AUTHOR for use in self._uses) or any(
                el.get("style") is not None or any(el.get(name) for name in _HINT_KEYS)
                for el in self.root.iter(etree.Element)
            )
        return self._has_author_styles

    def computed(self, el: Element, pseudo: str | None = None) -> ComputedStyle:
        """The computed style of `el`, or of its `::before` or `::after` when `pseudo` is
        "before" or "after"."""
        if pseudo is not None:
            return self._pseudo_style(el, pseudo)
        styled = self._styled
        found = styled.get(el)
        if found is not None:
            return found[0]
        if not isinstance(el.tag, str):
            raise TypeError(f"not an element: {el!r}")
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
        entry = self.computed(el, pseudo).cascaded(name)
        if entry is None:
            return None
        decl, origin = entry
        if isinstance(origin, str):  # a style attribute, hint or user-agent extra
            ours = origin == _EXTRA
            return Declared(
                name, decl.text, decl.written, decl.important, USER_AGENT if ours else AUTHOR,
                USER_AGENT if ours else origin, None if ours else self.page_path, None,
                el.sourceline, None, el, decl.value,
            )  # fmt: skip
        use = self._uses[origin]
        source = use.source
        line = decl.line + source.line_offset if decl.line else None
        column = decl.column if decl.line > 1 or source.kind != "style" else None
        return Declared(
            name, decl.text, decl.written, decl.important, use.origin, source.kind,
            source.path, source.url, line, column, source.element, decl.value,
        )  # fmt: skip

    # -------------------------------------------------------------------- styling
    def _prepare(self) -> None:
        if self._prepared:
            return
        self._prepared = True
        quirks = self.quirks
        self._sources = collect(self.root, self.page_path, self.site_root, self.screen, quirks)
        self._uses = self._sources.uses
        body = self.root.find("body")
        body_link = body.get("link") if body is not None else None
        self._context = _context(
            self._sources.uses, self._sources.layer_ranks, quirks, self.screen, body_link
        )
        self._matcher = Matcher(quirks)

    def _style(self, el: Element) -> None:
        """Style `el`, whose parent is styled (see the module's notes on the caches)."""
        context = self._context
        parent = el.getparent()
        if parent is None:
            parent_style: ComputedStyle | None = None
            parent_token: object = None
        else:
            parent_style, parent_token = self._styled[parent]
        matching, other = self._signature(el, parent)
        share_key = (parent_style, parent_token, matching, other)
        shared = context.shared.get(share_key)
        if shared is not None:
            self._styled[el] = shared
            return
        match_key = (parent_token, matching)
        match = context.matches.get(match_key)
        if match is None:
            self.elements_matched += 1
            candidates = context.candidates_of(el, None)
            matched, plain = self._test(candidates, el)
            if parent is not None and parent.tag == "details":
                plain = False
            first_last = self._first_last(el, parent) if context.ancestor_structure else None
            match = (candidates, matched, context.token(el, parent_token, first_last), plain)
            if plain:
                context.matches[match_key] = match
        candidates, matched, token, plain = match
        extra = None
        if parent is not None and parent.tag == "details" and ua.hidden_by_closed_details(el):
            extra = _CLOSED_DETAILS
        inline = el.get("style")
        hint_decls = context.hints(el) if el.tag in _HINTED else ()
        style_key = (parent_style, candidates, matched, inline, hint_decls, extra)
        style = context.by_key.get(style_key)
        if style is None:
            items = context.items_for(candidates, matched)
            if extra is not None:
                items.append(((3, 0, 0, 0, 0, 0), extra, _EXTRA))
            if inline:
                normal, important = parse_style_attribute(inline)
                if normal:
                    items.append(((1, 1, 0, 0, 0, 0), normal, _INLINE))
                if important:
                    items.append(((2, 1, 0, 0, 0, 0), important, _INLINE))
            if hint_decls:
                items.append(((1, 0, -1, 0, 0, 0), hint_decls, _HINT))
            style = context.by_key[style_key] = context.style_for(items, parent_style)
        found = (style, token)
        self._styled[el] = found
        if plain:
            context.shared[share_key] = found

    def _pseudo_style(self, el: Element, pseudo: str) -> ComputedStyle:
        if pseudo not in ("before", "after"):
            raise ValueError(f"unsupported pseudo-element: {pseudo!r}")
        key = (el, pseudo)
        found = self._pseudo.get(key)
        if found is None:
            parent_style = self.computed(el)
            candidates = self._context.candidates_of(el, pseudo)
            matched, _plain = self._test(candidates, el)
            items = self._context.items_for(candidates, matched)
            if len(items) > 1:
                items.sort(key=_first)
            cascaded = _cascaded(items)
            found = ComputedStyle(self.screen, parent_style, cascaded, el, pseudo)
            self._pseudo[key] = found
        return found

    def _signature(
        self, el: Element, parent: Element | None
    ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """What, besides its ancestors, decides which rules match `el` (tag, whether it is
        a first or last child when that matters, the attributes selectors test), and what
        else decides its style (`style` and presentational attributes)."""
        context = self._context
        tag = el.tag
        if context.structural:
            first, last = self._first_last(el, parent)
            tag = (tag, el is first, el is last)
        attributes = el.items()
        if not attributes:
            return (tag,), ()
        relevant = context.relevant
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
            elif value in context.ids:  # an id selectors name
                matching.append(name)
                matching.append(value)
        return tuple(matching), tuple(other)

    def _first_last(self, el: Element, parent: Element | None) -> tuple[Element, Element]:
        """The first and last element children of `parent` (`el`'s parent)."""
        if parent is None:
            return el, el
        found = self._ends.get(parent)
        if found is None:
            children = [child for child in parent if isinstance(child.tag, str)]
            found = self._ends[parent] = (children[0], children[-1])
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
                bits |= self._context.element_bits(parent)
            self._bits[current] = bits
        return bits


class _Candidates:
    """The rules an element may match: those that match whenever the element has their
    bucket key (`always`), and those that need a test (`conditional`). Positions refer to the
    document's stylesheets in cascade order."""

    __slots__ = (
        "_always_items",
        "always",
        "conditional",
        "context",
        "masked",
        "plain",
        "positions",
    )

    def __init__(self, context: _Context) -> None:
        self.context = context
        self.always: list[tuple[Entry, int]] = []
        self.conditional: list[Entry] = []
        self.positions: list[int] = []
        self.plain = True
        self.masked = False
        self._always_items: list[tuple[Any, ...]] | None = None

    def add(self, entry: Entry, position: int) -> None:
        """Add a candidate from the stylesheet at `position`."""
        self.plain = self.plain and entry.plain
        if entry.kind == TRIVIAL and not entry.mask:
            self.always.append((entry, position))
        else:
            self.conditional.append(entry)
            self.positions.append(position)
            self.masked = self.masked or bool(entry.mask)

    def always_items(self) -> list[tuple[Any, ...]]:
        """The cascade items of the always-matching rules."""
        found = self._always_items
        if found is None:
            found = []
            for entry, position in self.always:
                found.extend(self.context.rule_items(position, entry))
            self._always_items = found
        return found


class _Context:
    """What documents with the same stylesheets, quirks mode, screen and `<body link>`
    share: the stylesheets' indexes and layer ranks, which attributes matter to matching, and
    the caches of matched rules and computed styles."""

    def __init__(
        self,
        uses: list[SheetUse],
        layer_ranks: dict[tuple[str, ...], int],
        quirks: bool,
        screen: Screen,
        body_link: str | None,
    ) -> None:
        self.quirks = quirks
        self.screen = screen
        self.body_link = body_link
        self.indexes: list[SheetIndex] = [index_sheet(use.sheet, screen) for use in uses]
        self.origins = [use.origin for use in uses]
        self.prefixes = [use.layer_prefix for use in uses]
        self.layer_ranks = layer_ranks
        self._layer_cache: dict[tuple[int, tuple[str, ...]], int] = {}
        self._describe_attributes()
        self.clear()

    def clear(self) -> None:
        """Empty the caches (they grow with the variety of pages seen)."""
        self.candidates: dict[tuple[Any, ...], _Candidates] = {}
        self.items: dict[tuple[Entry, int], list[tuple[Any, ...]]] = {}
        self.shared: dict[tuple[Any, ...], tuple[ComputedStyle, object]] = {}
        self.matches: dict[tuple[Any, ...], tuple[_Candidates, tuple[int, ...], object, bool]] = {}
        self.by_key: dict[tuple[Any, ...], ComputedStyle] = {}
        self.by_match: dict[tuple[Any, ...], ComputedStyle] = {}
        self.alive: list[tuple[Decl, ...]] = []
        self.tokens: dict[tuple[Any, ...], object] = {}
        self.key_bits: dict[tuple[Any, ...], int] = {}
        self.hint_cache: dict[tuple[Any, ...], tuple[Decl, ...]] = {}

    @property
    def size(self) -> int:
        """Entries in the caches."""
        return (
            len(self.shared)
            + len(self.matches)
            + len(self.by_key)
            + len(self.by_match)
            + len(self.tokens)
            + len(self.alive)
        )

    def _describe_attributes(self) -> None:
        """How each attribute enters an element's signature, and what of an element its
        descendants' selectors can test."""
        indexes = self.indexes
        self.attribute_buckets = any(
            index.elements.attributes or index.before.attributes or index.after.attributes
            for index in indexes
        )
        values: set[str] = {"class"}
        presence: set[str] = {"open", "href"}
        ids: set[str] = set()
        features: set[str] = set()
        for index in indexes:
            values |= index.attribute_names
            presence |= index.presence_names
            ids |= index.ids
            for buckets in (index.elements, index.before, index.after):
                ids.update(buckets.ids)
            features |= index.ancestor_features
        self.ids: set[str] = _AnyId() if self.quirks else ids
        relevant: dict[str, object] = dict.fromkeys(
            {"style"} | (ua.HINT_ATTRIBUTES - {"open"}), _OTHER
        )
        relevant.update(dict.fromkeys(presence - values, _PRESENCE))
        relevant.update(dict.fromkeys(values - {"id"}, _VALUE))
        relevant["id"] = _VALUE if "id" in values else _ID
        self.relevant = relevant
        self.structural = any(index.structural for index in indexes)
        self.ancestor_tags = {f[2:] for f in features if f.startswith("t:")}
        self.ancestor_classes = {f[1:] for f in features if f.startswith(".")}
        self.ancestor_ids = {f[1:] for f in features if f.startswith("#")}
        if self.quirks:
            self.ancestor_classes = {c.lower() for c in self.ancestor_classes}
        self.ancestor_attributes = {f[1:] for f in features if f.startswith("[")}
        if self.ancestor_classes:
            self.ancestor_attributes.add("class")
        if self.ancestor_ids or self.quirks:
            self.ancestor_attributes.add("id")
        self.ancestor_structure = ":structure" in features

    # ------------------------------------------------------------------- matching
    def token(
        self, el: Element, parent_token: object, first_last: tuple[Element, Element] | None
    ) -> object:
        """What the ancestor chain down to `el` is, as far as selectors can tell: elements
        whose chains agree on the features selectors test on ancestors get the same token."""
        features: list[Any] = []
        tag = el.tag
        if tag in self.ancestor_tags:
            features.append(tag)
        if first_last is not None:
            features.append(el is first_last[0])
            features.append(el is first_last[1])
        wanted = self.ancestor_attributes
        if wanted:
            for name, value in el.items():
                if name not in wanted:
                    continue
                if name == "class":
                    names = value.lower().split() if self.quirks else value.split()
                    features.extend(c for c in names if c in self.ancestor_classes)
                elif name == "id":
                    if self.quirks or value in self.ancestor_ids:
                        features.append("#" + value)
                else:
                    features.append(name)
                    features.append(value)
        key = (parent_token, *features)
        found = self.tokens.get(key)
        if found is None:
            found = self.tokens[key] = object()
        return found

    def element_bits(self, el: Element) -> int:
        """The Bloom-filter bits `el` adds for its descendants."""
        key = (el.tag, el.get("id"), el.get("class"))
        found = self.key_bits.get(key)
        if found is None:
            found = self.key_bits[key] = element_keys(*key)
        return found

    def candidates_of(self, el: Element, pseudo: str | None) -> _Candidates:
        """The rules an element may match, from its tag, id, classes and attributes."""
        attributes = tuple(el.keys()) if self.attribute_buckets else ()
        key = (pseudo, el.tag, el.get("id"), el.get("class"), attributes)
        found = self.candidates.get(key)
        if found is None:
            found = self.candidates[key] = self._find_candidates(*key)
        return found

    def _find_candidates(
        self,
        pseudo: str | None,
        tag: str,
        element_id: str | None,
        class_value: str | None,
        attributes: tuple[str, ...],
    ) -> _Candidates:
        classes = class_value.split() if class_value else []
        if self.quirks:
            classes = [c.lower() for c in classes]
            element_id = element_id.lower() if element_id else element_id
        found = _Candidates(self)
        for position, index in enumerate(self.indexes):
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
            ids = buckets.quirks_ids() if self.quirks else buckets.ids
            classes_table = buckets.quirks_classes() if self.quirks else buckets.classes
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
                    found.add(entry, position)
        return found

    def items_for(self, candidates: _Candidates, matched: tuple[int, ...]) -> list[tuple[Any, ...]]:
        """The cascade items of the always-matching and the matched conditional rules."""
        items = list(candidates.always_items())
        for position in matched:
            entry = candidates.conditional[position]
            sheet = candidates.positions[position]
            found = self.items.get((entry, sheet))
            if found is None:
                found = self.items[(entry, sheet)] = self.rule_items(sheet, entry)
            items.extend(found)
        return items

    def rule_items(self, position: int, entry: Entry) -> list[tuple[Any, ...]]:
        """The cascade items (sort key, declarations, origin) of a matched rule."""
        rule = entry.rule
        normal, important = rule.declarations()
        items: list[tuple[Any, ...]] = []
        specificity = entry.specificity
        if self.origins[position] == USER_AGENT:
            if normal:
                items.append(((0, 0, 0, specificity, position, rule.order), normal, position))
            if important:
                items.append(((3, 0, 0, specificity, position, rule.order), important, position))
            return items
        layer = self._layer_rank(position, rule)
        if normal:
            items.append(((1, 0, layer, specificity, position, rule.order), normal, position))
        if important:
            key = (2, 0, UNLAYERED - layer, specificity, position, rule.order)
            items.append((key, important, position))
        return items

    def _layer_rank(self, position: int, rule: StyleRule) -> int:
        prefix = self.prefixes[position]
        if not rule.layer and not prefix:
            return UNLAYERED
        key = (position, rule.layer)
        found = self._layer_cache.get(key)
        if found is None:
            found = self._layer_cache[key] = self.layer_ranks.get(prefix + rule.layer, UNLAYERED)
        return found

    def style_for(
        self, items: list[tuple[Any, ...]], parent_style: ComputedStyle | None
    ) -> ComputedStyle:
        """The shared style for these matched declarations under this parent style."""
        if len(items) > 1:
            items.sort(key=_first)
        match_key = (parent_style, *[id(decls) for _key, decls, _origin in items])
        style = self.by_match.get(match_key)
        if style is None:
            style = ComputedStyle(self.screen, parent_style, _cascaded(items))
            self.by_match[match_key] = style
            # The key holds ids: keep the declaration tuples alive so no id is reused.
            self.alive.extend(decls for _key, decls, _origin in items)
        return style

    def hints(self, el: Element) -> tuple[Decl, ...]:
        """The presentational hints of `el` (cached by the attributes that give them)."""
        tag = el.tag
        attributes = tuple(el.get(name) for name in _HINT_KEYS)
        if not any(attributes) and (self.body_link is None or tag not in ("a", "area")):
            return ()
        key = (tag, attributes, el.get("href") is not None)
        found = self.hint_cache.get(key)
        if found is None:
            found = self.hint_cache[key] = ua.hints(el, self.body_link)
        return found


_CONTEXTS: OrderedDict[tuple[Any, ...], _Context] = OrderedDict()


def _context(
    uses: list[SheetUse],
    layer_ranks: dict[tuple[str, ...], int],
    quirks: bool,
    screen: Screen,
    body_link: str | None,
) -> _Context:
    """The shared context of documents with these stylesheets (least recently used ones are
    dropped beyond a few dozen; caches that grew too large are emptied)."""
    key = (
        tuple((use.sheet, use.origin, use.layer_prefix) for use in uses),
        quirks,
        screen,
        body_link,
    )
    found = _CONTEXTS.get(key)
    if found is None:
        found = _CONTEXTS[key] = _Context(uses, layer_ranks, quirks, screen, body_link)
        while len(_CONTEXTS) > _MAX_CONTEXTS:
            _CONTEXTS.popitem(last=False)
    else:
        _CONTEXTS.move_to_end(key)
        if found.size > _MAX_CACHED:
            found.clear()
    return found


def clear_contexts() -> None:
    """Forget every shared context (for tests and long-running processes)."""
    _CONTEXTS.clear()


class _AnyId(set[str]):
    """Every id (quirks mode compares ids case-insensitively: keep them all)."""

    def __contains__(self, item: object) -> bool:
        return True


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
    reverted: dict[str, int] = {}
    for key, decls, origin in items:
        for decl in decls:
            cascaded[decl.name] = (decl, origin)
            if type(decl.value) is Wide and decl.value in (Wide.REVERT, Wide.REVERT_LAYER):
                reverted[decl.name] = key[0]
            elif reverted:
                reverted.pop(decl.name, None)
    # `revert` in author styles (ranks 1 and 2): the user agent's value, else unset.
    for name, rank in reverted.items():
        if rank not in (1, 2):
            continue
        fallback = None
        for key, decls, origin in items:
            if key[0] in (0, 3):
                for candidate in decls:
                    if candidate.name == name:
                        fallback = (candidate, origin)
        if fallback is None:
            del cascaded[name]
        else:
            cascaded[name] = fallback
    return cascaded
