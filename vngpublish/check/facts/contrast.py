"""The colours text is painted with, for the contrast rules (WCAG 1.4.3, 1.4.6; ACT afw4f7 and
09o5cg).

`text_targets(page)` are the elements with visible text of their own that expresses something: a
text node child with a letter or digit (text of symbols, punctuation or private-use icon-font
glyphs only is decorative or expresses nothing in human language), that is rendered, not
`visibility: hidden`, not clipped or moved out of sight, in HTML (not SVG or MathML, not the
options of a `select`, not a `textarea`'s value), not one or two characters standing for an icon
(a "X" on a button named "Close"), and not in a disabled widget or group (a disabled form
control or fieldset, `aria-disabled="true"` on a widget or group role) nor in the accessible
name of one (its `label`, what its `aria-labelledby` points to).

`text_colours(page, el)` is how the text of `el` is painted: its colour (`color`, or
`-webkit-text-fill-color`) composited over the backgrounds beneath it, found by walking up
through the ancestors' background colours until one is opaque, composing alpha and each
ancestor's `opacity` (an element's opacity applies to its text and its background together),
over the white canvas. Large text is 18pt (24px) and up, or 14pt (18.67px) bold (700) and up.

What only a rendering could tell is named in `TextColours.doubt`, so rules say `cantTell`:

- "image": a background image or gradient under the text (before an opaque colour);
- "positioned": the text is in an absolutely or fixed positioned element, or in a positioned or
  transformed one while other positioned content could lie under it, or content with a negative
  `z-index` is there, or a grid lays other content with a surface in the same area;
- "shadow": a `text-shadow`, which can make the text stand out more;
- "effect": `filter`, `backdrop-filter`, `mix-blend-mode` or `background-clip: text` on the way;
- "colour": a colour this checker does not compute (`color-mix()`, relative colours ...).

Pages whose colours are the browser's own (no author stylesheet, no `style` attribute, no
colour attribute) take a fast path: the user-agent colours all pass 7:1, so there is nothing to
compute.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final, NamedTuple

from vngpublish.check.facts.aria_tables import is_a
from vngpublish.check.facts.fact import element_fact, page_fact
from vngpublish.check.facts.focus import is_disabled
from vngpublish.check.facts.labels import labels_of
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.style import cascade, computed_style, reach, remote_sheets
from vngpublish.check.facts.visibility import (
    computed_visibility,
    is_rendered,
    is_visually_hidden,
)
from vngpublish.check.style import RGBA, composite, contrast_ratio
from vngpublish.check.style.triggers import Wanted

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page
    from vngpublish.check.style import ComputedStyle

WHITE: Final = RGBA(255.0, 255.0, 255.0)
LARGE_PX: Final = 24.0
"""18pt in CSS pixels: text this large needs 3:1 (4.5:1 enhanced)."""
LARGE_BOLD_PX: Final = 18.0 + 2 / 3
"""14pt in CSS pixels: bold text this large counts as large."""
BOLD: Final = 700.0

_NOT_HTML_TEXT: Final = frozenset({"svg", "math", "select", "datalist", "textarea"})
_COLOUR_ATTRIBUTES: Final = ("style", "bgcolor", "text", "color", "link", "alink", "vlink")
_DISABLABLE: Final = frozenset(
    {"button", "input", "select", "textarea", "fieldset", "optgroup", "option"}
)
_STACKING: Final = Wanted(
    re.compile(
        r"(?<![\w-])(?:position\s*:\s*(?:absolute|fixed|relative|sticky|var\()"
        r"|(?:transform|rotate)\s*:\s*(?!none\b)"
        r"|z-index\s*:\s*(?:-|var\()"
        r"|display\s*:\s*(?:inline-)?grid)",
        re.IGNORECASE,
    ),
    ("position", "transform", "rotate", "z-index", "grid"),
)
_REPLACED: Final = frozenset(
    {"img", "picture", "video", "canvas", "svg", "iframe", "object", "embed"}
)


class TextColours(NamedTuple):
    """How an element's own text is painted."""

    foreground: RGBA
    """The text colour as painted (opaque)."""
    background: RGBA
    """The colour beneath it as painted (opaque)."""
    size_px: float | None
    """The computed font size (None when it cannot be known)."""
    weight: float
    doubt: str | None
    """Why only a rendering could tell (see the module), or None."""

    @property
    def ratio(self) -> float:
        """The WCAG contrast ratio of the two colours (not rounded)."""
        return contrast_ratio(self.foreground, self.background)

    @property
    def large(self) -> bool | None:
        """Large-scale text (None when the font size is unknown)."""
        size = self.size_px
        if size is None:
            return None
        # 14pt is 18.666... px: compare with a little room for the floating point of pt units.
        return size >= LARGE_PX - 1e-6 or (size >= LARGE_BOLD_PX - 1e-6 and self.weight >= BOLD)

    @property
    def visible(self) -> bool:
        """False when the text is painted in the colour of its background (or not at all)."""
        return _channels(self.foreground) != _channels(self.background) or self.doubt is not None


@page_fact
def default_colours(page: Page) -> bool:
    """True when nothing on the page but the browser's own stylesheet sets colours."""
    if any(page.with_attribute(name) for name in _COLOUR_ATTRIBUTES):
        return False
    return not page.by_tag("font") and not cascade(page).has_author_sheets


@page_fact
def text_targets(page: Page) -> list[Element]:
    """The elements with visible text of their own that expresses something (see the
    module), in document order."""
    excluded = _disabled_text(page)
    found = []
    for el in page.elements:
        if el in excluded or not _expressive_text(el) or _icon_text(page, el):
            continue
        if el.tag in _NOT_HTML_TEXT or not is_rendered(page, el):
            continue
        if computed_visibility(page, el) != "visible" or is_visually_hidden(page, el):
            continue
        if any(ancestor.tag in _NOT_HTML_TEXT for ancestor in el.iterancestors()):
            continue
        found.append(el)
    return found


@element_fact
def text_colours(page: Page, el: Element) -> TextColours | None:
    """How the text of `el` is painted; None when it is not painted at all (a transparent
    colour, a zero font size)."""
    style = computed_style(page, el)
    size = style.font_size_px
    colour = style.text_fill_color
    if size == 0:
        return None
    doubt = None if style.text_shadow == "none" else "shadow"
    if colour is None:
        return TextColours(WHITE, WHITE, size, style.font_weight, "colour")
    if colour.a <= 0 and style.value("background-clip") != "text":
        return None
    foreground = colour
    background = RGBA(0.0, 0.0, 0.0, 0.0)
    decided: Element | None = None
    node: Element | None = el
    path: list[Element] = []
    while node is not None:
        node_style = computed_style(page, node)
        if _has_effect(node_style):
            doubt = doubt or "effect"
        if background.a < 1.0:
            if node_style.has_background_image:
                doubt = doubt or "image"
            layer = node_style.background_color
            if layer is None:
                return TextColours(WHITE, WHITE, size, style.font_weight, "colour")
            background = composite(background, layer)
            if background.a >= 1.0 and decided is None:
                decided = node
        opacity = node_style.opacity
        if opacity < 1.0:
            foreground = composite(foreground, background)
            foreground = foreground._replace(a=foreground.a * opacity)
            background = background._replace(a=background.a * opacity)
        if decided is None:
            path.append(node)
        node = node.getparent()
    canvas = composite(background, WHITE)
    painted = composite(foreground, canvas)
    doubt = doubt or _layout_doubt(page, path, decided)
    return TextColours(painted, canvas, size, style.font_weight, doubt)


def _has_effect(style: ComputedStyle) -> bool:
    return (
        style.value("filter") != "none"
        or style.value("backdrop-filter") != "none"
        or style.value("mix-blend-mode") != "normal"
        or "text" in style.value("background-clip").split()
    )


def _layout_doubt(page: Page, path: list[Element], decided: Element | None) -> str | None:
    """ "positioned" when content could be laid out under the text, or the text away from the
    backgrounds found (see the module); `path` runs from the text's element up to the one
    whose background is opaque, `decided` (None: the canvas decided)."""
    if not _may_stack(page):
        return None
    moved = False
    for node in path:
        style = computed_style(page, node)
        position = style.position
        if position in ("absolute", "fixed"):
            return "positioned"
        if position != "static" or style.transform != "none" or style.value("rotate") != "none":
            moved = True
        if style.display in ("grid", "inline-grid") and _grid_overlap(page, node, path):
            return "positioned"
    under = _under_content(page)
    scope = decided if decided is not None else page.root
    if scope in under.negative:
        return "positioned"
    if moved and scope in under.positioned:
        return "positioned"
    return None


@page_fact
def _may_stack(page: Page) -> bool:
    """True when author CSS may position, transform, layer or grid content."""
    stacking = reach(page, _STACKING)
    if not stacking.empty:
        return True
    return any(stacking.in_style_attribute(el) for el in page.with_attribute("style"))


class _Under(NamedTuple):
    positioned: set[Element]
    """Elements with positioned or transformed content (visible) inside them or themselves."""
    negative: set[Element]
    """Elements with positioned content with a negative `z-index` inside them."""


@page_fact
def _under_content(page: Page) -> _Under:
    stacking = reach(page, _STACKING)
    positioned: set[Element] = set()
    negative: set[Element] = set()
    for el in page.elements:
        if not stacking.reach(el):
            continue
        style = computed_style(page, el)
        if style.position == "static" and style.transform == "none":
            continue
        if not is_rendered(page, el) or is_visually_hidden(page, el):
            continue
        z_index = style.value("z-index")
        marks = [positioned]
        if isinstance(z_index, int) and z_index < 0:
            marks.append(negative)
        node: Element | None = el
        while node is not None:
            for mark in marks:
                mark.add(node)
            node = node.getparent()
    return _Under(positioned, negative)


def _grid_overlap(page: Page, grid: Element, path: list[Element]) -> bool:
    """True when a child of `grid` off the text's path has a surface (an image, a
    background) that grid placement could put under the text."""
    on_path = set(path)
    for child in grid:
        if not isinstance(child.tag, str) or child in on_path:
            continue
        if child.tag in _REPLACED or any(d.tag in _REPLACED for d in child.iterdescendants()):
            return True
        style = computed_style(page, child)
        layer = style.background_color
        if style.has_background_image or layer is None or layer.a > 0:
            return True
    return False


def _channels(colour: RGBA) -> tuple[int, int, int]:
    return round(colour.r), round(colour.g), round(colour.b)


def _expressive_text(el: Element) -> bool:
    """True when a text node child of `el` has a letter or digit (not a private-use glyph)."""
    if expresses(el.text):
        return True
    return any(expresses(child.tail) for child in el)


def expresses(text: str | None) -> bool:
    """True when `text` has a letter or digit (private-use icon glyphs are neither)."""
    if not text or text.isspace():
        return False
    # Private-use characters (icon-font glyphs) are not alphanumeric.
    return any(char.isalnum() for char in text)


def _icon_text(page: Page, el: Element) -> bool:
    """True for one or two characters standing for an icon: in an element named by
    `aria-label` or `aria-labelledby` (on it or an ancestor) that does not say them, as a "X"
    on a button named "Close"."""
    own = "".join(part for part in (el.text, *(child.tail for child in el)) if part).strip()
    if len(own) > 2:
        return False
    node: Element | None = el
    while node is not None:
        if node.get("aria-label") is not None or node.get("aria-labelledby") is not None:
            return own.lower() not in accessible_name(page, node).lower().split()
        node = node.getparent()
    return False


@page_fact
def _disabled_text(page: Page) -> set[Element]:
    """The elements in a disabled widget or group, or in the accessible name of one."""
    roots: list[Element] = []
    for el in page.with_attribute("disabled"):
        if el.tag in _DISABLABLE and (el.tag == "fieldset" or is_disabled(el)):
            roots.append(el)
    for el in page.with_attribute("aria-disabled"):
        if (el.get("aria-disabled") or "").strip().lower() != "true":
            continue
        found = role(page, el)
        if is_a(found, "widget") or is_a(found, "group"):
            roots.append(el)
    if not roots:
        return set()
    names: list[Element] = []
    for el in roots:
        names += labels_of(page, el)
        for reference in (el.get("aria-labelledby") or "").split():
            target = page.by_id(reference)
            if target is not None:
                names.append(target)
    excluded: set[Element] = set()
    for root in roots + names:
        if root not in excluded:
            excluded.update(node for node in root.iter() if isinstance(node.tag, str))
    return excluded


class Judgement(NamedTuple):
    """What the contrast of one text comes to against the thresholds of one rule."""

    outcome: str
    """"passed", "failed" or "cantTell"."""
    reason: str
    """For cantTell: the doubt ("image", "positioned", "shadow", "effect", "colour"),
    "remote" or "size"; for failed: "large" or "normal"."""
    required: float


def judge(page: Page, colours: TextColours, normal: float, large: float, remote: bool) -> Judgement:
    """The outcome for text painted like `colours` when normal text needs `normal`:1 and
    large text `large`:1; `remote` when a stylesheet that was not read could change it."""
    if colours.doubt == "colour":
        return Judgement("cantTell", "colour", normal)
    ratio = colours.ratio
    is_large = colours.large
    if is_large is None:
        if ratio >= normal:
            return Judgement("passed", "", normal)
        if ratio >= large:
            return Judgement("cantTell", "size", normal)
        required = large
    else:
        required = large if is_large else normal
        if ratio >= required:
            return Judgement("passed", "", required)
    if colours.doubt is not None:
        return Judgement("cantTell", colours.doubt, required)
    if remote:
        return Judgement("cantTell", "remote", required)
    return Judgement("failed", "large" if is_large else "normal", required)


def shown_ratio(ratio: float) -> str:
    """The ratio with two decimals, rounded down: a ratio just below a threshold never shows
    as the threshold itself (4.499 is "4.49", not "4.50")."""
    return f"{int(ratio * 100) / 100:.2f}"


class Shortfall(NamedTuple):
    """A text below a contrast threshold: its element, "failed" or "cantTell", the name of the
    message that explains it, and the message's values."""

    element: Element
    outcome: str
    message: str
    args: dict[str, str]


def shortfalls(
    page: Page, targets: list[Element] | tuple[Element, ...], normal: float, large: float
) -> list[Shortfall]:
    """The texts of `targets` whose contrast is below `normal`:1 (`large`:1 for large text),
    or may be. Message names: "low-contrast", "low-contrast-large", and "check-" followed by
    the reason to review ("image", "positioned", "shadow", "effect", "colour", "size",
    "remote"). Values: ratio, foreground, background, size, weight, required, source (the
    file and line that set the text colour) and url (the remote stylesheet)."""
    if default_colours(page):
        return []
    remote = remote_sheets(page)
    found = []
    for el in targets:
        colours = text_colours(page, el)
        if colours is None or not colours.visible:
            continue
        verdict = judge(page, colours, normal, large, bool(remote))
        if verdict.outcome == "passed":
            continue
        args = {
            "ratio": shown_ratio(colours.ratio),
            "foreground": colours.foreground.hex,
            "background": colours.background.hex,
            "size": f"{colours.size_px:.1f}" if colours.size_px is not None else "?",
            "weight": f"{colours.weight:g}",
            "required": f"{verdict.required:g}",
            "source": colour_source(page, el),
            "url": remote[0].url if remote else "",
        }
        if verdict.outcome == "failed":
            message = "low-contrast-large" if verdict.reason == "large" else "low-contrast"
        else:
            message = f"check-{verdict.reason}"
        found.append(Shortfall(el, verdict.outcome, message, args))
    return found


def colour_source(page: Page, el: Element) -> str:
    """Where the colour of `el`'s text is declared ("css/site.css:12"), or "" when it is the
    browser's."""
    sheets = cascade(page)
    node: Element | None = el
    while node is not None:
        declared = sheets.declared(node, "color")
        if declared is not None:
            if declared.origin != "author" or declared.path is None:
                return ""
            line = f":{declared.line}" if declared.line else ""
            return f"{declared.path}{line}"
        node = node.getparent()
    return ""
