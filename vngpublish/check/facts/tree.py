"""Parents and children in the accessibility tree, as far as markup decides them.

The accessibility tree leaves out what is hidden (`visibility.is_hidden`) and what has no
semantics of its own: elements with a presentational role (`none`, `presentation`, explicit
or inherited, once WAI-ARIA's conflict resolution has run), and `generic` elements (`div`,
`span` ...) or elements with no corresponding role (`label`, SVG shapes, `br`) that can take
no focus and carry no global ARIA attribute (a `div` with `aria-live` is a node). Their
children take their place, as the WAI-ARIA 1.3 draft's "accessibility children" say.
`aria-owns` moves the elements it names to the end of the owner's children (the first owner
of an element wins; an element cannot own an ancestor of itself).

An autonomous custom element without a `role` may get its role from script
(`ElementInternals`), which markup cannot show: `role_known` is False for it, and
`tree_parent` stops at it, so that rules about parents and children can say they cannot tell.

Each question costs a walk over the element's own children or ancestors; the `aria-owns`
relations are read once per page from its index of elements with that attribute.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from vngpublish.check.facts.aria_tables import ALL_GLOBAL_ATTRIBUTES, is_presentational
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.facts.focus import is_focusable
from vngpublish.check.facts.html_conditions import is_custom_element
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.ids import ids_in_document
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.visibility import is_hidden, is_invisible_only

if TYPE_CHECKING:
    from collections.abc import Iterator

    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page


@page_fact
def _owners(page: Page) -> dict[Element, Element]:
    """Element -> the element whose `aria-owns` takes it (the first to name it)."""
    found: dict[Element, Element] = {}
    owners = page.with_attribute("aria-owns")
    if not owners:
        return found
    ids = ids_in_document(page)
    for owner in owners:
        if in_template(page, owner):
            continue
        for token in (owner.get("aria-owns") or "").split():
            elements = ids.get(token)
            if not elements:
                continue
            target = elements[0]
            if target in found or target is owner or _is_inclusive_ancestor(target, owner):
                continue
            found[target] = owner
    return found


@page_fact
def _owned(page: Page) -> dict[Element, list[Element]]:
    """Owner -> the elements its `aria-owns` takes, in the order it names them."""
    found: dict[Element, list[Element]] = {}
    for target, owner in _owners(page).items():
        found.setdefault(owner, []).append(target)
    return found


def _is_inclusive_ancestor(ancestor: Element, el: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if node is ancestor:
            return True
        node = node.getparent()
    return False


def owner_of(page: Page, el: Element) -> Element | None:
    """The element whose `aria-owns` takes `el`, if any."""
    return _owners(page).get(el)


def role_known(page: Page, el: Element) -> bool:
    """False for an autonomous custom element without a valid `role`: its role may come from
    script, which markup does not show."""
    return not (is_custom_element(el) and explicit_role(el) is None)


def is_ignored(page: Page, el: Element) -> bool:
    """True when `el` (in the accessibility tree or not) has no node of its own there: a
    presentational role, or a `generic` role or none at all, and it cannot take focus and has
    no global ARIA attribute (a `div` with `aria-live` or `aria-label` is a node)."""
    if not role_known(page, el):
        return False
    semantic = role(page, el)
    if is_presentational(semantic):
        return True
    if semantic not in (None, "generic") or is_focusable(el):
        return False
    return not any(name in ALL_GLOBAL_ATTRIBUTES and name != "aria-hidden" for name in el.attrib)


def tree_parent(page: Page, el: Element) -> Element | None:
    """The parent of `el` in the accessibility tree: its `aria-owns` owner, else its nearest
    ancestor that has a node of its own (or a custom element whose role markup cannot tell);
    None at the top."""
    owners = _owners(page)
    node = el
    while True:
        owner = owners.get(node)
        parent = owner if owner is not None else node.getparent()
        if parent is None:
            return None
        if not is_hidden(page, parent) and not is_ignored(page, parent):
            return parent
        node = parent


@dataclass(frozen=True, slots=True)
class Owned:
    """What an element owns in the accessibility tree: its child elements there, in order,
    and the text it holds itself or through elements without a node of their own."""

    children: tuple[Element, ...]
    text: str


def tree_children(page: Page, el: Element) -> tuple[Element, ...]:
    """The children of `el` in the accessibility tree that are elements (see `owned`)."""
    return owned(page, el).children


@element_fact
def owned(page: Page, el: Element) -> Owned:
    """The children of `el` in the accessibility tree, in order: its own children, those of
    the children that have no node of their own in their place, and the elements `aria-owns`
    moves to it; with the text (not only white space) among them. Inside the parts of an HTML
    table, only what browsers' parsers keep there counts: other content is moved out before
    the table, and text with it."""
    walk = _Walk(_owners(page), _owned(page), [])
    found: list[Element] = []
    walks = [walk.children_of(el)]  # a stack instead of recursion: nesting can be deep
    while walks:
        child = next(walks[-1], None)
        if child is None:
            walks.pop()
        elif is_hidden(page, child):
            if is_invisible_only(page, child):  # a descendant may be visible again
                walks.append(walk.children_of(child, with_text=False))
        elif is_ignored(page, child):
            walks.append(walk.children_of(child))
        else:
            found.append(child)
    return Owned(tuple(found), " ".join(" ".join(walk.texts).split()))


@dataclass(slots=True)
class _Walk:
    """What one `owned` walk needs: the `aria-owns` relations, and the text found so far."""

    owners: dict[Element, Element]
    moved: dict[Element, list[Element]]
    texts: list[str]

    def children_of(
        self, container: Element, in_table: bool = False, with_text: bool = True
    ) -> Iterator[Element]:
        """The children of `container` that may be owned in its place, and its text."""
        in_table = in_table or container.tag in _TABLE_PARTS
        with_text = with_text and not in_table
        if with_text:
            self.texts.append(container.text or "")
        for child in container:
            if with_text:
                self.texts.append(child.tail or "")
            if not isinstance(child.tag, str) or self.owners.get(child) is not None:
                continue
            if in_table and child.tag == "form":
                yield from self.children_of(child, in_table=True)  # browsers leave it empty
            elif not in_table or child.tag in _TABLE_CONTENT:
                yield child
        yield from self.moved.get(container, ())


# The parts of an HTML table, and what the parser keeps inside them (the rest is moved before
# the table; a `form` stays, emptied, and `script`, `style`, `template` are never rendered).
_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
_TABLE_CONTENT = frozenset({"caption", "colgroup", "thead", "tbody", "tfoot", "tr", "td", "th"})
