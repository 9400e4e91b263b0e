"""focus-outline-removed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

import cssselect2

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
    shown = set(_matching(page, [s for rule in rules if _shows(rule) for s in _compiled(rule)]))
    found = []
    for rule in removing:
        left = [
            el
            for el in _matching(page, _compiled(rule))
            if is_sequentially_focusable(el)
            and is_rendered(page, el)
            and el not in shown
            and not any(ancestor in shown for ancestor in el.iterancestors())
        ]
        if left:
            found.append((left[0], rule, len(left)))
    return found


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


def _compiled(rule: AuthorRule) -> list[Any]:
    """The rule's selectors with the focus pseudo-classes and ::before/::after taken out,
    compiled (none when cssselect2 cannot read them)."""
    text = _PSEUDO_ELEMENT.sub("", _FOCUS.sub("", rule.selector))
    parts = [part.strip() or "*" for part in text.split(",")]
    try:
        return list(cssselect2.compile_selector_list(", ".join(parts)))
    except (cssselect2.SelectorError, NotImplementedError, SyntaxError, RecursionError):
        return []


def _matching(page: Page, selectors: list[Any]) -> list[Element]:
    if not selectors:
        return []
    root = cssselect2.ElementWrapper.from_html_root(page.root)
    return [
        wrapper.etree_element
        for wrapper in root.iter_subtree()
        if any(selector.test(wrapper) for selector in selectors)
    ]
