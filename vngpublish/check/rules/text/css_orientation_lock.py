"""css-orientation-lock."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from typing import Any, Final

import tinycss2

from vngpublish.check.dom import Element
from vngpublish.check.facts.style import cascade, cascade_for
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.style import Cascade, ComputedStyle, Screen
from vngpublish.check.style.triggers import Wanted
from vngpublish.i18n import N_

_ROTATION: Final = Wanted(
    re.compile(r"(?<![\w-])(?:-webkit-)?(?:transform|rotate)\s*:", re.IGNORECASE),
    ("transform", "rotate"),
)
_ROTATING: Final = re.compile(r"\b(?:rotate|rotatez|rotate3d|matrix|matrix3d)\(")
_ANGLE_UNITS: Final = {"deg": 1.0, "rad": 180 / math.pi, "grad": 0.9, "turn": 360.0}
_MOVES: Final = frozenset(
    {"translate", "translatex", "translatey", "translatez", "translate3d", "perspective"}
)
Matrix = tuple[float, float, float, float]  # a, b, c, d of [[a, c], [b, d]]
_IDENTITY: Final[Matrix] = (1.0, 0.0, 0.0, 1.0)


class CssOrientationLock(Rule):
    """Applies to a rendered element whose CSS `transform` (its rotating functions `rotate`,
    `rotateZ`, `rotate3d`, `matrix`, `matrix3d`) or `rotate` property differs between the page's
    screen and the same screen turned a quarter (1280x800 and 800x1280 by default), on a page
    whose author stylesheets use the `orientation` media feature.

    Fails when the element is turned by a quarter (90 or 270 degrees) in one orientation
    relative to the other: its content then stays put while the device turns, locking it in
    one orientation. Passes when the difference is none or a half turn. When a transform cannot
    be computed (a skew, a rotation about another axis, `var()` left over), the result is for
    review.
    """

    id = "css-orientation-lock"
    title = N_("CSS does not lock the page in one orientation")
    level = "AA"
    wcag = ("1.3.4",)
    act = ("b33eff",)
    axe = ("css-orientation-lock",)
    tags = ("zoom",)
    why = N_(
        "People with a device mounted on a wheelchair or a bed cannot turn it; content locked "
        "in one orientation may be unreadable for them."
    )
    fix = N_(
        "Remove the rotation from the orientation media query, so the content follows the "
        "device, unless one orientation is essential."
    )
    messages = {
        "locked": N_(
            "In {orientation} orientation this element is turned {angle} degrees compared "
            "with the other orientation: the content is locked in one orientation. Remove the "
            "rotation from the orientation media query."
        ),
        "check-rotation": N_(
            "This element is transformed differently in portrait and landscape orientation, "
            "in a way this checker cannot compute: check that the content is not turned a "
            "quarter to lock it in one orientation."
        ),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        here = cascade(page)
        if not here.mentions("orientation"):
            return []
        turned = cascade_for(page, _turned(here.screen))
        reached = (here.triggers(_ROTATION), turned.triggers(_ROTATION))
        if all(triggers.empty for triggers in reached):
            return []
        found = []
        for el in page.elements:
            if not any(triggers.may_apply(el) for triggers in reached):
                continue
            first, second = here.computed(el), turned.computed(el)
            if _transform(first) == _transform(second) or not (_rotates(first) or _rotates(second)):
                continue
            if _rendered(here, el) or _rendered(turned, el):
                found.append(el)
        return found

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        here = cascade(page)
        turned = cascade_for(page, _turned(here.screen))
        for el in targets:
            first = _angle(here.computed(el))
            second = _angle(turned.computed(el))
            if first is None or second is None:
                yield self.cant_tell(el, "check-rotation")
                continue
            difference = (second - first) % 360.0
            if min(abs(difference - 90.0), abs(difference - 270.0)) < 1.0:
                yield self.fail(
                    el,
                    "locked",
                    orientation=turned.screen.orientation,
                    angle=f"{round(difference):d}",
                )


def _turned(screen: Screen) -> Screen:
    """The same screen a quarter turned."""
    return Screen(
        width=screen.height,
        height=screen.width,
        media_type=screen.media_type,
        prefers_color_scheme=screen.prefers_color_scheme,
        resolution=screen.resolution,
        font_size=screen.font_size,
    )


def _transform(style: ComputedStyle) -> tuple[str, str]:
    return style.transform, style.value("rotate")


def _rotates(style: ComputedStyle) -> bool:
    """True when the `rotate` property or a rotating transform function is set."""
    return style.value("rotate") != "none" or bool(_ROTATING.search(style.transform))


def _rendered(sheets: Cascade, el: Element) -> bool:
    node: Element | None = el
    while node is not None:
        if sheets.computed(node).display == "none":
            return False
        node = node.getparent()
    return True


def _angle(style: ComputedStyle) -> float | None:
    """The rotation about the z axis, in degrees, of `transform` followed by `rotate`; None
    when it cannot be computed."""
    matrix = _IDENTITY
    transform = style.transform
    if transform != "none":
        for function in tinycss2.parse_component_value_list(transform):
            if function.type in ("whitespace", "comment"):
                continue
            if function.type != "function":
                return None
            step = _matrix_of(function.lower_name, _arguments(function.arguments))
            if step is None:
                return None
            matrix = _multiply(matrix, step)
    angle = math.degrees(math.atan2(matrix[1], matrix[0]))
    rotate = style.value("rotate")
    if rotate != "none":
        extra = _rotate_property(rotate)
        if extra is None:
            return None
        angle += extra
    return angle % 360.0


def _arguments(tokens: list[Any]) -> list[Any]:
    return [t for t in tokens if t.type not in ("whitespace", "comment", "literal")]


def _degrees(token: Any) -> float | None:
    if token.type == "dimension" and token.lower_unit in _ANGLE_UNITS:
        return float(token.value) * _ANGLE_UNITS[token.lower_unit]
    if token.type == "number" and token.value == 0:
        return 0.0
    return None


def _matrix_of(name: str, args: list[Any]) -> Matrix | None:
    """The 2D linear part of one transform function (rotations about z, scales, matrices);
    None for what this rule cannot follow."""
    if name in _MOVES:
        return _IDENTITY
    numbers = [float(t.value) if t.type == "number" else None for t in args]
    if name in ("rotate", "rotatez") and len(args) == 1:
        angle = _degrees(args[0])
        return None if angle is None else _rotation(angle)
    if name == "rotate3d" and len(args) == 4:
        x, y, z = numbers[:3]
        angle = _degrees(args[3])
        if x == 0 and y == 0 and z is not None and z != 0 and angle is not None:
            return _rotation(angle if z > 0 else -angle)
        return None
    if name in ("scale", "scalex", "scaley", "scale3d") and all(n is not None for n in numbers):
        values = [n for n in numbers if n is not None]
        if name == "scalex":
            return (values[0], 0.0, 0.0, 1.0)
        if name == "scaley":
            return (1.0, 0.0, 0.0, values[0])
        if values:
            return (values[0], 0.0, 0.0, values[1] if len(values) > 1 else values[0])
        return None
    if name == "matrix" and len(numbers) == 6 and all(n is not None for n in numbers):
        a, b, c, d = (n for n in numbers[:4] if n is not None)
        return (a, b, c, d)
    if name == "matrix3d" and len(numbers) == 16 and all(n is not None for n in numbers):
        values = [n for n in numbers if n is not None]
        return (values[0], values[1], values[4], values[5])
    return None


def _rotation(degrees: float) -> Matrix:
    radians = math.radians(degrees)
    return (math.cos(radians), math.sin(radians), -math.sin(radians), math.cos(radians))


def _multiply(first: Matrix, second: Matrix) -> Matrix:
    a1, b1, c1, d1 = first
    a2, b2, c2, d2 = second
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2)


def _rotate_property(value: str) -> float | None:
    """The `rotate` property's turn about z, in degrees (None about another axis)."""
    args = _arguments(tinycss2.parse_component_value_list(value))
    if not args:
        return None
    angle = _degrees(args[-1])
    if angle is None:
        return None
    axis = args[:-1]
    if not axis or (len(axis) == 1 and axis[0].type == "ident" and axis[0].lower_value == "z"):
        return angle
    about_z = len(axis) == 3 and all(t.type == "number" for t in axis)
    if about_z and axis[0].value == 0 and axis[1].value == 0 and axis[2].value != 0:
        return angle if axis[2].value > 0 else -angle
    return None
