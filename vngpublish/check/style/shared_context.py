"""What the documents that share stylesheets share: the stylesheets' indexes, which
attributes matter to matching, and the caches of candidates, matched rules and computed styles
(see `cascade` for what each cache holds and when a result may be shared).
"""

from __future__ import annotations

from collections import OrderedDict
from operator import itemgetter
from typing import Any, Final, TypeAlias

from lxml import etree

from vngpublish.check.style import ua
from vngpublish.check.style.computed import Cascaded, ComputedStyle
from vngpublish.check.style.declarations import Decl
from vngpublish.check.style.media import Screen
from vngpublish.check.style.rule_index import Buckets, Entry, SheetIndex, element_keys, index_sheet
from vngpublish.check.style.selector_syntax import TRIVIAL
from vngpublish.check.style.sources import (
    UNLAYERED,
    USER_AGENT,
    SheetUse,
)
from vngpublish.check.style.stylesheet import StyleRule
from vngpublish.check.style.triggers import Triggers, Wanted, sheet_triggers, union
from vngpublish.check.style.values import Wide

_first = itemgetter(0)
Element: TypeAlias = etree._Element

_MAX_CONTEXTS = 32
_MAX_CACHED = 200_000  # entries a context's caches may hold before they are emptied


class Candidates:
    """The rules an element may match: those that match whenever the element has their
    bucket key (`always`), and those that need a test (`conditional`). Positions refer to the
    document's stylesheets in cascade order."""

    __slots__ = (
        "_always_items",
        "always",
        "conditional",
        "masked",
        "plain",
        "positions",
    )

    def __init__(self) -> None:
        # No reference to the context that keeps these: that cycle would leave every page's
        # context (and its styles) to the cycle collector instead of freeing it at once.
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

    def always_items(self, context: SharedContext) -> list[tuple[Any, ...]]:
        """The cascade items of the always-matching rules (`context` the one that keeps these
        candidates)."""
        found = self._always_items
        if found is None:
            found = []
            for entry, position in self.always:
                found.extend(context.rule_items(position, entry))
            self._always_items = found
        return found


class SharedContext:
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
        self._triggers: dict[tuple[Wanted, bool], Triggers] = {}
        self.author_rules: dict[str, Any] = {}
        """`Cascade.author_rules` by word, for documents whose sheets are all files."""
        self.compiled: dict[str, list[Any]] = {}
        """`Cascade.compiled` by selector list."""
        self._describe_attributes()
        self.clear()

    def clear(self) -> None:
        """Empty the caches (they grow with the variety of pages seen)."""
        self.candidates: dict[tuple[Any, ...], Candidates] = {}
        self.items: dict[tuple[Entry, int], list[tuple[Any, ...]]] = {}
        self.shared: dict[tuple[Any, ...], tuple[ComputedStyle, object]] = {}
        self.matches: dict[tuple[Any, ...], tuple[Candidates, tuple[int, ...], object, bool]] = {}
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
            {"style"} | (ua.HINT_ATTRIBUTES - {"open"}), OTHER
        )
        relevant.update(dict.fromkeys(presence - values, PRESENCE))
        relevant.update(dict.fromkeys(values - {"id"}, VALUE))
        relevant["id"] = VALUE if "id" in values else ID_ONLY
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

    def triggers(self, wanted: Wanted, generated: bool = False) -> Triggers:
        """The author rules with a `wanted` declaration, as `Triggers` (see `triggers`): for
        elements, or with `generated` for their `::before` and `::after`."""
        found = self._triggers.get((wanted, generated))
        if found is None:
            parts = [
                sheet_triggers(index, wanted, generated)
                for index, origin in zip(self.indexes, self.origins, strict=True)
                if origin != USER_AGENT
            ]
            found = self._triggers[(wanted, generated)] = union(wanted, parts, self.quirks)
        return found

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

    def candidates_of(self, el: Element, pseudo: str | None) -> Candidates:
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
    ) -> Candidates:
        classes = class_value.split() if class_value else []
        if self.quirks:
            classes = [c.lower() for c in classes]
            element_id = element_id.lower() if element_id else element_id
        found = Candidates()
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

    def items_for(self, candidates: Candidates, matched: tuple[int, ...]) -> list[tuple[Any, ...]]:
        """The cascade items of the always-matching and the matched conditional rules."""
        items = list(candidates.always_items(self))
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
            style = ComputedStyle(self.screen, parent_style, cascaded_of(items))
            self.by_match[match_key] = style
            # The key holds ids: keep the declaration tuples alive so no id is reused.
            self.alive.extend(decls for _key, decls, _origin in items)
        return style

    def hints(self, el: Element) -> tuple[Decl, ...]:
        """The presentational hints of `el` (cached by the attributes that give them)."""
        tag = el.tag
        attributes = tuple(el.get(name) for name in HINT_KEYS)
        if not any(attributes) and (self.body_link is None or tag not in ("a", "area")):
            return ()
        key = (tag, attributes, el.get("href") is not None)
        found = self.hint_cache.get(key)
        if found is None:
            found = self.hint_cache[key] = ua.hints(el, self.body_link)
        return found


_CONTEXTS: OrderedDict[tuple[Any, ...], SharedContext] = OrderedDict()


def shared_context(
    uses: list[SheetUse],
    layer_ranks: dict[tuple[str, ...], int],
    quirks: bool,
    screen: Screen,
    body_link: str | None,
) -> SharedContext:
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
        found = _CONTEXTS[key] = SharedContext(uses, layer_ranks, quirks, screen, body_link)
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


VALUE: Final = object()
PRESENCE: Final = object()
ID_ONLY: Final = object()
OTHER: Final = object()
CLOSED_DETAILS: Final = (Decl("display", "none", True, 0, 0, "display", (), "none"),)
HINTED: Final = frozenset(
    {"body", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "marquee", "font", "a",
     "area", "img", "iframe", "embed", "object", "video", "col", "colgroup", "hr", "input"}
)  # fmt: skip
HINT_KEYS: Final = ("bgcolor", "background", "text", "color", "size", "width", "height", "type")


def cascaded_of(items: list[tuple[Any, ...]]) -> Cascaded:
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
