"""aria-required-children."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import is_true
from vngpublish.check.facts.aria_tables import OWNED_IN_EITHER, is_presentational
from vngpublish.check.facts.html_roles import markup_role
from vngpublish.check.facts.roles import role, with_tag_or_role
from vngpublish.check.facts.tree import owned, role_known
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# The elements whose implicit role may own only certain roles (list, table, row, rowgroup,
# listbox).
_TAGS = ("ul", "ol", "menu", "dir", "table", "thead", "tbody", "tfoot", "tr", "select")


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
            for el in with_tag_or_role(page, _TAGS, OWNED_IN_EITHER)
            if _restricts_children(page, el)
            and not is_hidden(page, el)
            and not (busy and _busy(el, busy))
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        plain = not page.with_attribute("aria-owns")
        for el in targets:
            if plain and _only_native_parts(el):
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


def _restricts_children(page: Page, el: Element) -> bool:
    """True when the role of `el` has required owned elements. (The parts of an HTML table
    without a `role` have theirs unless the table is presentational: asked once per table.)"""
    if el.get("role") is None:
        if el.tag in ("ul", "ol", "menu", "dir", "table"):
            return True  # a list, a table
        if el.tag in ("tr", "thead", "tbody", "tfoot"):
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
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _NEVER_SHOWN:
            continue
        if tag not in parts or child.get("role") is not None:
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
