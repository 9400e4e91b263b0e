"""aria-required-children."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import NamedTuple

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import is_true
from vngpublish.check.facts.aria_tables import OWNED_IN_EITHER, is_presentational
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.html_roles import markup_role
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.tree import owned, role_known
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
    not at all. An owned custom element without a `role` is left alone (script may give it
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
        busy = {el for el in page.with_attribute("aria-busy") if is_true(el, "aria-busy")}
        return [
            el
            for el in _containers(page).restricting
            if not is_hidden(page, el) and not (busy and _busy(el, busy))
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        # Without `aria-owns`, a container holding only its native parts passes (hidden or not).
        native = _containers(page).native if not page.with_attribute("aria-owns") else set()
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

    Taken from the page's indexes by tag and attribute, tables walked from the `table` down
    (a pass over every element, or over every row's ancestors, costs more than the rule)."""
    found: list[Element] = []
    native: set[Element] = set()
    roled = set(page.with_attribute("role"))
    for tag in ("ul", "ol", "menu", "dir"):
        for el in page.by_tag(tag):
            if el.get("role") is None:  # a list
                found.append(el)
                if tag != "dir" and _holds_only(el, _LIST_ITEMS, roled):
                    native.add(el)
    reached: set[Element] = set()
    for table in page.by_tag("table"):
        bare = table.get("role") is None
        if bare:
            found.append(table)
            if _holds_only(table, _NATIVE_PARTS["table"], roled):
                native.add(table)
        presentational = not bare and is_presentational(markup_role(page, table))
        for child in table:
            if child.tag == "tr":
                parts = [child]
            elif child.tag in ("thead", "tbody", "tfoot"):
                parts = [child, *(row for row in child if row.tag == "tr")]
            else:
                continue
            for part in parts:
                reached.add(part)
                if presentational or part.get("role") is not None:
                    continue
                found.append(part)
                if bare and _holds_only(part, _NATIVE_PARTS[part.tag], roled):
                    native.add(part)
    for tag in ("thead", "tbody", "tfoot", "tr"):
        for el in page.by_tag(tag):
            if el not in reached and el.get("role") is None and _restricts_children(page, el):
                found.append(el)  # a row or row group outside a table's own structure
                if _only_native_parts(el):
                    native.add(el)
    found += [
        el
        for el in page.by_tag("select")
        if el.get("role") is None and role(page, el) in OWNED_IN_EITHER  # a listbox
    ]
    found += [
        el
        for el in page.with_attribute("role")
        if (el.tag in _TAGS or not _OWNING_ROLES.isdisjoint((el.get("role") or "").lower().split()))
        and role(page, el) in OWNED_IN_EITHER
    ]
    return _Containers(found, native)


def _restricts_children(page: Page, el: Element) -> bool:
    """For a table part without a `role`: True unless its table is presentational."""
    table = next(el.iterancestors("table"), None)
    if table is not None:
        return not is_presentational(markup_role(page, table))
    return role(page, el) in OWNED_IN_EITHER


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
_LIST_ITEMS = frozenset({"li"})


def _only_native_parts(el: Element) -> bool:
    """True for the common case that needs no walk: an HTML list or table part without a
    `role`, in a table without one, holding only its native parts without a `role`. Such a
    container passes, whatever is hidden (and only a row's text counts, which a `tr` holds
    in its cells: browsers move other text out of the table)."""
    parts = _NATIVE_PARTS.get(el.tag)
    if parts is None or el.get("role") is not None:
        return False
    if el.tag not in ("ul", "ol", "menu"):
        table = el if el.tag == "table" else next(el.iterancestors("table"), None)
        if table is None or table.get("role") is not None:
            return False
    return _holds_only(el, parts)


def _holds_only(
    el: Element, parts: frozenset[str], roled: Collection[Element] | None = None
) -> bool:
    """True when every child element of `el` is one of `parts` without a `role`, or is never
    rendered. `roled` may hold the page's elements with a `role` (a set lookup is cheaper
    than reading the attribute); without it, each child's attribute is read."""
    for child in el:
        tag = child.tag
        if tag in parts:
            if child in roled if roled is not None else child.get("role") is not None:
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
