"""Colours: CSS Color 4 parsing to sRGB, alpha compositing, and WCAG 2.x contrast.

`parse_color` reads one colour value from tinycss2 tokens: hex (3, 4, 6, 8 digits), the 148
named colours, `transparent`, `currentColor`, system colours (as Chromium resolves them in light
mode), `rgb()`/`rgba()` and `hsl()`/`hsla()` in legacy (comma) and modern (space, `/ alpha`)
syntax, `hwb()`, `lab()`, `lch()`, `oklab()`, `oklch()`, `color()` in the srgb, srgb-linear,
display-p3, xyz, xyz-d50 and xyz-d65 spaces, and `light-dark()` (light is taken). Channels may be
`none` (zero) in the modern syntax. `calc()` inside colour functions, relative colours
(`rgb(from ...)`), `color-mix()` and the a98-rgb, prophoto-rgb and rec2020 spaces are valid CSS
whose value this module does not compute: they parse to `UNKNOWN_COLOR`.

Colours outside the sRGB gamut are clipped per channel (CSS Color 4 asks for gamut mapping in
OKLCh; browsers still mostly clip when they paint). Legacy sRGB syntaxes (hex, names, `rgb()`,
`hsl()`, `hwb()`) are rounded to 8-bit channels, as Chromium stores them; the other spaces keep
fractional channels.

Relative luminance and contrast follow the WCAG 2.2 definitions: the sRGB linearisation
threshold is 0.04045 (WCAG 2.2's definition, updated in May 2021 from 0.03928, which it notes
"has no practical effect": no 8-bit channel value lies between the two thresholds).
"""

from __future__ import annotations

import math
from typing import Any, Final, NamedTuple


class RGBA(NamedTuple):
    """An sRGB colour: `r`, `g`, `b` in 0..255 (may be fractional), `a` (alpha) in 0..1."""

    r: float
    g: float
    b: float
    a: float = 1.0

    @property
    def opaque(self) -> bool:
        """True when alpha is 1."""
        return self.a >= 1.0

    @property
    def hex(self) -> str:
        """`#rrggbb`, or `#rrggbbaa` when not opaque (channels rounded)."""
        channels = [round(self.r), round(self.g), round(self.b)]
        if self.a < 1.0:
            channels.append(round(self.a * 255))
        return "#" + "".join(f"{c:02x}" for c in channels)

    def relative_luminance(self) -> float:
        """WCAG 2.2 relative luminance of the colour's RGB (alpha ignored)."""
        return relative_luminance(self)


class _Unknown:
    """The type of `UNKNOWN_COLOR`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNKNOWN_COLOR"


UNKNOWN_COLOR: Final = _Unknown()
"""A valid colour value this module cannot compute (`color-mix()`, relative colours, ...)."""


class _CurrentColor:
    __slots__ = ()

    def __repr__(self) -> str:
        return "CURRENT_COLOR"


CURRENT_COLOR: Final = _CurrentColor()
"""The `currentColor` keyword, resolved against the element's `color` when computed."""

Color = RGBA | _Unknown | _CurrentColor
"""What `parse_color` returns for a valid colour."""

TRANSPARENT: Final = RGBA(0.0, 0.0, 0.0, 0.0)
BLACK: Final = RGBA(0.0, 0.0, 0.0)
WHITE: Final = RGBA(255.0, 255.0, 255.0)


def _hex(value: int) -> RGBA:
    return RGBA(float(value >> 16), float((value >> 8) & 0xFF), float(value & 0xFF))


# CSS Color 4, section 6.1 (named colours), as 0xRRGGBB.
_NAMED: dict[str, int] = {
    "aliceblue": 0xF0F8FF, "antiquewhite": 0xFAEBD7, "aqua": 0x00FFFF,
    "aquamarine": 0x7FFFD4, "azure": 0xF0FFFF, "beige": 0xF5F5DC, "bisque": 0xFFE4C4,
    "black": 0x000000, "blanchedalmond": 0xFFEBCD, "blue": 0x0000FF,
    "blueviolet": 0x8A2BE2, "brown": 0xA52A2A, "burlywood": 0xDEB887,
    "cadetblue": 0x5F9EA0, "chartreuse": 0x7FFF00, "chocolate": 0xD2691E,
    "coral": 0xFF7F50, "cornflowerblue": 0x6495ED, "cornsilk": 0xFFF8DC,
    "crimson": 0xDC143C, "cyan": 0x00FFFF, "darkblue": 0x00008B, "darkcyan": 0x008B8B,
    "darkgoldenrod": 0xB8860B, "darkgray": 0xA9A9A9, "darkgreen": 0x006400,
    "darkgrey": 0xA9A9A9, "darkkhaki": 0xBDB76B, "darkmagenta": 0x8B008B,
    "darkolivegreen": 0x556B2F, "darkorange": 0xFF8C00, "darkorchid": 0x9932CC,
    "darkred": 0x8B0000, "darksalmon": 0xE9967A, "darkseagreen": 0x8FBC8F,
    "darkslateblue": 0x483D8B, "darkslategray": 0x2F4F4F, "darkslategrey": 0x2F4F4F,
    "darkturquoise": 0x00CED1, "darkviolet": 0x9400D3, "deeppink": 0xFF1493,
    "deepskyblue": 0x00BFFF, "dimgray": 0x696969, "dimgrey": 0x696969,
    "dodgerblue": 0x1E90FF, "firebrick": 0xB22222, "floralwhite": 0xFFFAF0,
    "forestgreen": 0x228B22, "fuchsia": 0xFF00FF, "gainsboro": 0xDCDCDC,
    "ghostwhite": 0xF8F8FF, "gold": 0xFFD700, "goldenrod": 0xDAA520, "gray": 0x808080,
    "green": 0x008000, "greenyellow": 0xADFF2F, "grey": 0x808080, "honeydew": 0xF0FFF0,
    "hotpink": 0xFF69B4, "indianred": 0xCD5C5C, "indigo": 0x4B0082, "ivory": 0xFFFFF0,
    "khaki": 0xF0E68C, "lavender": 0xE6E6FA, "lavenderblush": 0xFFF0F5,
    "lawngreen": 0x7CFC00, "lemonchiffon": 0xFFFACD, "lightblue": 0xADD8E6,
    "lightcoral": 0xF08080, "lightcyan": 0xE0FFFF, "lightgoldenrodyellow": 0xFAFAD2,
    "lightgray": 0xD3D3D3, "lightgreen": 0x90EE90, "lightgrey": 0xD3D3D3,
    "lightpink": 0xFFB6C1, "lightsalmon": 0xFFA07A, "lightseagreen": 0x20B2AA,
    "lightskyblue": 0x87CEFA, "lightslategray": 0x778899, "lightslategrey": 0x778899,
    "lightsteelblue": 0xB0C4DE, "lightyellow": 0xFFFFE0, "lime": 0x00FF00,
    "limegreen": 0x32CD32, "linen": 0xFAF0E6, "magenta": 0xFF00FF, "maroon": 0x800000,
    "mediumaquamarine": 0x66CDAA, "mediumblue": 0x0000CD, "mediumorchid": 0xBA55D3,
    "mediumpurple": 0x9370DB, "mediumseagreen": 0x3CB371, "mediumslateblue": 0x7B68EE,
    "mediumspringgreen": 0x00FA9A, "mediumturquoise": 0x48D1CC,
    "mediumvioletred": 0xC71585, "midnightblue": 0x191970, "mintcream": 0xF5FFFA,
    "mistyrose": 0xFFE4E1, "moccasin": 0xFFE4B5, "navajowhite": 0xFFDEAD,
    "navy": 0x000080, "oldlace": 0xFDF5E6, "olive": 0x808000, "olivedrab": 0x6B8E23,
    "orange": 0xFFA500, "orangered": 0xFF4500, "orchid": 0xDA70D6,
    "palegoldenrod": 0xEEE8AA, "palegreen": 0x98FB98, "paleturquoise": 0xAFEEEE,
    "palevioletred": 0xDB7093, "papayawhip": 0xFFEFD5, "peachpuff": 0xFFDAB9,
    "peru": 0xCD853F, "pink": 0xFFC0CB, "plum": 0xDDA0DD, "powderblue": 0xB0E0E6,
    "purple": 0x800080, "rebeccapurple": 0x663399, "red": 0xFF0000,
    "rosybrown": 0xBC8F8F, "royalblue": 0x4169E1, "saddlebrown": 0x8B4513,
    "salmon": 0xFA8072, "sandybrown": 0xF4A460, "seagreen": 0x2E8B57,
    "seashell": 0xFFF5EE, "sienna": 0xA0522D, "silver": 0xC0C0C0, "skyblue": 0x87CEEB,
    "slateblue": 0x6A5ACD, "slategray": 0x708090, "slategrey": 0x708090,
    "snow": 0xFFFAFA, "springgreen": 0x00FF7F, "steelblue": 0x4682B4, "tan": 0xD2B48C,
    "teal": 0x008080, "thistle": 0xD8BFD8, "tomato": 0xFF6347, "turquoise": 0x40E0D0,
    "violet": 0xEE82EE, "wheat": 0xF5DEB3, "white": 0xFFFFFF, "whitesmoke": 0xF5F5F5,
    "yellow": 0xFFFF00, "yellowgreen": 0x9ACD32,
}  # fmt: skip

NAMED_COLORS: Final[dict[str, RGBA]] = {name: _hex(value) for name, value in _NAMED.items()}
"""The CSS named colours, by lower-case name (`transparent` excluded)."""

# System colours as Chromium's LayoutTheme::DefaultSystemColor resolves them in light mode,
# deprecated ones included (CSS Color 4 section 6.2 maps each to a current one). Highlight and
# SelectedItem come from the platform theme in Chromium; these are its defaults.
_SYSTEM: dict[str, int] = {
    "accentcolor": 0x0075FF, "accentcolortext": 0xFFFFFF, "activetext": 0xFF0000,
    "buttonborder": 0x767676, "activeborder": 0x767676, "inactiveborder": 0x767676,
    "threeddarkshadow": 0x767676, "threedhighlight": 0x767676,
    "threedlightshadow": 0x767676, "threedshadow": 0x767676, "windowframe": 0x767676,
    "buttonface": 0xEFEFEF, "buttonhighlight": 0xEFEFEF, "buttonshadow": 0xEFEFEF,
    "threedface": 0xEFEFEF, "buttontext": 0x000000,
    "canvas": 0xFFFFFF, "appworkspace": 0xFFFFFF, "background": 0xFFFFFF,
    "inactivecaption": 0xFFFFFF, "infobackground": 0xFFFFFF, "menu": 0xFFFFFF,
    "scrollbar": 0xFFFFFF, "window": 0xFFFFFF,
    "canvastext": 0x000000, "activecaption": 0x000000, "captiontext": 0x000000,
    "infotext": 0x000000, "menutext": 0x000000, "windowtext": 0x000000,
    "field": 0xFFFFFF, "fieldtext": 0x000000, "graytext": 0x808080,
    "inactivecaptiontext": 0x808080, "highlight": 0xB5D5FF, "highlighttext": 0x000000,
    "selecteditem": 0xB5D5FF, "selecteditemtext": 0x000000, "linktext": 0x0000EE,
    "visitedtext": 0x551A8B, "mark": 0xFFFF00, "marktext": 0x000000,
}  # fmt: skip

SYSTEM_COLORS: Final[dict[str, RGBA]] = {name: _hex(value) for name, value in _SYSTEM.items()}
"""System colours (lower-case names) as Chromium resolves them in light mode."""


# --------------------------------------------------------------------------- parsing
def parse_color(token: Any) -> Color | None:
    """The colour one tinycss2 component value denotes, or None when it is not a colour."""
    kind = token.type
    if kind == "ident":
        name = token.lower_value
        named = NAMED_COLORS.get(name)
        if named is not None:
            return named
        if name == "transparent":
            return TRANSPARENT
        if name == "currentcolor":
            return CURRENT_COLOR
        return SYSTEM_COLORS.get(name)
    if kind == "hash":
        return _parse_hex(token.value)
    if kind == "function":
        return _parse_function(token.lower_name, token.arguments)
    return None


def parse_hex(text: str) -> RGBA | None:
    """`#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` (the `#` optional) as a colour."""
    return _parse_hex(text[1:] if text.startswith("#") else text)


def _parse_hex(digits: str) -> RGBA | None:
    if len(digits) not in (3, 4, 6, 8):
        return None
    try:
        value = int(digits, 16)
    except ValueError:
        return None
    if not all(c in "0123456789abcdefABCDEF" for c in digits):
        return None  # int() accepts "_" and signs
    if len(digits) <= 4:
        digits = "".join(c * 2 for c in digits)
        value = int(digits, 16)
    if len(digits) == 8:
        return RGBA(
            float(value >> 24),
            float((value >> 16) & 0xFF),
            float((value >> 8) & 0xFF),
            (value & 0xFF) / 255,
        )
    return _hex(value)


_UNCOMPUTED_FUNCTIONS = frozenset({"color-mix", "contrast-color", "device-cmyk"})


def _parse_function(name: str, arguments: list[Any]) -> Color | None:
    if name in _UNCOMPUTED_FUNCTIONS:
        return UNKNOWN_COLOR
    if name == "light-dark":
        return _parse_light_dark(arguments)
    args = [t for t in arguments if t.type not in ("whitespace", "comment")]
    if not args:
        return None
    if any(t.type == "function" for t in args) or (
        args[0].type == "ident" and args[0].lower_value == "from"
    ):
        # calc(), var() left over, or relative colour syntax: valid, but not computed here.
        return UNKNOWN_COLOR if _balanced(args) else None
    if name in ("rgb", "rgba"):
        return _rgb(args)
    if name in ("hsl", "hsla"):
        return _hsl_or_hwb(args, legacy_ok=True, hwb=False)
    if name == "hwb":
        return _hsl_or_hwb(args, legacy_ok=False, hwb=True)
    if name in ("lab", "oklab"):
        return _lab(args, ok=name == "oklab", polar=False)
    if name in ("lch", "oklch"):
        return _lab(args, ok=name == "oklch", polar=True)
    if name == "color":
        return _color_function(args)
    return None


def _balanced(args: list[Any]) -> bool:
    return all(t.type != "error" for t in args)


def _parse_light_dark(arguments: list[Any]) -> Color | None:
    parts: list[list[Any]] = [[]]
    for t in arguments:
        if t.type == "literal" and t.value == ",":
            parts.append([])
        elif t.type not in ("whitespace", "comment"):
            parts[-1].append(t)
    if len(parts) != 2 or any(len(p) != 1 for p in parts):
        return None
    light, dark = parse_color(parts[0][0]), parse_color(parts[1][0])
    return light if dark is not None else None


def _split_modern(args: list[Any], count: int) -> tuple[list[Any], Any | None] | None:
    """`count` channels and the optional alpha of the space-separated syntax."""
    if len(args) == count:
        return args, None
    if len(args) == count + 2 and args[count].type == "literal" and args[count].value == "/":
        return args[:count], args[count + 1]
    return None


def _split_legacy(args: list[Any]) -> list[Any] | None:
    """The 3 or 4 values of the comma-separated syntax, or None when it is not that syntax."""
    if len(args) not in (5, 7):
        return None
    if not all(t.type == "literal" and t.value == "," for t in args[1::2]):
        return None
    return args[::2]


def _is_none(token: Any) -> bool:
    return bool(token.type == "ident" and token.lower_value == "none")


def _alpha(token: Any | None, legacy: bool) -> float | None:
    if token is None:
        return 1.0
    if token.type == "number":
        value = float(token.value)
    elif token.type == "percentage":
        value = float(token.value) / 100
    elif not legacy and _is_none(token):
        return 0.0
    else:
        return None
    if math.isnan(value):
        return None
    return min(1.0, max(0.0, value))


def _clip255(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(255.0, max(0.0, value))


def _byte(value: float) -> float:
    """A channel clipped to 0..255 and rounded half up, as Chromium stores 8-bit colours."""
    return float(math.floor(_clip255(value) + 0.5))


def _rgb(args: list[Any]) -> Color | None:
    legacy = _split_legacy(args)
    if legacy is not None:
        channels, alpha_token = legacy[:3], (legacy[3] if len(legacy) == 4 else None)
        kinds = {t.type for t in channels}
        if kinds not in ({"number"}, {"percentage"}):
            return None  # the legacy syntax does not mix numbers and percentages
    else:
        modern = _split_modern(args, 3)
        if modern is None:
            return None
        channels, alpha_token = modern
    values = []
    for t in channels:
        if t.type == "number":
            values.append(float(t.value))
        elif t.type == "percentage":
            values.append(float(t.value) * 255 / 100)
        elif legacy is None and _is_none(t):
            values.append(0.0)
        else:
            return None
    alpha = _alpha(alpha_token, legacy is not None)
    if alpha is None:
        return None
    r, g, b = (_byte(v) for v in values)
    return RGBA(r, g, b, alpha)


def _hue(token: Any) -> float | None:
    """A hue in degrees (number or angle), or None."""
    if token.type == "number":
        degrees = float(token.value)
    elif token.type == "dimension":
        factor = {"deg": 1.0, "grad": 0.9, "rad": 180 / math.pi, "turn": 360.0}.get(
            token.lower_unit
        )
        if factor is None:
            return None
        degrees = float(token.value) * factor
    elif _is_none(token):
        degrees = 0.0
    else:
        return None
    if not math.isfinite(degrees):
        return 0.0
    return degrees % 360


def hsl_to_rgb(hue: float, saturation: float, lightness: float) -> tuple[float, float, float]:
    """sRGB channels in 0..1 of an HSL colour (hue in degrees, the others in 0..1), by the
    algorithm of CSS Color 4 section 7.1."""
    saturation = min(1.0, max(0.0, saturation))
    lightness = min(1.0, max(0.0, lightness))
    amount = saturation * min(lightness, 1 - lightness)

    def channel(n: int) -> float:
        k = (n + hue / 30) % 12
        return lightness - amount * max(-1.0, min(k - 3, 9 - k, 1.0))

    return channel(0), channel(8), channel(4)


def hwb_to_rgb(hue: float, whiteness: float, blackness: float) -> tuple[float, float, float]:
    """sRGB channels in 0..1 of an HWB colour (hue in degrees, the others in 0..1), by CSS
    Color 4 section 8.1."""
    whiteness = min(1.0, max(0.0, whiteness))
    blackness = min(1.0, max(0.0, blackness))
    if whiteness + blackness >= 1:
        gray = whiteness / (whiteness + blackness)
        return gray, gray, gray
    r, g, b = hsl_to_rgb(hue, 1.0, 0.5)
    scale = 1 - whiteness - blackness
    return r * scale + whiteness, g * scale + whiteness, b * scale + whiteness


def _hsl_or_hwb(args: list[Any], legacy_ok: bool, hwb: bool) -> Color | None:
    legacy = _split_legacy(args) if legacy_ok else None
    if legacy is not None:
        channels, alpha_token = legacy[:3], (legacy[3] if len(legacy) == 4 else None)
        if any(_is_none(t) for t in legacy):
            return None
    else:
        modern = _split_modern(args, 3)
        if modern is None:
            return None
        channels, alpha_token = modern
    hue = _hue(channels[0])
    if hue is None:
        return None
    fractions = []
    for t in channels[1:]:
        if t.type == "percentage" or (t.type == "number" and legacy is None):
            fractions.append(float(t.value) / 100)  # a bare number means percent (CSS Color 4)
        elif legacy is None and _is_none(t):
            fractions.append(0.0)
        else:
            return None
    alpha = _alpha(alpha_token, legacy is not None)
    if alpha is None:
        return None
    convert = hwb_to_rgb if hwb else hsl_to_rgb
    red, green, blue = convert(hue, fractions[0], fractions[1])
    r, g, b = (_byte(c * 255) for c in (red, green, blue))
    return RGBA(r, g, b, alpha)


# Reference ranges for percentages (CSS Color 4 sections 9 and 10).
_LAB_PERCENT = (1.0, 1.25, 1.25)  # L, a, b of lab()
_LCH_PERCENT = (1.0, 1.5)  # L, C of lch()
_OKLAB_PERCENT = (0.01, 0.004, 0.004)
_OKLCH_PERCENT = (0.01, 0.004)


def _lab(args: list[Any], ok: bool, polar: bool) -> Color | None:
    modern = _split_modern(args, 3)
    if modern is None:
        return None
    channels, alpha_token = modern
    scales = (
        (_OKLCH_PERCENT if polar else _OKLAB_PERCENT)
        if ok
        else (_LCH_PERCENT if polar else _LAB_PERCENT)
    )
    values: list[float] = []
    for index, t in enumerate(channels):
        if polar and index == 2:
            hue = _hue(t)
            if hue is None:
                return None
            values.append(hue)
        elif t.type == "number":
            values.append(float(t.value))
        elif t.type == "percentage":
            values.append(float(t.value) * scales[index])
        elif _is_none(t):
            values.append(0.0)
        else:
            return None
    alpha = _alpha(alpha_token, False)
    if alpha is None:
        return None
    lightness, first, second = values
    if polar:
        chroma = max(0.0, first)
        first = chroma * math.cos(math.radians(second))
        second = chroma * math.sin(math.radians(second))
    if ok:
        lightness = min(1.0, max(0.0, lightness))
        linear = oklab_to_linear_srgb(lightness, first, second)
    else:
        lightness = min(100.0, max(0.0, lightness))
        linear = xyz_d65_to_linear_srgb(*d50_to_d65(*lab_to_xyz_d50(lightness, first, second)))
    return _from_linear(linear, alpha)


_COLOR_SPACES = frozenset({"srgb", "srgb-linear", "display-p3", "xyz", "xyz-d50", "xyz-d65"})
_UNCOMPUTED_SPACES = frozenset({"a98-rgb", "prophoto-rgb", "rec2020"})


def _color_function(args: list[Any]) -> Color | None:
    space_token, rest = args[0], args[1:]
    if space_token.type != "ident":
        return None
    space = space_token.lower_value
    if space not in _COLOR_SPACES and space not in _UNCOMPUTED_SPACES:
        return None
    modern = _split_modern(rest, 3)
    if modern is None:
        return None
    channels, alpha_token = modern
    values = []
    for t in channels:
        if t.type == "number":
            values.append(float(t.value))
        elif t.type == "percentage":
            values.append(float(t.value) / 100)
        elif _is_none(t):
            values.append(0.0)
        else:
            return None
    alpha = _alpha(alpha_token, False)
    if alpha is None:
        return None
    if space in _UNCOMPUTED_SPACES:
        return UNKNOWN_COLOR
    if space == "srgb":
        return RGBA(
            _clip255(values[0] * 255), _clip255(values[1] * 255), _clip255(values[2] * 255), alpha
        )
    if space == "srgb-linear":
        return _from_linear((values[0], values[1], values[2]), alpha)
    if space == "display-p3":
        linear_p3 = [_to_linear(v) for v in values]
        xyz = _apply(_P3_TO_XYZ, (linear_p3[0], linear_p3[1], linear_p3[2]))
        return _from_linear(xyz_d65_to_linear_srgb(*xyz), alpha)
    if space == "xyz-d50":
        return _from_linear(xyz_d65_to_linear_srgb(*d50_to_d65(*values)), alpha)
    return _from_linear(xyz_d65_to_linear_srgb(*values), alpha)  # xyz, xyz-d65


# ------------------------------------------------------------------ colour space maths
# Matrices and constants of CSS Color 4 section 18 ("Sample code for color conversions").
_D50 = (0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585)
_KAPPA = 24389 / 27
_EPSILON = 216 / 24389
_Matrix = tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]
_D50_TO_D65: _Matrix = (
    (0.955473421488075, -0.02309845494876471, 0.06325924320057072),
    (-0.0283697093338637, 1.0099953980813041, 0.021041441191917323),
    (0.012314014864481998, -0.020507649298898964, 1.330365926242124),
)
_XYZ_TO_LINEAR_SRGB: _Matrix = (
    (3.2409699419045226, -1.537383177570094, -0.4986107602930034),
    (-0.9692436362808796, 1.8759675015077202, 0.04155505740717559),
    (0.05563007969699366, -0.20397695888897652, 1.0569715142428786),
)
_P3_TO_XYZ: _Matrix = (
    (0.4865709486482162, 0.26566769316909306, 0.1982172852343625),
    (0.2289745640697488, 0.6917385218365064, 0.079286914093745),
    (0.0, 0.04511338185890264, 1.043944368900976),
)
# Oklab to linear sRGB, from Björn Ottosson's definition of Oklab (which CSS Color 4 cites).
_OKLAB_TO_LMS: _Matrix = (
    (1.0, 0.3963377774, 0.2158037573),
    (1.0, -0.1055613458, -0.0638541728),
    (1.0, -0.0894841775, -1.2914855480),
)
_LMS_TO_LINEAR_SRGB: _Matrix = (
    (4.0767416621, -3.3077115913, 0.2309699292),
    (-1.2684380046, 2.6097574011, -0.3413193965),
    (-0.0041960863, -0.7034186147, 1.7076147010),
)


def _apply(matrix: _Matrix, vector: tuple[float, float, float]) -> tuple[float, float, float]:
    x, y, z = vector
    return (
        matrix[0][0] * x + matrix[0][1] * y + matrix[0][2] * z,
        matrix[1][0] * x + matrix[1][1] * y + matrix[1][2] * z,
        matrix[2][0] * x + matrix[2][1] * y + matrix[2][2] * z,
    )


def lab_to_xyz_d50(lightness: float, a: float, b: float) -> tuple[float, float, float]:
    """CIE XYZ (D50) of a CIE Lab colour (CSS Color 4 section 18, lab_to_xyz)."""
    fy = (lightness + 16) / 116
    fx = a / 500 + fy
    fz = fy - b / 200
    x = fx**3 if fx**3 > _EPSILON else (116 * fx - 16) / _KAPPA
    y = ((lightness + 16) / 116) ** 3 if lightness > _KAPPA * _EPSILON else lightness / _KAPPA
    z = fz**3 if fz**3 > _EPSILON else (116 * fz - 16) / _KAPPA
    return x * _D50[0], y * _D50[1], z * _D50[2]


def d50_to_d65(x: float, y: float, z: float) -> tuple[float, float, float]:
    """Bradford chromatic adaptation of CIE XYZ from the D50 to the D65 white point."""
    return _apply(_D50_TO_D65, (x, y, z))


def xyz_d65_to_linear_srgb(x: float, y: float, z: float) -> tuple[float, float, float]:
    """Linear-light sRGB of CIE XYZ (D65)."""
    return _apply(_XYZ_TO_LINEAR_SRGB, (x, y, z))


def oklab_to_linear_srgb(lightness: float, a: float, b: float) -> tuple[float, float, float]:
    """Linear-light sRGB of an Oklab colour."""
    long, medium, short = _apply(_OKLAB_TO_LMS, (lightness, a, b))
    return _apply(_LMS_TO_LINEAR_SRGB, (long**3, medium**3, short**3))


def _to_linear(channel: float) -> float:
    """sRGB transfer function inverse, extended to negative values as CSS Color 4 does."""
    sign = -1.0 if channel < 0 else 1.0
    magnitude = abs(channel)
    if magnitude <= 0.04045:
        return channel / 12.92
    return sign * float(((magnitude + 0.055) / 1.055) ** 2.4)


def _from_linear_channel(channel: float) -> float:
    sign = -1.0 if channel < 0 else 1.0
    magnitude = abs(channel)
    if magnitude > 0.0031308:
        return sign * (1.055 * float(magnitude ** (1 / 2.4)) - 0.055)
    return 12.92 * channel


def _from_linear(linear: tuple[float, float, float], alpha: float) -> RGBA:
    r, g, b = (_clip255(_from_linear_channel(c) * 255) for c in linear)
    return RGBA(r, g, b, alpha)


# ------------------------------------------------------------------- WCAG 2.x contrast
def _wcag_linear(channel: float) -> float:
    srgb = channel / 255
    if srgb <= 0.04045:
        return srgb / 12.92
    return float(((srgb + 0.055) / 1.055) ** 2.4)


def relative_luminance(color: RGBA) -> float:
    """WCAG 2.2 relative luminance (0 for black, 1 for white) of an sRGB colour; alpha is
    ignored (composite it over its background first)."""
    return (
        0.2126 * _wcag_linear(color.r)
        + 0.7152 * _wcag_linear(color.g)
        + 0.0722 * _wcag_linear(color.b)
    )


def contrast_ratio(first: RGBA, second: RGBA) -> float:
    """WCAG 2.2 contrast ratio (1 to 21) of two opaque colours, order irrelevant.

    Not rounded: WCAG compares the exact ratio with its thresholds (4.499 fails 4.5:1).
    """
    a, b = relative_luminance(first), relative_luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def composite(over: RGBA, under: RGBA) -> RGBA:
    """`over` painted on `under` with simple alpha compositing (Porter-Duff source-over, as
    CSS Compositing 1 defines the default), channels not rounded."""
    alpha_over = over.a
    if alpha_over >= 1.0:
        return over
    if alpha_over <= 0.0:
        return under
    alpha = alpha_over + under.a * (1 - alpha_over)
    if alpha <= 0.0:
        return TRANSPARENT

    def mix(top: float, bottom: float) -> float:
        return (top * alpha_over + bottom * under.a * (1 - alpha_over)) / alpha

    return RGBA(mix(over.r, under.r), mix(over.g, under.g), mix(over.b, under.b), alpha)


# ------------------------------------------------------------ HTML legacy colour values
def parse_legacy_color(value: str) -> RGBA | None:
    """The colour of an HTML presentational attribute (`bgcolor`, `text`, `color`), by the
    HTML standard's "rules for parsing a legacy colour value"; None when it gives none."""
    text = value.strip(" \t\n\f\r")
    if not text or text.lower() == "transparent":
        return None
    named = NAMED_COLORS.get(text.lower())
    if named is not None:
        return named
    if len(text) == 4 and text[0] == "#" and all(c in _HEX_DIGITS for c in text[1:]):
        return RGBA(*(float(int(c, 16) * 17) for c in text[1:]))
    # Characters beyond the BMP count as two "00"; longer than 128 is cut.
    text = "".join("00" if ord(c) > 0xFFFF else c for c in text)[:128]
    if text.startswith("#"):
        text = text[1:]
    text = "".join(c if c in _HEX_DIGITS else "0" for c in text)
    while not text or len(text) % 3:
        text += "0"
    length = len(text) // 3
    parts = [text[i * length : (i + 1) * length] for i in range(3)]
    if length > 8:
        parts = [p[length - 8 :] for p in parts]
        length = 8
    while length > 2 and all(p[0] == "0" for p in parts):
        parts = [p[1:] for p in parts]
        length -= 1
    if length > 2:
        parts = [p[:2] for p in parts]
    return RGBA(*(float(int(p, 16)) for p in parts))


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
