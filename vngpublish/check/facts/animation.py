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
    for el in page.with_attribute("style"):
        style = el.get("style") or ""
        if "infinite" in style.lower() and _runs_forever(tinycss2.parse_blocks_contents(style)):
            animated.append(el)
    for style in page.by_tag("style"):
        text = style.text or ""
        if in_template(page, style):
            continue
        if _REDUCE.search(text.lower()):
            reduce[0] = True
        if "infinite" not in text.lower():
            continue
        found: list[str] = []
        _selectors(tinycss2.parse_stylesheet(text, True, True), found)
        if not found:
            continue
        root = cssselect2.ElementWrapper.from_html_root(page.html)
        for selector in found:
            try:
                animated += [w.etree_element for w in root.query_all(selector)]
            except (cssselect2.SelectorError, NotImplementedError, SyntaxError):
                continue
    if not animated:
        return [], reduce[0]
    wanted = set(animated)
    return [el for el in page.elements if el in wanted], reduce[0]


def infinite_animations(page: Page) -> list[Element]:
    """The elements, in document order, that the page's own CSS gives an animation that runs
    forever."""
    return _reading(page)[0]


def reduces_motion(page: Page) -> bool:
    """True when the page's own CSS has rules for `prefers-reduced-motion: reduce`."""
    return _reading(page)[1]
