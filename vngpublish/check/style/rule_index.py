"""An index of a stylesheet's rules by the key of each selector's rightmost compound (see
`selectors`), built once per sheet and screen, with the Bloom filter bits of ancestor keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

from lxml import etree

from vngpublish.check.style.media import Screen, matches
from vngpublish.check.style.selector_syntax import STYLED_PSEUDO_ELEMENTS
from vngpublish.check.style.selectors import InvalidSelector, analyse
from vngpublish.check.style.stylesheet import Sheet, StyleRule

Element: TypeAlias = etree._Element


@dataclass(slots=True, eq=False)
class Entry:
    """One selector of one rule, in one bucket of an index."""

    rule: StyleRule
    selector: Any
    """SimpleSelector, or a cssselect2 parsed selector."""
    specificity: int
    """(a, b, c) packed into one integer (each part capped at 1023)."""
    kind: int
    plain: bool
    """See `Analysis.plain`."""
    mask: int
    """Bloom-filter bits of `Analysis.ancestor_keys` (0: no ancestor needed)."""
    compiled: Any = None


def _pack(specificity: tuple[int, int, int]) -> int:
    a, b, c = (min(part, 1023) for part in specificity)
    return (a << 20) | (b << 10) | c


BLOOM_BITS: Final = 256


def key_bit(key: str) -> int:
    """The Bloom-filter bit of an ancestor key ("t:div", ".nav", "#main"; lower-cased)."""
    return 1 << (hash(key) % BLOOM_BITS)


def element_keys(tag: str, element_id: str | None, classes: str | None) -> int:
    """The Bloom-filter bits an element contributes to its descendants' ancestor filter."""
    bits = key_bit("t:" + tag)
    if element_id:
        bits |= key_bit("#" + element_id.lower())
    if classes:
        for name in classes.split():
            bits |= key_bit("." + name.lower())
    return bits


@dataclass(slots=True, eq=False)
class Buckets:
    """Entries by the key of their rightmost compound."""

    ids: dict[str, list[Entry]] = field(default_factory=dict)
    classes: dict[str, list[Entry]] = field(default_factory=dict)
    tags: dict[str, list[Entry]] = field(default_factory=dict)
    attributes: dict[str, list[Entry]] = field(default_factory=dict)
    universal: list[Entry] = field(default_factory=list)
    _lower_ids: dict[str, list[Entry]] | None = None
    _lower_classes: dict[str, list[Entry]] | None = None

    def add(self, key: tuple[str, str], entry: Entry) -> None:
        """Put `entry` in the bucket of `key`."""
        kind, name = key
        if kind == "*":
            self.universal.append(entry)
            return
        table = {"#": self.ids, ".": self.classes, "t": self.tags, "[": self.attributes}[kind]
        found = table.get(name)
        if found is None:
            table[name] = [entry]
        else:
            found.append(entry)

    @property
    def empty(self) -> bool:
        """True when no entry is in any bucket."""
        return not (self.ids or self.classes or self.tags or self.attributes or self.universal)

    def quirks_ids(self) -> dict[str, list[Entry]]:
        """The id buckets keyed by lower-cased id (for quirks mode)."""
        if self._lower_ids is None:
            self._lower_ids = _lowered(self.ids)
        return self._lower_ids

    def quirks_classes(self) -> dict[str, list[Entry]]:
        """The class buckets keyed by lower-cased class (for quirks mode)."""
        if self._lower_classes is None:
            self._lower_classes = _lowered(self.classes)
        return self._lower_classes


def _lowered(table: dict[str, list[Entry]]) -> dict[str, list[Entry]]:
    lowered: dict[str, list[Entry]] = {}
    for key, entries in table.items():
        lowered.setdefault(key.lower(), []).extend(entries)
    return lowered


@dataclass(slots=True, eq=False)
class SheetIndex:
    """The rules of one sheet that apply on one screen, indexed for matching."""

    elements: Buckets = field(default_factory=Buckets)
    before: Buckets = field(default_factory=Buckets)
    after: Buckets = field(default_factory=Buckets)
    attribute_names: set[str] = field(default_factory=set)
    """Attributes whose values a selector tests (part of an element's signature)."""
    presence_names: set[str] = field(default_factory=set)
    """Attributes whose presence only a selector tests."""
    ids: set[str] = field(default_factory=set)
    """Ids selectors name (other ids do not affect matching)."""
    structural: bool = False
    """Some selector uses :first-child, :last-child or :only-child."""
    ancestor_features: set[str] = field(default_factory=set)
    """The union of the selectors' `Analysis.ancestor_features`."""
    invalid_rules: int = 0
    triggers: dict[Any, Any] = field(default_factory=dict)
    """`triggers.Triggers` by `triggers.Wanted`, found on first use."""


def index_sheet(sheet: Sheet, screen: Screen) -> SheetIndex:
    """The index of `sheet`'s rules that apply on `screen` (built once per sheet and screen)."""
    found: SheetIndex | None = sheet.indexes.get(screen)
    if found is None:
        found = _build(sheet, screen)
        sheet.indexes[screen] = found
    return found


def _build(sheet: Sheet, screen: Screen) -> SheetIndex:
    index = SheetIndex()
    media_results: dict[tuple[str, ...], bool] = {}
    masks: dict[frozenset[str], int] = {}
    for rule in sheet.rules:
        if rule.media:
            applies = media_results.get(rule.media)
            if applies is None:
                applies = all(matches(query, screen) for query in rule.media)
                media_results[rule.media] = applies
            if not applies:
                continue
        try:
            analyses = analyse(rule.selector)
        except InvalidSelector:
            index.invalid_rules += 1
            continue
        for analysis in analyses:
            pseudo = analysis.pseudo_element
            if pseudo is None:
                buckets = index.elements
            elif pseudo in STYLED_PSEUDO_ELEMENTS:
                buckets = index.before if pseudo == "before" else index.after
            else:
                continue
            mask = masks.get(analysis.ancestor_keys)
            if mask is None:
                mask = 0
                for key in analysis.ancestor_keys:
                    mask |= key_bit(key)
                masks[analysis.ancestor_keys] = mask
            entry = Entry(
                rule,
                analysis.selector,
                _pack(analysis.selector.specificity),
                analysis.kind,
                analysis.plain,
                mask,
            )
            for bucket in analysis.keys:
                buckets.add(bucket, entry)
            index.attribute_names.update(analysis.values)
            index.presence_names.update(analysis.presence)
            index.ids.update(analysis.ids)
            index.structural = index.structural or analysis.structural
            index.ancestor_features.update(analysis.ancestor_features)
    return index
