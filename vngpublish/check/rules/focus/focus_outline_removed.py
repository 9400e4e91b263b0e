"""focus-outline-removed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

from vngpublish.check.dom import Element
from vngpublish.check.facts.focus import is_sequentially_focusable
from vngpublish.check.facts.style import cascade, remote_sheets
from vngpublish.check.facts.visibility import is_rendered
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.style import AuthorRule
from vngpublish.i18n import N_

_FOCUS: Final = re.compile(r":focus(?:-visible|-within)?(?![\w-])", re.IGNORECASE)
# Rules that only apply when focus is not to be shown (`:focus:not(:focus-visible)`, the
# pattern for mouse users), or in other states too, remove nothing keyboard users need.
_NOT_SHOWN: Final = re.compile(r":not\(\s*:focus-visible\s*\)", re.IGNORECASE)
_OTHER_STATES: Final = re.compile(r":(?:hover|active|visited|checked|target)(?![\w-])", re.I)
_PSEUDO_ELEMENT: Final = re.compile(r"::?(?:before|after)\b", re.IGNORECASE)
# Declarations that make a focused element look different.
_INDICATORS: Final = ("outline", "box-shadow", "border", "background", "color", "text-decoration")
# Tags that can be focusable without `tabindex` or `contenteditable`.
_FOCUSABLE_TAGS: Final = (
    "a", "area", "audio", "button", "input", "select", "summary", "textarea", "video"
)  # fmt: skip


class FocusOutlineRemoved(Rule):
    """Applies to the elements reached with the Tab key (focusable and not `tabindex="-1"`),
    rendered, matched by an author rule for `:focus` or `:focus-visible` that removes the
    outline (`outline: none`, `outline: 0`, a zero `outline-width`), unless the rule only
    applies when focus is not shown (`:focus:not(:focus-visible)`) or in another state as well
    (`:hover:focus`). One result per such rule, on the first element it matches.

    Passes when another rule for the focused element (or a focused descendant, `:focus-within`)
    shows focus another way: an outline, a box shadow, a border, a background, a colour or a
    text decoration, or generated content. Fails when nothing takes the outline's place and
    the page has no script and no remote stylesheet that could add a focus style; otherwise
    the result is for review.
    """

    id = "focus-outline-removed"
    title = N_("Removing the focus outline leaves another focus indicator")
    level = "AA"
    wcag = ("2.4.7",)
    tags = ("keyboard",)
    why = N_(
        "Keyboard users see where they are on the page only by the focus indicator; without "
        "it they cannot tell which link or button Enter will activate."
    )
    fix = N_(
        "Keep the browser's focus outline, or replace it with a clearly visible focus style "
        "(an outline of your own, a border or background) in the same rule."
    )
    messages = {
        "no-indicator": N_(
            "The rule {selector} ({where}) removes the focus outline of {count} focusable "
            "elements, such as this one, and no other focus style takes its place: keyboard "
            "users cannot see where they are."
        ),
        "check-indicator": N_(
            "The rule {selector} ({where}) removes the focus outline of {count} focusable "
            "elements, such as this one; no other focus style was found, but a script or a "
            "remote stylesheet may add one: check with the Tab key that focus stays visible."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        return [first for first, _rule, _count in _removals(page)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        sure = not page.by_tag("script") and not remote_sheets(page)
        for first, rule, count in _removals(page):
            where = f"{rule.path or rule.url or ''}:{rule.line}" if rule.line else ""
            args = {"selector": rule.selector, "where": where, "count": count}
            if sure:
                yield self.fail(first, "no-indicator", **args)
            else:
                yield self.cant_tell(first, "check-indicator", **args)


def _removals(page: Page) -> list[tuple[Element, AuthorRule, int]]:
    """Each rule that removes the focus outline with nothing in its place: the first element
    it leaves without an indicator, the rule, and how many elements it does that to."""
    rules = cascade(page).author_rules(":focus")
    if not rules:
        return []
    removing = [rule for rule in rules if _removes(rule)]
    if not removing:
        return []
    # Only elements the Tab key reaches can lose their indicator: the selectors are tested
    # on those (and, for the rules that show focus, on their ancestors), not on the page.
    stops = _focus_candidates(page)
    if not stops:
        return []
    showing = [s for rule in rules if _shows(rule) for s in _compiled(page, rule)]
    shown: dict[Element, bool] = {}
    found = []
    for rule in removing:
        selectors = _compiled(page, rule)
        left = [
            el
            for el in stops
            if _matches(page, selectors, el)
            and is_rendered(page, el)
            and not _shown(page, showing, el, shown)
        ]
        if left:
            found.append((left[0], rule, len(left)))
    return found


def _focus_candidates(page: Page) -> list[Element]:
    """The elements focusable by their markup and in the tab order, in document order."""
    candidates = set(page.by_tag(*_FOCUSABLE_TAGS))
    candidates.update(page.with_attribute("tabindex"))
    candidates.update(page.with_attribute("contenteditable"))
    if not candidates:
        return []
    return [el for el in page.elements if el in candidates and is_sequentially_focusable(el)]


def _shown(page: Page, showing: list[Any], el: Element, known: dict[Element, bool]) -> bool:
    """True when a rule that shows focus matches `el` or an ancestor (`:focus-within`)."""
    if not showing:
        return False
    node: Element | None = el
    while node is not None:
        verdict = known.get(node)
        if verdict is None:
            verdict = known[node] = _matches(page, showing, node)
        if verdict:
            return True
        node = node.getparent()
    return False


def _removes(rule: AuthorRule) -> bool:
    if _NOT_SHOWN.search(rule.selector) or _OTHER_STATES.search(rule.selector):
        return False
    if ":focus-within" in rule.selector.lower() and not re.search(
        r":focus(?:-visible)?(?![\w-])", rule.selector, re.IGNORECASE
    ):
        return False
    removed = False
    for decl in rule.declarations:
        if (decl.name == "outline-style" and decl.value == "none") or (
            decl.name == "outline-width" and _zero(decl.value)
        ):
            removed = True
    return removed and not _shows(rule)


def _shows(rule: AuthorRule) -> bool:
    """True when the rule makes a focused element look different (not only by removing)."""
    for decl in rule.declarations:
        name = decl.name
        if name == "outline-style":
            if decl.value != "none":
                return True
        elif name == "outline-width" or name == "outline-color":
            continue
        elif name == "content" or name.startswith(_INDICATORS):
            return True
    return False


def _zero(value: Any) -> bool:
    return getattr(value, "value", None) == 0


def _compiled(page: Page, rule: AuthorRule) -> list[Any]:
    """The rule's selectors with the focus pseudo-classes and ::before/::after taken out,
    compiled (none when cssselect2 cannot read them)."""
    text = _PSEUDO_ELEMENT.sub("", _FOCUS.sub("", rule.selector))
    parts = [part.strip() or "*" for part in text.split(",")]
    return cascade(page).compiled(", ".join(parts))


def _matches(page: Page, selectors: list[Any], el: Element) -> bool:
    wrapper = None
    for selector in selectors:
        if not _may_match(selector, el):
            continue
        if wrapper is None:
            wrapper = cascade(page).wrapper(el)
        if selector.test(wrapper):
            return True
    return False


def _may_match(selector: Any, el: Element) -> bool:
    """False when the id, class or tag of a compiled selector's rightmost compound rules `el`
    out (a quick test before the selector's own, which needs the element's wrapper)."""
    if selector.never_matches:
        return False
    if selector.id is not None and el.get("id") != selector.id:
        return False
    if selector.class_name is not None and selector.class_name not in (el.get("class") or ""):
        return False
    name = selector.local_name
    return name is None or el.tag == name or el.tag == selector.lower_local_name
