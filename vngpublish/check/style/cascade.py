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
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, Final, TypeAlias

from lxml import etree

from vngpublish.check.style import ua
from vngpublish.check.style.computed import ComputedStyle
from vngpublish.check.style.declarations import Decl, parse_style_attribute
from vngpublish.check.style.matching import Matcher
from vngpublish.check.style.media import Screen, matches
from vngpublish.check.style.selector_syntax import TRIVIAL
from vngpublish.check.style.shared_context import (
    CLOSED_DETAILS,
    HINT_KEYS,
    HINTED,
    OTHER,
    PRESENCE,
    VALUE,
    Candidates,
    cascaded_of,
    shared_context,
)
from vngpublish.check.style.sources import (
    AUTHOR,
    USER_AGENT,
    Problem,
    RemoteSheet,
    SheetSource,
    collect,
)
from vngpublish.check.style.triggers import Triggers, Wanted

Element: TypeAlias = etree._Element


# Origins of cascade items that are not a stylesheet (those are the sheet's position).
_INLINE: Final = "style-attribute"
_HINT: Final = "presentational-hint"
_EXTRA: Final = "user-agent-extra"
_first = itemgetter(0)


@dataclass(frozen=True, slots=True)
class AuthorRule:
    """A style rule of an author stylesheet whose `@media` conditions hold on the screen."""

    selector: str
    """The selector list as written (nested rules made absolute)."""
    declarations: tuple[Decl, ...]
    """Its declarations of registered properties (normal and `!important`), in order."""
    path: str | None
    """The stylesheet's file, or the page's for a `<style>` element."""
    url: str | None
    """The stylesheet's URL as written (`href`, `@import`)."""
    line: int | None
    """The line of its selector in `path`."""


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
    are evaluated for. `quirks` overrides quirks-mode detection from the DOCTYPE; `elements`,
    when given, are the document's `style`, `link` and `base` elements in tree order (saves
    walks over the tree for a caller that has them indexed).
    """

    def __init__(
        self,
        root: Element,
        page_path: str | os.PathLike[str] | None = None,
        site_root: Path | None = None,
        screen: Screen | None = None,
        *,
        quirks: bool | None = None,
        elements: Sequence[Element] | None = None,
    ) -> None:
        self.root = root
        self.page_path = None if page_path is None else str(page_path)
        self.site_root = site_root
        self.screen = screen or Screen()
        self._quirks = quirks
        self._elements = elements
        self._prepared = False
        self._styled: dict[Element, tuple[ComputedStyle, object]] = {}
        """Each styled element's style and ancestor token (see `SharedContext.token`)."""
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
                el.get("style") is not None or any(el.get(name) for name in HINT_KEYS)
                for el in self.root.iter(etree.Element)
            )
        return self._has_author_styles

    def triggers(self, wanted: Wanted, generated: bool = False) -> Triggers:
        """Which elements author rules with a `wanted` declaration can reach (see
        `triggers`), or with `generated` whose `::before` or `::after` they can reach; found
        once per set of stylesheets."""
        self._prepare()
        return self._context.triggers(wanted, generated)

    @property
    def has_author_sheets(self) -> bool:
        """True when an author stylesheet (`<style>`, linked, imported) is in the cascade."""
        self._prepare()
        return any(use.origin == AUTHOR for use in self._uses)

    def author_rules(self, word: str = "") -> list[AuthorRule]:
        """The style rules of the author stylesheets that apply on the screen, in cascade
        order; with `word`, only those whose selector contains it (case-insensitive). For
        what the cascade never applies statically, as `:focus` rules."""
        self._prepare()
        lowered = word.lower()
        known = self._context.author_rules
        cached: list[AuthorRule] | None = known.get(lowered)
        if cached is not None:
            return cached
        found: list[AuthorRule] = []
        for use in self._uses:
            if use.origin != AUTHOR:
                continue
            for rule in use.sheet.rules:
                if lowered and lowered not in rule.selector.lower():
                    continue
                if not all(matches(query, self.screen) for query in rule.media):
                    continue
                normal, important = rule.declarations()
                source = use.source
                found.append(
                    AuthorRule(
                        rule.selector,
                        normal + important,
                        source.path,
                        source.url,
                        rule.line + source.line_offset,
                    )
                )
        if all(use.source.kind != "style" for use in self._uses if use.origin == AUTHOR):
            known[lowered] = found  # sources in files: the same for every page using them
        return found

    def mentions(self, word: str) -> bool:
        """True when the text of an author stylesheet in the cascade contains `word`
        (case-insensitive): a quick test before looking for something in particular."""
        self._prepare()
        lowered = word.lower()
        return any(use.origin == AUTHOR and lowered in use.sheet.text.lower() for use in self._uses)

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
        self._sources = collect(
            self.root, self.page_path, self.site_root, self.screen, quirks, self._elements
        )
        self._uses = self._sources.uses
        body = self.root.find("body")
        body_link = body.get("link") if body is not None else None
        self._context = shared_context(
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
            extra = CLOSED_DETAILS
        inline = el.get("style")
        hint_decls = context.hints(el) if el.tag in HINTED else ()
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
            cascaded = cascaded_of(items)
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
            if kind is VALUE:
                matching.append(name)
                matching.append(value)
            elif kind is PRESENCE:
                matching.append(name)
            elif kind is OTHER:
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

    def _test(self, candidates: Candidates, el: Element) -> tuple[tuple[int, ...], bool]:
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
