"""Computed CSS style, as facts: the page's static cascade and the style of the elements rules
ask about.

- `cascade(page)`: the page's `Cascade` (`vngpublish.check.style`): the user-agent sheet, then
  `<style>` elements, `<link rel=stylesheet>` to local files (relative to the page, root-relative
  ones against `page.site_root`) and what they `@import`, with `@media` evaluated for
  `page.screen`. Stylesheets shared by many pages are read and indexed once per process.
  `cascade_for(page, screen)` is the same for another screen.
- `computed_style(page, el)`: the element's `ComputedStyle`, computed the first time a rule asks
  (with its ancestors, once each); `generated_style(page, el, "before")` that of a pseudo-element.
- `reach(page, pattern)`: which elements author rules with a given kind of declaration can match
  (`style.triggers`), so that a rule or fact asks for computed style only where it may differ
  from what the markup alone says, and pages without any such rule take a fast path.
- `remote_sheets(page)`, `sheet_problems(page)`: the stylesheets that were not read, so that
  results depending on them can say so.

`HIDING`, `GEOMETRY`, `DISPLAY` and `GENERATED` name the kinds of declaration facts look for,
each found in a rule's text or a `style` attribute.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.style import Cascade, ComputedStyle, Problem, RemoteSheet, Screen
from vngpublish.check.style.triggers import Triggers, Wanted

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page

HIDING: Final = Wanted(
    re.compile(
        r"(?<![\w-])(?:display\s*:\s*(?:none|var\(|revert)"
        r"|visibility\s*:\s*(?:hidden|collapse|var\()"
        r"|content-visibility\s*:\s*(?:hidden|var\())",
        re.IGNORECASE,
    ),
    ("display", "visibility"),
)
"""A declaration that can take content out of rendering or make it invisible."""

GEOMETRY: Final = Wanted(
    re.compile(r"(?<![\w-])position\s*:\s*(?:absolute|fixed|var\()", re.IGNORECASE),
    ("position",),
)
"""A declaration the visually-hidden (screen-reader-only) patterns start from."""

DISPLAY: Final = Wanted(re.compile(r"(?<![\w-])display\s*:", re.IGNORECASE), ("display",))
"""Any `display` declaration."""

GENERATED: Final = Wanted(re.compile(r"(?<![\w-])content\s*:", re.IGNORECASE), ("content",))
"""A `content` declaration (generated content, in rules for `::before` and `::after`)."""

SIZE: Final = Wanted(
    re.compile(r"(?<![\w-])(?:width|height)\s*:", re.IGNORECASE), ("width", "height")
)
"""A `width` or `height` declaration."""

# Hosts whose stylesheets hold only @font-face rules: not reading them changes no result.
_FONT_ONLY_HOSTS: Final = ("fonts.googleapis.com",)


@page_fact
def cascade(page: Page) -> Cascade:
    """The page's static cascade."""
    path = None if page.path == "<string>" else page.path
    elements = page.by_tag("style", "link", "base")
    return Cascade(page.root, path, page.site_root, page.screen, elements=elements)


@element_fact
def computed_style(page: Page, el: Element) -> ComputedStyle:
    """The computed style of `el`."""
    return cascade(page).computed(el)


@page_fact
def author_styled(page: Page) -> bool:
    """True when anything but the browser's own stylesheet styles the page: an author
    stylesheet, a `style` attribute, or a presentational attribute or element (`bgcolor`,
    `<font>` ...)."""
    if cascade(page).has_author_sheets or page.with_attribute("style"):
        return True
    if page.by_tag("font", "center", "big", "small", "basefont"):
        return True
    return any(page.with_attribute(name) for name in _PRESENTATIONAL)


_PRESENTATIONAL: Final = ("bgcolor", "background", "text", "color", "link", "alink", "vlink")


def at_most_a_pixel(page: Page, el: Element) -> bool:
    """True when the computed `width` or `height` of `el` (from its attributes or the page's
    CSS) is at most one CSS pixel: whatever it shows cannot be seen."""
    if el.get("width") is None and el.get("height") is None and not reach(page, SIZE).reach(el):
        return False  # neither the markup nor an author rule sizes it
    style = computed_style(page, el)
    return any(
        isinstance(size, int | float) and size <= 1
        for size in (style.value("width"), style.value("height"))
    )


def generated_style(page: Page, el: Element, pseudo: str) -> ComputedStyle:
    """The computed style of `el`'s `::before` or `::after` (`pseudo` "before" or "after")."""
    return cascade(page).computed(el, pseudo)


def cascade_for(page: Page, screen: Screen) -> Cascade:
    """The page's cascade evaluated for another screen (a phone held upright, a zoomed
    window): its media queries decide differently, its stylesheets are the same."""
    known = _other_cascades(page)
    found = known.get(screen)
    if found is None:
        found = known[screen] = Cascade(
            page.root,
            None if page.path == "<string>" else page.path,
            page.site_root,
            screen,
            elements=page.by_tag("style", "link", "base"),
        )
    return found


@page_fact
def _other_cascades(page: Page) -> dict[Screen, Cascade]:
    """The cascades `cascade_for` made, by screen."""
    return {}


def reach(page: Page, wanted: Wanted, generated: bool = False) -> Triggers:
    """Which elements author rules with a `wanted` declaration can match (see
    `vngpublish.check.style.triggers`); `Triggers.reach` also looks in `style` attributes.
    With `generated`: which elements such rules for `::before` or `::after` can match."""
    known = _reached(page)
    found = known.get((wanted, generated))
    if found is None:
        found = known[(wanted, generated)] = cascade(page).triggers(wanted, generated)
    return found


def may_generate(page: Page, el: Element) -> bool:
    """False when `el` certainly has no `::before` or `::after` content: no author rule with
    `content` can match them, and the browser's own sheet gives content only to `q`."""
    if el.tag == "q":
        return True
    generating = _generating(page)
    return generating is not None and generating.may_apply(el)


@page_fact
def _generating(page: Page) -> Triggers | None:
    """Which elements author rules with generated content can reach; None when none can."""
    found = reach(page, GENERATED, generated=True)
    return None if found.empty else found


def may_display(page: Page, el: Element) -> bool:
    """False when no author rule and no `style` attribute can set the `display` of `el` (it
    is then the browser's default for its tag)."""
    displaying = _displaying(page)
    return displaying is not None and displaying.reach(el)


@page_fact
def _displaying(page: Page) -> Triggers | None:
    """Which elements author rules or `style` attributes may give a `display`; None when no
    rule sets one and no `style` attribute is on the page."""
    found = reach(page, DISPLAY)
    if found.empty and not page.with_attribute("style"):
        return None
    return found


@page_fact
def _reached(page: Page) -> dict[tuple[Wanted, bool], Triggers]:
    """The triggers `reach` found on the page, by pattern."""
    return {}


@page_fact
def remote_sheets(page: Page) -> list[RemoteSheet]:
    """The remote stylesheets the page uses that were not read, in document order (those
    that hold only web fonts left out)."""
    return [sheet for sheet in cascade(page).remote_sheets if not _font_only(sheet.url)]


def sheet_problems(page: Page) -> list[Problem]:
    """What kept the page's local stylesheets (or part of them) out of the cascade."""
    return cascade(page).problems


def _font_only(url: str) -> bool:
    lowered = url.lower()
    for host in _FONT_ONLY_HOSTS:
        for prefix in ("https://", "http://", "//"):
            if lowered.startswith(prefix + host + "/"):
                return True
    return False


def important_in_style_attribute(page: Page, el: Element, name: str) -> bool:
    """True when the value of property `name` on `el` is declared `!important` in its `style`
    attribute and wins the cascade (`inherit`, `unset` and `revert` declare no value of their
    own)."""
    inline = el.get("style")
    if not inline or name not in inline.lower():
        return False
    declared = cascade(page).declared(el, name)
    if declared is None or declared.kind != "style-attribute" or not declared.important:
        return False
    return declared.value.strip().lower() not in ("inherit", "unset", "revert", "revert-layer")
