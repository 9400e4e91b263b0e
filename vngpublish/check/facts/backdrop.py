"""What lies beneath each element's content, computed once per element from its parent's: the
background colours from the root down composited, and what only a rendering could tell about
them. `facts.contrast` paints text over it.

`ground(page, el)` is a `Ground`: its `colour` is the element's background over its parent's
ground (translucent until an opaque background is met; the white canvas goes under it last),
`decided` the nearest ancestor-or-self with an opaque background. The flags say what lies
between the element and `decided`, the part of the tree whose backgrounds count:

- `image`: a background image or gradient above the nearest opaque colour;
- `unknown`: a background colour this checker does not compute;
- `absolute`, `moved`: an element positioned `absolute` or `fixed`, or otherwise positioned or
  transformed (its content may sit elsewhere than its ancestors' boxes);
- `grid`: a grid container whose other children, with an image or a surface, grid placement
  could lay under its content;

and about the element and all its ancestors: `effect` (a filter, backdrop filter, blend mode,
or background clipped to text) and `translucent` (an `opacity` below 1, which composes text and
background as a group: `facts.contrast` then walks up from the text instead).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

from vngpublish.check.facts.fact import inherited_fact
from vngpublish.check.facts.style import computed_style
from vngpublish.check.style import RGBA, composite

if TYPE_CHECKING:
    from vngpublish.check.dom import Element
    from vngpublish.check.page import Page
    from vngpublish.check.style import ComputedStyle

TRANSPARENT: Final = RGBA(0.0, 0.0, 0.0, 0.0)
REPLACED: Final = frozenset(
    {"img", "picture", "video", "canvas", "svg", "iframe", "object", "embed"}
)


class Ground(NamedTuple):
    """What lies beneath an element's content (see the module)."""

    colour: RGBA
    decided: Element | None
    image: bool
    unknown: bool
    absolute: bool
    moved: bool
    grid: bool
    effect: bool
    translucent: bool


_ROOT_PARENT: Final = Ground(TRANSPARENT, None, False, False, False, False, False, False, False)


class Surface(NamedTuple):
    """What of one computed style the ground depends on (derived once per shared style)."""

    layer: RGBA | None
    opaque: bool
    image: bool
    effect: bool
    translucent: bool
    absolute: bool
    moved: bool
    grid: bool


def surface(style: ComputedStyle) -> Surface:
    """The `Surface` of `style`."""
    return style.derived("backdrop.surface", _surface)


def _surface(style: ComputedStyle) -> Surface:
    layer = style.background_color
    position = style.position
    return Surface(
        layer,
        layer is not None and layer.a >= 1.0,
        style.has_background_image,
        has_effect(style),
        style.opacity < 1.0,
        position in ("absolute", "fixed"),
        position != "static" or transformed(style),
        style.display in ("grid", "inline-grid"),
    )


@inherited_fact(_ROOT_PARENT)
def ground(page: Page, el: Element, parent: Ground) -> Ground:
    """What lies beneath `el`'s content (see the module)."""
    own = surface(computed_style(page, el))
    effect = parent.effect or own.effect
    translucent = parent.translucent or own.translucent
    layer = own.layer
    if own.opaque and layer is not None:
        return Ground(layer, el, own.image, False, False, False, False, effect, translucent)
    holder = el.getparent()
    grid = parent.grid or (
        holder is not None
        and parent.decided is not holder
        and surface(computed_style(page, holder)).grid
        and grid_overlap(page, holder, el)
    )
    return Ground(
        parent.colour if layer is None else composite(layer, parent.colour),
        parent.decided,
        own.image or parent.image,
        layer is None or parent.unknown,
        own.absolute or parent.absolute,
        own.moved or parent.moved,
        grid,
        effect,
        translucent,
    )


def has_effect(style: ComputedStyle) -> bool:
    """A filter, backdrop filter, blend mode, or a background clipped to the text."""
    return (
        style.value("filter") != "none"
        or style.value("backdrop-filter") != "none"
        or style.value("mix-blend-mode") != "normal"
        or "text" in style.value("background-clip").split()
    )


def transformed(style: ComputedStyle) -> bool:
    """A `transform` or `rotate` that may move the element's content."""
    return style.transform != "none" or style.value("rotate") != "none"


def grid_overlap(page: Page, grid: Element, child: Element | None) -> bool:
    """True when a child of `grid` other than `child` has a surface (an image, replaced
    content, a background) that grid placement could lay under `child`."""
    for other in grid:
        if not isinstance(other.tag, str) or other is child:
            continue
        if other.tag in REPLACED or any(d.tag in REPLACED for d in other.iterdescendants()):
            return True
        style = computed_style(page, other)
        layer = style.background_color
        if style.has_background_image or layer is None or layer.a > 0:
            return True
    return False
