"""What property definitions share: the protocol a compute step asks the element through,
`Property` and `Shorthand`, the typed computed values (`LineHeight`, `ClipRect`, `Image`,
`Content`), and the colour value helpers every colour property uses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, NamedTuple, Protocol

import tinycss2

from vngpublish.check.style.color_syntax import parse_color as _parse_color_token
from vngpublish.check.style.colors import CURRENT_COLOR, RGBA, UNKNOWN_COLOR
from vngpublish.check.style.values import Context


class StyleContext(Protocol):
    """What a compute step may ask of the element being styled."""

    def value(self, name: str) -> Any:
        """The element's computed value of another property."""

    def specified(self, name: str) -> Any:
        """The element's specified value of another property (what the cascade gives,
        before computing), for properties whose computed value depends on it."""

    def parent_value(self, name: str) -> Any:
        """The parent's computed value (the initial value's for the root)."""

    def length_context(self) -> Context:
        """Font size, root font size and viewport for lengths on this element."""

    def font_context(self) -> Context:
        """The context of `font-size` itself: em and % refer to the parent's font size."""

    def medium_font_size(self) -> float:
        """The font size of the `medium` keyword in pixels."""

    def attribute(self, name: str) -> str | None:
        """An attribute of the element (of the originating element for a pseudo-element)."""


@dataclass(frozen=True, slots=True)
class Property:
    """A longhand property."""

    name: str
    inherited: bool
    initial: Any
    """The initial value, in the form the parser produces (a specified value)."""
    parse: Callable[[list[Any]], Any]
    """Significant tokens (no whitespace or comments at the top level) to a specified value,
    or None when the value is invalid."""
    compute: Callable[[Any, StyleContext], Any]
    """A specified value and the element's context to the computed value."""


@dataclass(frozen=True, slots=True)
class Shorthand:
    """A shorthand property: `expand` maps tokens to a specified value for every longhand,
    or None when the value is invalid."""

    name: str
    longhands: tuple[str, ...]
    expand: Callable[[list[Any]], dict[str, Any] | None]


class LineHeight(NamedTuple):
    """A computed `line-height`: kind "normal" (value 0), "number" (a factor the font size
    multiplies) or "px"."""

    kind: str
    value: float


class ClipRect(NamedTuple):
    """A computed `clip: rect()`: each edge in pixels, or None for `auto`."""

    top: float | None
    right: float | None
    bottom: float | None
    left: float | None


class Image(NamedTuple):
    """One `background-image` layer: kind "none", "url" (`value` the URL), "gradient"
    (`value` the function name) or "image" (other image functions such as `image-set()`)."""

    kind: str
    value: str = ""


NO_IMAGE: Final = (Image("none"),)


class Content(NamedTuple):
    """A computed `content`.

    `kind` is "normal", "none" or "items". `text` joins the strings, `attr()` values and
    quotes; `exact` is False when counters, or images without alternative text, make up part
    of what is shown. `images` are the `url()`s; `alt` is the alternative text after `/`.
    """

    kind: str
    text: str = ""
    exact: bool = True
    images: tuple[str, ...] = ()
    alt: str | None = None


NORMAL_CONTENT: Final = Content("normal")
NONE_CONTENT: Final = Content("none")


# ------------------------------------------------------------------------------- helpers
def one_keyword(
    allowed: frozenset[str], aliases: dict[str, str] | None = None
) -> Callable[[list[Any]], Any]:
    """A parser accepting one keyword of `allowed` (or an alias of one)."""

    def parse(tokens: list[Any]) -> str | None:
        if len(tokens) != 1 or tokens[0].type != "ident":
            return None
        word: str = tokens[0].lower_value
        if aliases and word in aliases:
            return aliases[word]
        return word if word in allowed else None

    return parse


def keep(value: Any, context: StyleContext) -> Any:
    """The compute step that keeps the specified value."""
    return value


def serialized(tokens: list[Any]) -> str:
    """Significant tokens as text, one space between them."""
    text = " ".join(tinycss2.serialize([t]) for t in tokens).replace(" , ", ", ")
    return " ".join(text.lower().split())


# --------------------------------------------------------------------------------- colour
def parse_color(tokens: list[Any]) -> Any:
    """A colour value: RGBA, CURRENT_COLOR or UNKNOWN_COLOR; None when invalid."""
    if len(tokens) != 1:
        return None
    return _parse_color_token(tokens[0])


def compute_color(value: Any, context: StyleContext) -> RGBA | None:
    """A colour's computed value: `currentColor` resolved, unknown colours None."""
    if value is CURRENT_COLOR:
        found: RGBA | None = context.value("color")
        return found
    if value is UNKNOWN_COLOR:
        return None
    result: RGBA = value
    return result


def compute_keeping_current(value: Any, context: StyleContext) -> Any:
    """For inherited colours other than `color`: `currentColor` stays a keyword (inherited
    as such) and is resolved against the element's own `color` when used."""
    if value is CURRENT_COLOR:
        return CURRENT_COLOR
    return compute_color(value, context)


def compute_foreground(value: Any, context: StyleContext) -> RGBA | None:
    """`color`'s computed value (`currentColor` there means the parent's colour)."""
    if value is CURRENT_COLOR:  # `color: currentColor` is `color: inherit`
        found: RGBA | None = context.parent_value("color")
        return found
    return compute_color(value, context)


NO_LINES: Final[frozenset[str]] = frozenset()
"""No text decoration lines."""
