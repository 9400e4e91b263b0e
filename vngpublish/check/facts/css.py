"""A static CSS cascade for the few properties the checker needs.

Only author styles in the page itself count: `<style>` elements (not inside `<template>`, and
only when their `media` applies to screens) and `style` attributes. Stylesheets linked with
`<link rel=stylesheet>` are not read: that would mean file access and path resolution per page
for little gain, so content hidden only by an external stylesheet counts as shown.

What the cascade honours: `!important`, specificity, source order, and that a `style` attribute
beats stylesheet rules unless those are `!important` (and `!important` in the attribute beats
everything). Rules inside `@media` apply only when the query has no feature conditions and
names `all` or `screen` (the checker assumes no particular viewport, so `max-width` rules do
not apply); `@supports` and `@layer` blocks apply (layer order is not modelled: layered rules
compete by specificity and order like the rest). Dynamic pseudo-classes (`:hover`, `:focus`)
never match, so the static state is what counts.

Three groups of properties are indexed, each compiled once per page, the first time a rule
asks: `HIDING` (what removes content), `GEOMETRY` (what the visually-hidden patterns use) and
`SCROLLING` (what makes a scroll container).
Elements that no selector can match are recognised from the selectors' id, class and tag keys
without matching, so unstyled pages cost almost nothing.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import cssselect2
import tinycss2

from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
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

SCROLLING: frozenset[str] = frozenset(
    {"overflow", "overflow-x", "overflow-y", "height", "max-height", "white-space"}
)
"""Properties that make an element a scroll container (`overflow`), and what decides whether
its content can overflow it (a height, unwrapped lines)."""

NOTHING: dict[str, str] = {}
"""The empty result of `declared` (shared; do not modify)."""

# (important, from style attribute, specificity, source order): the larger wins.
_Key = tuple[bool, bool, tuple[int, int, int], int]


@dataclass(slots=True)
class Keys:
    """The id, class and tag keys of a set of selectors (their rightmost compound), for a quick
    and safe "can any of them match this element?" test."""

    ids: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    universal: bool = False
    empty: bool = True

    def add(self, selector: Any) -> None:
        self.empty = False
        if selector.id is not None:
            self.ids.add(selector.id)
        elif selector.class_name is not None:
            self.classes.add(selector.class_name)
        elif selector.local_name is not None:
            self.tags.add(selector.lower_local_name)
        else:
            self.universal = True

    def may_match(self, el: Element) -> bool:
        if self.empty:
            return False
        if self.universal or el.tag in self.tags:
            return True
        element_id = el.get("id")
        if element_id is not None and element_id in self.ids:
            return True
        classes = el.get("class")
        return bool(classes) and any(c in self.classes for c in classes.split())


@dataclass(slots=True)
class _Index:
    """Compiled selectors of one property group.

    `keys` are those of every selector; `trigger_keys` those of the selectors whose rule sets a
    value that matters on its own (`display: none`, `position: absolute`, ...).
    """

    matcher: Any = field(default_factory=cssselect2.Matcher)
    keys: Keys = field(default_factory=Keys)
    trigger_keys: Keys = field(default_factory=Keys)


def may_trigger(keys: Keys, el: Element, group: frozenset[str]) -> bool:
    """`PageStyles.may_trigger` with the keys looked up once (for loops over many elements)."""
    if keys.may_match(el):
        return True
    inline = el.get("style")
    if not inline:
        return False
    lowered = inline.lower()
    return any(word in lowered for word in _TRIGGER_WORDS[group]) and any(
        name in lowered for name in group
    )


def _hides(decl: _Decl) -> bool:
    word = decl.value.split()[0] if decl.value else ""
    if decl.name == "display":
        return word == "none"
    if decl.name == "visibility":
        return word in ("hidden", "collapse")
    return decl.name == "content-visibility" and word == "hidden"


def _positions(decl: _Decl) -> bool:
    return decl.name == "position" and decl.value.split()[:1] in (["absolute"], ["fixed"])


def _scrolls(decl: _Decl) -> bool:
    return decl.name.startswith("overflow") and any(
        word in ("auto", "scroll") for word in decl.value.split()
    )


_TRIGGERS = {HIDING: _hides, GEOMETRY: _positions, SCROLLING: _scrolls}
# Words a `style` attribute must contain to set a triggering value itself.
_TRIGGER_WORDS = {
    HIDING: ("none", "hidden", "collapse"),
    GEOMETRY: ("absolute", "fixed"),
    SCROLLING: ("auto", "scroll"),
}


@dataclass(slots=True)
class _Decl:
    name: str
    value: str
    important: bool
    order: int


class PageStyles:
    """The page's author styles, parsed once; answers `declared()` per element lazily."""

    def __init__(self, page: Page) -> None:
        # The page keeps this object in its cache: a strong reference back would make every
        # page a reference cycle, freed (with its whole tree) only by the cycle collector.
        self._page = weakref.proxy(page)
        self._indexes: dict[frozenset[str], _Index] = {}
        self._wrappers: dict[Element, Any] = {}
        self._declared: dict[tuple[frozenset[str], Element], dict[str, str]] = {}

    # ------------------------------------------------------------ parsing
    def _style_rules(self, group: frozenset[str]) -> list[tuple[str, list[_Decl]]]:
        """(selector text, declarations of `group` properties) of every style rule that applies
        and sets one of them, in source order."""
        rules: list[tuple[str, list[_Decl]]] = []
        counter = [0]
        for style in self._page.by_tag("style"):
            if not _media_applies(style.get("media")) or in_template(self._page, style):
                continue
            for prelude, block in _rules_setting(style.text or "", group):
                declarations = []
                for name, value, important in _parsed_block(block):
                    if name in group:
                        counter[0] += 1
                        declarations.append(_Decl(name, value, important, counter[0]))
                if declarations:
                    rules.append((prelude, declarations))
        return rules

    def _index(self, group: frozenset[str]) -> _Index:
        index = self._indexes.get(group)
        if index is not None:
            return index
        index = _Index()
        for prelude, wanted in self._style_rules(group):
            triggers = any(_TRIGGERS[group](d) for d in wanted)
            for selector in _compiled(prelude):
                if selector.never_matches or selector.pseudo_element is not None:
                    continue
                index.matcher.add_selector(selector, wanted)
                index.keys.add(selector)
                if triggers:
                    index.trigger_keys.add(selector)
        self._indexes[group] = index
        return index

    # ----------------------------------------------------------- matching
    def _wrapper(self, el: Element) -> Any:
        found = self._wrappers.get(el)
        if found is not None:
            return found
        chain: list[Element] = []
        node: Element | None = el
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

    def may_trigger(self, el: Element, group: frozenset[str]) -> bool:
        """False when no rule that sets a triggering value of `group` (`display: none`,
        `visibility: hidden`, `content-visibility: hidden` for HIDING; `position: absolute` or
        `fixed` for GEOMETRY) can match `el` and its `style` attribute sets no such value.
        Then the element's values of the group cannot matter by themselves (callers still
        need the cascade to undo a `hidden` attribute or an inherited `visibility`)."""
        return may_trigger(self.trigger_keys(group), el, group)

    def keys(self, group: frozenset[str]) -> Keys:
        """The keys of every selector whose rule sets a property of `group`."""
        return self._index(group).keys

    def trigger_keys(self, group: frozenset[str]) -> Keys:
        """The keys of the selectors whose rules set a triggering value of `group`."""
        return self._index(group).trigger_keys

    def declared(self, el: Element, group: frozenset[str]) -> dict[str, str]:
        """The cascaded (specified, not inherited) values of `group` properties on `el`.

        Values are lower-cased and whitespace-normalised CSS text; a property no rule sets is
        absent.
        """
        index = self._index(group)
        may_match = index.keys.may_match(el)
        inline = el.get("style")
        if not may_match and not inline:
            return NOTHING
        key = (group, el)
        cached = self._declared.get(key)
        if cached is not None:
            return cached
        winners: dict[str, tuple[_Key, str]] = {}
        if may_match:
            for specificity, _order, _pseudo, declarations in index.matcher.match(
                self._wrapper(el)
            ):
                for decl in declarations:
                    _offer(winners, decl, (decl.important, False, specificity, decl.order))
        if inline and any(name in inline.lower() for name in group):
            for position, (name, value, important) in enumerate(_parsed_block(inline)):
                if name in group:
                    decl = _Decl(name, value, important, position)
                    _offer(winners, decl, (important, True, (0, 0, 0), position))
        result = {name: value for name, (_key, value) in winners.items()}
        self._declared[key] = result
        return result


def _offer(winners: dict[str, tuple[_Key, str]], decl: _Decl, key: _Key) -> None:
    current = winners.get(decl.name)
    if current is None or key >= current[0]:
        winners[decl.name] = (key, decl.value)


_SCANNERS: dict[frozenset[str], re.Pattern[str]] = {}


def _scanner(group: frozenset[str]) -> re.Pattern[str]:
    """A pattern for the tokens that give a stylesheet its structure (comments, strings,
    braces) and for declarations of the group's properties."""
    pattern = _SCANNERS.get(group)
    if pattern is None:
        names = "|".join(sorted((re.escape(n) for n in group), key=len, reverse=True))
        pattern = re.compile(
            r"/\*.*?(?:\*/|$)"
            r"|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'"
            r"|(?P<brace>[{}])"
            rf"|(?P<property>(?<![-\w])(?:{names})\s*:)",
            re.DOTALL | re.IGNORECASE,
        )
        _SCANNERS[group] = pattern
    return pattern


_SHEETS: dict[tuple[str, frozenset[str]], list[tuple[str, str]]] = {}
_SHEET_CACHE_LIMIT = 256


def _rules_setting(text: str, group: frozenset[str]) -> list[tuple[str, str]]:
    """`_read_rules_setting`, once per distinct stylesheet text (the pages of a site or of an
    e-mail family share their `<style>` blocks)."""
    key = (text, group)
    found = _SHEETS.get(key)
    if found is None:
        found = _read_rules_setting(text, group)
        if len(_SHEETS) >= _SHEET_CACHE_LIMIT:
            _SHEETS.clear()
        _SHEETS[key] = found
    return found


def _read_rules_setting(text: str, group: frozenset[str]) -> list[tuple[str, str]]:
    """(selector text, block text) of the style rules in `text` that declare a property of
    `group` and apply on screen, in source order.

    Only those rules are tokenised: the rest of the stylesheet is skimmed with one regular
    expression. Rules inside `@media` (that applies without knowing the viewport) and
    `@supports` or `@layer` count; rules in any other at-rule, and nested style rules, do not.
    """
    if not any(name in text.lower() for name in group):
        return []
    found: list[tuple[str, str]] = []
    # Open blocks: [prelude, start of content, declares a wanted property]
    stack: list[list[Any]] = []
    boundary = 0
    for match in _scanner(group).finditer(text):
        if match.group("property") is not None:
            if stack:
                stack[-1][2] = True
            continue
        brace = match.group("brace")
        if brace == "{":
            prelude = text[boundary : match.start()].rsplit(";", 1)[-1].strip()
            stack.append([prelude, match.end(), False])
            boundary = match.end()
        elif brace == "}":
            boundary = match.end()
            if not stack:
                continue
            prelude, start, wanted = stack.pop()
            if wanted and not prelude.startswith("@") and _context_applies(stack):
                found.append((prelude, text[start : match.start()]))
    return found


def _context_applies(stack: list[list[Any]]) -> bool:
    for prelude, _start, _wanted in stack:
        lowered = prelude.lower()
        if lowered.startswith(("@supports", "@layer")):
            continue
        if lowered.startswith("@media") and _media_applies(lowered[len("@media") :]):
            continue
        return False
    return True


# Sites and e-mail families repeat the same stylesheets on every page: parsing a rule's
# declarations and compiling a selector (cssselect2 generates Python code for it) are done
# once per distinct text per process. Both are pure functions of the text.
_CACHE_LIMIT = 20_000
_BLOCKS: dict[str, tuple[tuple[str, str, bool], ...]] = {}
_SELECTORS: dict[str, tuple[Any, ...]] = {}


def _parsed_block(block: str) -> tuple[tuple[str, str, bool], ...]:
    found = _BLOCKS.get(block)
    if found is None:
        found = tuple(
            (d.name, d.value, d.important)
            for d in _declarations(tinycss2.parse_blocks_contents(_tamed(block)), [0])
        )
        if len(_BLOCKS) >= _CACHE_LIMIT:
            _BLOCKS.clear()
        _BLOCKS[block] = found
    return found


# tinycss2 reads integers with int(), which refuses more than 4,300 digits. No number in CSS
# needs more than a few hundred (a double's range ends at 309 digits), so longer runs of
# digits are cut to that many before tokenising: the value stays out of every range.
_LONG_DIGITS = re.compile(r"[0-9]{1000,}")


def _tamed(css: str) -> str:
    """`css` with runs of more than 1,000 digits cut to 1,000."""
    return _LONG_DIGITS.sub(lambda run: run.group()[:1000], css) if len(css) > 1000 else css


def _compiled(prelude: str) -> tuple[Any, ...]:
    found = _SELECTORS.get(prelude)
    if found is None:
        try:
            found = tuple(cssselect2.compile_selector_list(_tamed(prelude)))
        except cssselect2.SelectorError:
            found = ()  # invalid: browsers drop the rule
        except (NotImplementedError, SyntaxError, RecursionError):
            # Valid, but beyond cssselect2 (`[*|x]`, a hundred nested `:is(`): the rule is
            # left out, so what it alone would hide counts as shown.
            found = ()
        if len(_SELECTORS) >= _CACHE_LIMIT:
            _SELECTORS.clear()
        _SELECTORS[prelude] = found
    return found


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


@page_fact
def styles(page: Page) -> PageStyles:
    """The page's `PageStyles`, created on first use."""
    return PageStyles(page)


def display_of(page: Page, el: Element) -> str | None:
    """The `display` the page's own CSS gives the element (its first keyword), or None when
    no rule sets one (then the element's default display applies)."""
    sheet = styles(page)
    inline = el.get("style")
    if not sheet.keys(HIDING).may_match(el) and not (inline and "display" in inline.lower()):
        return None
    value = sheet.declared(el, HIDING).get("display")
    return value.split()[0] if value else None


def declared(page: Page, el: Element, group: frozenset[str] = HIDING) -> dict[str, str]:
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
