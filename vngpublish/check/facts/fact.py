"""The one way a fact about a page is declared: computed lazily, cached once per page, typed.

A fact is a function of the page, or of the page and one element, decorated with one of:

- `page_fact`: a fact about the whole page (its heading outline, its links, its duplicate ids);
- `element_fact`: a fact about one element (its role, its accessible name);
- `inherited_fact(at_root)`: a fact about one element computed from the same fact of its
  parent (its language, whether it is rendered): the walk up to the nearest ancestor already
  known and back down is written here once, without recursion, so any depth of nesting works
  and every element is computed once.

The decorated function is called like the original, `role(page, el)`, and asks the page's
cache first. Values live in the page (`Page.facts`), so they go when the page goes: nothing is
kept in module-level dictionaries. Rules ask facts; what two rules share is a fact.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

T = TypeVar("T")

_MISSING: Any = object()
_keys: list[str] = []


def _new_key(name: str) -> int:
    """A new slot in every page's fact store, for the fact called `name`."""
    _keys.append(name)
    return len(_keys) - 1


def fact_names() -> list[str]:
    """The names of every fact declared so far, in the order they were declared."""
    return list(_keys)


def page_fact(compute: Callable[[Page], T]) -> Callable[[Page], T]:
    """Declare `compute(page)` as a fact about the whole page, computed once per page."""
    key = _new_key(compute.__module__ + "." + compute.__qualname__)

    def fact(page: Page) -> T:
        known = page.page_facts
        value: T = known.get(key, _MISSING)
        if value is _MISSING:
            value = known[key] = compute(page)
        return value

    return functools.update_wrapper(fact, compute)


def element_fact(compute: Callable[[Page, Element], T]) -> Callable[[Page, Element], T]:
    """Declare `compute(page, el)` as a fact about one element, computed once per element."""
    key = _new_key(compute.__module__ + "." + compute.__qualname__)

    def fact(page: Page, el: Element) -> T:
        store = page.facts[key]
        value: T = store.get(el, _MISSING)
        if value is _MISSING:
            value = store[el] = compute(page, el)
        return value

    return functools.update_wrapper(fact, compute)


def inherited_fact(
    at_root: T,
) -> Callable[[Callable[[Page, Element, T], T]], Callable[[Page, Element], T]]:
    """Declare `compute(page, el, parent_value)` as a fact about one element that follows from
    its parent's value of the same fact; `at_root` stands for the parent of the root element.

    Asking for an element computes its ancestors first (each once, from the nearest one already
    known, going down), so an element deep in a page costs no recursion.
    """

    def decorate(compute: Callable[[Page, Element, T], T]) -> Callable[[Page, Element], T]:
        key = _new_key(compute.__module__ + "." + compute.__qualname__)

        def fact(page: Page, el: Element) -> T:
            store = page.facts[key]
            value: T = store.get(el, _MISSING)
            if value is not _MISSING:
                return value
            chain: list[Element] = []
            node: Element | None = el
            value = at_root
            while node is not None:
                known = store.get(node, _MISSING)
                if known is not _MISSING:
                    value = known
                    break
                chain.append(node)
                node = node.getparent()
            for node in reversed(chain):
                value = store[node] = compute(page, node, value)
            return value

        return functools.update_wrapper(fact, compute)

    return decorate


__all__ = ["element_fact", "fact_names", "inherited_fact", "page_fact"]
