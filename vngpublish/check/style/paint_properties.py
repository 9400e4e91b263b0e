"""Properties of painting and box edges: borders, padding, the effects that change what a
text's colours look like (`filter`, `backdrop-filter`, `mix-blend-mode`, `background-clip`,
`box-shadow`), `rotate` and `z-index`, and how text that does not fit is handled
(`white-space`, `text-overflow`).

Effects are kept as written ("none" or the value, lower-cased): rules only ask whether there
is one. Border widths compute to pixels, and to 0 when the side's style is `none` or
`hidden`, as CSS Backgrounds 3 says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from vngpublish.check.style.box_properties import line_parts, size_parser
from vngpublish.check.style.property_types import StyleContext, one_keyword, serialized
from vngpublish.check.style.values import parse_length, resolve, split_commas

SIDES: Final = ("top", "right", "bottom", "left")
BORDER_STYLES: Final = frozenset(
    {"none", "hidden", "dotted", "dashed", "solid", "double", "groove", "ridge", "inset",
     "outset"}
)  # fmt: skip
_LINE_WIDTHS: Final[dict[str, float]] = {"thin": 1.0, "medium": 3.0, "thick": 5.0}
_BLEND_MODES: Final = frozenset(
    {"normal", "multiply", "screen", "overlay", "darken", "lighten", "color-dodge",
     "color-burn", "hard-light", "soft-light", "difference", "exclusion", "hue",
     "saturation", "color", "luminosity", "plus-darker", "plus-lighter"}
)  # fmt: skip
_CLIP_BOXES: Final = frozenset({"border-box", "padding-box", "content-box", "text", "border-area"})
WHITE_SPACE: Final = frozenset(
    {"normal", "nowrap", "pre", "pre-wrap", "pre-line", "break-spaces", "-webkit-nowrap"}
)

parse_white_space = one_keyword(WHITE_SPACE, {"-webkit-nowrap": "nowrap"})
parse_blend_mode = one_keyword(_BLEND_MODES)
parse_box_sizing = one_keyword(frozenset({"content-box", "border-box"}))
parse_border_style = one_keyword(BORDER_STYLES)
parse_padding = size_parser(negative=False, keywords=frozenset())


def parse_effects(tokens: list[Any]) -> Any:
    """`filter`, `backdrop-filter`: `none`, or functions and `url()`s (kept as written)."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    if tokens and all(t.type in ("function", "url") for t in tokens):
        return serialized(tokens)
    return None


def parse_background_clip(tokens: list[Any]) -> Any:
    """`background-clip`: a box for each layer (kept as written)."""
    for part in split_commas(tokens):
        if len(part) != 1 or part[0].type != "ident" or part[0].lower_value not in _CLIP_BOXES:
            return None
    return serialized(tokens)


def parse_box_shadow(tokens: list[Any]) -> Any:
    """`box-shadow`: `none` or shadows (kept as written; each needs two to four lengths)."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    for part in split_commas(tokens):
        lengths = sum(1 for t in part if parse_length(t, percent=False) is not None)
        if not 2 <= lengths <= 4:
            return None
    return serialized(tokens)


def parse_rotate(tokens: list[Any]) -> Any:
    """`rotate`: `none`, an angle, an axis keyword and an angle, or three numbers and an
    angle (kept as written)."""
    if len(tokens) == 1 and tokens[0].type == "ident" and tokens[0].lower_value == "none":
        return "none"
    angles = [t for t in tokens if t.type == "dimension" or t.type == "function"]
    if len(angles) != 1 or len(tokens) not in (1, 2, 4):
        return None
    return serialized(tokens)


def parse_text_overflow(tokens: list[Any]) -> Any:
    """`text-overflow`: `clip`, `ellipsis` or a string, for one or both ends; the value for
    the end where text overflows in left-to-right text (the first)."""
    if not 1 <= len(tokens) <= 2:
        return None
    first = tokens[0]
    if first.type == "string":
        return "string"
    if first.type == "ident" and first.lower_value in ("clip", "ellipsis", "fade"):
        return first.lower_value
    return None


def parse_z_index(tokens: list[Any]) -> Any:
    """`z-index`: `auto` or an integer."""
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if token.type == "ident" and token.lower_value == "auto":
        return "auto"
    if token.type == "number" and token.is_integer:
        return int(token.int_value)
    return None


def side_width_compute(side: str) -> Callable[[Any, StyleContext], Any]:
    """The compute step of one side's border width: 0 when its style is none or hidden."""

    def compute(value: Any, context: StyleContext) -> float | None:
        if context.value(f"border-{side}-style") in ("none", "hidden"):
            return 0.0
        if isinstance(value, str):
            return _LINE_WIDTHS[value]
        return resolve(value, context.length_context())

    return compute


def _border_parts(tokens: list[Any]) -> dict[str, Any] | None:
    """Width, style and colour of a border shorthand, in any order, each at most once."""
    return line_parts(tokens, BORDER_STYLES)


def border_side_expander(side: str) -> Callable[[list[Any]], dict[str, Any] | None]:
    """`border-top`, `border-bottom` ...: width, style and colour of one side."""

    def expand(tokens: list[Any]) -> dict[str, Any] | None:
        parts = _border_parts(tokens)
        if parts is None:
            return None
        return {f"border-{side}-{key}": value for key, value in parts.items()}

    return expand


def expand_border(tokens: list[Any]) -> dict[str, Any] | None:
    """`border`: the same width, style and colour on every side."""
    parts = _border_parts(tokens)
    if parts is None:
        return None
    return {f"border-{side}-{key}": value for side in SIDES for key, value in parts.items()}


def four_sides(
    prefix: str, suffix: str, parse: Callable[[list[Any]], Any]
) -> Callable[[list[Any]], dict[str, Any] | None]:
    """A one-to-four-value shorthand (`padding`, `border-width` ...): top, right, bottom,
    left, the missing ones copied from their opposite side."""

    def expand(tokens: list[Any]) -> dict[str, Any] | None:
        if not 1 <= len(tokens) <= 4:
            return None
        values = [parse([token]) for token in tokens]
        if any(value is None for value in values):
            return None
        while len(values) < 4:
            values.append(values[len(values) - 2] if len(values) > 1 else values[0])
        return {f"{prefix}{side}{suffix}": value for side, value in zip(SIDES, values, strict=True)}

    return expand
