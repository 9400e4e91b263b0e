"""valid-lang."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check import bcp47
from vngpublish.check.dom import Element, collapsed_text
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden, is_rendered, text_is_perceivable
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

# Elements whose content is never rendered as text of the page.
_NO_TEXT = frozenset({"script", "style", "template", "noscript", "head", "title"})
# Attributes that give an element an accessible name or description of its own.
_TEXT_ATTRIBUTES = (
    "alt",
    "aria-label",
    "aria-labelledby",
    "aria-description",
    "aria-describedby",
    "title",
    "placeholder",
    "value",
)


class ValidLang(Rule):
    """Applies to elements in the `body` (and `body` itself) with a non-empty `lang`
    attribute. `lang=""` (language unknown) is not checked; the `html` element is checked by
    html-lang-valid.

    Passes when the tag is valid and current, or when no text takes its language from the
    element: no visible text, text in the accessibility tree, or accessible name (such as an
    image's `alt`) that is not inside a deeper element with its own `lang`. Otherwise it fails
    when the first subtag is not a registered language (`lang="dutch"`, `lang="eng"`,
    `lang="en_GB"`), and needs review when the language is recognised but the rest of the tag is
    malformed, unregistered or deprecated.
    """

    id = "valid-lang"
    title = N_("Language of parts is a valid language tag")
    level = "AA"
    wcag = ("3.1.2",)
    act = ("de46e4",)
    axe = ("valid-lang",)
    tags = ("language",)
    why = N_(
        "A passage in another language is only read with the right pronunciation when its lang is "
        "a tag screen readers recognise."
    )
    fix = N_('Use a registered language code on the passage, e.g. <q lang="en">.')
    messages = {k: v for k, v in bcp47.MESSAGES.items() if k != "empty"}  # lang="" is not checked

    def applicable(self, page: Page) -> Sequence[Element]:
        body = page.body
        if body is None:
            return []
        return [el for el in page.with_attribute("lang") if el.get("lang") and _in_body(el, body)]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            verdict = bcp47.check(el.get("lang") or "")
            # The tag first: finding the text that takes its language walks the element.
            if verdict.problem is None or not _has_own_text(page, el):
                continue
            if verdict.known_primary:
                yield self.cant_tell(el, verdict.problem.kind, **verdict.problem.args)
            else:
                yield self.fail(el, verdict.problem.kind, **verdict.problem.args)


def _in_body(el: Element, body: Element) -> bool:
    if el is body:
        return True
    return any(ancestor is body for ancestor in el.iterancestors())


def _has_own_text(page: Page, root: Element) -> bool:
    """True when text takes its language from `root`'s lang (ACT: text inheriting its
    programmatic language). Stops at descendants that have a non-empty lang of their own."""
    visited: list[Element] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag in _NO_TEXT or not is_rendered(page, node):
            continue
        perceivable = text_is_perceivable(page, node)
        if perceivable and node.text and node.text.strip():
            return True
        for child in node:
            if perceivable and child.tail and child.tail.strip():
                return True  # the tail is a text node of `node`
            if isinstance(child.tag, str) and not child.get("lang"):
                stack.append(child)
        visited.append(node)
    # No text: an accessible name or description (an image's alt) also takes the language.
    for node in visited:
        if any(a in node.attrib for a in _TEXT_ATTRIBUTES) and not is_hidden(page, node):
            if accessible_name(page, node).strip() or (node.get("title") or "").strip():
                return True
            if (node.get("aria-description") or "").strip():
                return True
            for ref in (node.get("aria-describedby") or "").split():
                target = page.by_id(ref)
                if target is not None and collapsed_text(target):
                    return True
    return False
