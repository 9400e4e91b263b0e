"""A static CSS cascade for the few properties the checker needs.

Only author styles in the page itself count: `<style>` elements (not inside `<template>`, and
only when their `media` applies to screens) and `style` attributes. Stylesheets linked with
`<link rel=stylesheet>` are not read: that would mean file access and path resolution per page
for little gain, so content hidden only by an external stylesheet counts as shown.

What the cascade honours: `!important`, specificity, source order, and that a `style` attribute
beats stylesheet rules unless those are `!important` (and `!important` in the attribute beats
everything). Rules inside `@media` apply only when the query has no feature conditions and
names `all` or `screen` (the checker assumes no particular viewport, so `max-width` rules do
not apply); `@supports` blocks apply. Dynamic pseudo-classes (`:hover`, `:focus`) never match,
so the static state is what counts.

Two groups of properties are indexed, each compiled once per page, the first time a rule asks:
`HIDING` (what removes content) and `GEOMETRY` (what the visually-hidden patterns use).
Elements that no selector can match are recognised from the selectors' id, class and tag keys
without matching, so unstyled pages cost almost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import cssselect2
import tinycss2

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from vngpublish.check.page import Page

HIDING: frozenset[str] = frozenset({"display", "visibility", "content-visibility"})
"""Properties that take content out of rendering or out of the accessibility tree."""

GEOMETRY: frozenset[str] = frozenset(
    {
        "position",
        "clip",
        "clip-path",
        "width",
        "height",
        "overflow",
        "left",
        "right",
        "top",
        "text-indent",
    }
)
"""Properties the visually-hidden (screen-reader-only) patterns use."""

# (important, from style attribute, specificity, source order): the larger wins.
_Key = tuple[bool, bool, tuple[int, int, int], int]


@dataclass(slots=True)
class _Index:
    """Compiled selectors of one property group, with keys for a quick "can it match?" test."""

    matcher: Any = field(default_factory=cssselect2.Matcher)
    ids: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    universal: bool = False
    empty: bool = True


@dataclass(slots=True)
class _Decl:
    name: str
    value: str
    important: bool
    order: int


class PageStyles:
    """The page's author styles, parsed once; answers `declared()` per element lazily."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._rules: list[tuple[Any, list[_Decl]]] | None = None
        self._indexes: dict[frozenset[str], _Index] = {}
        self._wrappers: dict[HtmlElement, Any] = {}
        self._declared: dict[tuple[frozenset[str], HtmlElement], dict[str, str]] = {}

    # ------------------------------------------------------------ parsing
    def _style_rules(self) -> list[tuple[Any, list[_Decl]]]:
        """(prelude, declarations) of every style rule that applies, in source order."""
        if self._rules is None:
            rules: list[tuple[Any, list[_Decl]]] = []
            counter = [0]
            for style in self._page.by_tag("style"):
                if not _media_applies(style.get("media")) or _in_template(style):
                    continue
                text = style.text or ""
                nodes = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
                _collect(nodes, rules, counter)
            self._rules = rules
        return self._rules

    def _index(self, group: frozenset[str]) -> _Index:
        index = self._indexes.get(group)
        if index is not None:
            return index
        index = _Index()
        for prelude, declarations in self._style_rules():
            wanted = [d for d in declarations if d.name in group]
            if not wanted:
                continue
            try:
                selectors = cssselect2.compile_selector_list(prelude)
            except cssselect2.SelectorError:
                continue
            for selector in selectors:
                if selector.never_matches or selector.pseudo_element is not None:
                    continue
                index.matcher.add_selector(selector, wanted)
                index.empty = False
                if selector.id is not None:
                    index.ids.add(selector.id)
                elif selector.class_name is not None:
                    index.classes.add(selector.class_name)
                elif selector.local_name is not None:
                    index.tags.add(selector.lower_local_name)
                else:
                    index.universal = True
        self._indexes[group] = index
        return index

    # ----------------------------------------------------------- matching
    def _wrapper(self, el: HtmlElement) -> Any:
        found = self._wrappers.get(el)
        if found is not None:
            return found
        chain: list[HtmlElement] = []
        node: HtmlElement | None = el
        while node is not None and node not in self._wrappers:
            chain.append(node)
            node = node.getparent()
        for current in reversed(chain):
            parent = current.getparent()
            if parent is None:
                self._wrappers[current] = cssselect2.ElementWrapper.from_html_root(current)
                continue
            parent_wrapper = self._wrappers[parent]
            previous = None
            for position, child in enumerate(parent_wrapper.etree_children):
                wrapper = cssselect2.ElementWrapper(
                    child,
                    parent=parent_wrapper,
                    index=position,
                    previous=previous,
                    in_html_document=True,
                )
                self._wrappers.setdefault(child, wrapper)
                previous = wrapper
        return self._wrappers[el]

    def _may_match(self, index: _Index, el: HtmlElement) -> bool:
        if index.empty:
            return False
        if index.universal or el.tag in index.tags:
            return True
        element_id = el.get("id")
        if element_id is not None and element_id in index.ids:
            return True
        classes = el.get("class")
        return bool(classes) and any(c in index.classes for c in classes.split())

    def declared(self, el: HtmlElement, group: frozenset[str]) -> dict[str, str]:
        """The cascaded (specified, not inherited) values of `group` properties on `el`.

        Values are lower-cased and whitespace-normalised CSS text; a property no rule sets is
        absent.
        """
        key = (group, el)
        cached = self._declared.get(key)
        if cached is not None:
            return cached
        winners: dict[str, tuple[_Key, str]] = {}
        index = self._index(group)
        if self._may_match(index, el):
            for specificity, _order, _pseudo, declarations in index.matcher.match(
                self._wrapper(el)
            ):
                for decl in declarations:
                    _offer(winners, decl, (decl.important, False, specificity, decl.order))
        inline = el.get("style")
        if inline and any(name in inline.lower() for name in group):
            for decl in _declarations(tinycss2.parse_blocks_contents(inline), [0]):
                if decl.name in group:
                    _offer(winners, decl, (decl.important, True, (0, 0, 0), decl.order))
        result = {name: value for name, (_key, value) in winners.items()}
        self._declared[key] = result
        return result


def _offer(winners: dict[str, tuple[_Key, str]], decl: _Decl, key: _Key) -> None:
    current = winners.get(decl.name)
    if current is None or key >= current[0]:
        winners[decl.name] = (key, decl.value)


def _collect(nodes: list[Any], rules: list[tuple[Any, list[_Decl]]], counter: list[int]) -> None:
    for node in nodes:
        if node.type == "qualified-rule":
            declarations = _declarations(tinycss2.parse_blocks_contents(node.content), counter)
            if declarations:
                rules.append((node.prelude, declarations))
        elif node.type == "at-rule" and node.content is not None:
            keyword = node.lower_at_keyword
            if keyword == "supports" or (
                keyword == "media" and _media_applies(tinycss2.serialize(node.prelude))
            ):
                inner = tinycss2.parse_rule_list(
                    node.content, skip_comments=True, skip_whitespace=True
                )
                _collect(inner, rules, counter)


def _declarations(nodes: list[Any], counter: list[int]) -> list[_Decl]:
    found: list[_Decl] = []
    for node in nodes:
        if node.type != "declaration":
            continue
        counter[0] += 1
        value = " ".join(tinycss2.serialize(node.value).lower().split())
        found.append(_Decl(node.lower_name, value, bool(node.important), counter[0]))
    return found


_MEDIA_OK = re.compile(r"^\s*(only\s+)?(all|screen)\s*$")


def _media_applies(media: str | None) -> bool:
    """True when a media query list applies on a screen without knowing the viewport."""
    if media is None or not media.strip():
        return True
    return any(_MEDIA_OK.match(part) for part in media.lower().split(","))


def _in_template(el: HtmlElement) -> bool:
    ancestor = el.getparent()
    while ancestor is not None:
        if ancestor.tag == "template":
            return True
        ancestor = ancestor.getparent()
    return False


def styles(page: Page) -> PageStyles:
    """The page's `PageStyles`, created on first use."""
    found: PageStyles = page.per_page("css", lambda: PageStyles(page))
    return found


def declared(page: Page, el: HtmlElement, group: frozenset[str] = HIDING) -> dict[str, str]:
    """The cascaded values of the `group` properties set on `el` by the page's own CSS."""
    return styles(page).declared(el, group)


_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|em|rem|pt|%)?$")


def length_px(value: str | None) -> float | None:
    """A CSS length as pixels (em/rem taken as 16px, pt as 4/3 px); None when not a length."""
    if value is None:
        return None
    match = _LENGTH.match(value.strip())
    if match is None:
        return None
    number = float(match.group(1))
    unit = match.group(2) or ("px" if number == 0 else None)
    if unit is None or unit == "%":
        return None
    return number * {"px": 1.0, "em": 16.0, "rem": 16.0, "pt": 4 / 3}[unit]
