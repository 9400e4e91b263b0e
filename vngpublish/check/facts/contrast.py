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
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from vngpublish.check.facts.aria_tables import is_a
from vngpublish.check.facts.backdrop import (
    Ground,
    grid_overlap,
    ground,
    grounds,
    has_effect,
    surface,
)
from vngpublish.check.facts.fact import page_fact
from vngpublish.check.facts.focus import is_disabled
from vngpublish.check.facts.labels import labels_of
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.roles import role
from vngpublish.check.facts.style import (
    cascade,
    computed_style,
    reached_elements,
    remote_sheets,
)
from vngpublish.check.facts.visibility import is_rendered, is_visually_hidden, shown_among
from vngpublish.check.style import RGBA, composite, contrast_ratio
from vngpublish.check.style.triggers import Wanted
from vngpublish.i18n import N_

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page
    from vngpublish.check.style import Cascade, ComputedStyle

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
    ratio: float = 1.0
    """The WCAG contrast ratio of the two colours (not rounded)."""

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
    excluded = _disabled_text(page) | _not_html_text(page)
    found = []
    alphanumeric = _ALPHANUMERIC.search
    for el in page.elements:
        text = el.text
        # (`isspace` first: most texts between elements are white space, and it is quicker.)
        if not text or text.isspace() or not alphanumeric(text):
            # Most elements without words of their own hold others: look at the text
            # between those only until a word is found.
            for child in el:
                tail = child.tail
                if tail and not tail.isspace() and alphanumeric(tail):
                    break
            else:
                continue
        if excluded and el in excluded:
            continue
        own = _own_text(el)
        if len(own.strip()) <= 2 and _icon_text(page, el, own):
            continue
        found.append(el)
    return shown_among(page, found)


@page_fact
def _not_html_text(page: Page) -> set[Element]:
    """The elements in SVG or MathML, and the options and values of form controls."""
    found: set[Element] = set()
    for root in page.by_tag(*_NOT_HTML_TEXT):
        if root not in found:
            found.update(node for node in root.iter() if isinstance(node.tag, str))
    return found


def text_colours(page: Page, el: Element) -> TextColours | None:
    """How the text of `el` is painted; None when it is not painted at all (a transparent
    colour, a zero font size)."""
    return _colours(page, cascade(page), _painted_texts(page), el)


def _colours(
    page: Page,
    sheets: Cascade,
    known: dict[object, TextColours | None],
    el: Element,
    below: Ground | None = None,
) -> TextColours | None:
    style = sheets.computed(el)
    if below is None:
        below = ground(page, el)
    # The same style over the same ground paints the same (most texts share both): except
    # under opacity (`_under_opacity` walks up from the element) and in a grid container
    # (`_layout_doubt` looks at its children).
    if below.translucent or surface(style).grid:
        key: object = el
    else:
        key = (id(style), id(below))
    if key in known:
        return known[key]
    found = known[key] = _text_colours(page, el, style, below)
    return found


@page_fact
def _painted_texts(page: Page) -> dict[object, TextColours | None]:
    """`text_colours` found so far, by (style, ground), or by element (see there)."""
    return {}


_UNKNOWN: Final[Any] = object()


def _text_colours(
    page: Page, el: Element, style: ComputedStyle, below: Ground
) -> TextColours | None:
    ink = style.derived("contrast.ink", _ink)
    size, weight, colour = ink.size, ink.weight, ink.colour
    if size == 0:
        return None
    doubt = "shadow" if ink.shadow else None
    if colour is None:
        return TextColours(WHITE, WHITE, size, weight, "colour", 1.0)
    if colour.a <= 0 and not ink.clipped:
        return None
    if below.translucent:
        return _under_opacity(page, el, style, colour, doubt)
    if below.unknown:
        return TextColours(WHITE, WHITE, size, weight, "colour", 1.0)
    painted, canvas, ratio = _painted(colour, below.colour)
    doubt = doubt or ("effect" if below.effect else None) or ("image" if below.image else None)
    doubt = doubt or _layout_doubt(page, el, below)
    return TextColours(painted, canvas, size, weight, doubt, ratio)


class _Ink(NamedTuple):
    """What of a computed style its text is painted with (derived once per shared style)."""

    size: float | None
    weight: float
    colour: RGBA | None
    shadow: bool
    clipped: bool
    """The background is clipped to the text (`background-clip: text`)."""


def _ink(style: ComputedStyle) -> _Ink:
    return _Ink(
        style.font_size_px,
        style.font_weight,
        style.text_fill_color,
        style.text_shadow != "none",
        "text" in style.value("background-clip").split(),
    )


_PAINTED: dict[tuple[RGBA, RGBA], tuple[RGBA, RGBA, float]] = {}


def _painted(colour: RGBA, backdrop: RGBA) -> tuple[RGBA, RGBA, float]:
    """Text in `colour` over `backdrop` on the white canvas: the text as painted, the
    background as painted, and their contrast (remembered: pages repeat a few pairs)."""
    key = (colour, backdrop)
    found = _PAINTED.get(key)
    if found is None:
        canvas = composite(backdrop, WHITE)
        painted = composite(colour, canvas)
        found = (painted, canvas, contrast_ratio(painted, canvas))
        if len(_PAINTED) > 10_000:
            _PAINTED.clear()
        _PAINTED[key] = found
    return found


def _under_opacity(
    page: Page, el: Element, style: ComputedStyle, colour: RGBA, doubt: str | None
) -> TextColours:
    """`text_colours` for text under an `opacity` below 1: walking up from the text, text and
    background are composed as a group at each element with opacity."""
    size, weight = style.font_size_px, style.font_weight
    foreground = colour
    background = RGBA(0.0, 0.0, 0.0, 0.0)
    node: Element | None = el
    while node is not None:
        node_style = computed_style(page, node)
        if has_effect(node_style):
            doubt = doubt or "effect"
        if background.a < 1.0:
            if node_style.has_background_image:
                doubt = doubt or "image"
            layer = node_style.background_color
            if layer is None:
                return TextColours(WHITE, WHITE, size, weight, "colour", 1.0)
            background = composite(background, layer)
        opacity = node_style.opacity
        if opacity < 1.0:
            foreground = composite(foreground, background)
            foreground = foreground._replace(a=foreground.a * opacity)
            background = background._replace(a=background.a * opacity)
        node = node.getparent()
    canvas = composite(background, WHITE)
    painted = composite(foreground, canvas)
    doubt = doubt or _layout_doubt(page, el, ground(page, el))
    return TextColours(painted, canvas, size, weight, doubt, contrast_ratio(painted, canvas))


def _layout_doubt(page: Page, el: Element, below: Ground) -> str | None:
    """ "positioned" when content could be laid out under the text of `el`, or the text away
    from the backgrounds found (see the module)."""
    if not _may_stack(page):
        return None
    if below.absolute or below.grid:
        return "positioned"
    if below.decided is not el:
        style = computed_style(page, el)
        if style.display in ("grid", "inline-grid") and grid_overlap(page, el, None):
            return "positioned"
    under = _under_content(page)
    scope = below.decided if below.decided is not None else page.root
    if scope in under.negative:
        return "positioned"
    if below.moved and scope in under.positioned:
        return "positioned"
    return None


@page_fact
def _may_stack(page: Page) -> bool:
    """True when author CSS may position, transform, layer or grid content."""
    reached = reached_elements(page, _STACKING)
    return reached is None or bool(reached)


class _Under(NamedTuple):
    positioned: set[Element]
    """Elements with positioned or transformed content (visible) inside them or themselves."""
    negative: set[Element]
    """Elements with positioned content with a negative `z-index` inside them."""


@page_fact
def _under_content(page: Page) -> _Under:
    positioned: set[Element] = set()
    negative: set[Element] = set()
    reached = reached_elements(page, _STACKING)
    candidates = page.elements if reached is None else [el for el in page.elements if el in reached]
    for el in candidates:
        style = computed_style(page, el)
        if not surface(style).moved:
            continue  # static and not transformed
        if not is_rendered(page, el) or is_visually_hidden(page, el):
            continue
        z_index = style.value("z-index")
        _mark(el, positioned)
        if isinstance(z_index, int) and z_index < 0:
            _mark(el, negative)
    return _Under(positioned, negative)


def _mark(el: Element, marks: set[Element]) -> None:
    """Add `el` and its ancestors to `marks` (which holds the ancestors of what it holds)."""
    node: Element | None = el
    while node is not None and node not in marks:
        marks.add(node)
        node = node.getparent()


def _channels(colour: RGBA) -> tuple[int, int, int]:
    return round(colour.r), round(colour.g), round(colour.b)


def _own_text(el: Element) -> str:
    """The text of `el`'s text node children, joined."""
    if not len(el):
        return el.text or ""
    return "".join(part for part in (el.text, *(child.tail for child in el)) if part)


def expresses(text: str | None) -> bool:
    """True when `text` has a letter or digit (private-use icon glyphs are neither)."""
    if not text or text.isspace():
        return False
    return _ALPHANUMERIC.search(text) is not None


# A character `str.isalnum` is True for (a word character but the underscore).
_ALPHANUMERIC: Final = re.compile(r"[^\W_]")


def _icon_text(page: Page, el: Element, own: str) -> bool:
    """True when `own`, the text of `el`, is one or two characters standing for an icon: in
    an element named by `aria-label` or `aria-labelledby` (on it or an ancestor) that does not
    say them, as a "X" on a button named "Close"."""
    own = own.strip()
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
    painted = _target_colours(page)
    # By colours: texts painted alike are judged alike (most texts of a page share a few).
    verdicts: dict[int, tuple[str, str, dict[str, str]] | None] = {}
    found = []
    for el in targets:
        colours = painted[el] if el in painted else text_colours(page, el)
        if colours is None:
            continue
        verdict = verdicts.get(id(colours), _UNKNOWN)
        if verdict is _UNKNOWN:
            verdict = verdicts[id(colours)] = _verdict(
                page, colours, normal, large, remote[0].url if remote else None
            )
        if verdict is not None:
            outcome, message, args = verdict
            args = {
                **args,
                "source": colour_source(page, el),
                "url": remote[0].url if remote else "",
            }
            found.append(Shortfall(el, outcome, message, args))
    return found


def _verdict(
    page: Page, colours: TextColours, normal: float, large: float, remote: str | None
) -> tuple[str, str, dict[str, str]] | None:
    """The outcome, message and values (but "source" and "url") for text painted like `colours`;
    None when it passes or cannot be seen."""
    if not colours.visible:
        return None
    verdict = judge(page, colours, normal, large, remote is not None)
    if verdict.outcome == "passed":
        return None
    args = {
        "ratio": shown_ratio(colours.ratio),
        "foreground": colours.foreground.hex,
        "background": colours.background.hex,
        "size": f"{colours.size_px:.1f}" if colours.size_px is not None else "?",
        "weight": f"{colours.weight:g}",
        "required": f"{verdict.required:g}",
    }
    if verdict.outcome == "failed":
        message = "low-contrast-large" if verdict.reason == "large" else "low-contrast"
    else:
        message = f"check-{verdict.reason}"
    return verdict.outcome, message, args


@page_fact
def _target_colours(page: Page) -> dict[Element, TextColours | None]:
    """`text_colours` of every text target, found once for the rules that judge them."""
    sheets = cascade(page)
    known = _painted_texts(page)
    targets = text_targets(page)
    return {
        el: _colours(page, sheets, known, el, below)
        for el, below in zip(targets, grounds(page, targets), strict=True)
    }


def colour_source(page: Page, el: Element) -> str:
    """Where the colour of `el`'s text is declared ("css/site.css:12"), or "" when it is the
    browser's."""
    sheets = cascade(page)
    node: Element | None = el
    while node is not None:
        found = sheets.source(node, "color")
        if found is not None:
            origin, path, line = found
            if origin != "author" or path is None:
                return ""
            return f"{path}:{line}" if line else path
        node = node.getparent()
    return ""


def shortfall_messages(check_colour: str) -> dict[str, str]:
    """The messages of a contrast rule, by the ids `shortfalls` gives (the same texts for
    every threshold); `check_colour` is the rule's own "check-colour" text, which names its
    threshold for large text."""
    return {
        "low-contrast": N_(
            "The text has a contrast of {ratio}:1 ({foreground} on {background}, {size}px, "
            "weight {weight}); normal text needs at least {required}:1."
        ),
        "low-contrast-large": N_(
            "The large text has a contrast of {ratio}:1 ({foreground} on {background}, "
            "{size}px, weight {weight}); large text needs at least {required}:1."
        ),
        "check-image": N_(
            "Against the background colour the text has {ratio}:1 ({foreground} on "
            "{background}), below the {required}:1 it needs, but a background image or "
            "gradient lies under it: check the contrast against the image where the text is."
        ),
        "check-positioned": N_(
            "The text has {ratio}:1 ({foreground} on {background}), below the {required}:1 it "
            "needs, but it is positioned or other content may lie under it: check the contrast "
            "where the text is shown."
        ),
        "check-shadow": N_(
            "The text has {ratio}:1 ({foreground} on {background}), below the {required}:1 it "
            "needs, but a text shadow may set it apart: check that the text is easy to read."
        ),
        "check-effect": N_(
            "The text has {ratio}:1 ({foreground} on {background}), below the {required}:1 it "
            "needs, but a filter, blend mode or background clipped to the text changes how it "
            "is painted: check the contrast in a browser."
        ),
        "check-colour": check_colour,
        "check-size": N_(
            "The text has {ratio}:1 ({foreground} on {background}): enough for large text, but "
            "its font size could not be computed. Check that it is at least 24px, or 18.67px "
            "bold; smaller text needs {required}:1."
        ),
        "check-remote": N_(
            "With the stylesheets that were read the text has {ratio}:1 ({foreground} on "
            "{background}), below the {required}:1 it needs; the stylesheet {url} was not read "
            "and may change the colours: check in a browser."
        ),
    }
