"""Small value types and token helpers shared by the property parsers: CSS-wide keywords,
lengths (with `calc()`, `min()`, `max()`, `clamp()`), and resolving lengths to pixels.

Lengths are kept as specified (`Length(12.0, "pt")`, or a `Calc` expression) and resolved
to CSS pixels when computed, against the element's font size, the root's font size and the
viewport. Units that need font metrics are estimates: `ex` and `ch` are 0.5em (the fallback
CSS Values 4 gives when metrics are unknown), `cap` 0.7em, `ic` 1em, `lh` 1.2em (and the same
fractions of the root's font size for `rex`, `rch`, `rcap`, `ric`, `rlh`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final


class Wide(Enum):
    """The CSS-wide keywords, valid as the whole value of every property."""

    INHERIT = "inherit"
    INITIAL = "initial"
    UNSET = "unset"
    REVERT = "revert"
    REVERT_LAYER = "revert-layer"


_WIDE = {keyword.value: keyword for keyword in Wide}


def significant(tokens: list[Any]) -> list[Any]:
    """`tokens` without whitespace and comments (at the top level only)."""
    return [t for t in tokens if t.type != "whitespace" and t.type != "comment"]


def wide_keyword(tokens: list[Any]) -> Wide | None:
    """The CSS-wide keyword `tokens` consist of, if they do."""
    if len(tokens) == 1 and tokens[0].type == "ident":
        return _WIDE.get(tokens[0].lower_value)
    return None


def keyword(token: Any) -> str | None:
    """The lower-cased identifier `token` is, or None."""
    if token.type == "ident":
        value: str = token.lower_value
        return value
    return None


def split_commas(tokens: list[Any]) -> list[list[Any]]:
    """`tokens` split at top-level commas (each part without whitespace or comments)."""
    parts: list[list[Any]] = [[]]
    for t in tokens:
        if t.type == "literal" and t.value == ",":
            parts.append([])
        elif t.type != "whitespace" and t.type != "comment":
            parts[-1].append(t)
    return parts


def has_function(tokens: list[Any], names: frozenset[str], depth: int = 0) -> bool:
    """True when a function with one of `names` occurs in `tokens`, however deeply nested
    (up to 64 levels; deeper counts as present, so the value is not trusted)."""
    if depth > 64:
        return True
    for t in tokens:
        kind = t.type
        if kind == "function":
            if t.lower_name in names or has_function(t.arguments, names, depth + 1):
                return True
        elif kind in ("() block", "[] block", "{} block") and has_function(
            t.content, names, depth + 1
        ):
            return True
    return False


# ----------------------------------------------------------------------------- lengths
ABSOLUTE_UNITS: Final[dict[str, float]] = {
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
    "q": 96 / 101.6,
}
"""CSS pixels per unit of the absolute length units."""

# Font-relative units, as a fraction of the element's font size. `ex` and `ch` use the 0.5em
# fallback of CSS Values 4 for unknown metrics; `cap` about a capital letter's height; `ic`
# one ideograph (1em); `lh` the normal line height of about 1.2em.
_FONT_FRACTION: Final[dict[str, float]] = {
    "em": 1.0,
    "ex": 0.5,
    "ch": 0.5,
    "cap": 0.7,
    "ic": 1.0,
    "lh": 1.2,
}
_ROOT_FRACTION: Final[dict[str, float]] = {
    "rem": 1.0,
    "rex": 0.5,
    "rch": 0.5,
    "rcap": 0.7,
    "ric": 1.0,
    "rlh": 1.2,
}
_VIEWPORT: Final = frozenset(
    {"vw", "vh", "vmin", "vmax", "svw", "svh", "lvw", "lvh", "dvw", "dvh", "vi", "vb",
     "svmin", "svmax", "lvmin", "lvmax", "dvmin", "dvmax"}
)  # fmt: skip
LENGTH_UNITS: Final = (
    frozenset(ABSOLUTE_UNITS) | frozenset(_FONT_FRACTION) | frozenset(_ROOT_FRACTION) | _VIEWPORT
)
"""Every length unit this module knows."""


@dataclass(frozen=True, slots=True)
class Length:
    """A length or percentage as specified: `unit` is a lower-case length unit or "%"."""

    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Calc:
    """A math function (`calc()`, `min()`, `max()`, `clamp()`) as an expression tree of
    tuples: ("n", number), ("l", Length), ("+"|"-"|"*"|"/", left, right),
    ("min"|"max", operands...), ("clamp", low, value, high)."""

    tree: tuple[Any, ...]


Dimension = Length | Calc
"""A specified length (or percentage)."""


@dataclass(frozen=True, slots=True)
class Context:
    """What lengths resolve against: the font size (em), the root's font size (rem), the
    viewport, and the size percentages refer to (None when unknown)."""

    font_size: float | None
    root_font_size: float | None
    viewport_width: float
    viewport_height: float
    percent_base: float | None = None


def parse_length(
    token: Any, *, percent: bool = True, negative: bool = True, quirky_number: bool = False
) -> Dimension | None:
    """A length (or percentage, when `percent`) from one token: a dimension, a percentage,
    unitless 0, or a math function. None when the token is not one, or negative when not
    allowed (math functions are not checked for sign: CSS clamps their result instead)."""
    kind = token.type
    if kind == "dimension":
        unit = token.lower_unit
        if unit not in LENGTH_UNITS:
            return None
        value = float(token.value)
    elif kind == "percentage":
        if not percent:
            return None
        unit, value = "%", float(token.value)
    elif kind == "number":
        value = float(token.value)
        if value != 0 and not quirky_number:
            return None
        unit = "px"
    elif kind == "function" and token.lower_name in _MATH:
        tree = _parse_math(token, 0)
        if tree is None:
            return None
        return Calc(tree)
    else:
        return None
    if math.isnan(value) or (value < 0 and not negative):
        return None
    return Length(value, unit)


def evaluate(calc: Calc, context: Context) -> tuple[float, str] | None:
    """A math function's value and type ("number" or "length", lengths in pixels), or None
    when unknown or ill-typed."""
    result = _evaluate(calc.tree, context)
    if result is None or not math.isfinite(result[0]):
        return None
    return result


def resolve(length: Dimension, context: Context) -> float | None:
    """`length` in CSS pixels, or None when it cannot be known (a percentage with no
    base, an em with an unknown font size, a value that is not finite)."""
    if isinstance(length, Calc):
        result = _evaluate(length.tree, context)
        if result is None or result[1] != "length" or not math.isfinite(result[0]):
            return None
        return result[0]
    px = _unit_px(length.value, length.unit, context)
    if px is None or not math.isfinite(px):
        return None
    return px


def _unit_px(value: float, unit: str, context: Context) -> float | None:
    factor = ABSOLUTE_UNITS.get(unit)
    if factor is not None:
        return value * factor
    if unit == "%":
        return None if context.percent_base is None else value * context.percent_base / 100
    fraction = _FONT_FRACTION.get(unit)
    if fraction is not None:
        return None if context.font_size is None else value * fraction * context.font_size
    fraction = _ROOT_FRACTION.get(unit)
    if fraction is not None:
        root = context.root_font_size
        return None if root is None else value * fraction * root
    width, height = context.viewport_width, context.viewport_height
    axis = unit.lstrip("sld")
    if axis in ("vw", "vi"):
        return value * width / 100
    if axis in ("vh", "vb"):
        return value * height / 100
    if axis == "vmin":
        return value * min(width, height) / 100
    if axis == "vmax":
        return value * max(width, height) / 100
    return None


# ------------------------------------------------------------------------- math functions
_MATH: Final = frozenset({"calc", "min", "max", "clamp", "-webkit-calc"})
_MAX_DEPTH = 32


def _parse_math(function: Any, depth: int) -> tuple[Any, ...] | None:
    if depth > _MAX_DEPTH:
        return None
    name = function.lower_name
    if name in ("calc", "-webkit-calc"):
        return _parse_sum(significant(function.arguments), depth)
    operands = []
    for part in split_commas(function.arguments):
        tree = _parse_sum(part, depth)
        if tree is None:
            return None
        operands.append(tree)
    if name == "clamp":
        return ("clamp", *operands) if len(operands) == 3 else None
    return (name, *operands) if operands else None


def _parse_sum(tokens: list[Any], depth: int) -> tuple[Any, ...] | None:
    if not tokens:
        return None
    terms: list[list[Any]] = [[]]
    operators: list[str] = []
    for t in tokens:
        if t.type == "literal" and t.value in ("+", "-") and terms[-1]:
            operators.append(t.value)
            terms.append([])
        else:
            terms[-1].append(t)
    tree = _parse_product(terms[0], depth)
    for operator, term in zip(operators, terms[1:], strict=True):
        right = _parse_product(term, depth)
        if tree is None or right is None:
            return None
        tree = (operator, tree, right)
    return tree


def _parse_product(tokens: list[Any], depth: int) -> tuple[Any, ...] | None:
    if not tokens or len(tokens) % 2 == 0:
        return None
    tree = _parse_value(tokens[0], depth)
    for index in range(1, len(tokens), 2):
        operator = tokens[index]
        if operator.type != "literal" or operator.value not in ("*", "/"):
            return None
        right = _parse_value(tokens[index + 1], depth)
        if tree is None or right is None:
            return None
        tree = (operator.value, tree, right)
    return tree


def _parse_value(token: Any, depth: int) -> tuple[Any, ...] | None:
    kind = token.type
    if kind == "number":
        return ("n", float(token.value))
    if kind == "dimension" and token.lower_unit in LENGTH_UNITS:
        return ("l", Length(float(token.value), token.lower_unit))
    if kind == "percentage":
        return ("l", Length(float(token.value), "%"))
    if kind == "() block":
        return _parse_sum(significant(token.content), depth + 1)
    if kind == "function" and token.lower_name in _MATH:
        return _parse_math(token, depth + 1)
    return None  # unknown units, angles, var() left over: invalid in this context


def _evaluate(tree: tuple[Any, ...], context: Context) -> tuple[float, str] | None:
    """(value, "number" | "length") of an expression, or None when unknown or ill-typed."""
    op = tree[0]
    if op == "n":
        return tree[1], "number"
    if op == "l":
        px = _unit_px(tree[1].value, tree[1].unit, context)
        return None if px is None else (px, "length")
    if op in ("+", "-"):
        left, right = _evaluate(tree[1], context), _evaluate(tree[2], context)
        if left is None or right is None or left[1] != right[1]:
            return None
        return (left[0] + right[0] if op == "+" else left[0] - right[0]), left[1]
    if op == "*":
        left, right = _evaluate(tree[1], context), _evaluate(tree[2], context)
        if left is None or right is None or (left[1] == "length" and right[1] == "length"):
            return None
        kind = "length" if "length" in (left[1], right[1]) else "number"
        return left[0] * right[0], kind
    if op == "/":
        left, right = _evaluate(tree[1], context), _evaluate(tree[2], context)
        if left is None or right is None or right[1] != "number" or right[0] == 0:
            return None
        return left[0] / right[0], left[1]
    values = [_evaluate(operand, context) for operand in tree[1:]]
    if any(v is None for v in values):
        return None
    known = [v for v in values if v is not None]
    if len({kind for _, kind in known}) != 1:
        return None
    numbers = [number for number, _ in known]
    if op == "min":
        return min(numbers), known[0][1]
    if op == "max":
        return max(numbers), known[0][1]
    low, value, high = numbers  # clamp
    return max(low, min(value, high)), known[0][1]
