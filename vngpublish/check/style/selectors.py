"""Selectors: an index of a stylesheet's rules by the key of each selector's rightmost
compound, and matching of elements against them.

As browsers do, every selector goes into one bucket: by its id if the rightmost compound has
one, else a class, else a tag name, else an attribute name, else the universal bucket. An
element is tested only against the selectors in the buckets of its own id, classes, tag and
attributes, plus the universal ones. An index is built once per stylesheet and screen (only the
rules whose `@media` conditions match are in it) and shared by every page using the sheet.

Matching has two paths. Selectors made of type, id, class and attribute selectors, a few
pseudo-classes and the four combinators are read by this module (no tinycss2 needed) and
matched directly on lxml elements; when the selector is its bucket key alone (`.note`, `p`,
`#main`), a bucket hit is a match without any test. Anything else (`:not()`, `:is()`, `:has()`,
`:nth-child()`, escapes, namespaces ...) is parsed by cssselect2 and compiled by it the first
time an element is tested against it.

Static matching: dynamic pseudo-classes (`:hover`, `:focus`, `:active`, `:visited`,
`:focus-within`, `:target` ...) never match; links count as unvisited (`:link` matches `a` and
`area` with `href`). In quirks mode class and id selectors match case-insensitively (not in the
cssselect2 path). A selector list that has a selector Chromium rejects (a pseudo-class or
pseudo-element with a `-moz-`, `-ms-` or `-o-` prefix, or one cssselect2 cannot parse) drops
the whole rule; a pseudo-class cssselect2 does not know (`:open`, `:state()`) never matches.
Only `::before` and `::after` are indexed among pseudo-elements; selectors for others
(`::placeholder`, `::marker`, `::selection` ...) are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

import cssselect2
from cssselect2 import parser as css_parser
from lxml import etree

from vngpublish.check.style.media import Screen, matches
from vngpublish.check.style.sheets import Sheet, StyleRule, tame

Element: TypeAlias = etree._Element

# How an entry is tested once its bucket matched.
TRIVIAL: Final = 0  # the bucket key is the whole selector
SIMPLE: Final = 1  # this module's matcher
COMPLEX: Final = 2  # cssselect2

_NEVER: Final = frozenset(
    {"hover", "active", "focus", "focus-within", "focus-visible", "visited", "target",
     "target-within", "current", "past", "future", "playing", "paused", "seeking", "buffering",
     "stalled", "muted", "volume-locked", "user-valid", "user-invalid", "autofill",
     "-webkit-autofill", "popover-open", "modal", "fullscreen", "picture-in-picture",
     "-webkit-full-screen", "active-view-transition", "open"}
)  # fmt: skip
_LINK: Final = frozenset({"link", "any-link", "-webkit-any-link"})
_ROOT: Final = frozenset({"root", "scope"})
_STRUCTURAL: Final = frozenset({"first-child", "last-child", "only-child", "empty"})
_FORM: Final = frozenset({"checked", "disabled", "enabled", "required", "optional", "defined"})
_SIMPLE_PSEUDO: Final = _NEVER | _LINK | _ROOT | _STRUCTURAL | _FORM
_LEGACY_PSEUDO_ELEMENTS: Final = frozenset({"before", "after", "first-line", "first-letter"})
_STYLED_PSEUDO_ELEMENTS: Final = frozenset({"before", "after"})
_REJECTED_PREFIXES: Final = ("-moz-", "-ms-", "-o-")
_FORM_ELEMENTS: Final = frozenset(
    {"button", "input", "select", "textarea", "optgroup", "option", "fieldset"}
)
_FORM_ATTRIBUTES: Final = frozenset({"checked", "selected", "type", "disabled", "required"})

_IDENT = r"-?(?:[_a-zA-Z]|[^\x00-\x7f])(?:[\w-]|[^\x00-\x7f])*"
_PIECE = re.compile(
    rf"""\#(?P<id>{_IDENT})
      | \.(?P<cls>{_IDENT})
      | \[\s*(?P<attr>{_IDENT})\s*
          (?:(?P<op>[~|^$*]?=)\s*
             (?:(?P<val>{_IDENT})|"(?P<dq>[^"\\\n]*)"|'(?P<sq>[^'\\\n]*)')\s*
             (?:(?P<flag>[iIsS])\s*)?
          )?\]
      | (?P<colons>::?)(?P<pseudo>{_IDENT})(?!\()""",
    re.VERBOSE,
)
_TYPE = re.compile(rf"\*|{_IDENT}")
_COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")
_NEEDS_CSSSELECT2 = re.compile(r"[(\"'\\|]|/\*")


@dataclass(frozen=True, slots=True)
class Compound:
    """A compound selector of the simple path (all parts must match)."""

    tag: str | None
    id: str | None
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str | None, str, bool], ...]
    """(name, operator or None for presence, value, case-insensitive)."""
    pseudo_classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SimpleSelector:
    """A selector of the simple path: compounds right to left, and the combinator to the
    left of each compound but the last."""

    compounds: tuple[Compound, ...]
    combinators: tuple[str, ...]
    pseudo_element: str | None
    specificity: tuple[int, int, int]


class _Invalid(Exception):
    """The selector list is invalid: the whole rule is dropped."""


class _NotSimple(Exception):
    """The selector is beyond the simple path."""


def parse_simple(text: str) -> SimpleSelector:
    """A selector in the simple path's grammar. Raises _NotSimple or _Invalid."""
    position = 0
    length = len(text)
    compounds: list[Compound] = []
    combinators: list[str] = []
    pseudo_element: str | None = None
    ids = classes_count = tags = 0
    while True:
        tag = None
        type_match = _TYPE.match(text, position)
        if type_match:
            tag = type_match.group().lower()
            position = type_match.end()
            if tag != "*":
                tags += 1
            else:
                tag = None
        element_id: str | None = None
        classes: list[str] = []
        attributes: list[tuple[str, str | None, str, bool]] = []
        pseudo_classes: list[str] = []
        pieces = 0
        while position < length:
            piece = _PIECE.match(text, position)
            if piece is None:
                break
            if pseudo_element is not None:
                raise _NotSimple  # something after a pseudo-element
            pieces += 1
            position = piece.end()
            if piece.group("id") is not None:
                if element_id is not None and element_id != piece.group("id"):
                    element_id = "\x00never"  # #a#b matches nothing
                else:
                    element_id = piece.group("id")
                ids += 1
            elif piece.group("cls") is not None:
                classes.append(piece.group("cls"))
                classes_count += 1
            elif piece.group("attr") is not None:
                value = piece.group("val") or piece.group("dq") or piece.group("sq") or ""
                flag = piece.group("flag")
                attributes.append(
                    (
                        piece.group("attr").lower(),
                        piece.group("op"),
                        value,
                        bool(flag and flag in "iI"),
                    )
                )
                classes_count += 1
            else:
                name = piece.group("pseudo").lower()
                if name.startswith(_REJECTED_PREFIXES):
                    raise _Invalid
                if piece.group("colons") == "::" or name in _LEGACY_PSEUDO_ELEMENTS:
                    pseudo_element = name
                    tags += 1
                    continue
                if name not in _SIMPLE_PSEUDO:
                    raise _NotSimple
                pseudo_classes.append(name)
                classes_count += 1
        if tag is None and not pieces and not type_match:
            raise _NotSimple  # an empty compound: malformed, let cssselect2 judge
        compounds.append(
            Compound(tag, element_id, tuple(classes), tuple(attributes), tuple(pseudo_classes))
        )
        if position >= length:
            break
        combinator = _COMBINATOR.match(text, position)
        if combinator is None or pseudo_element is not None:
            raise _NotSimple
        position = combinator.end()
        if position >= length:
            raise _NotSimple  # a trailing combinator: let cssselect2 reject it
        combinators.append(combinator.group(1) or " ")
    compounds.reverse()
    combinators.reverse()
    return SimpleSelector(
        tuple(compounds), tuple(combinators), pseudo_element, (ids, classes_count, tags)
    )


# --------------------------------------------------------------------------- entries
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
    """The match depends only on the tag, id, class and attributes of the element and its
    ancestors (no sibling or child structure): elements whose chains agree on those share
    the result."""
    compiled: Any = None


def _pack(specificity: tuple[int, int, int]) -> int:
    a, b, c = (min(part, 1023) for part in specificity)
    return (a << 20) | (b << 10) | c


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
    """Ids any simple-path selector names (other ids do not affect matching)."""
    invalid_rules: int = 0


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
    for rule in sheet.rules:
        if rule.media:
            applies = media_results.get(rule.media)
            if applies is None:
                applies = all(matches(query, screen) for query in rule.media)
                media_results[rule.media] = applies
            if not applies:
                continue
        try:
            selectors = _selectors(rule.selector)
        except _Invalid:
            index.invalid_rules += 1
            continue
        for selector, pseudo, key, kind, plain, attributes, presence, ids in selectors:
            if pseudo is None:
                buckets = index.elements
            elif pseudo in _STYLED_PSEUDO_ELEMENTS:
                buckets = index.before if pseudo == "before" else index.after
            else:
                continue
            spec = selector.specificity
            buckets.add(key, Entry(rule, selector, _pack(spec), kind, plain))
            index.attribute_names.update(attributes)
            index.presence_names.update(presence)
            index.ids.update(ids)
    return index


_Parsed = tuple[
    Any, str | None, tuple[str, str], int, bool, frozenset[str], frozenset[str], frozenset[str]
]
_SELECTOR_CACHE: dict[str, list[_Parsed] | None] = {}


def _selectors(text: str) -> list[_Parsed]:
    """(selector, pseudo-element, bucket key, kind, plain, attributes whose value is tested,
    attributes whose presence is tested, ids) of each selector in a rule's selector list.
    Raises _Invalid when the list is invalid."""
    found = _SELECTOR_CACHE.get(text, False)
    if found is False:
        try:
            found = _read_selectors(text)
        except _Invalid:
            found = None
        if len(_SELECTOR_CACHE) >= 50_000:
            _SELECTOR_CACHE.clear()
        _SELECTOR_CACHE[text] = found
    if found is None:
        raise _Invalid
    return found  # type: ignore[return-value]


def _read_selectors(text: str) -> list[_Parsed]:
    if not _NEEDS_CSSSELECT2.search(text):
        try:
            return [_simple_entry(parse_simple(part.strip())) for part in text.split(",")]
        except _NotSimple:
            pass
    return _cssselect2_entries(text)


def _simple_entry(selector: SimpleSelector) -> _Parsed:
    right = selector.compounds[0]
    if right.id is not None:
        key = ("#", right.id)
    elif right.classes:
        key = (".", right.classes[0])
    elif right.tag is not None:
        key = ("t", right.tag)
    elif right.attributes:
        key = ("[", right.attributes[0][0])
    else:
        key = ("*", "")
    trivial = (
        len(selector.compounds) == 1
        and not right.attributes
        and not right.pseudo_classes
        and len(right.classes) + (right.id is not None) + (right.tag is not None) == 1
    )
    plain = all(c in (" ", ">") for c in selector.combinators) and all(
        p in _NEVER or p in _LINK or p in _ROOT
        for c in selector.compounds
        for p in c.pseudo_classes
    )
    attributes: set[str] = set()
    presence: set[str] = set()
    ids: set[str] = set()
    for compound in selector.compounds:
        attributes.update(a[0] for a in compound.attributes if a[1] is not None)
        presence.update(a[0] for a in compound.attributes if a[1] is None)
        if compound.id is not None:
            ids.add(compound.id)
        if any(p in _LINK for p in compound.pseudo_classes):
            presence.add("href")
        if any(p in _FORM for p in compound.pseudo_classes):
            attributes.update(_FORM_ATTRIBUTES)
    return (
        selector,
        selector.pseudo_element,
        key,
        TRIVIAL if trivial else SIMPLE,
        plain,
        frozenset(attributes),
        frozenset(presence),
        frozenset(ids),
    )


def _cssselect2_entries(text: str) -> list[_Parsed]:
    try:
        parsed = list(css_parser.parse(tame(text)))
    except (css_parser.SelectorError, RecursionError, NotImplementedError, ValueError):
        raise _Invalid from None
    found: list[_Parsed] = []
    for selector in parsed:
        if _rejected(selector.parsed_tree):
            raise _Invalid
        found.append(
            (
                selector,
                selector.pseudo_element,
                _cssselect2_key(selector),
                COMPLEX,
                False,
                frozenset(_attribute_names(selector.parsed_tree, 0)),
                frozenset(),
                frozenset(),
            )
        )
    return found


def _rejected(tree: Any) -> bool:
    """True when a pseudo-class has a prefix Chromium does not accept."""
    for node in _walk(tree, 0):
        if isinstance(node, _PSEUDO_CLASS_NODES) and node.name.startswith(_REJECTED_PREFIXES):
            return True
    return False


_PSEUDO_CLASS_NODES: Final = (
    css_parser.PseudoClassSelector,
    css_parser.FunctionalPseudoClassSelector,
)


def _walk(node: Any, depth: int) -> list[Any]:
    if depth > 64:
        return []
    found = [node]
    if isinstance(node, css_parser.CombinedSelector):
        found += _walk(node.left, depth + 1) + _walk(node.right, depth + 1)
    elif isinstance(node, css_parser.CompoundSelector):
        for simple in node.simple_selectors:
            found += _walk(simple, depth + 1)
    elif hasattr(node, "selector_list"):
        for inner in node.selector_list:
            tree = getattr(inner, "parsed_tree", None)
            if tree is None:
                tree = inner.selector.parsed_tree  # a relative selector of :has()
            found += _walk(tree, depth + 1)
    return found


def _attribute_names(tree: Any, depth: int) -> set[str]:
    return {
        node.lower_name
        for node in _walk(tree, depth)
        if isinstance(node, css_parser.AttributeSelector)
    }


def _cssselect2_key(selector: Any) -> tuple[str, str]:
    node = selector.parsed_tree
    if isinstance(node, css_parser.CombinedSelector):
        node = node.right
    keys: dict[str, str] = {}
    for simple in node.simple_selectors:
        if isinstance(simple, css_parser.IDSelector):
            keys.setdefault("#", simple.ident)
        elif isinstance(simple, css_parser.ClassSelector):
            keys.setdefault(".", simple.class_name)
        elif isinstance(simple, css_parser.LocalNameSelector):
            keys.setdefault("t", simple.lower_local_name)
        elif isinstance(simple, css_parser.AttributeSelector) and simple.namespace == "":
            keys.setdefault("[", simple.lower_name)
    for kind in ("#", ".", "t", "["):
        if kind in keys:
            return (kind, keys[kind])
    return ("*", "")


# --------------------------------------------------------------------------- matching
class _Wrapper(cssselect2.ElementWrapper):  # type: ignore[misc]
    """cssselect2's element wrapper with its ancestor and sibling tuples built by a loop,
    not by recursion (which fails on deep trees and long sibling lists)."""

    _ancestors: tuple[Any, ...] | None
    _previous_siblings: tuple[Any, ...] | None

    @property
    def ancestors(self) -> tuple[Any, ...]:
        found = self._ancestors
        if found is None:
            chain = []
            node = self.parent
            while node is not None:
                chain.append(node)
                node = node.parent
            chain.reverse()
            found = self._ancestors = tuple(chain)
        return found

    @property
    def previous_siblings(self) -> tuple[Any, ...]:
        found = self._previous_siblings
        if found is None:
            chain = []
            node = self.previous
            while node is not None:
                chain.append(node)
                node = node.previous
            chain.reverse()
            found = self._previous_siblings = tuple(chain)
        return found


class Matcher:
    """Matches elements of one document against index entries (holds the document's
    cssselect2 wrappers and whether it is in quirks mode)."""

    def __init__(self, quirks: bool) -> None:
        self.quirks = quirks
        self._wrappers: dict[Element, Any] = {}
        self.steps = 0
        """Combinator steps taken by the simple path (a measure of matching work)."""

    def matches(self, entry: Entry, el: Element) -> bool:
        """True when `entry`'s selector matches `el` (its bucket key is assumed to)."""
        kind = entry.kind
        if kind == TRIVIAL:
            return True
        if kind == SIMPLE:
            return self._simple(entry.selector, el)
        test = entry.compiled
        if test is None:
            try:
                test = cssselect2.compiler.CompiledSelector(entry.selector).test
            except (css_parser.SelectorError, RecursionError, NotImplementedError, TypeError):
                test = _never
            entry.compiled = test
        if test is _never:
            return False
        try:
            return bool(test(self._wrapper(el)))
        except RecursionError:
            return False

    # ------------------------------------------------------------------- simple path
    def _simple(self, selector: SimpleSelector, el: Element) -> bool:
        compounds = selector.compounds
        if not self._compound(compounds[0], el):
            return False
        if len(compounds) == 1:
            return True
        return self._left(selector, 1, el, [20_000])

    def _left(self, selector: SimpleSelector, index: int, el: Element, budget: list[int]) -> bool:
        """Match compounds[index:] leftwards from `el`, whose compound index-1 matched."""
        compounds = selector.compounds
        if index == len(compounds):
            return True
        combinator = selector.combinators[index - 1]
        compound = compounds[index]
        # Only descendant combinators left: the nearest matching ancestor is as good as any.
        greedy = all(c == " " for c in selector.combinators[index - 1 :])
        if combinator == ">":
            parent = el.getparent()
            self.steps += 1
            return (
                parent is not None
                and self._compound(compound, parent)
                and self._left(selector, index + 1, parent, budget)
            )
        if combinator == " ":
            for ancestor in el.iterancestors():
                self.steps += 1
                budget[0] -= 1
                if budget[0] < 0:
                    return False
                if self._compound(compound, ancestor):
                    if self._left(selector, index + 1, ancestor, budget):
                        return True
                    if greedy:
                        return False
            return False
        sibling = _previous_element(el)
        while sibling is not None:
            self.steps += 1
            budget[0] -= 1
            if budget[0] < 0:
                return False
            if self._compound(compound, sibling) and self._left(
                selector, index + 1, sibling, budget
            ):
                return True
            if combinator == "+":
                return False
            sibling = _previous_element(sibling)
        return False

    def _compound(self, compound: Compound, el: Element) -> bool:
        if compound.tag is not None and el.tag != compound.tag:
            return False
        if compound.id is not None:
            element_id = el.get("id")
            if element_id is None:
                return False
            if element_id != compound.id and not (
                self.quirks and element_id.lower() == compound.id.lower()
            ):
                return False
        if compound.classes:
            value = el.get("class")
            if not value:
                return False
            if self.quirks:
                have = set(value.lower().split())
                if not all(c.lower() in have for c in compound.classes):
                    return False
            else:
                have = set(value.split())
                if not all(c in have for c in compound.classes):
                    return False
        for name, operator, wanted, insensitive in compound.attributes:
            actual = el.get(name)
            if actual is None:
                return False
            if operator is not None and not _attribute_matches(
                operator, wanted, actual, insensitive
            ):
                return False
        return all(_pseudo_matches(pseudo, el) for pseudo in compound.pseudo_classes)

    # ----------------------------------------------------------------- cssselect2 path
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
                self._wrappers[current] = _Wrapper.from_html_root(current)
                continue
            parent_wrapper = self._wrappers[parent]
            previous = None
            for position, child in enumerate(parent_wrapper.etree_children):
                wrapper = _Wrapper(
                    child,
                    parent=parent_wrapper,
                    index=position,
                    previous=previous,
                    in_html_document=True,
                )
                self._wrappers.setdefault(child, wrapper)
                previous = wrapper
        return self._wrappers[el]


def _never(wrapper: Any) -> bool:
    return False


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


def _attribute_matches(operator: str, wanted: str, actual: str, insensitive: bool) -> bool:
    if insensitive:
        wanted, actual = wanted.lower(), actual.lower()
    if operator == "=":
        return actual == wanted
    if operator == "~=":
        return bool(wanted) and wanted in actual.split()
    if operator == "|=":
        return actual == wanted or actual.startswith(wanted + "-")
    if operator == "^=":
        return bool(wanted) and actual.startswith(wanted)
    if operator == "$=":
        return bool(wanted) and actual.endswith(wanted)
    return bool(wanted) and wanted in actual  # *=


def _pseudo_matches(pseudo: str, el: Element) -> bool:
    if pseudo in _NEVER:
        return False
    if pseudo in _LINK:
        return el.tag in ("a", "area") and el.get("href") is not None
    if pseudo in _ROOT:
        return el.getparent() is None
    if pseudo == "first-child":
        return _previous_element(el) is None
    if pseudo == "last-child":
        return _next_element(el) is None
    if pseudo == "only-child":
        return _previous_element(el) is None and _next_element(el) is None
    if pseudo == "empty":
        return not el.text and not any(isinstance(child.tag, str) or child.tail for child in el)
    if pseudo == "defined":
        return True
    if el.tag not in _FORM_ELEMENTS:
        return False
    disabled = el.get("disabled") is not None
    if pseudo == "disabled":
        return disabled
    if pseudo == "enabled":
        return not disabled
    if pseudo == "checked":
        if el.tag == "option":
            return el.get("selected") is not None
        return (
            el.tag == "input"
            and el.get("checked") is not None
            and (el.get("type") or "").lower() in ("checkbox", "radio")
        )
    required = el.get("required") is not None and el.tag in ("input", "select", "textarea")
    if pseudo == "required":
        return required
    return el.tag in ("input", "select", "textarea") and not required  # optional
