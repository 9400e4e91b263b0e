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
import tinycss2
from cssselect2 import parser as css_parser
from lxml import etree
from tinycss2.nth import parse_nth

from vngpublish.check.style.media import Screen, matches
from vngpublish.check.style.sheets import Sheet, StyleRule, split_list, tame

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
      | (?P<colons>::?)(?P<pseudo>{_IDENT})(?P<open>\()?""",
    re.VERBOSE,
)
_TYPE = re.compile(rf"\*|{_IDENT}")
_COMBINATOR = re.compile(r"\s*([>+~])\s*|\s+")
_NEEDS_CSSSELECT2 = re.compile(r"[\\|]|/\*")
_LOGICAL: Final = frozenset({"not", "is", "where", "-webkit-any"})
_NTH: Final = frozenset({"nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type"})
_MAX_NESTING = 16
_PLAIN_COMBINATORS: Final = frozenset({" ", ">"})
_OF = re.compile(r"\s+of\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Compound:
    """A compound selector of the simple path (all parts must match)."""

    tag: str | None
    id: str | None
    classes: tuple[str, ...]
    attributes: tuple[tuple[str, str | None, str, bool], ...]
    """(name, operator or None for presence, value, case-insensitive)."""
    pseudo_classes: tuple[str, ...]
    functions: tuple[tuple[Any, ...], ...] = ()
    """Functional pseudo-classes: ("not" | "is", selectors), ("nth-child" ..., a, b,
    selectors or ()), ("lang", ranges)."""


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


def _closing(text: str, start: int) -> int:
    """The index of the `)` closing the parenthesis opened just before `start`."""
    depth = 1
    quote = ""
    index = start
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    raise _NotSimple  # unbalanced: let cssselect2 judge


def parse_simple(text: str, depth: int = 0) -> SimpleSelector:
    """A selector in the simple path's grammar. Raises _NotSimple or _Invalid."""
    if depth > _MAX_NESTING:
        raise _NotSimple
    position = 0
    length = len(text)
    compounds: list[Compound] = []
    combinators: list[str] = []
    pseudo_element: str | None = None
    specificity = [0, 0, 0]
    while True:
        tag = None
        type_match = _TYPE.match(text, position)
        if type_match:
            tag = type_match.group().lower()
            position = type_match.end()
            if tag != "*":
                specificity[2] += 1
            else:
                tag = None
        element_id: str | None = None
        classes: list[str] = []
        attributes: list[tuple[str, str | None, str, bool]] = []
        pseudo_classes: list[str] = []
        functions: list[tuple[Any, ...]] = []
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
                specificity[0] += 1
            elif piece.group("cls") is not None:
                classes.append(piece.group("cls"))
                specificity[1] += 1
            elif piece.group("attr") is not None:
                value = piece.group("val") or piece.group("dq") or piece.group("sq") or ""
                flag = piece.group("flag")
                operator = piece.group("op")
                attributes.append(
                    (piece.group("attr").lower(), operator, value, bool(flag and flag in "iI"))
                )
                specificity[1] += 1
            else:
                name = piece.group("pseudo").lower()
                if name.startswith(_REJECTED_PREFIXES):
                    raise _Invalid
                if piece.group("open"):
                    close = _closing(text, position)
                    function, added = _function(name, text[position:close], depth)
                    functions.append(function)
                    for part in range(3):
                        specificity[part] += added[part]
                    position = close + 1
                    continue
                if piece.group("colons") == "::" or name in _LEGACY_PSEUDO_ELEMENTS:
                    pseudo_element = name
                    specificity[2] += 1
                    continue
                if name not in _SIMPLE_PSEUDO:
                    raise _NotSimple
                pseudo_classes.append(name)
                specificity[1] += 1
        if tag is None and not pieces and not type_match:
            raise _NotSimple  # an empty compound: malformed, let cssselect2 judge
        compounds.append(
            Compound(
                tag,
                element_id,
                tuple(classes),
                tuple(attributes),
                tuple(pseudo_classes),
                tuple(functions),
            )
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
    a, b, c = specificity
    return SimpleSelector(tuple(compounds), tuple(combinators), pseudo_element, (a, b, c))


def _function(name: str, argument: str, depth: int) -> tuple[tuple[Any, ...], tuple[int, int, int]]:
    """A functional pseudo-class and the specificity it adds."""
    if name in _LOGICAL:
        arguments: list[SimpleSelector] = []
        for part in split_list(argument):
            try:
                selector = parse_simple(part.strip(), depth + 1)
                if selector.pseudo_element is not None:
                    raise _Invalid
            except _Invalid:
                if name == "not":
                    raise
                continue  # :is() and :where() forgive invalid arguments
            arguments.append(selector)
        if name == "not" and not arguments:
            raise _Invalid
        kind = "not" if name == "not" else "is"
        if name == "where" or not arguments:
            return (kind, tuple(arguments)), (0, 0, 0)
        return (kind, tuple(arguments)), max(s.specificity for s in arguments)
    if name in _NTH:
        formula, *rest = _OF.split(argument, maxsplit=1)
        selectors: list[SimpleSelector] = []
        if rest:
            if name not in ("nth-child", "nth-last-child"):
                raise _Invalid
            selectors = [parse_simple(part.strip(), depth + 1) for part in split_list(rest[0])]
        nth = parse_nth(tinycss2.parse_component_value_list(formula))
        if nth is None:
            raise _Invalid
        extra = max((s.specificity for s in selectors), default=(0, 0, 0))
        return (name, nth[0], nth[1], tuple(selectors)), (extra[0], extra[1] + 1, extra[2])
    if name == "has":
        relative = []
        for part in split_list(argument):
            part = part.strip()
            combinator = " "
            if part[:1] in (">", "+", "~"):
                combinator, part = part[0], part[1:].strip()
            selector = parse_simple(part, depth + 1)
            if len(selector.compounds) != 1 or selector.pseudo_element is not None:
                raise _NotSimple  # complex relative selectors: cssselect2
            relative.append((combinator, selector))
        if not relative:
            raise _Invalid
        extra = max(s.specificity for _c, s in relative)
        return ("has", tuple(relative)), extra
    if name == "lang":
        ranges = [part.strip().strip("\"'").lower() for part in argument.split(",")]
        if not all(ranges):
            raise _Invalid
        return ("lang", tuple(ranges)), (0, 1, 0)
    raise _NotSimple


# --------------------------------------------------------------------------- entries
@dataclass(frozen=True, slots=True)
class Analysis:
    """What matching a selector depends on, found once per selector text."""

    selector: Any
    """SimpleSelector, or a cssselect2 parsed selector."""
    pseudo_element: str | None
    keys: tuple[tuple[str, str], ...]
    """The buckets: ("#", id), (".", class), ("t", tag), ("[", attribute) or ("*", "");
    several for `:is(h2, h3)`; none when the selector can never match (`a:hover`)."""
    kind: int
    plain: bool
    """The match depends only on the tag, id, class and attributes of the element and of
    its ancestors (and on whether each is a first or last child, see `structural`):
    elements whose ancestor chains agree on those share the result."""
    structural: bool
    """Uses :first-child, :last-child or :only-child."""
    values: frozenset[str]
    """Attributes whose value is tested."""
    presence: frozenset[str]
    """Attributes whose presence is tested."""
    ids: frozenset[str]
    """Ids the selector names."""
    ancestor_keys: frozenset[str]
    """Keys ("t:div", ".nav", "#main") that ancestors of every matching element have."""
    ancestor_features: frozenset[str]
    """What the selector may test on an ancestor: "t:tag", ".class", "#id", "[attribute"
    (with `values`/`presence` saying how), and ":structure" for :first-child and the like."""


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
            elif pseudo in _STYLED_PSEUDO_ELEMENTS:
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


class InvalidSelector(Exception):
    """The selector list is invalid: the whole rule is dropped."""


_SELECTOR_CACHE: dict[str, tuple[Analysis, ...] | None] = {}


def clear_cache() -> None:
    """Forget the selector analyses cached in this process."""
    _SELECTOR_CACHE.clear()


def analyse(text: str) -> tuple[Analysis, ...]:
    """The analysis of each selector in a rule's selector list (cached per text). Raises
    InvalidSelector when the list is invalid."""
    found = _SELECTOR_CACHE.get(text, ())
    if found == ():
        try:
            found = _analyse(text)
        except _Invalid:
            found = None
        if len(_SELECTOR_CACHE) >= 50_000:
            _SELECTOR_CACHE.clear()
        _SELECTOR_CACHE[text] = found
    if found is None:
        raise InvalidSelector(text)
    return found


def _analyse(text: str) -> tuple[Analysis, ...]:
    if not _NEEDS_CSSSELECT2.search(text):
        try:
            return tuple(_analyse_simple(parse_simple(part.strip())) for part in split_list(text))
        except _NotSimple:
            pass
    return _analyse_cssselect2(text)


_POSITIONAL: Final = frozenset({"first-child", "last-child", "only-child"})
_PLAIN_PSEUDO: Final = _NEVER | _LINK | _ROOT | _POSITIONAL


def _analyse_simple(selector: SimpleSelector) -> Analysis:
    right = selector.compounds[0]
    never = False
    for compound in selector.compounds:
        if compound.pseudo_classes and not _NEVER.isdisjoint(compound.pseudo_classes):
            never = True
    trivial = (
        len(selector.compounds) == 1
        and not right.attributes
        and not right.pseudo_classes
        and not right.functions
        and len(right.classes) + (right.id is not None) + (right.tag is not None) == 1
    )
    values: set[str] = set()
    presence: set[str] = set()
    ids: set[str] = set()
    facts = _Facts()
    _collect(selector, values, presence, ids, facts, 0)
    ancestors: set[str] = set()
    for index, compound in enumerate(selector.compounds[1:]):
        if selector.combinators[index] not in (" ", ">"):
            break
        ancestors.update(_compound_keys(compound.tag, compound.id, compound.classes))
    return Analysis(
        selector,
        selector.pseudo_element,
        () if never else _simple_keys(right),
        TRIVIAL if trivial else SIMPLE,
        facts.plain,
        facts.structural,
        frozenset(values),
        frozenset(presence),
        frozenset(ids),
        frozenset(ancestors),
        frozenset(facts.ancestor_features),
    )


@dataclass(slots=True)
class _Facts:
    plain: bool = True
    structural: bool = False
    ancestor_features: set[str] = field(default_factory=set)


def _features(compound: Compound) -> list[str]:
    """The features of a compound an element must have (for ancestor positions)."""
    found = [f".{name}" for name in compound.classes]
    if compound.tag is not None:
        found.append("t:" + compound.tag)
    if compound.id is not None:
        found.append("#" + compound.id)
    found.extend("[" + attribute[0] for attribute in compound.attributes)
    if any(p in _POSITIONAL for p in compound.pseudo_classes):
        found.append(":structure")
    if any(p in _LINK for p in compound.pseudo_classes):
        found.append("[href")
    return found


def _collect(
    selector: SimpleSelector,
    values: set[str],
    presence: set[str],
    ids: set[str],
    facts: _Facts,
    depth: int,
) -> None:
    """Gather what matching `selector` depends on (recursing into :not() and :is())."""
    if depth > _MAX_NESTING or not _PLAIN_COMBINATORS.issuperset(selector.combinators):
        facts.plain = False
    # Compounds left of a combinator test ancestors; inside a functional pseudo-class with
    # combinators every compound may (conservatively).
    ancestral = (
        selector.compounds[1:]
        if depth == 0
        else (selector.compounds if len(selector.compounds) > 1 else ())
    )
    for compound in ancestral:
        facts.ancestor_features.update(_features(compound))
        for function in compound.functions:
            for inner in function[-1]:
                inner = inner[1] if function[0] == "has" else inner
                if function[0] != "lang":
                    for inner_compound in inner.compounds:
                        facts.ancestor_features.update(_features(inner_compound))
    for compound in selector.compounds:
        values.update(a[0] for a in compound.attributes if a[1] is not None)
        presence.update(a[0] for a in compound.attributes if a[1] is None)
        if compound.id is not None:
            ids.add(compound.id)
        for pseudo in compound.pseudo_classes:
            if pseudo in _LINK:
                presence.add("href")
            elif pseudo in _FORM:
                values.update(_FORM_ATTRIBUTES)
                facts.plain = False
            elif pseudo in _POSITIONAL:
                facts.structural = True
            elif pseudo == "empty":
                facts.plain = False
        for function in compound.functions:
            name = function[0]
            if name == "lang":
                values.add("lang")
                facts.plain = False  # the language may come from a <meta> or the parent
                continue
            if name in _NTH or name == "has":
                facts.plain = False
            for inner in function[-1]:
                if name == "has":
                    inner = inner[1]
                _collect(inner, values, presence, ids, facts, depth + 1)


def _simple_keys(compound: Compound) -> tuple[tuple[str, str], ...]:
    """The buckets of a rightmost compound (several for `:is(h2, h3)`)."""
    if compound.id is not None:
        return (("#", compound.id),)
    if compound.classes:
        return ((".", compound.classes[0]),)
    if compound.tag is not None:
        return (("t", compound.tag),)
    if compound.attributes:
        return (("[", compound.attributes[0][0]),)
    for function in compound.functions:
        if function[0] == "is" and function[1]:
            keys = [_simple_keys(inner.compounds[0]) for inner in function[1]]
            if all(len(k) == 1 and k[0][0] != "*" for k in keys):
                return tuple(dict.fromkeys(k[0] for k in keys))
    return (("*", ""),)


def _compound_keys(tag: str | None, element_id: str | None, classes: Any) -> list[str]:
    keys = [f".{name.lower()}" for name in classes]
    if tag is not None:
        keys.append("t:" + tag.lower())
    if element_id is not None:
        keys.append("#" + element_id.lower())
    return keys


def _analyse_cssselect2(text: str) -> tuple[Analysis, ...]:
    try:
        parsed = list(css_parser.parse(tame(text)))
    except (css_parser.SelectorError, RecursionError, NotImplementedError, ValueError):
        raise _Invalid from None
    found: list[Analysis] = []
    for selector in parsed:
        tree = selector.parsed_tree
        nodes = _walk(tree, 0)
        if any(
            isinstance(n, _PSEUDO_CLASS_NODES) and n.name.startswith(_REJECTED_PREFIXES)
            for n in nodes
        ):
            raise _Invalid
        values: set[str] = set()
        presence: set[str] = set()
        ids: set[str] = set()
        structural = False
        for node in nodes:
            if isinstance(node, css_parser.AttributeSelector):
                (values if node.operator is not None else presence).add(node.lower_name)
            elif isinstance(node, css_parser.IDSelector):
                ids.add(node.ident)
            elif isinstance(node, css_parser.PseudoClassSelector):
                if node.name in _LINK or node.name in ("link", "any-link", "local-link"):
                    presence.add("href")
                elif node.name in _POSITIONAL:
                    structural = True
                elif node.name in _FORM or node.name in ("enabled", "disabled", "checked"):
                    values.update(_FORM_ATTRIBUTES)
        found.append(
            Analysis(
                selector,
                selector.pseudo_element,
                () if _never_matches(tree) else _cssselect2_keys(selector),
                COMPLEX,
                len(nodes) < 512 and _plain_tree(tree, 0),
                structural,
                frozenset(values),
                frozenset(presence),
                frozenset(ids),
                frozenset(_cssselect2_ancestor_keys(tree)),
                frozenset(_cssselect2_features(nodes)),
            )
        )
    return tuple(found)


def _cssselect2_features(nodes: list[Any]) -> set[str]:
    """Every feature a selector with combinators tests (conservatively, all of them)."""
    if not any(isinstance(node, css_parser.CombinedSelector) for node in nodes):
        return set()
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, css_parser.LocalNameSelector):
            found.add("t:" + node.lower_local_name)
        elif isinstance(node, css_parser.ClassSelector):
            found.add("." + node.class_name)
        elif isinstance(node, css_parser.IDSelector):
            found.add("#" + node.ident)
        elif isinstance(node, css_parser.AttributeSelector):
            found.add("[" + node.lower_name)
        elif isinstance(node, css_parser.PseudoClassSelector):
            if node.name in _POSITIONAL:
                found.add(":structure")
            elif node.name in _LINK:
                found.add("[href")
    return found


def _plain_tree(node: Any, depth: int) -> bool:
    """True when a cssselect2 selector tree only tests what `Analysis.plain` allows."""
    if depth > 64:
        return False
    if isinstance(node, css_parser.CombinedSelector):
        return (
            node.combinator in (" ", ">")
            and _plain_tree(node.left, depth + 1)
            and _plain_tree(node.right, depth + 1)
        )
    if isinstance(node, css_parser.CompoundSelector):
        return all(_plain_tree(simple, depth + 1) for simple in node.simple_selectors)
    if isinstance(node, _PLAIN_NODES):
        return True
    if isinstance(node, css_parser.PseudoClassSelector):
        return node.name in _PLAIN_PSEUDO or node.name in ("local-link",)
    if isinstance(node, _LOGICAL_NODES):
        return all(_plain_tree(inner.parsed_tree, depth + 1) for inner in node.selector_list)
    return False  # :has(), :nth-*(), :lang() ...


_PLAIN_NODES: Final = (
    css_parser.LocalNameSelector,
    css_parser.NamespaceSelector,
    css_parser.IDSelector,
    css_parser.ClassSelector,
    css_parser.AttributeSelector,
)
_LOGICAL_NODES: Final = (
    css_parser.NegationSelector,
    css_parser.MatchesAnySelector,
    css_parser.SpecificityAdjustmentSelector,
)
_PSEUDO_CLASS_NODES: Final = (
    css_parser.PseudoClassSelector,
    css_parser.FunctionalPseudoClassSelector,
)


def _cssselect2_ancestor_keys(tree: Any) -> set[str]:
    keys: set[str] = set()
    node = tree
    while isinstance(node, css_parser.CombinedSelector):
        if node.combinator not in (" ", ">"):
            break
        left = node.left
        compound = left.right if isinstance(left, css_parser.CombinedSelector) else left
        for simple in compound.simple_selectors:
            if isinstance(simple, css_parser.LocalNameSelector):
                keys.add("t:" + simple.lower_local_name)
            elif isinstance(simple, css_parser.IDSelector):
                keys.add("#" + simple.ident.lower())
            elif isinstance(simple, css_parser.ClassSelector):
                keys.add("." + simple.class_name.lower())
        node = left
    return keys


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


def _cssselect2_keys(selector: Any) -> tuple[tuple[str, str], ...]:
    node = selector.parsed_tree
    if isinstance(node, css_parser.CombinedSelector):
        node = node.right
    key = _compound_key(node)
    if key is not None:
        return (key,)
    # `:is(h2, h3)` and `:where(...)` whose every argument has a key: index under each.
    for simple in node.simple_selectors:
        if isinstance(
            simple, (css_parser.MatchesAnySelector, css_parser.SpecificityAdjustmentSelector)
        ):
            keys = []
            for inner in simple.selector_list:
                tree = inner.parsed_tree
                inner_key = None
                if isinstance(tree, css_parser.CombinedSelector):
                    tree = tree.right
                if isinstance(tree, css_parser.CompoundSelector):
                    inner_key = _compound_key(tree)
                if inner_key is None:
                    break
                keys.append(inner_key)
            else:
                if keys:
                    return tuple(dict.fromkeys(keys))
    return (("*", ""),)


def _compound_key(node: Any) -> tuple[str, str] | None:
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
    return None


def _never_matches(tree: Any) -> bool:
    """True when a compound of the selector (outside :not() and the like) has a dynamic
    pseudo-class, which never matches statically."""
    node = tree
    while True:
        compound = node.right if isinstance(node, css_parser.CombinedSelector) else node
        for simple in compound.simple_selectors:
            if isinstance(simple, css_parser.PseudoClassSelector) and simple.name in _NEVER:
                return True
        if not isinstance(node, css_parser.CombinedSelector):
            return False
        node = node.left


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
        self._has: dict[tuple[int, Element], bool] = {}
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
        for pseudo in compound.pseudo_classes:
            if not _pseudo_matches(pseudo, el):
                return False
        return all(self._function(function, el) for function in compound.functions)

    def _relative(self, relative: tuple[tuple[str, SimpleSelector], ...], el: Element) -> bool:
        """:has(): does an element in the given relation to `el` match?"""
        for combinator, selector in relative:
            compound = selector.compounds[0]
            if combinator == " ":
                candidates: Any = el.iterdescendants()
            elif combinator == ">":
                candidates = el.iterchildren()
            else:
                candidates = el.itersiblings()
            for candidate in candidates:
                if not isinstance(candidate.tag, str):
                    continue
                self.steps += 1
                if self._compound(compound, candidate):
                    return True
                if combinator == "+":
                    break
        return False

    def _function(self, function: tuple[Any, ...], el: Element) -> bool:
        name = function[0]
        if name == "is":
            return any(self._simple(inner, el) for inner in function[1])
        if name == "not":
            return not any(self._simple(inner, el) for inner in function[1])
        if name == "has":
            key = (id(function), el)
            found = self._has.get(key)
            if found is None:
                found = self._has[key] = self._relative(function[1], el)
            return found
        if name == "lang":
            language = _language(el)
            return any(
                language == wanted or language.startswith(wanted + "-") or wanted == "*"
                for wanted in function[1]
            )
        _name, a, b, of = function
        position = 1
        forward = name in ("nth-child", "nth-of-type")
        sibling = _previous_element(el) if forward else _next_element(el)
        while sibling is not None:
            self.steps += 1
            if (name.endswith("of-type") and sibling.tag == el.tag) or (
                name.endswith("child") and (not of or any(self._simple(s, sibling) for s in of))
            ):
                position += 1
            sibling = _previous_element(sibling) if forward else _next_element(sibling)
        if of and not any(self._simple(s, el) for s in of):
            return False
        # position = a*n + b for some n >= 0
        step: int = a
        offset: int = b
        if step == 0:
            return position == offset
        n, remainder = divmod(position - offset, step)
        return remainder == 0 and n >= 0

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


def _language(el: Element) -> str:
    """The element's language from its own or its nearest ancestor's `lang` (lower-cased;
    "" when none says)."""
    node: Element | None = el
    while node is not None:
        value = node.get("lang")
        if value is None:
            value = node.get("{http://www.w3.org/XML/1998/namespace}lang")
        if value is not None:
            return str(value).strip().lower()
        node = node.getparent()
    return ""


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
