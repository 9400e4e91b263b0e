"""aria-required-children."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import is_true
from vngpublish.check.facts.aria_tables import OWNED_IN_EITHER, is_presentational
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.html_roles import markup_role
from vngpublish.check.facts.roles import explicit_roles, role
from vngpublish.check.facts.tree import is_ignored, owned, role_known
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# The elements whose implicit role may own only certain roles (list, table, row, rowgroup,
# listbox).
_TAGS = ("ul", "ol", "menu", "dir", "table", "thead", "tbody", "tfoot", "tr", "select")
_OWNING_ROLES = frozenset(OWNED_IN_EITHER)


class AriaRequiredChildren(Rule):
    """Applies to every element in the accessibility tree whose role (explicit or implicit)
    is one for which WAI-ARIA 1.2 lists required owned elements: `list`, `listbox`, `menu`,
    `menubar`, `tablist`, `tree`, `grid`, `table`, `row`, `rowgroup`, `feed` ... (an `ul`, a
    `table` and its rows count). Not when it or an ancestor has `aria-busy="true"`: the
    content is still being built.

    Passes when every element it owns in the accessibility tree has a role from that list:
    its children, and theirs through elements that have no node of their own there (a `div`
    or `span` without ARIA attributes, an element with `role="none"`, hidden content), and the
    elements `aria-owns` gives it. A `group` the list allows only with given content (`group >
    option` in a listbox) must own only that content, or further such groups. What the 1.3
    draft allows as well is allowed (a `caption` in a table, a `separator` in a menu), and so
    is a `menu` in a menu or menu bar: the submenu a menu item opens. Fails when it owns
    another role, an element that can take focus without one, or (a `row`) text outside its
    cells: screen readers then count and announce the list items, tabs or cells wrongly, or
    not at all. A `div` or `span` that wraps no part (empty, or only text) is such an owned
    element itself. An owned custom element without a `role` is left alone (script may give it
    the right one); inside an HTML table only what browsers keep there counts.
    """

    id = "aria-required-children"
    title = N_("Lists, tables, menus and tab lists contain only their own parts")
    level = "A"
    wcag = ("1.3.1",)
    act = ("bc4a75",)
    axe = ("aria-required-children",)
    tags = ("aria", "structure")
    why = N_(
        "A screen reader announces a list as 'list, 3 items' and a tab list by its tabs: "
        "anything else placed directly inside breaks the count and the navigation."
    )
    fix = N_(
        "Put other content inside one of the parts (a list item, a cell, a tab), or remove "
        "the role from the container when it is no list, table or menu."
    )
    messages = {
        "wrong-child": N_(
            "An element with role '{role}' may own only {allowed}, but it owns <{tag}> with "
            "role '{child_role}'."
        ),
        "wrong-child-no-role": N_(
            "An element with role '{role}' may own only {allowed}, but it owns <{tag}>, "
            "which has no such role."
        ),
        "text-outside": N_(
            "An element with role '{role}' may own only {allowed}, but it holds text outside "
            "them: '{text}'."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        """The targets, except that of the containers holding only their native parts (which
        pass, whatever else is true, on a page without `aria-owns`) only the first is given:
        enough to show that the rule applies, without asking of every row of every table
        whether it is hidden."""
        busy = {el for el in page.with_attribute("aria-busy") if is_true(el, "aria-busy")}
        containers = _containers(page)
        native = _native_parts_pass(page)
        targets: list[Element] = []
        passing: Element | None = None
        for el in containers.restricting:
            if passing is not None and el in native:
                continue
            if not is_hidden(page, el) and not (busy and _busy(el, busy)):
                targets.append(el)
                if passing is None and el in native:
                    passing = el
        return targets

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        native = _native_parts_pass(page)
        for el in targets:
            if el in native:
                continue
            problem = _problem(page, el, OWNED_IN_EITHER[role(page, el) or ""])
            if problem is None:
                continue
            owner, child, allowed, text = problem
            args = {
                "role": role(page, owner) or "",
                "allowed": " or ".join(f"'{r}'" for r in allowed),
            }
            if child is None:
                yield self.fail(el, "text-outside", text=_shortened(text), **args)
            elif role(page, child) is None:
                yield self.fail(el, "wrong-child-no-role", tag=child.tag, **args)
            else:
                child_role = role(page, child)
                yield self.fail(el, "wrong-child", tag=child.tag, child_role=child_role, **args)


def _native_parts_pass(page: Page) -> set[Element]:
    """The containers that hold only their native parts, when that makes them pass: on a page
    without `aria-owns` (which could give them other children), hidden or not."""
    return _containers(page).native if not page.with_attribute("aria-owns") else set()


class _Containers(NamedTuple):
    """The elements of a page whose role has required owned elements (`restricting`, in no
    particular order), and those among them that hold only their native parts (`native`)."""

    restricting: list[Element]
    native: set[Element]


@page_fact
def _containers(page: Page) -> _Containers:
    """Lists and tables without a `role`, the rows and row groups of tables that are not
    presentational, and elements whose `role` resolves to a role with required owned
    elements; each HTML list or table part checked for its native parts on the way.

    Taken from the page's indexes by tag and attribute (a pass over every element of a large
    page costs more than the rule); a table part finds its table as its parent or through its
    row group, and asks about the table once."""
    found: list[Element] = []
    native: set[Element] = set()
    roles = explicit_roles(page)
    roled = {el for el, _ in roles}
    for tag in ("ul", "ol", "menu", "dir", "table"):
        parts = _NATIVE_PARTS.get(tag)
        for el in page.by_tag(tag):
            if el not in roled:  # a list, a table
                found.append(el)
                if parts is not None and _holds_only(el, parts, roled):
                    native.add(el)
    tables: dict[Element, tuple[bool, bool]] = {}  # table -> (presentational, without role)
    for tag in ("thead", "tbody", "tfoot", "tr"):
        for el in page.by_tag(tag):
            if el in roled:
                continue
            table = _table_of(el)
            if table is None:
                if role(page, el) in OWNED_IN_EITHER:
                    found.append(el)  # a row or row group outside any table
                continue
            known = tables.get(table)
            if known is None:
                bare = table not in roled
                presentational = not bare and is_presentational(markup_role(page, table))
                known = tables[table] = (presentational, bare)
            if not known[0]:
                found.append(el)
                if known[1] and _holds_only(el, _NATIVE_PARTS[tag], roled):
                    native.add(el)
    found += [
        el
        for el in page.by_tag("select")
        if el not in roled and role(page, el) in OWNED_IN_EITHER  # a listbox
    ]
    # An element whose explicit role has no required owned elements has that role, unless it
    # is presentational and yields to the implicit role (which only `_TAGS` or a `datalist`
    # may give; the role's own tokens tell of the latter).
    found += [
        el
        for el, explicit in roles
        if (
            explicit in _OWNING_ROLES
            or (
                (explicit is None or is_presentational(explicit))
                and (
                    el.tag in _TAGS
                    or not _OWNING_ROLES.isdisjoint((el.get("role") or "").lower().split())
                )
            )
        )
        and role(page, el) in OWNED_IN_EITHER
    ]
    return _Containers(found, native)


def _table_of(part: Element) -> Element | None:
    """The nearest `table` ancestor of a row or row group."""
    parent = part.getparent()
    if parent is not None and parent.tag in ("thead", "tbody", "tfoot"):
        parent = parent.getparent()
    if parent is not None and parent.tag == "table":
        return parent
    return next(part.iterancestors("table"), None)


def _problem(
    page: Page, el: Element, entries: tuple[str, ...]
) -> tuple[Element, Element | None, list[str], str] | None:
    """The first thing `el` owns that `entries` do not allow: (its owner, the element or None
    for text, the roles its owner may own, the text); None when all is allowed. A `group` that
    `entries` allow only with given content ("group > option") must own only that content or
    further such groups. Text counts only directly in a row, whose content belongs in its
    cells; a menu inside a menu or menu bar is the submenu of a menu item."""
    direct = sorted({entry.split(">")[0].strip() for entry in entries})
    nested: dict[str, list[str]] = {}
    for entry in entries:
        if ">" in entry:
            outer, inner = (part.strip() for part in entry.split(">", 1))
            nested.setdefault(outer, [outer]).append(inner)
    pending: list[tuple[Element, list[str]]] = [(el, direct)]
    while pending:
        owner, allowed = pending.pop(0)
        content = owned(page, owner)
        if content.text and owner is el and role(page, el) == "row":
            return owner, None, allowed, content.text
        empty = _empty_generic(page, owner)
        if empty is not None:
            return owner, empty, allowed, ""
        for child in content.children:
            if not role_known(page, child):
                continue
            child_role = role(page, child)
            if child_role == "menu" and "menuitem" in allowed:
                continue  # the submenu a menu item opens (the APG menu and menubar pattern)
            if child_role not in allowed:
                return owner, child, allowed, ""
            if child_role in nested and child_role not in entries:
                pending.append((child, sorted(set(nested[child_role]))))
    return None


def _empty_generic(page: Page, owner: Element) -> Element | None:
    """The first element with the `generic` role (a `div` or `span` without a role or ARIA
    attributes) that `owner` holds, directly or through other such elements, and that owns
    nothing in the accessibility tree itself: it is then an owned element of its own (an empty
    `div` in a list), not a wrapper around parts. Not inside an HTML table, whose parser moves
    such content out."""
    if owner.tag in ("table", "thead", "tbody", "tfoot", "tr"):
        return None
    # A stack, next element last: in document order without shifting a long list of children.
    pending = [child for child in reversed(owner) if isinstance(child.tag, str)]
    while pending:
        child = pending.pop()
        if is_hidden(page, child) or not is_ignored(page, child) or role(page, child) != "generic":
            continue
        if not owned(page, child).children:
            return child
        pending.extend(
            grandchild for grandchild in reversed(child) if isinstance(grandchild.tag, str)
        )
    return None


# HTML containers whose own children, without a `role`, have roles the container allows: an
# `li` in a list, cells in a row, rows in a row group, the parts of a table (anything else
# browsers move out of a table); elements never rendered may stand among them.
_NATIVE_PARTS = {
    "ul": frozenset({"li"}),
    "ol": frozenset({"li"}),
    "menu": frozenset({"li"}),
    "tr": frozenset({"td", "th"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "table": frozenset({"caption", "colgroup", "thead", "tbody", "tfoot", "tr"}),
}
_NEVER_SHOWN = frozenset({"script", "template", "style"})


def _holds_only(el: Element, parts: frozenset[str], roled: Collection[Element]) -> bool:
    """True when every child element of `el` is one of `parts` without a `role` (`roled`
    holds the page's elements with one), or is never rendered."""
    for child in el:
        tag = child.tag
        if tag in parts:
            if child in roled:
                return False
        elif isinstance(tag, str) and tag not in _NEVER_SHOWN:
            return False
    return True


def _shortened(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def _busy(el: Element, busy: set[Element]) -> bool:
    """True when `el` or an ancestor is one of the `busy` elements."""
    node: Element | None = el
    while node is not None:
        if node in busy:
            return True
        node = node.getparent()
    return False
