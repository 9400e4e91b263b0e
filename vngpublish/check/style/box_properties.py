"""Properties of boxes: display, opacity, overflow, sizes and offsets, clip and clip-path,
transform, outline, and background.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from vngpublish.check.style.color_syntax import parse_color as _parse_color_token
from vngpublish.check.style.colors import CURRENT_COLOR, TRANSPARENT
from vngpublish.check.style.property_types import (
    ClipRect,
    Image,
    StyleContext,
    one_keyword,
    serialized,
)
from vngpublish.check.style.values import (
    Length,
    parse_length,
    resolve,
    significant,
    split_commas,
)

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


def parse_display(tokens: list[Any]) -> Any:
    """`display`: one keyword or a multi-keyword value, as the legacy keyword it equals."""
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
def parse_opacity(tokens: list[Any]) -> Any:
    """`opacity`: a number or percentage."""
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "number":
        return float(token.value)
    if token.type == "percentage":
        return float(token.value) / 100
    return None


def compute_opacity(value: Any, context: StyleContext) -> float:
    """The opacity clamped to 0..1."""
    number = float(value)
    if number != number:  # NaN
        return 1.0
    return min(1.0, max(0.0, number))


# ----------------------------------------------------------------------------- overflow
_OVERFLOW = frozenset({"visible", "hidden", "clip", "scroll", "auto"})
_OVERFLOW_ALIASES = {"overlay": "auto", "-webkit-paged-x": "auto", "-webkit-paged-y": "auto"}
parse_overflow_keyword = one_keyword(_OVERFLOW, _OVERFLOW_ALIASES)


def overflow_compute(other: str) -> Callable[[Any, StyleContext], Any]:
    """The compute step of one overflow axis, given the other axis's property name."""

    # CSS Overflow 3: visible becomes auto, and clip hidden, when the other axis scrolls.
    def compute(value: Any, context: StyleContext) -> str:
        if value in ("visible", "clip"):
            other_value = context.specified(other)
            if other_value in ("hidden", "scroll", "auto"):
                return "auto" if value == "visible" else "hidden"
        result: str = value
        return result

    return compute


def expand_overflow(tokens: list[Any]) -> dict[str, Any] | None:
    """`overflow`: one or two keywords (x, then y)."""
    if len(tokens) not in (1, 2):
        return None
    values = [parse_overflow_keyword([t]) for t in tokens]
    if any(v is None for v in values):
        return None
    return {"overflow-x": values[0], "overflow-y": values[-1]}


# ----------------------------------------------------------------------- sizes, offsets
SIZE_KEYWORDS = frozenset(
    {"auto", "min-content", "max-content", "fit-content", "stretch", "-webkit-fill-available",
     "-moz-available", "-webkit-max-content", "-webkit-min-content", "-webkit-fit-content"}
)  # fmt: skip


def size_parser(negative: bool, keywords: frozenset[str]) -> Callable[[list[Any]], Any]:
    """A parser for a length-percentage, or one of `keywords` (negative lengths if allowed)."""

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
def parse_clip(tokens: list[Any]) -> Any:
    """`clip`: `auto` or `rect()` with four edges."""
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


def compute_clip(value: Any, context: StyleContext) -> ClipRect | None:
    """`clip` as a `ClipRect` in pixels (None for `auto`)."""
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


def parse_clip_path(tokens: list[Any]) -> Any:
    """`clip-path`: `none`, a shape, a box or a URL (kept as written)."""
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
    return serialized(tokens)


def parse_function_list_or_none(tokens: list[Any]) -> Any:
    """`none`, or a list of functions (kept as written): `transform`."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    if tokens and all(t.type == "function" for t in tokens):
        return serialized(tokens)
    return None


def parse_text_shadow(tokens: list[Any]) -> Any:
    """`text-shadow`: `none` or shadows of two or three lengths and a colour."""
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
    return serialized(tokens)


# ---------------------------------------------------------------------------- outline
OUTLINE_STYLES = frozenset(
    {"auto", "none", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset",
     "outset"}
)  # fmt: skip
_LINE_WIDTHS: Final[dict[str, float]] = {"thin": 1.0, "medium": 3.0, "thick": 5.0}


def parse_line_width(tokens: list[Any]) -> Any:
    """An outline or border width: a keyword or a length."""
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        word = token.lower_value
        return word if word in _LINE_WIDTHS else None
    return parse_length(token, percent=False, negative=False)


def compute_outline_width(value: Any, context: StyleContext) -> float | None:
    """The outline width in pixels (0 when `outline-style` is none)."""
    if context.value("outline-style") == "none":
        return 0.0
    if isinstance(value, str):
        return _LINE_WIDTHS[value]
    return resolve(value, context.length_context())


def line_parts(tokens: list[Any], styles: frozenset[str]) -> dict[str, Any] | None:
    """Width, style (one of `styles`) and colour of a line shorthand (`border`, `outline`), in
    any order, each at most once; the initial value for each one left out. None when a token
    is none of them."""
    found: dict[str, Any] = {}
    for token in tokens:
        if token.type == "ident" and token.lower_value in styles:
            name, value = "style", token.lower_value
        elif (width := parse_line_width([token])) is not None:
            name, value = "width", width
        elif (color := _parse_color_token(token)) is not None:
            name, value = "color", color
        else:
            return None
        if name in found:
            return None
        found[name] = value
    if not found:
        return None
    return {
        "width": found.get("width", "medium"),
        "style": found.get("style", "none"),
        "color": found.get("color", CURRENT_COLOR),
    }


def expand_outline(tokens: list[Any]) -> dict[str, Any] | None:
    """`outline`: colour, style and width in any order."""
    parts = line_parts(tokens, OUTLINE_STYLES)
    if parts is None:
        return None
    return {
        "outline-color": parts["color"],
        "outline-style": parts["style"],
        "outline-width": parts["width"],
    }


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


def parse_image(token: Any) -> Image | None:
    """One image of `background-image` or `content`, or None when `token` is no image."""
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


def parse_background_image(tokens: list[Any]) -> Any:
    """`background-image`: comma-separated layers."""
    layers = []
    for part in split_commas(tokens):
        if len(part) != 1:
            return None
        image = parse_image(part[0])
        if image is None:
            return None
        layers.append(image)
    return tuple(layers)


def expand_background(tokens: list[Any]) -> dict[str, Any] | None:
    """`background`: the images of every layer and the colour of the last."""
    parts = split_commas(tokens)
    images: list[Image] = []
    color: Any = TRANSPARENT
    for number, part in enumerate(parts):
        if not part:
            return None
        image: Image | None = None
        for token in part:
            found = parse_image(token)
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
