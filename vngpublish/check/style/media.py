"""Media queries (Media Queries 4) evaluated for one configured screen.

`Screen` describes the device the page is checked for: by default a 1280x800 CSS-pixel
landscape screen at 1 dppx, `screen` media, light colour scheme, no reduced-motion preference,
a fine pointer that can hover, scripting enabled. `print`, `speech` and the deprecated media
types never match.

A query list matches when any of its queries does; an empty list matches. Three-valued logic
as the specification defines it: an unknown feature or value (`general-enclosed`) is
"unknown", and a query that ends unknown does not match; a query that does not parse does not
match and leaves the other queries of the list alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import tinycss2

from vngpublish.check.style.values import (
    Context,
    parse_length,
    resolve,
    split_commas,
)


@dataclass(frozen=True, slots=True)
class Screen:
    """The device media queries and viewport units are evaluated for."""

    width: float = 1280.0
    """Viewport width in CSS pixels."""
    height: float = 800.0
    """Viewport height in CSS pixels."""
    media_type: str = "screen"
    """`screen` (or `print` to check a print rendering)."""
    prefers_color_scheme: str = "light"
    prefers_reduced_motion: str = "no-preference"
    prefers_contrast: str = "no-preference"
    forced_colors: str = "none"
    resolution: float = 1.0
    """Device pixels per CSS pixel."""
    font_size: float = 16.0
    """The initial (`medium`) font size in pixels: what `em` means in a media query."""

    @property
    def orientation(self) -> str:
        """`portrait` when the viewport is at least as tall as it is wide, else `landscape`."""
        return "portrait" if self.height >= self.width else "landscape"


_KNOWN_TYPES = frozenset(
    {"all", "screen", "print", "speech", "tty", "tv", "projection", "handheld", "braille",
     "embossed", "aural"}
)  # fmt: skip
_RESERVED = frozenset({"not", "only", "and", "or", "layer"})

Truth = bool | None  # None: unknown


def matches(media: str | None, screen: Screen) -> bool:
    """True when the media query list `media` (as in a `media` attribute or after `@media`)
    matches `screen`. None or blank text matches, as an absent `media` attribute does."""
    if media is None or not media.strip():
        return True
    key = (media, screen)
    found = _CACHE.get(key)
    if found is None:
        found = matches_tokens(tinycss2.parse_component_value_list(media), screen)
        if len(_CACHE) >= 4096:
            _CACHE.clear()
        _CACHE[key] = found
    return found


_CACHE: dict[tuple[str, Screen], bool] = {}


def clear_cache() -> None:
    """Forget the media query results cached in this process."""
    _CACHE.clear()


def matches_tokens(tokens: list[Any], screen: Screen) -> bool:
    """`matches` on tinycss2 component values."""
    parts = split_commas(tokens)
    if len(parts) == 1 and not parts[0]:
        return True
    return any(_query(part, screen) is True for part in parts)


def _query(tokens: list[Any], screen: Screen) -> Truth:
    if not tokens:
        return False  # an empty query between commas is invalid: "not all"
    first = tokens[0]
    if first.type == "ident" and (
        first.lower_value in ("not", "only") or first.lower_value not in _RESERVED
    ):
        # [not | only]? <media-type> [and <media-condition-without-or>]?
        negate = False
        index = 0
        if first.lower_value in ("not", "only"):
            negate = first.lower_value == "not"
            index = 1
            if len(tokens) < 2 or tokens[1].type != "ident":
                found: Truth = _condition(tokens, screen, allow_or=True)  # `not (width > 1px)`
                return found
        kind = tokens[index].lower_value
        if kind in _RESERVED:
            return False
        result: Truth = kind == "all" or kind == screen.media_type
        rest = tokens[index + 1 :]
        if rest:
            if not (rest[0].type == "ident" and rest[0].lower_value == "and") or len(rest) < 2:
                return False
            condition = _condition(rest[1:], screen, allow_or=False)
            if condition is _INVALID:
                return False
            result = _and(result, condition)
        if kind not in _KNOWN_TYPES:
            result = False
        return _not(result) if negate else result
    found = _condition(tokens, screen, allow_or=True)
    return False if found is _INVALID else found


_INVALID: Any = object()


def _not(value: Truth) -> Truth:
    return None if value is None else not value


def _and(left: Truth, right: Truth) -> Truth:
    if left is False or right is False:
        return False
    return None if left is None or right is None else True


def _or(left: Truth, right: Truth) -> Truth:
    if left is True or right is True:
        return True
    return None if left is None or right is None else False


def _condition(tokens: list[Any], screen: Screen, allow_or: bool) -> Any:
    """A media condition's truth, or _INVALID when it does not parse."""
    if not tokens:
        return _INVALID
    first = tokens[0]
    if first.type == "ident" and first.lower_value == "not":
        if len(tokens) != 2:
            return _INVALID
        inner = _in_parens(tokens[1], screen)
        return inner if inner is _INVALID else _not(inner)
    result = _in_parens(tokens[0], screen)
    if result is _INVALID:
        return _INVALID
    joiner = None
    index = 1
    while index < len(tokens):
        word = tokens[index]
        if word.type != "ident" or word.lower_value not in ("and", "or"):
            return _INVALID
        if joiner is None:
            joiner = word.lower_value
            if joiner == "or" and not allow_or:
                return _INVALID
        elif word.lower_value != joiner:
            return _INVALID  # `and` and `or` may not mix without parentheses
        if index + 1 >= len(tokens):
            return _INVALID
        operand = _in_parens(tokens[index + 1], screen)
        if operand is _INVALID:
            return _INVALID
        result = _and(result, operand) if joiner == "and" else _or(result, operand)
        index += 2
    return result


def _in_parens(token: Any, screen: Screen) -> Any:
    if token.type == "function":
        return None  # <general-enclosed>: unknown
    if token.type != "() block":
        return _INVALID
    content = [t for t in token.content if t.type not in ("whitespace", "comment")]
    if content and (content[0].type == "() block" or _is_word(content[0], "not")):
        found = _condition(content, screen, allow_or=True)
        return None if found is _INVALID else found
    return _feature(content, screen)


def _is_word(token: Any, word: str) -> bool:
    return bool(token.type == "ident" and token.lower_value == word)


def _feature(content: list[Any], screen: Screen) -> Truth:
    """A media feature, in any of its three forms; unknown ones are None."""
    if len(content) == 1 and content[0].type == "ident":
        return _boolean(content[0].lower_value, screen)
    if len(content) >= 3 and content[0].type == "ident" and _is_colon(content[1]):
        return _plain(content[0].lower_value, content[2:], screen)
    return _range(content, screen)


def _is_colon(token: Any) -> bool:
    return bool(token.type == "literal" and token.value == ":")


# ------------------------------------------------------------------------------ features
def _discrete(screen: Screen) -> dict[str, str]:
    return {
        "orientation": screen.orientation,
        "prefers-color-scheme": screen.prefers_color_scheme,
        "prefers-reduced-motion": screen.prefers_reduced_motion,
        "prefers-contrast": screen.prefers_contrast,
        "prefers-reduced-transparency": "no-preference",
        "prefers-reduced-data": "no-preference",
        "forced-colors": screen.forced_colors,
        "inverted-colors": "none",
        "hover": "hover",
        "any-hover": "hover",
        "pointer": "fine",
        "any-pointer": "fine",
        "scripting": "enabled",
        "update": "fast" if screen.media_type == "screen" else "none",
        "overflow-block": "scroll" if screen.media_type == "screen" else "paged",
        "overflow-inline": "scroll",
        "display-mode": "browser",
        "color-gamut": "srgb",
        "dynamic-range": "standard",
        "video-dynamic-range": "standard",
    }


# Values that make a discrete feature false in a boolean context `(feature)`.
_FALSE_IN_BOOLEAN = frozenset({"no-preference", "none"})


def _numeric(screen: Screen) -> dict[str, tuple[float, str]]:
    """Range features: (value, kind) with lengths in px, resolution in dppx."""
    return {
        "width": (screen.width, "length"),
        "height": (screen.height, "length"),
        "device-width": (screen.width, "length"),
        "device-height": (screen.height, "length"),
        "aspect-ratio": (screen.width / screen.height, "ratio"),
        "device-aspect-ratio": (screen.width / screen.height, "ratio"),
        "resolution": (screen.resolution, "resolution"),
        "-webkit-device-pixel-ratio": (screen.resolution, "number"),
        "-moz-device-pixel-ratio": (screen.resolution, "number"),
        "color": (8.0, "integer"),
        "color-index": (0.0, "integer"),
        "monochrome": (0.0, "integer"),
        "grid": (0.0, "integer"),
    }


def _boolean(name: str, screen: Screen) -> Truth:
    discrete = _discrete(screen).get(name)
    if discrete is not None:
        return discrete not in _FALSE_IN_BOOLEAN
    numeric = _numeric(screen).get(name)
    if numeric is not None:
        return numeric[0] != 0
    return None


def _plain(name: str, value: list[Any], screen: Screen) -> Truth:
    discrete = _discrete(screen).get(name)
    if discrete is not None:
        if len(value) != 1 or value[0].type != "ident":
            return None
        return bool(value[0].lower_value == discrete)
    prefix = ""
    base = name
    for candidate in ("min-", "max-", "-webkit-min-", "-webkit-max-", "min--moz-", "max--moz-"):
        if name.startswith(candidate):
            prefix = "min" if "min" in candidate else "max"
            base = name[len(candidate) :]
            if candidate.startswith("-webkit-"):
                base = "-webkit-" + base
            elif candidate.endswith("--moz-"):
                base = "-moz-" + base
            break
    numeric = _numeric(screen).get(base)
    if numeric is None:
        return None
    actual, kind = numeric
    wanted = _value(value, kind, screen)
    if wanted is None:
        return None
    if prefix == "min":
        return actual >= wanted
    if prefix == "max":
        return actual <= wanted
    return actual == wanted


_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "="}
_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "=": lambda a, b: a == b,
}


def _range(content: list[Any], screen: Screen) -> Truth:
    """`(width >= 600px)`, `(600px < width)`, `(400px <= width < 700px)`."""
    parts: list[list[Any]] = [[]]
    operators: list[str] = []
    index = 0
    while index < len(content):
        t = content[index]
        if t.type == "literal" and t.value in ("<", ">", "="):
            operator = t.value
            following = content[index + 1] if index + 1 < len(content) else None
            if (
                operator != "="
                and following is not None
                and following.type == "literal"
                and following.value == "="
            ):
                operator += "="
                index += 1
            operators.append(operator)
            parts.append([])
        else:
            parts[-1].append(t)
        index += 1
    if len(parts) not in (2, 3) or any(not p for p in parts):
        return None
    numeric = _numeric(screen)
    names = [p[0].lower_value if len(p) == 1 and p[0].type == "ident" else None for p in parts]
    if len(parts) == 2:
        if names[0] in numeric:
            feature, value, operator = names[0], parts[1], operators[0]
        elif names[1] in numeric:
            feature, value, operator = names[1], parts[0], _FLIP[operators[0]]
        else:
            return None
        assert feature is not None
        actual, kind = numeric[feature]
        wanted = _value(value, kind, screen)
        return None if wanted is None else _COMPARE[operator](actual, wanted)
    middle = names[1]
    if middle not in numeric or operators[0][0] != operators[1][0] or "=" in operators[0][:1]:
        return None
    actual, kind = numeric[middle]
    low, high = _value(parts[0], kind, screen), _value(parts[2], kind, screen)
    if low is None or high is None:
        return None
    return _COMPARE[operators[0]](low, actual) and _COMPARE[operators[1]](actual, high)


_RESOLUTION_UNITS = {"dppx": 1.0, "x": 1.0, "dpi": 1 / 96, "dpcm": 2.54 / 96}


def _value(tokens: list[Any], kind: str, screen: Screen) -> float | None:
    if kind == "ratio":
        numbers = [t for t in tokens if not (t.type == "literal" and t.value == "/")]
        if not numbers or len(numbers) > 2 or any(t.type != "number" for t in numbers):
            return None
        if len(numbers) == 2 and len(tokens) != 3:
            return None
        top = float(numbers[0].value)
        bottom = float(numbers[1].value) if len(numbers) == 2 else 1.0
        return None if bottom == 0 else top / bottom
    if len(tokens) != 1:
        return None
    token = tokens[0]
    if kind == "length":
        length = parse_length(token, percent=False)
        if length is None:
            return None
        context = Context(
            font_size=screen.font_size,
            root_font_size=screen.font_size,
            viewport_width=screen.width,
            viewport_height=screen.height,
        )
        return resolve(length, context)
    if kind == "resolution":
        if token.type != "dimension":
            return None
        factor = _RESOLUTION_UNITS.get(token.lower_unit)
        return None if factor is None else float(token.value) * factor
    if token.type != "number":
        return None
    if kind == "integer" and not token.is_integer:
        return None
    return float(token.value)
