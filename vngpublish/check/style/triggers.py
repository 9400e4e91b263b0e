"""Which elements some declarations can reach, without matching anything.

A caller that needs one kind of declaration (`display: none`, `position: absolute` ...) names
it as `Wanted`: a regular expression that finds it in a rule's text, and words one of which any
such text contains (a quick test before the expression). Every author rule of the document's
stylesheets whose declaration block the expression finds puts its bucket keys (the id, class,
tag or attribute of its selectors' rightmost compounds, as `rule_index` buckets them) into a
`Triggers`. An element none of whose keys is there, and whose `style` attribute the
expression does not find, cannot get such a declaration from author styles: its computed
style need not be asked for that question, and a page without any trigger can take a fast
path.

The test is a safe over-approximation: a rule counts when the expression finds a declaration
anywhere in its block (comments and nested rules included), and an element counts when it
has one of the keys, whatever the rest of the selector says. Triggers are found once per
stylesheet, screen and expression, and kept with the sheet's index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from vngpublish.check.style.rule_index import Buckets, Entry, SheetIndex

Element: TypeAlias = etree._Element


@dataclass(frozen=True, slots=True)
class Wanted:
    """A kind of declaration: `pattern` finds it in CSS text; every text it finds contains one
    of `words` (lower-case)."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def found_in(self, text: str) -> bool:
        """True when `text` has such a declaration."""
        lowered = text.lower()
        return any(word in lowered for word in self.words) and bool(self.pattern.search(text))


@dataclass(frozen=True, slots=True)
class Triggers:
    """The bucket keys of the author rules whose text has a wanted declaration."""

    wanted: Wanted
    ids: frozenset[str] = frozenset()
    classes: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    attributes: frozenset[str] = frozenset()
    universal: bool = False
    quirks: bool = False
    """Ids and classes compare case-insensitively (quirks mode); they are lower-cased."""

    @property
    def empty(self) -> bool:
        """True when no author rule has such a declaration."""
        return not (self.universal or self.ids or self.classes or self.tags or self.attributes)

    def may_apply(self, el: Element) -> bool:
        """False when no author rule with such a declaration can match `el` (its `style`
        attribute is not looked at: see `in_style_attribute`)."""
        if self.universal or el.tag in self.tags:
            return True
        ids = self.ids
        classes = self.classes
        if ids:
            element_id = el.get("id")
            if element_id is not None:
                if self.quirks:
                    element_id = element_id.lower()
                if element_id in ids:
                    return True
        if classes:
            names = el.get("class")
            if names:
                if self.quirks:
                    names = names.lower()
                if any(name in classes for name in names.split()):
                    return True
        if self.attributes:
            return any(name in self.attributes for name in el.keys())  # noqa: SIM118
        return False

    def in_style_attribute(self, el: Element) -> bool:
        """True when `el`'s `style` attribute has such a declaration (by the pattern)."""
        inline = el.get("style")
        return bool(inline) and self.wanted.found_in(inline)

    def reach(self, el: Element) -> bool:
        """True when author styles may give `el` such a declaration: by a rule or by its
        `style` attribute."""
        return self.may_apply(el) or self.in_style_attribute(el)


def sheet_triggers(index: SheetIndex, wanted: Wanted, generated: bool = False) -> Triggers:
    """The triggers of one sheet's index (found once, kept with the index): of its rules for
    elements, or with `generated` of its rules for their `::before` and `::after`."""
    key = (wanted, generated)
    found = index.triggers.get(key)
    if found is None:
        if generated:
            parts = [_find(index.before, wanted), _find(index.after, wanted)]
            found = union(wanted, parts, quirks=False)
        else:
            found = _find(index.elements, wanted)
        index.triggers[key] = found
    return found


def union(wanted: Wanted, parts: list[Triggers], quirks: bool) -> Triggers:
    """The triggers of several sheets together."""
    if not parts:
        return Triggers(wanted, quirks=quirks)
    lower = str.lower if quirks else str
    return Triggers(
        wanted,
        frozenset(lower(i) for part in parts for i in part.ids),
        frozenset(lower(c) for part in parts for c in part.classes),
        frozenset().union(*(part.tags for part in parts)),
        frozenset().union(*(part.attributes for part in parts)),
        any(part.universal for part in parts),
        quirks,
    )


def _find(buckets: Buckets, wanted: Wanted) -> Triggers:
    verdicts: dict[int, bool] = {}
    # Per sheet, whether its whole text has one of the words: most sheets lack most of the
    # wanted kinds, and then none of their rules needs a look.
    sheets: dict[int, bool] = {}
    words = wanted.words

    def found(entries: list[Entry]) -> bool:
        for entry in entries:
            rule = entry.rule
            verdict = verdicts.get(id(rule))
            if verdict is None:
                sheet = rule.sheet
                lowered = sheet.lowered()
                if lowered is None:
                    verdict = wanted.found_in(sheet.text[rule.start : rule.end])
                else:
                    has_words = sheets.get(id(sheet))
                    if has_words is None:
                        has_words = sheets[id(sheet)] = any(word in lowered for word in words)
                    verdict = (
                        has_words
                        and any(word in lowered[rule.start : rule.end] for word in words)
                        and bool(wanted.pattern.search(sheet.text[rule.start : rule.end]))
                    )
                verdicts[id(rule)] = verdict
            if verdict:
                return True
        return False

    return Triggers(
        wanted,
        frozenset(key for key, entries in buckets.ids.items() if found(entries)),
        frozenset(key for key, entries in buckets.classes.items() if found(entries)),
        frozenset(key for key, entries in buckets.tags.items() if found(entries)),
        frozenset(key for key, entries in buckets.attributes.items() if found(entries)),
        found(buckets.universal),
    )
