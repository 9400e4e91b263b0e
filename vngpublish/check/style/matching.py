"""Matching elements against indexed selectors: this package's matcher for simple selectors,
cssselect2 (compiled on first use) for the rest; dynamic pseudo-classes never match.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import cssselect2
from cssselect2 import parser as css_parser
from lxml import etree

from vngpublish.check.style.rule_index import Entry
from vngpublish.check.style.selector_syntax import (
    FORM_ELEMENTS,
    LINK,
    NEVER,
    ROOT,
    SIMPLE,
    TRIVIAL,
    Compound,
    SimpleSelector,
)

Element: TypeAlias = etree._Element


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
    if pseudo in NEVER:
        return False
    if pseudo in LINK:
        return el.tag in ("a", "area") and el.get("href") is not None
    if pseudo in ROOT:
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
    if el.tag not in FORM_ELEMENTS:
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
