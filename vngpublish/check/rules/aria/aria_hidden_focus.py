"""aria-hidden-focus."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from vngpublish.check.dom import Element
from vngpublish.check.facts.aria_attributes import is_true
from vngpublish.check.facts.document import in_template
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.focus import is_inert, tab_stops_within
from vngpublish.check.facts.visibility import (
    computed_visibility,
    is_rendered,
    is_visually_hidden,
)
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.i18n import N_

_EMBEDDING = ("iframe", "object")


class AriaHiddenFocus(Rule):
    """Applies to every element with `aria-hidden="true"` (case and surrounding spaces
    ignored) in the document.

    Passes when neither it nor anything inside it is in the tab order. Fails when the Tab key
    reaches it or something inside it (a link, a button, an element with `tabindex="0"`):
    keyboard focus then lands on something screen readers were told to skip, so they announce
    nothing or something out of context. `aria-hidden="false"` inside does not undo the
    hiding. Content that is not rendered, `inert`, or out of the tab order (`tabindex="-1"`)
    passes. Needs review when it contains an embedded document (`iframe`, `object`), whose
    own links and fields the Tab key may reach; when what the Tab key reaches is moved out of
    sight on a page that runs scripts: that is how focus traps guard their edges, moving the
    focus on as soon as it arrives, which only running the page can show; and when the
    focusable content is inside it on a page with linked stylesheets, which this check does
    not read: closed dialogs and menus carry `aria-hidden="true"` while such a stylesheet
    hides them with `display: none`.
    """

    id = "aria-hidden-focus"
    title = N_("Content hidden with aria-hidden cannot take keyboard focus")
    level = "A"
    wcag = ("4.1.2",)
    act = ("6cfa84",)
    axe = ("aria-hidden-focus",)
    tags = ("aria", "keyboard")
    why = N_(
        "aria-hidden hides content from screen readers, but not from the keyboard: Tab still "
        "lands on a hidden link or button, and its user hears nothing or something out of "
        "context."
    )
    fix = N_(
        "Remove aria-hidden, or take the focusable content out of the tab order "
        '(tabindex="-1", the inert attribute) or out of the page while it is hidden.'
    )
    messages = {
        "focusable": N_(
            'This element has aria-hidden="true" but the Tab key reaches it: screen readers '
            "announce nothing when it has focus."
        ),
        "focusable-inside": N_(
            'This element has aria-hidden="true" but contains <{tag}> (line {line}), which '
            "the Tab key reaches: screen readers announce nothing when it has focus."
        ),
        "focusable-unless-styled": N_(
            'This element has aria-hidden="true" and contains <{tag}> (line {line}), which '
            "the Tab key reaches unless a linked stylesheet hides it: check that it is hidden "
            "(display: none) whenever aria-hidden is set, as closed dialogs and menus are."
        ),
        "focus-sentinel": N_(
            'This element has aria-hidden="true" and contains <{tag}>, which the Tab key '
            "reaches but which is moved out of sight: check that script moves the focus on "
            "at once (a focus trap's guard), or take it out of the tab order."
        ),
        "embedded-document": N_(
            'This element has aria-hidden="true" and contains an embedded document '
            "(<{tag}>): check that nothing in it can be reached with the Tab key."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        templates = bool(page.by_tag("template"))
        return [
            el
            for el in page.with_attribute("aria-hidden")
            if is_true(el, "aria-hidden") and not (templates and in_template(page, el))
        ]

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        for el in targets:
            stops = tab_stops_within(page, el, inclusive=True)
            if stops:
                stop = stops[0]
                if _runs_scripts(page) and all(is_visually_hidden(page, s) for s in stops):
                    yield self.cant_tell(el, "focus-sentinel", tag=stop.tag)
                elif stop is el:
                    yield self.fail(el, "focusable")
                elif _unread_stylesheets(page):
                    yield self.cant_tell(
                        el, "focusable-unless-styled", tag=stop.tag, line=stop.sourceline
                    )
                else:
                    yield self.fail(el, "focusable-inside", tag=stop.tag, line=stop.sourceline)
                continue
            embedded = next((e for e in el.iter(*_EMBEDDING) if _loads_document(page, e)), None)
            if embedded is not None:
                yield self.cant_tell(el, "embedded-document", tag=embedded.tag)


_SCRIPT_TYPES = frozenset(
    {"", "module", "text/javascript", "application/javascript", "text/ecmascript"}
)


@page_fact
def _unread_stylesheets(page: Page) -> bool:
    """True when the page links stylesheets (or imports them) that this check does not read:
    they may hide content that the page's own styles show."""
    for link in page.by_tag("link"):
        rel = (link.get("rel") or "").lower().split()
        if "stylesheet" in rel and "alternate" not in rel and link.get("href"):
            return True
    return any("@import" in (style.text or "") for style in page.by_tag("style"))


@page_fact
def _runs_scripts(page: Page) -> bool:
    """True when the page has a script browsers run (not data such as JSON-LD)."""
    return any(
        (script.get("type") or "").strip().lower() in _SCRIPT_TYPES
        for script in page.by_tag("script")
    )


def _loads_document(page: Page, el: Element) -> bool:
    """True when an `iframe` or `object` is shown and loads a document (an `iframe` without
    `src` or `srcdoc` holds an empty one)."""
    if el.tag == "object":
        loads = bool((el.get("data") or "").strip())
    else:
        loads = bool((el.get("src") or "").strip()) or el.get("srcdoc") is not None
    return (
        loads
        and is_rendered(page, el)
        and computed_visibility(page, el) == "visible"
        and not is_inert(page, el)
    )
