"""The property registry: every property the style engine knows, defined as browsers and
Siteimprove Alfa define them — an initial value, whether it is inherited, a parser (tokens to a
specified value, or None when the declaration is invalid and must be dropped) and a compute
step (specified value and the element's style so far to a typed computed value).

Shorthands (`background`, `font`, `outline`, `text-decoration`, `overflow`) expand into their
longhands when a declaration is parsed, as browsers do; a shorthand that is invalid sets
nothing.

Computed values, by property:

- colours (`color`, `background-color`, `outline-color`, `text-decoration-color`): `RGBA`,
  or None when the value is valid but not computed here (`color-mix()`, relative colours;
  see `colors`). `currentColor` is resolved. `-webkit-text-fill-color` is the same, except
  that `currentColor` stays `CURRENT_COLOR` (it inherits as a keyword, as in Chromium);
  `ComputedStyle.text_fill_color` resolves it.
- `font-size`: pixels (float), or None when it depends on something unknown.
- `font-weight`: a number from 1 to 1000.
- `opacity`: 0 to 1. `letter-spacing`, `word-spacing`: pixels (`normal` is 0), or None.
- `line-height`: `LineHeight`. `outline-width`: pixels (0 when `outline-style` is none).
- `width`, `height`, `left`, `top`, `right`, `bottom`, `text-indent`: pixels (float) when the
  length is absolute, else a string: "auto", a percentage ("50%"), a keyword
  ("max-content"), or "unknown" (`calc()` mixing percentages, ...).
- `clip`: None for `auto`, else `ClipRect`.
- `background-image`: a tuple of `Image`, one per layer.
- `text-decoration-line`: a frozenset of "underline", "overline", "line-through", "blink".
- `content`: `Content`. `display`, `visibility`, `position`, `overflow-x`, `overflow-y`,
  `content-visibility`, `outline-style`, `text-decoration-style`: a lower-case keyword.
- `clip-path`, `transform`, `text-shadow`: "none" or the value as written (lower-cased).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, NamedTuple, Protocol

import tinycss2

from vngpublish.check.style.colors import (
    CURRENT_COLOR,
    RGBA,
    SYSTEM_COLORS,
    TRANSPARENT,
    UNKNOWN_COLOR,
)
from vngpublish.check.style.colors import parse_color as _parse_color_token
from vngpublish.check.style.values import (
    Calc,
    Context,
    Length,
    evaluate,
    parse_length,
    resolve,
    significant,
    split_commas,
)


class StyleContext(Protocol):
    """What a compute step may ask of the element being styled."""

    def value(self, name: str) -> Any:
        """The element's computed value of another property."""

    def parent_value(self, name: str) -> Any:
        """The parent's computed value (the initial value's for the root)."""

    def length_context(self) -> Context:
        """Font size, root font size and viewport for lengths on this element."""

    def font_context(self) -> Context:
        """The context of `font-size` itself: em and % refer to the parent's font size."""

    def medium_font_size(self) -> float:
        """The font size of the `medium` keyword in pixels."""

    def attribute(self, name: str) -> str | None:
        """An attribute of the element (of the originating element for a pseudo-element)."""


@dataclass(frozen=True, slots=True)
class Property:
    """A longhand property."""

    name: str
    inherited: bool
    initial: Any
    """The initial value, in the form the parser produces (a specified value)."""
    parse: Callable[[list[Any]], Any]
    """Significant tokens (no whitespace or comments at the top level) to a specified value,
    or None when the value is invalid."""
    compute: Callable[[Any, StyleContext], Any]
    """A specified value and the element's context to the computed value."""


@dataclass(frozen=True, slots=True)
class Shorthand:
    """A shorthand property: `expand` maps tokens to a specified value for every longhand,
    or None when the value is invalid."""

    name: str
    longhands: tuple[str, ...]
    expand: Callable[[list[Any]], dict[str, Any] | None]


class LineHeight(NamedTuple):
    """A computed `line-height`: kind "normal" (value 0), "number" (a factor the font size
    multiplies) or "px"."""

    kind: str
    value: float


class ClipRect(NamedTuple):
    """A computed `clip: rect()`: each edge in pixels, or None for `auto`."""

    top: float | None
    right: float | None
    bottom: float | None
    left: float | None


class Image(NamedTuple):
    """One `background-image` layer: kind "none", "url" (`value` the URL), "gradient"
    (`value` the function name) or "image" (other image functions such as `image-set()`)."""

    kind: str
    value: str = ""


NO_IMAGE: Final = (Image("none"),)


class Content(NamedTuple):
    """A computed `content`.

    `kind` is "normal", "none" or "items". `text` joins the strings, `attr()` values and
    quotes; `exact` is False when counters, or images without alternative text, make up part
    of what is shown. `images` are the `url()`s; `alt` is the alternative text after `/`.
    """

    kind: str
    text: str = ""
    exact: bool = True
    images: tuple[str, ...] = ()
    alt: str | None = None


NORMAL_CONTENT: Final = Content("normal")
NONE_CONTENT: Final = Content("none")


# ------------------------------------------------------------------------------- helpers
def _one_keyword(
    allowed: frozenset[str], aliases: dict[str, str] | None = None
) -> Callable[[list[Any]], Any]:
    def parse(tokens: list[Any]) -> str | None:
        if len(tokens) != 1 or tokens[0].type != "ident":
            return None
        word: str = tokens[0].lower_value
        if aliases and word in aliases:
            return aliases[word]
        return word if word in allowed else None

    return parse


def _keep(value: Any, context: StyleContext) -> Any:
    return value


def _serialized(tokens: list[Any]) -> str:
    """Significant tokens as text, one space between them."""
    text = " ".join(tinycss2.serialize([t]) for t in tokens).replace(" , ", ", ")
    return " ".join(text.lower().split())


# --------------------------------------------------------------------------------- colour
def parse_color(tokens: list[Any]) -> Any:
    """A colour value: RGBA, CURRENT_COLOR or UNKNOWN_COLOR; None when invalid."""
    if len(tokens) != 1:
        return None
    return _parse_color_token(tokens[0])


def _compute_color(value: Any, context: StyleContext) -> RGBA | None:
    if value is CURRENT_COLOR:
        found: RGBA | None = context.value("color")
        return found
    if value is UNKNOWN_COLOR:
        return None
    result: RGBA = value
    return result


def _compute_keeping_current(value: Any, context: StyleContext) -> Any:
    """For inherited colours other than `color`: `currentColor` stays a keyword (inherited
    as such) and is resolved against the element's own `color` when used."""
    if value is CURRENT_COLOR:
        return CURRENT_COLOR
    return _compute_color(value, context)


def _compute_foreground(value: Any, context: StyleContext) -> RGBA | None:
    if value is CURRENT_COLOR:  # `color: currentColor` is `color: inherit`
        found: RGBA | None = context.parent_value("color")
        return found
    return _compute_color(value, context)


# ---------------------------------------------------------------------------- font-size
# Chromium's keyword sizes for a 16px `medium` (FontSizeFunctions' strict-mode table); other
# medium sizes scale by the CSS Fonts 4 factors.
FONT_SIZE_KEYWORDS: Final[dict[str, float]] = {
    "xx-small": 9.0,
    "x-small": 10.0,
    "small": 13.0,
    "medium": 16.0,
    "large": 18.0,
    "x-large": 24.0,
    "xx-large": 32.0,
    "xxx-large": 48.0,
}
_FONT_SIZE_FACTORS: Final[dict[str, float]] = {
    "xx-small": 3 / 5, "x-small": 3 / 4, "small": 8 / 9, "medium": 1.0, "large": 6 / 5,
    "x-large": 3 / 2, "xx-large": 2.0, "xxx-large": 3.0,
}  # fmt: skip
_LARGER = 1.2  # the ratio Chromium (and CSS Fonts' suggestion) uses for larger / smaller


def _parse_font_size(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        word = token.lower_value
        if word in FONT_SIZE_KEYWORDS or word in ("larger", "smaller", "math"):
            return word
        return None
    return parse_length(token, negative=False)


def _compute_font_size(value: Any, context: StyleContext) -> float | None:
    if isinstance(value, str):
        medium = context.medium_font_size()
        if value in FONT_SIZE_KEYWORDS:
            if medium == 16.0:
                return FONT_SIZE_KEYWORDS[value]
            return medium * _FONT_SIZE_FACTORS[value]
        parent: float | None = context.parent_value("font-size")
        if parent is None:
            return None
        if value == "larger":
            return parent * _LARGER
        if value == "smaller":
            return parent / _LARGER
        return parent  # math: the math-depth scaling is not modelled
    px = resolve(value, context.font_context())
    return None if px is None else max(0.0, px)


# -------------------------------------------------------------------------- font-weight
def _parse_font_weight(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return {"normal": 400.0, "bold": 700.0, "bolder": "bolder", "lighter": "lighter"}.get(
            token.lower_value
        )
    if token.type == "number" and 1 <= token.value <= 1000:
        return float(token.value)
    return None


def _compute_font_weight(value: Any, context: StyleContext) -> float:
    if not isinstance(value, str):
        return float(value)
    parent: float = context.parent_value("font-weight")
    # CSS Fonts 4, "Determining the weight of bolder and lighter".
    if value == "bolder":
        if parent < 350:
            return 400.0
        if parent < 550:
            return 700.0
        if parent < 900:
            return 900.0
        return parent
    if parent < 100:
        return parent
    if parent < 550:
        return 100.0
    if parent < 750:
        return 400.0
    return 700.0


# ------------------------------------------------------------------------------ display
_OUTER = frozenset({"block", "inline", "run-in"})
_INNER = frozenset({"flow", "flow-root", "table", "flex", "grid", "ruby", "math"})
_SINGLE_DISPLAY = frozenset(
    {
        "none", "contents", "block", "inline", "inline-block", "flex", "inline-flex", "grid",
        "inline-grid", "flow-root", "list-item", "table", "inline-table", "table-row-group",
        "table-header-group", "table-footer-group", "table-row", "table-cell",
        "table-column-group", "table-column", "table-caption", "ruby", "ruby-base",
        "ruby-text", "ruby-base-container", "ruby-text-container", "run-in", "math",
        "-webkit-box", "-webkit-inline-box", "flow",
    }
)  # fmt: skip
# Multi-keyword values as the legacy single keyword they equal (CSS Display 3, section 2.7).
_DISPLAY_PAIRS = {
    ("block", "flow"): "block", ("block", "flow-root"): "flow-root",
    ("inline", "flow"): "inline", ("inline", "flow-root"): "inline-block",
    ("block", "flex"): "flex", ("inline", "flex"): "inline-flex",
    ("block", "grid"): "grid", ("inline", "grid"): "inline-grid",
    ("block", "table"): "table", ("inline", "table"): "inline-table",
    ("inline", "ruby"): "ruby", ("block", "math"): "block math", ("inline", "math"): "math",
    ("run-in", "flow"): "run-in",
}  # fmt: skip


def _parse_display(tokens: list[Any]) -> Any:
    if not tokens or any(t.type != "ident" for t in tokens):
        return None
    words = [t.lower_value for t in tokens]
    if len(words) == 1:
        word = words[0]
        if word == "flow":
            return "inline"
        return word if word in _SINGLE_DISPLAY else None
    if len(set(words)) != len(words) or len(words) > 3:
        return None
    list_item = "list-item" in words
    rest = [w for w in words if w != "list-item"]
    outer = [w for w in rest if w in _OUTER]
    inner = [w for w in rest if w in _INNER]
    if len(outer) > 1 or len(inner) > 1 or len(outer) + len(inner) != len(rest):
        return None
    outer_word = outer[0] if outer else ("inline" if inner and inner[0] == "ruby" else "block")
    inner_word = inner[0] if inner else "flow"
    if list_item:
        if inner_word not in ("flow", "flow-root"):
            return None
        return (
            "list-item"
            if outer_word == "block" and inner_word == "flow"
            else (f"{outer_word} {inner_word} list-item")
        )
    return _DISPLAY_PAIRS.get((outer_word, inner_word), f"{outer_word} {inner_word}")


# ------------------------------------------------------------------------------ opacity
def _parse_opacity(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "number":
        return float(token.value)
    if token.type == "percentage":
        return float(token.value) / 100
    return None


def _compute_opacity(value: Any, context: StyleContext) -> float:
    number = float(value)
    if number != number:  # NaN
        return 1.0
    return min(1.0, max(0.0, number))


# ----------------------------------------------------------------------------- overflow
_OVERFLOW = frozenset({"visible", "hidden", "clip", "scroll", "auto"})
_OVERFLOW_ALIASES = {"overlay": "auto", "-webkit-paged-x": "auto", "-webkit-paged-y": "auto"}
_parse_overflow_keyword = _one_keyword(_OVERFLOW, _OVERFLOW_ALIASES)


def _overflow_compute(other: str) -> Callable[[Any, StyleContext], Any]:
    # CSS Overflow 3: visible becomes auto, and clip hidden, when the other axis scrolls.
    def compute(value: Any, context: StyleContext) -> str:
        if value in ("visible", "clip"):
            other_value = context.value(other)
            if other_value in ("hidden", "scroll", "auto"):
                return "auto" if value == "visible" else "hidden"
        result: str = value
        return result

    return compute


def _expand_overflow(tokens: list[Any]) -> dict[str, Any] | None:
    if len(tokens) not in (1, 2):
        return None
    values = [_parse_overflow_keyword([t]) for t in tokens]
    if any(v is None for v in values):
        return None
    return {"overflow-x": values[0], "overflow-y": values[-1]}


# ----------------------------------------------------------------------- sizes, offsets
_SIZE_KEYWORDS = frozenset(
    {"auto", "min-content", "max-content", "fit-content", "stretch", "-webkit-fill-available",
     "-moz-available", "-webkit-max-content", "-webkit-min-content", "-webkit-fit-content"}
)  # fmt: skip


def _size_parser(negative: bool, keywords: frozenset[str]) -> Callable[[list[Any]], Any]:
    def parse(tokens: list[Any]) -> Any:
        if len(tokens) != 1:
            return None
        token = tokens[0]
        if token.type == "ident":
            word: str = token.lower_value
            return word if word in keywords else None
        if token.type == "function" and token.lower_name in (
            "fit-content",
            "anchor",
            "anchor-size",
        ):
            return "unknown"
        return parse_length(token, negative=negative)

    return parse


def compute_length(value: Any, context: StyleContext) -> float | str:
    """A length-percentage or keyword as pixels when absolute, else a descriptive string."""
    if isinstance(value, str):
        return value
    px = resolve(value, context.length_context())
    if px is not None:
        return px
    if isinstance(value, Length) and value.unit == "%":
        return f"{value.value:g}%"
    return "unknown"


# ---------------------------------------------------------------------------------- clip
def _parse_clip(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return "auto" if token.lower_value == "auto" else None
    if token.type != "function" or token.lower_name != "rect":
        return None
    args = significant(token.arguments)
    commas = [t for t in args if t.type == "literal" and t.value == ","]
    edges = [t for t in args if not (t.type == "literal" and t.value == ",")]
    if len(edges) != 4 or len(commas) not in (0, 3):
        return None
    parsed: list[Any] = []
    for edge in edges:
        if edge.type == "ident" and edge.lower_value == "auto":
            parsed.append("auto")
            continue
        length = parse_length(edge, percent=False)
        if length is None:
            return None
        parsed.append(length)
    return tuple(parsed)


def _compute_clip(value: Any, context: StyleContext) -> ClipRect | None:
    if value == "auto":
        return None
    edges: list[float | None] = []
    for edge in value:
        edges.append(None if edge == "auto" else resolve(edge, context.length_context()))
    return ClipRect(*edges)


# ------------------------------------------------------------------- clip-path, transform
_SHAPE_FUNCTIONS = frozenset(
    {"inset", "circle", "ellipse", "polygon", "path", "rect", "xywh", "shape"}
)
_BOXES = frozenset(
    {"margin-box", "border-box", "padding-box", "content-box", "fill-box", "stroke-box",
     "view-box"}
)  # fmt: skip


def _parse_clip_path(tokens: list[Any]) -> Any:
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    if not tokens or len(tokens) > 2:
        return None
    for token in tokens:
        if token.type == "url":
            continue
        if token.type == "function" and token.lower_name in (_SHAPE_FUNCTIONS | {"url"}):
            continue
        if token.type == "ident" and token.lower_value in _BOXES:
            continue
        return None
    return _serialized(tokens)


def _parse_function_list_or_none(tokens: list[Any]) -> Any:
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    if tokens and all(t.type == "function" for t in tokens):
        return _serialized(tokens)
    return None


def _parse_text_shadow(tokens: list[Any]) -> Any:
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    for part in split_commas(tokens):
        lengths = 0
        colors = 0
        for token in part:
            if parse_length(token, percent=False) is not None:
                lengths += 1
            elif _parse_color_token(token) is not None:
                colors += 1
            else:
                return None
        if not 2 <= lengths <= 3 or colors > 1:
            return None
    return _serialized(tokens)


# ---------------------------------------------------------------------------- outline
_OUTLINE_STYLES = frozenset(
    {"auto", "none", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset",
     "outset"}
)  # fmt: skip
_LINE_WIDTHS: Final[dict[str, float]] = {"thin": 1.0, "medium": 3.0, "thick": 5.0}


def _parse_line_width(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        word = token.lower_value
        return word if word in _LINE_WIDTHS else None
    return parse_length(token, percent=False, negative=False)


def _compute_outline_width(value: Any, context: StyleContext) -> float | None:
    if context.value("outline-style") == "none":
        return 0.0
    if isinstance(value, str):
        return _LINE_WIDTHS[value]
    return resolve(value, context.length_context())


def _expand_outline(tokens: list[Any]) -> dict[str, Any] | None:
    found: dict[str, Any] = {}
    for token in tokens:
        if token.type == "ident" and token.lower_value in _OUTLINE_STYLES:
            name, value = "outline-style", token.lower_value
        elif (width := _parse_line_width([token])) is not None:
            name, value = "outline-width", width
        elif (color := _parse_color_token(token)) is not None:
            name, value = "outline-color", color
        else:
            return None
        if name in found:
            return None
        found[name] = value
    if not found:
        return None
    return {
        "outline-color": found.get("outline-color", CURRENT_COLOR),
        "outline-style": found.get("outline-style", "none"),
        "outline-width": found.get("outline-width", "medium"),
    }


# -------------------------------------------------------------------- text-decoration
_LINES = frozenset({"underline", "overline", "line-through", "blink"})
_DECORATION_STYLES = frozenset({"solid", "double", "dotted", "dashed", "wavy"})
NO_LINES: Final[frozenset[str]] = frozenset()


def _parse_decoration_line(tokens: list[Any]) -> Any:
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return NO_LINES
    words = [t.lower_value if t.type == "ident" else None for t in tokens]
    if not words or any(w not in _LINES for w in words) or len(set(words)) != len(words):
        return None
    return frozenset(w for w in words if w is not None)


def _expand_text_decoration(tokens: list[Any]) -> dict[str, Any] | None:
    lines: set[str] = set()
    found: dict[str, Any] = {}
    none = False
    for token in tokens:
        word = token.lower_value if token.type == "ident" else None
        if word == "none" and not none and not lines:
            none = True
            continue
        if word in _LINES and not none and word not in lines:
            lines.add(word)
            continue
        if word in _DECORATION_STYLES and "style" not in found:
            found["style"] = word
            continue
        if word in ("auto", "from-font") or (
            word is None and token.type in ("dimension", "percentage", "number")
        ):
            if "thickness" in found or (parse_length(token) is None and word is None):
                return None
            found["thickness"] = True
            continue
        color = _parse_color_token(token)
        if color is not None and "color" not in found:
            found["color"] = color
            continue
        return None
    if not tokens:
        return None
    return {
        "text-decoration-line": frozenset(lines),
        "text-decoration-style": found.get("style", "solid"),
        "text-decoration-color": found.get("color", CURRENT_COLOR),
    }


# ---------------------------------------------------------------------------- spacing
def _parse_spacing(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return "normal" if token.lower_value == "normal" else None
    return parse_length(token)


def _compute_spacing(value: Any, context: StyleContext) -> float | None:
    if value == "normal":
        return 0.0
    base = context.length_context()
    # Percentages of spacing refer to the font size (CSS Text 4).
    with_percent = Context(
        base.font_size,
        base.root_font_size,
        base.viewport_width,
        base.viewport_height,
        percent_base=base.font_size,
    )
    return resolve(value, with_percent)


def _parse_text_indent(tokens: list[Any]) -> Any:
    lengths = [
        t for t in tokens if not (t.type == "ident" and t.lower_value in ("hanging", "each-line"))
    ]
    if len(lengths) != 1:
        return None
    return parse_length(lengths[0])


# ------------------------------------------------------------------------- line-height
def _parse_line_height(tokens: list[Any]) -> Any:
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return "normal" if token.lower_value == "normal" else None
    if token.type == "number":
        factor = float(token.value)
        return LineHeight("number", factor) if 0 <= factor < math.inf else None
    return parse_length(token, negative=False)  # a math function may also give a number


def _compute_line_height(value: Any, context: StyleContext) -> LineHeight | None:
    if value == "normal":
        return LineHeight("normal", 0.0)
    if isinstance(value, LineHeight):
        return value
    base = context.length_context()
    with_percent = Context(
        base.font_size,
        base.root_font_size,
        base.viewport_width,
        base.viewport_height,
        percent_base=base.font_size,
    )
    if isinstance(value, Calc):
        result = evaluate(value, with_percent)
        if result is None:
            return None
        kind = "number" if result[1] == "number" else "px"
        return LineHeight(kind, max(0.0, result[0]))
    px = resolve(value, with_percent)
    return None if px is None else LineHeight("px", max(0.0, px))


# ------------------------------------------------------------------------------- font
_FONT_STYLES = frozenset({"italic", "oblique"})
_FONT_STRETCHES = frozenset(
    {"ultra-condensed", "extra-condensed", "condensed", "semi-condensed", "semi-expanded",
     "expanded", "extra-expanded", "ultra-expanded"}
)  # fmt: skip
_SYSTEM_FONTS = frozenset({"caption", "icon", "menu", "message-box", "small-caption", "status-bar"})


def _expand_font(tokens: list[Any]) -> dict[str, Any] | None:
    """`font`: [style || variant || weight || stretch]? size [/ line-height]? family#."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value in _SYSTEM_FONTS:
        return {"font-size": "system", "font-weight": 400.0, "line-height": "normal"}
    weight: Any = None
    index = 0
    seen: set[str] = set()
    normals = 0
    while index < len(tokens):
        token = tokens[index]
        word = token.lower_value if token.type == "ident" else None
        if word == "normal":
            normals += 1
        elif word in _FONT_STYLES and "style" not in seen:
            seen.add("style")
            if (
                word == "oblique"
                and index + 1 < len(tokens)
                and tokens[index + 1].type == "dimension"
            ):
                index += 1  # oblique <angle>
        elif word == "small-caps" and "variant" not in seen:
            seen.add("variant")
        elif word in _FONT_STRETCHES and "stretch" not in seen:
            seen.add("stretch")
        elif "weight" not in seen and (
            (word in ("bold", "bolder", "lighter"))
            or (token.type == "number" and 1 <= token.value <= 1000)
        ):
            seen.add("weight")
            weight = _parse_font_weight([token])
        else:
            break
        index += 1
    if len(seen) + normals > 4 or index >= len(tokens):
        return None
    size = _parse_font_size([tokens[index]])
    if size is None or size == "math":
        return None
    index += 1
    line_height: Any = "normal"
    if index < len(tokens) and tokens[index].type == "literal" and tokens[index].value == "/":
        if index + 1 >= len(tokens):
            return None
        line_height = _parse_line_height([tokens[index + 1]])
        if line_height is None:
            return None
        index += 2
    family = tokens[index:]
    if not family or not _valid_families(family):
        return None
    return {
        "font-size": size,
        "font-weight": 400.0 if weight is None else weight,
        "line-height": line_height,
    }


def _valid_families(tokens: list[Any]) -> bool:
    for part in split_commas(tokens):
        if not part:
            return False
        if len(part) == 1 and part[0].type == "string":
            continue
        if not all(t.type == "ident" for t in part):
            return False
    return True


def _compute_font_size_or_system(value: Any, context: StyleContext) -> float | None:
    if value == "system":
        return None  # a system font's size depends on the platform
    return _compute_font_size(value, context)


# -------------------------------------------------------------------------- background
_IMAGE_FUNCTIONS = frozenset(
    {"image-set", "-webkit-image-set", "cross-fade", "-webkit-cross-fade", "element",
     "-moz-element", "paint", "image", "-webkit-canvas"}
)  # fmt: skip
_BACKGROUND_WORDS = frozenset(
    {"repeat", "no-repeat", "repeat-x", "repeat-y", "space", "round", "scroll", "fixed",
     "local", "border-box", "padding-box", "content-box", "text", "left", "right", "top",
     "bottom", "center", "cover", "contain", "auto"}
)  # fmt: skip


def _image(token: Any) -> Image | None:
    if token.type == "url":
        return Image("url", token.value)
    if token.type == "ident" and token.lower_value == "none":
        return Image("none")
    if token.type == "function":
        name = token.lower_name
        if name in ("url", "src"):
            strings = [t for t in token.arguments if t.type == "string"]
            return Image("url", strings[0].value if strings else "")
        if "gradient" in name:
            return Image("gradient", name)
        if name in _IMAGE_FUNCTIONS:
            return Image("image", name)
    return None


def _parse_background_image(tokens: list[Any]) -> Any:
    layers = []
    for part in split_commas(tokens):
        if len(part) != 1:
            return None
        image = _image(part[0])
        if image is None:
            return None
        layers.append(image)
    return tuple(layers)


def _expand_background(tokens: list[Any]) -> dict[str, Any] | None:
    parts = split_commas(tokens)
    images: list[Image] = []
    color: Any = TRANSPARENT
    for number, part in enumerate(parts):
        if not part:
            return None
        image: Image | None = None
        for token in part:
            found = _image(token)
            if found is not None:
                if image is not None:
                    return None
                image = found
                continue
            if token.type == "ident" and token.lower_value in _BACKGROUND_WORDS:
                continue
            if token.type == "literal" and token.value == "/":
                continue
            if (
                token.type in ("dimension", "percentage", "number", "function")
                and parse_length(token) is not None
            ):
                continue
            parsed = _parse_color_token(token)
            if parsed is not None and number == len(parts) - 1 and color is TRANSPARENT:
                color = parsed
                continue
            return None
        images.append(image or Image("none"))
    return {"background-color": color, "background-image": tuple(images)}


# ---------------------------------------------------------------------------- content
_QUOTES = {
    "open-quote": "\u201c",
    "close-quote": "\u201d",
    "no-open-quote": "",
    "no-close-quote": "",
}


def _parse_content(tokens: list[Any]) -> Any:
    if (
        len(tokens) == 1
        and tokens[0].type == "ident"
        and tokens[0].lower_value in ("normal", "none")
    ):
        return tokens[0].lower_value
    items: list[tuple[str, str]] = []
    alt: list[tuple[str, str]] | None = None
    target = items
    for token in tokens:
        if token.type == "literal" and token.value == "/" and alt is None and items:
            alt = []
            target = alt
            continue
        item = _content_item(token, in_alt=alt is not None)
        if item is None:
            return None
        target.append(item)
    if not items or (alt is not None and not alt):
        return None
    return (tuple(items), None if alt is None else tuple(alt))


def _content_item(token: Any, in_alt: bool) -> tuple[str, str] | None:
    if token.type == "string":
        return ("string", token.value)
    if token.type == "function" and token.lower_name == "attr":
        names = [t for t in token.arguments if t.type == "ident"]
        return ("attr", names[0].lower_value) if names else None
    if in_alt:
        return None
    if token.type == "ident" and token.lower_value in _QUOTES:
        return ("string", _QUOTES[token.lower_value])
    if token.type == "function" and token.lower_name in ("counter", "counters"):
        return ("counter", "")
    image = _image(token)
    if image is not None and image.kind != "none":
        return ("image", image.value if image.kind == "url" else image.kind)
    return None


def _compute_content(value: Any, context: StyleContext) -> Content:
    if value == "normal":
        return NORMAL_CONTENT
    if value == "none":
        return NONE_CONTENT
    items, alt_items = value
    text: list[str] = []
    exact = True
    images: list[str] = []
    for kind, data in items:
        if kind == "string":
            text.append(data)
        elif kind == "attr":
            text.append(context.attribute(data) or "")
        elif kind == "counter":
            exact = False
        else:
            images.append(data)
    alt = None
    if alt_items is not None:
        alt = "".join(
            data if kind == "string" else (context.attribute(data) or "")
            for kind, data in alt_items
        )
    if images and alt is None:
        exact = False
    return Content("items", "".join(text), exact, tuple(images), alt)


# ---------------------------------------------------------------------------- registry
def _prop(
    name: str,
    inherited: bool,
    initial: Any,
    parse: Callable[[list[Any]], Any],
    compute: Callable[[Any, StyleContext], Any] = _keep,
) -> Property:
    return Property(name, inherited, initial, parse, compute)


_LENGTH_OR_AUTO = _size_parser(negative=True, keywords=frozenset({"auto"}))
_SIZE = _size_parser(negative=False, keywords=_SIZE_KEYWORDS)

PROPERTIES: Final[dict[str, Property]] = {
    p.name: p
    for p in (
        _prop("color", True, SYSTEM_COLORS["canvastext"], parse_color, _compute_foreground),
        _prop(
            "-webkit-text-fill-color", True, CURRENT_COLOR, parse_color, _compute_keeping_current
        ),
        _prop("background-color", False, TRANSPARENT, parse_color, _compute_color),
        _prop("background-image", False, NO_IMAGE, _parse_background_image),
        _prop("font-size", True, "medium", _parse_font_size, _compute_font_size_or_system),
        _prop("font-weight", True, 400.0, _parse_font_weight, _compute_font_weight),
        _prop("line-height", True, "normal", _parse_line_height, _compute_line_height),
        _prop("display", False, "inline", _parse_display),
        _prop(
            "visibility",
            True,
            "visible",
            _one_keyword(frozenset({"visible", "hidden", "collapse"})),
        ),
        _prop("opacity", False, 1.0, _parse_opacity, _compute_opacity),
        _prop(
            "content-visibility",
            False,
            "visible",
            _one_keyword(frozenset({"visible", "auto", "hidden"})),
        ),
        _prop(
            "overflow-x", False, "visible", _parse_overflow_keyword, _overflow_compute("overflow-y")
        ),
        _prop(
            "overflow-y", False, "visible", _parse_overflow_keyword, _overflow_compute("overflow-x")
        ),
        _prop(
            "position",
            False,
            "static",
            _one_keyword(
                frozenset({"static", "relative", "absolute", "fixed", "sticky"}),
                {"-webkit-sticky": "sticky"},
            ),
        ),
        _prop("clip", False, "auto", _parse_clip, _compute_clip),
        _prop("clip-path", False, "none", _parse_clip_path),
        _prop("width", False, "auto", _SIZE, compute_length),
        _prop("height", False, "auto", _SIZE, compute_length),
        _prop("left", False, "auto", _LENGTH_OR_AUTO, compute_length),
        _prop("top", False, "auto", _LENGTH_OR_AUTO, compute_length),
        _prop("right", False, "auto", _LENGTH_OR_AUTO, compute_length),
        _prop("bottom", False, "auto", _LENGTH_OR_AUTO, compute_length),
        _prop("text-indent", True, Length(0.0, "px"), _parse_text_indent, compute_length),
        _prop("outline-style", False, "none", _one_keyword(_OUTLINE_STYLES)),
        _prop("outline-width", False, "medium", _parse_line_width, _compute_outline_width),
        _prop("outline-color", False, CURRENT_COLOR, parse_color, _compute_color),
        _prop("text-decoration-line", False, NO_LINES, _parse_decoration_line),
        _prop("text-decoration-style", False, "solid", _one_keyword(_DECORATION_STYLES)),
        _prop("text-decoration-color", False, CURRENT_COLOR, parse_color, _compute_color),
        _prop("letter-spacing", True, "normal", _parse_spacing, _compute_spacing),
        _prop("word-spacing", True, "normal", _parse_spacing, _compute_spacing),
        _prop("transform", False, "none", _parse_function_list_or_none),
        _prop("text-shadow", True, "none", _parse_text_shadow),
        _prop("content", False, "normal", _parse_content, _compute_content),
    )
}
"""Every longhand, by name."""

SHORTHANDS: Final[dict[str, Shorthand]] = {
    s.name: s
    for s in (
        Shorthand("background", ("background-color", "background-image"), _expand_background),
        Shorthand("font", ("font-size", "font-weight", "line-height"), _expand_font),
        Shorthand("outline", ("outline-color", "outline-style", "outline-width"), _expand_outline),
        Shorthand(
            "text-decoration",
            ("text-decoration-line", "text-decoration-style", "text-decoration-color"),
            _expand_text_decoration,
        ),
        Shorthand("overflow", ("overflow-x", "overflow-y"), _expand_overflow),
    )
}
"""Every shorthand, by name (only the longhands this registry knows are expanded)."""

# Aliases browsers accept for a registered property (legacy prefixed names).
ALIASES: Final[dict[str, str]] = {
    "-webkit-text-decoration-line": "text-decoration-line",
    "-webkit-text-decoration-color": "text-decoration-color",
    "-webkit-text-decoration-style": "text-decoration-style",
    "-webkit-transform": "transform",
    "-webkit-clip-path": "clip-path",
    "-webkit-opacity": "opacity",
}
