"""Colours: sRGB values with alpha, the CSS named and system colours, alpha compositing,
WCAG 2.x contrast, and HTML legacy colour values (`bgcolor`, `<font color>`).

Parsing CSS colour syntax is `color_syntax`'s job.

Relative luminance and contrast follow the WCAG 2.2 definitions: the sRGB linearisation
threshold is 0.04045 (WCAG 2.2's definition, updated in May 2021 from 0.03928, which it notes
"has no practical effect": no 8-bit channel value lies between the two thresholds).
"""

from __future__ import annotations

from typing import Final, NamedTuple


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


def hex_color(value: int) -> RGBA:
    """The opaque colour of 0xRRGGBB."""
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

NAMED_COLORS: Final[dict[str, RGBA]] = {name: hex_color(value) for name, value in _NAMED.items()}
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

SYSTEM_COLORS: Final[dict[str, RGBA]] = {name: hex_color(value) for name, value in _SYSTEM.items()}
"""System colours (lower-case names) as Chromium resolves them in light mode."""


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
