"""CSS animations that run forever (`animation-iteration-count: infinite`), read from the
page's own `<style>` elements and `style` attributes.

This is a first reading, not the cascade: a rule that sets `infinite` counts for every
element its selector matches, even when a more specific or later rule stops the animation
again, and linked stylesheets are not read. It serves rules whose outcome is always for
review, which then ask a person to look. Rules inside `@media` count when the query is for
screens or for people who did not ask for reduced motion (`prefers-reduced-motion:
no-preference`); rules for `prefers-reduced-motion: reduce` do not (they are recorded in
`reduces_motion`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import cssselect2
import tinycss2

from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

_NAMES = ("animation", "animation-iteration-count")
_MEDIA_OK = re.compile(r"^\s*(only\s+)?(all|screen)\s*$|prefers-reduced-motion\s*:\s*no-preference")
_REDUCE = re.compile(r"prefers-reduced-motion\s*:\s*reduce")


def _runs_forever(declarations: list[Any]) -> bool:
    for node in declarations:
        if node.type == "declaration" and node.lower_name in _NAMES:
            value = tinycss2.serialize(node.value).lower()
            if re.search(r"(?<![-\w])infinite(?![-\w])", value):
                return True
    return False


def _selectors(rules: list[Any], found: list[str]) -> None:
    """Collect the selectors of style rules in `rules` that make an animation run forever."""
    for rule in rules:
        if rule.type == "qualified-rule":
            body = tinycss2.parse_blocks_contents(rule.content)
            if _runs_forever(body):
                found.append(tinycss2.serialize(rule.prelude).strip())
        elif rule.type == "at-rule" and rule.content is not None:
            prelude = tinycss2.serialize(rule.prelude).lower()
            if rule.lower_at_keyword == "media":
                if _REDUCE.search(prelude):
                    continue
                if not any(_MEDIA_OK.search(part) for part in prelude.split(",")):
                    continue
            elif rule.lower_at_keyword not in ("supports", "layer"):
                continue
            _selectors(tinycss2.parse_rule_list(rule.content), found)


@page_fact
def _reading(page: Page) -> tuple[list[Element], bool]:
    animated: list[Element] = []
    reduce = [False]
    styled = page.with_attribute("style")
    # One test over all style attributes together: on most pages none says "infinite".
    if "infinite" in "\n".join([el.get("style") or "" for el in styled]).lower():
        for el in styled:
            style = el.get("style") or ""
            if "infinite" in style.lower() and _runs_forever(tinycss2.parse_blocks_contents(style)):
                animated.append(el)
    root = None
    for style in page.by_tag("style"):
        text = style.text or ""
        if in_template(page, style):
            continue
        lowered = text.lower()
        if _REDUCE.search(lowered):
            reduce[0] = True
        if "infinite" not in lowered:
            continue
        found: list[str] = []
        _selectors(tinycss2.parse_stylesheet(text, True, True), found)
        for selector in found:
            try:
                compiled = [
                    s for s in cssselect2.compile_selector_list(selector) if _may_match(page, s)
                ]
                if compiled:
                    if root is None:
                        root = cssselect2.ElementWrapper.from_html_root(page.html)
                    animated += [w.etree_element for w in root.query_all(*compiled)]
            except (cssselect2.SelectorError, NotImplementedError, SyntaxError):
                continue
    if not animated:
        return [], reduce[0]
    wanted = set(animated)
    return [el for el in page.elements if el in wanted], reduce[0]


# How cssselect2 splits a class attribute into class names.
_CLASS_NAMES = re.compile("[^ \t\r\n\f]+")


def _may_match(page: Page, selector: Any) -> bool:
    """False when the compiled `selector` matches no element of the page for certain: its
    subject needs an id or a class name no element has. Matching a selector over the whole
    tree wraps every element (milliseconds on a long page); this is asked first."""
    if selector.never_matches:
        return False
    if selector.id is not None and selector.id not in page.ids:
        return False
    return selector.class_name is None or selector.class_name in _class_names(page)


@page_fact
def _class_names(page: Page) -> set[str]:
    """Every class name some element of the page has."""
    return {
        name
        for el in page.with_attribute("class")
        for name in _CLASS_NAMES.findall(el.get("class") or "")
    }


def infinite_animations(page: Page) -> list[Element]:
    """The elements, in document order, that the page's own CSS gives an animation that runs
    forever."""
    return _reading(page)[0]


def reduces_motion(page: Page) -> bool:
    """True when the page's own CSS has rules for `prefers-reduced-motion: reduce`."""
    return _reading(page)[1]
