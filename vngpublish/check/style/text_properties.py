"""Properties of text: font size and weight, line height, the `font` shorthand, letter and
word spacing, text indent, text decoration, text shadow, and generated `content`.
"""

from __future__ import annotations

import math
from typing import Any, Final

from vngpublish.check.style.box_properties import parse_image
from vngpublish.check.style.color_syntax import parse_color as _parse_color_token
from vngpublish.check.style.colors import CURRENT_COLOR
from vngpublish.check.style.property_types import (
    NO_LINES,
    NONE_CONTENT,
    NORMAL_CONTENT,
    Content,
    LineHeight,
    StyleContext,
)
from vngpublish.check.style.values import (
    Calc,
    Context,
    evaluate,
    parse_length,
    resolve,
    split_commas,
)

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


def parse_font_size(tokens: list[Any]) -> Any:
    """`font-size`: a keyword or a non-negative length-percentage."""
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        word = token.lower_value
        if word in FONT_SIZE_KEYWORDS or word in ("larger", "smaller", "math"):
            return word
        return None
    return parse_length(token, negative=False)


def compute_font_size(value: Any, context: StyleContext) -> float | None:
    """The font size in pixels, or None when it cannot be known."""
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
def parse_font_weight(tokens: list[Any]) -> Any:
    """`font-weight`: a number from 1 to 1000 or a keyword."""
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


def compute_font_weight(value: Any, context: StyleContext) -> float:
    """The weight as a number (`bolder` and `lighter` from the parent's weight)."""
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


# -------------------------------------------------------------------- text-decoration
_LINES = frozenset({"underline", "overline", "line-through", "blink"})
DECORATION_STYLES = frozenset({"solid", "double", "dotted", "dashed", "wavy"})


def parse_decoration_line(tokens: list[Any]) -> Any:
    """`text-decoration-line`: `none` or a set of lines."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return NO_LINES
    words = [t.lower_value if t.type == "ident" else None for t in tokens]
    if not words or any(w not in _LINES for w in words) or len(set(words)) != len(words):
        return None
    return frozenset(w for w in words if w is not None)


def expand_text_decoration(tokens: list[Any]) -> dict[str, Any] | None:
    """`text-decoration`: line, style, colour and thickness in any order."""
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
        if word in DECORATION_STYLES and "style" not in found:
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
def parse_spacing(tokens: list[Any]) -> Any:
    """`letter-spacing`, `word-spacing`: `normal` or a length-percentage."""
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return "normal" if token.lower_value == "normal" else None
    return parse_length(token)


def compute_spacing(value: Any, context: StyleContext) -> float | None:
    """Spacing in pixels (`normal` is 0; percentages of the font size)."""
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


def parse_text_indent(tokens: list[Any]) -> Any:
    """`text-indent`: a length-percentage with optional keywords."""
    lengths = [
        t for t in tokens if not (t.type == "ident" and t.lower_value in ("hanging", "each-line"))
    ]
    if len(lengths) != 1:
        return None
    return parse_length(lengths[0])


# ------------------------------------------------------------------------- line-height
def parse_line_height(tokens: list[Any]) -> Any:
    """`line-height`: `normal`, a number or a length-percentage."""
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident":
        return "normal" if token.lower_value == "normal" else None
    if token.type == "number":
        factor = float(token.value)
        return LineHeight("number", factor) if 0 <= factor < math.inf else None
    return parse_length(token, negative=False)  # a math function may also give a number


def compute_line_height(value: Any, context: StyleContext) -> LineHeight | None:
    """The computed line height as a `LineHeight`."""
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


def expand_font(tokens: list[Any]) -> dict[str, Any] | None:
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
            weight = parse_font_weight([token])
        else:
            break
        index += 1
    if len(seen) + normals > 4 or index >= len(tokens):
        return None
    size = parse_font_size([tokens[index]])
    if size is None or size == "math":
        return None
    index += 1
    line_height: Any = "normal"
    if index < len(tokens) and tokens[index].type == "literal" and tokens[index].value == "/":
        if index + 1 >= len(tokens):
            return None
        line_height = parse_line_height([tokens[index + 1]])
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


def compute_font_size_or_system(value: Any, context: StyleContext) -> float | None:
    """The font size, None for a system font set by `font`."""
    if value == "system":
        return None  # a system font's size depends on the platform
    return compute_font_size(value, context)


# ---------------------------------------------------------------------------- content
_QUOTES = {
    "open-quote": "\u201c",
    "close-quote": "\u201d",
    "no-open-quote": "",
    "no-close-quote": "",
}


def parse_content(tokens: list[Any]) -> Any:
    """`content`: `normal`, `none`, or items with an optional alternative text."""
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
    image = parse_image(token)
    if image is not None and image.kind != "none":
        return ("image", image.value if image.kind == "url" else image.kind)
    return None


def compute_content(value: Any, context: StyleContext) -> Content:
    """The computed `content` with `attr()` values filled in."""
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
