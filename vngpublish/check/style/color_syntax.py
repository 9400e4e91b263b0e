"""CSS colour syntax: `parse_color` reads one colour value from tinycss2 tokens.

Supported: hex (3, 4, 6, 8 digits), the 148 named colours, `transparent`, `currentColor`, system
colours (as Chromium resolves them in light mode), `rgb()`/`rgba()` and `hsl()`/`hsla()` in
legacy (comma) and modern (space, `/ alpha`) syntax, `hwb()`, `lab()`, `lch()`, `oklab()`,
`oklch()`, `color()` in the srgb, srgb-linear, display-p3, xyz, xyz-d50 and xyz-d65 spaces, and
`light-dark()` (light is taken). Channels may be `none` (zero) in the modern syntax. `calc()`
inside colour functions, relative colours (`rgb(from ...)`), `color-mix()` and the a98-rgb,
prophoto-rgb and rec2020 spaces are valid CSS whose value this module does not compute: they
parse to `UNKNOWN_COLOR`.

Colours outside the sRGB gamut are clipped per channel (CSS Color 4 asks for gamut mapping in
OKLCh; browsers still mostly clip when they paint). Legacy sRGB syntaxes (hex, names, `rgb()`,
`hsl()`, `hwb()`) are rounded to 8-bit channels, as Chromium stores them; the other spaces keep
fractional channels.
"""

from __future__ import annotations

import math
from typing import Any

from vngpublish.check.style.colors import (
    CURRENT_COLOR,
    NAMED_COLORS,
    RGBA,
    SYSTEM_COLORS,
    TRANSPARENT,
    UNKNOWN_COLOR,
    Color,
    hex_color,
)


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
    return hex_color(value)


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
