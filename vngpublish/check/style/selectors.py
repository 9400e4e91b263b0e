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

from dataclasses import dataclass, field
from typing import Any, Final, TypeAlias

from cssselect2 import parser as css_parser
from lxml import etree

from vngpublish.check.style.declarations import tame
from vngpublish.check.style.selector_syntax import (
    COMPLEX,
    FORM,
    FORM_ATTRIBUTES,
    LINK,
    MAX_NESTING,
    NEEDS_CSSSELECT2,
    NEVER,
    NTH,
    PLAIN_COMBINATORS,
    REJECTED_PREFIXES,
    ROOT,
    SIMPLE,
    TRIVIAL,
    Compound,
    InvalidList,
    NotSimple,
    SimpleSelector,
    parse_simple,
)
from vngpublish.check.style.sheet_reader import split_list

Element: TypeAlias = etree._Element


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
        except InvalidList:
            found = None
        if len(_SELECTOR_CACHE) >= 50_000:
            _SELECTOR_CACHE.clear()
        _SELECTOR_CACHE[text] = found
    if found is None:
        raise InvalidSelector(text)
    return found


def _analyse(text: str) -> tuple[Analysis, ...]:
    if not NEEDS_CSSSELECT2.search(text):
        try:
            return tuple(_analyse_simple(parse_simple(part.strip())) for part in split_list(text))
        except NotSimple:
            pass
    return _analyse_cssselect2(text)


_POSITIONAL: Final = frozenset({"first-child", "last-child", "only-child"})
_PLAIN_PSEUDO: Final = NEVER | LINK | ROOT | _POSITIONAL


def _analyse_simple(selector: SimpleSelector) -> Analysis:
    right = selector.compounds[0]
    never = False
    for compound in selector.compounds:
        if compound.pseudo_classes and not NEVER.isdisjoint(compound.pseudo_classes):
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
    if any(p in LINK for p in compound.pseudo_classes):
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
    if depth > MAX_NESTING or not PLAIN_COMBINATORS.issuperset(selector.combinators):
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
            if pseudo in LINK:
                presence.add("href")
            elif pseudo in FORM:
                values.update(FORM_ATTRIBUTES)
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
            if name in NTH or name == "has":
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
        raise InvalidList from None
    found: list[Analysis] = []
    for selector in parsed:
        tree = selector.parsed_tree
        nodes = _walk(tree, 0)
        if any(
            isinstance(n, _PSEUDO_CLASS_NODES) and n.name.startswith(REJECTED_PREFIXES)
            for n in nodes
        ):
            raise InvalidList
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
                if node.name in LINK or node.name in ("link", "any-link", "local-link"):
                    presence.add("href")
                elif node.name in _POSITIONAL:
                    structural = True
                elif node.name in FORM or node.name in ("enabled", "disabled", "checked"):
                    values.update(FORM_ATTRIBUTES)
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
            elif node.name in LINK:
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
            if isinstance(simple, css_parser.PseudoClassSelector) and simple.name in NEVER:
                return True
        if not isinstance(node, css_parser.CombinedSelector):
            return False
        node = node.left
