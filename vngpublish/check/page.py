"""One parsed page: its source, its lxml tree, indexes of its elements, and its fact store.

Rules never walk the whole tree themselves: they take elements from the page's indexes
(`by_tag`, `with_attribute`, `by_id`) and ask facts about them (`vngpublish.check.facts`),
which the page stores once computed (`Page.facts`). Where an element is in the source (line,
column, selector, snippet) is `vngpublish.check.locate`'s business.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from pathlib import Path
from typing import Any

from lxml import etree

from vngpublish.check import treefix
from vngpublish.check.dom import Element
from vngpublish.check.parse import normalize_newlines, parse_html
from vngpublish.check.style.media import Screen


class Page:
    """A parsed HTML page.

    `path` is how findings name the file; `site_root` is the folder root-relative URLs resolve
    against (`--root`), or None; `screen` the device media queries are evaluated for (the
    style engine's default, 1280x800, when None). `source` keeps the text with line endings
    normalised to LF, so that its lines are the lines findings are reported at. Raises
    `ParseStopped` when the parser cannot read the whole page.
    """

    def __init__(
        self,
        source: str,
        path: str = "<string>",
        site_root: Path | None = None,
        screen: Screen | None = None,
    ) -> None:
        self.source = normalize_newlines(source)
        self.path = path
        self.site_root = site_root
        self.screen = screen
        self.root: Element = parse_html(self.source, path)
        self.facts: defaultdict[int, dict[Any, Any]] = defaultdict(dict)
        """What element facts know about this page's elements, by fact (see
        `vngpublish.check.facts.fact`)."""
        self.page_facts: dict[int, Any] = {}
        """What page facts know about this page, by fact."""
        if treefix.repair(self.root, self._indexes[0]):
            # An <image> became <img>, or head content moved into the body: list and index the
            # elements again.
            del self.__dict__["_indexes"], self.__dict__["elements"]
        self._tag_sets: dict[tuple[str, ...], list[Element]] = {}

    @cached_property
    def elements(self) -> list[Element]:
        """Every element in document order (no comments or processing instructions)."""
        return list(self.root.iter(etree.Element))

    def by_tag(self, *tags: str) -> list[Element]:
        """Elements with one of these tag names, in document order (cached per tag set)."""
        index = self._by_tag
        if len(tags) == 1:
            return index.get(tags[0]) or []
        found = self._tag_sets.get(tags)
        if found is None:
            present = [tag for tag in tags if tag in index]
            if len(present) <= 1:
                found = index[present[0]] if present else []
            else:
                wanted = set(present)
                found = [el for el in self.elements if el.tag in wanted]
            self._tag_sets[tags] = found
        return found

    @cached_property
    def _by_tag(self) -> dict[str, list[Element]]:
        return self._indexes[0]

    @cached_property
    def _indexes(self) -> tuple[dict[str, list[Element]], dict[str, list[Element]]]:
        """Elements by tag and by attribute name, from one pass over the cached element list.

        Several times cheaper than one lxml `iter(tag)` (which walks the tree in C but wraps
        each element again) or one XPath `//*[@name]` query, and rules ask about many tags and
        attribute names on every page.
        """
        by_tag: dict[str, list[Element]] = {}
        by_attribute: dict[str, list[Element]] = {}
        for el in self.elements:
            found = by_tag.get(el.tag)
            if found is None:
                by_tag[el.tag] = [el]
            else:
                found.append(el)
            for name in el.keys():  # noqa: SIM118 (an element iterates over its children)
                found = by_attribute.get(name)
                if found is None:
                    by_attribute[name] = [el]
                else:
                    found.append(el)
        return by_tag, by_attribute

    @cached_property
    def ids(self) -> dict[str, list[Element]]:
        """Elements by `id` value (a list, since ids may be duplicated)."""
        index: dict[str, list[Element]] = {}
        for el in self.with_attribute("id"):
            index.setdefault(el.get("id"), []).append(el)
        return index

    def by_id(self, element_id: str) -> Element | None:
        """The first element with this id, as `getElementById` would return it."""
        found = self.ids.get(element_id)
        return found[0] if found else None

    def with_attribute(self, name: str) -> list[Element]:
        """Elements that carry attribute `name` (any value), in document order."""
        return self._by_attribute.get(name) or []

    def attribute_names(self) -> list[str]:
        """The name of every attribute some element of the page carries, once each."""
        return list(self._by_attribute)

    @cached_property
    def _by_attribute(self) -> dict[str, list[Element]]:
        return self._indexes[1]

    @cached_property
    def is_xhtml(self) -> bool:
        """True for an XHTML file (`.xhtml`), where `xml:lang` sets the language like `lang`."""
        return self.path.lower().endswith(".xhtml")

    @property
    def html(self) -> Element:
        """The root `html` element."""
        return self.root

    @cached_property
    def head(self) -> Element | None:
        """The `head` element, if the page has one."""
        return self.root.find("head")

    @cached_property
    def body(self) -> Element | None:
        """The `body` element, if the page has one."""
        return self.root.find("body")


__all__ = ["Page"]
