"""aria-required-parent."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_tables import ARIA_1_2_ROLES, CONTEXT_IN_EITHER
from vngpublish.check.facts.html_roles import explicit_role
from vngpublish.check.facts.roles import implicit_role, role, shown_explicit_roles
from vngpublish.check.facts.tree import role_known, tree_parent
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_


class AriaRequiredParent(Rule):
    """Applies to every element in the accessibility tree with an explicit WAI-ARIA 1.2 role
    (the first valid token of `role`) that has a required context role, unless its HTML
    element has that role anyway (`<li role="listitem">`): a `listitem`, `option`, `tab`,
    `menuitem`, `treeitem`, `row`, `cell` and the like.

    Passes when its parent in the accessibility tree has one of the required context roles
    (or one the WAI-ARIA 1.3 draft adds): an `option` in a `listbox` or `group`, a `tab` in a
    `tablist`, a `row` in a `table`, `grid` or `rowgroup`. The parent in the accessibility tree
    is the nearest ancestor with a node of its own there, so a `div`, a `span` or an element
    with `role="none"` in between does not count, and `aria-owns` makes its owner the
    parent. Fails otherwise: a tab outside a tab list or an option outside a list box is
    announced without its set ("tab 2 of 4"), and its keyboard behaviour is lost. A parent
    that is a custom element without a `role` is left alone (script may give it the right
    one).
    """

    id = "aria-required-parent"
    title = N_("List items, options, tabs, rows and cells are inside their container")
    level = "A"
    wcag = ("1.3.1",)
    act = ("ff89c9",)
    axe = ("aria-required-parent",)
    tags = ("aria", "structure")
    why = N_(
        "A tab, option or list item is announced as part of its set ('tab 2 of 4'); outside "
        "the container its role needs, screen readers cannot say where it belongs."
    )
    fix = N_(
        "Place the element inside an element with the container role (a tablist, a listbox, "
        "a list), directly or through elements without a role, or point to it with aria-owns."
    )
    messages = {
        "wrong-parent": N_(
            "An element with role '{role}' must be inside an element with role {required}, "
            "but its parent in the accessibility tree is <{tag}> with role '{parent_role}'."
        ),
        "wrong-parent-no-role": N_(
            "An element with role '{role}' must be inside an element with role {required}, "
            "but its parent in the accessibility tree is <{tag}>, which has no such role."
        ),
        "no-parent": N_(
            "An element with role '{role}' must be inside an element with role {required}, "
            "but none contains it."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [
            el
            for el, explicit in shown_explicit_roles(page).items()
            if explicit in CONTEXT_IN_EITHER
            and explicit in ARIA_1_2_ROLES
            and explicit != implicit_role(page, el)
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            explicit = explicit_role(el) or ""
            contexts = CONTEXT_IN_EITHER[explicit]
            required = " or ".join(f"'{r}'" for r in sorted(contexts))
            parent = tree_parent(page, el)
            if parent is None or parent is page.root:
                yield self.fail(el, "no-parent", role=explicit, required=required)
                continue
            if not role_known(page, parent):
                continue
            parent_role = role(page, parent)
            if parent_role in contexts:
                continue
            if parent_role is None:
                yield self.fail(
                    el, "wrong-parent-no-role", role=explicit, required=required, tag=parent.tag
                )
            else:
                yield self.fail(
                    el,
                    "wrong-parent",
                    role=explicit,
                    required=required,
                    tag=parent.tag,
                    parent_role=parent_role,
                )
