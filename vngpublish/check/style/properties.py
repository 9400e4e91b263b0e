"""The property registry: every property the style engine knows, defined as browsers and
Siteimprove Alfa define them — an initial value, whether it is inherited, a parser (tokens to a
specified value, or None when the declaration is invalid and must be dropped) and a compute
step (specified value and the element's style so far to a typed computed value).

Shorthands (`background`, `font`, `outline`, `text-decoration`, `overflow`, `padding`,
`border` and its sides, styles, widths and colours) expand into their longhands when a
declaration is parsed, as browsers do; a shorthand that is invalid sets nothing.

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
- `max-width`, `max-height`, `padding-*`: as `width`; `border-*-width`: pixels (0 when that
  side's style is `none` or `hidden`); `border-*-style`, `box-sizing`, `white-space`,
  `text-overflow`, `mix-blend-mode`: a keyword; `border-*-color`: as colours; `z-index`:
  an integer or "auto"; `filter`, `backdrop-filter`, `box-shadow`, `background-clip`,
  `rotate`: "none" (or the initial keyword) or the value as written (see `paint_properties`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from vngpublish.check.style.box_properties import (
    OUTLINE_STYLES,
    SIZE_KEYWORDS,
    compute_clip,
    compute_length,
    compute_opacity,
    compute_outline_width,
    expand_background,
    expand_outline,
    expand_overflow,
    overflow_compute,
    parse_background_image,
    parse_clip,
    parse_clip_path,
    parse_display,
    parse_function_list_or_none,
    parse_line_width,
    parse_opacity,
    parse_overflow_keyword,
    parse_text_shadow,
    size_parser,
)
from vngpublish.check.style.colors import CURRENT_COLOR, SYSTEM_COLORS, TRANSPARENT
from vngpublish.check.style.paint_properties import (
    SIDES,
    border_side_expander,
    expand_border,
    four_sides,
    parse_background_clip,
    parse_blend_mode,
    parse_border_style,
    parse_box_shadow,
    parse_box_sizing,
    parse_effects,
    parse_padding,
    parse_rotate,
    parse_text_overflow,
    parse_white_space,
    parse_z_index,
    side_width_compute,
)
from vngpublish.check.style.property_types import (
    NO_IMAGE,
    NO_LINES,
    Property,
    Shorthand,
    StyleContext,
    compute_color,
    compute_foreground,
    compute_keeping_current,
    keep,
    one_keyword,
    parse_color,
)
from vngpublish.check.style.text_properties import (
    DECORATION_STYLES,
    compute_content,
    compute_font_size_or_system,
    compute_font_weight,
    compute_line_height,
    compute_spacing,
    expand_font,
    expand_text_decoration,
    parse_content,
    parse_decoration_line,
    parse_font_size,
    parse_font_weight,
    parse_line_height,
    parse_spacing,
    parse_text_indent,
)
from vngpublish.check.style.values import Length


# ---------------------------------------------------------------------------- registry
def _prop(
    name: str,
    inherited: bool,
    initial: Any,
    parse: Callable[[list[Any]], Any],
    compute: Callable[[Any, StyleContext], Any] = keep,
) -> Property:
    return Property(name, inherited, initial, parse, compute)


_BORDER_PARTS = ("width", "style", "color")
LENGTH_OR_AUTO = size_parser(negative=True, keywords=frozenset({"auto"}))
MAX_SIZE = size_parser(negative=False, keywords=SIZE_KEYWORDS - {"auto"} | {"none"})
SIZE = size_parser(negative=False, keywords=SIZE_KEYWORDS)

PROPERTIES: Final[dict[str, Property]] = {
    p.name: p
    for p in (
        _prop("color", True, SYSTEM_COLORS["canvastext"], parse_color, compute_foreground),
        _prop("-webkit-text-fill-color", True, CURRENT_COLOR, parse_color, compute_keeping_current),
        _prop("background-color", False, TRANSPARENT, parse_color, compute_color),
        _prop("background-image", False, NO_IMAGE, parse_background_image),
        _prop("font-size", True, "medium", parse_font_size, compute_font_size_or_system),
        _prop("font-weight", True, 400.0, parse_font_weight, compute_font_weight),
        _prop("line-height", True, "normal", parse_line_height, compute_line_height),
        _prop("display", False, "inline", parse_display),
        _prop(
            "visibility",
            True,
            "visible",
            one_keyword(frozenset({"visible", "hidden", "collapse"})),
        ),
        _prop("opacity", False, 1.0, parse_opacity, compute_opacity),
        _prop(
            "content-visibility",
            False,
            "visible",
            one_keyword(frozenset({"visible", "auto", "hidden"})),
        ),
        _prop(
            "overflow-x", False, "visible", parse_overflow_keyword, overflow_compute("overflow-y")
        ),
        _prop(
            "overflow-y", False, "visible", parse_overflow_keyword, overflow_compute("overflow-x")
        ),
        _prop(
            "position",
            False,
            "static",
            one_keyword(
                frozenset({"static", "relative", "absolute", "fixed", "sticky"}),
                {"-webkit-sticky": "sticky"},
            ),
        ),
        _prop("clip", False, "auto", parse_clip, compute_clip),
        _prop("clip-path", False, "none", parse_clip_path),
        _prop("width", False, "auto", SIZE, compute_length),
        _prop("height", False, "auto", SIZE, compute_length),
        _prop("left", False, "auto", LENGTH_OR_AUTO, compute_length),
        _prop("top", False, "auto", LENGTH_OR_AUTO, compute_length),
        _prop("right", False, "auto", LENGTH_OR_AUTO, compute_length),
        _prop("bottom", False, "auto", LENGTH_OR_AUTO, compute_length),
        _prop("text-indent", True, Length(0.0, "px"), parse_text_indent, compute_length),
        _prop("outline-style", False, "none", one_keyword(OUTLINE_STYLES)),
        _prop("outline-width", False, "medium", parse_line_width, compute_outline_width),
        _prop("outline-color", False, CURRENT_COLOR, parse_color, compute_color),
        _prop("text-decoration-line", False, NO_LINES, parse_decoration_line),
        _prop("text-decoration-style", False, "solid", one_keyword(DECORATION_STYLES)),
        _prop("text-decoration-color", False, CURRENT_COLOR, parse_color, compute_color),
        _prop("letter-spacing", True, "normal", parse_spacing, compute_spacing),
        _prop("word-spacing", True, "normal", parse_spacing, compute_spacing),
        _prop("transform", False, "none", parse_function_list_or_none),
        _prop("text-shadow", True, "none", parse_text_shadow),
        _prop("content", False, "normal", parse_content, compute_content),
        _prop("max-width", False, "none", MAX_SIZE, compute_length),
        _prop("max-height", False, "none", MAX_SIZE, compute_length),
        _prop("box-sizing", False, "content-box", parse_box_sizing),
        *(
            _prop(f"padding-{side}", False, Length(0.0, "px"), parse_padding, compute_length)
            for side in SIDES
        ),
        *(_prop(f"border-{side}-style", False, "none", parse_border_style) for side in SIDES),
        *(
            _prop(
                f"border-{side}-width", False, "medium", parse_line_width, side_width_compute(side)
            )
            for side in SIDES
        ),
        *(
            _prop(f"border-{side}-color", False, CURRENT_COLOR, parse_color, compute_color)
            for side in SIDES
        ),
        _prop("box-shadow", False, "none", parse_box_shadow),
        _prop("filter", False, "none", parse_effects),
        _prop("backdrop-filter", False, "none", parse_effects),
        _prop("mix-blend-mode", False, "normal", parse_blend_mode),
        _prop("background-clip", False, "border-box", parse_background_clip),
        _prop("rotate", False, "none", parse_rotate),
        _prop("white-space", True, "normal", parse_white_space),
        _prop("text-overflow", False, "clip", parse_text_overflow),
        _prop("z-index", False, "auto", parse_z_index),
    )
}
"""Every longhand, by name."""

SHORTHANDS: Final[dict[str, Shorthand]] = {
    s.name: s
    for s in (
        Shorthand("background", ("background-color", "background-image"), expand_background),
        Shorthand("font", ("font-size", "font-weight", "line-height"), expand_font),
        Shorthand("outline", ("outline-color", "outline-style", "outline-width"), expand_outline),
        Shorthand(
            "text-decoration",
            ("text-decoration-line", "text-decoration-style", "text-decoration-color"),
            expand_text_decoration,
        ),
        Shorthand("overflow", ("overflow-x", "overflow-y"), expand_overflow),
        Shorthand(
            "padding",
            tuple(f"padding-{side}" for side in SIDES),
            four_sides("padding-", "", parse_padding),
        ),
        Shorthand(
            "border",
            tuple(f"border-{side}-{part}" for side in SIDES for part in _BORDER_PARTS),
            expand_border,
        ),
        *(
            Shorthand(
                f"border-{side}",
                tuple(f"border-{side}-{part}" for part in _BORDER_PARTS),
                border_side_expander(side),
            )
            for side in SIDES
        ),
        Shorthand(
            "border-style",
            tuple(f"border-{side}-style" for side in SIDES),
            four_sides("border-", "-style", parse_border_style),
        ),
        Shorthand(
            "border-width",
            tuple(f"border-{side}-width" for side in SIDES),
            four_sides("border-", "-width", parse_line_width),
        ),
        Shorthand(
            "border-color",
            tuple(f"border-{side}-color" for side in SIDES),
            four_sides("border-", "-color", parse_color),
        ),
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
    "-webkit-background-clip": "background-clip",
    "-webkit-filter": "filter",
    "-webkit-backdrop-filter": "backdrop-filter",
    "-webkit-box-shadow": "box-shadow",
    "-webkit-box-sizing": "box-sizing",
}
