"""`ComputedStyle`: the computed values of one element (or pseudo-element), each computed
the first time it is asked for.

A style holds the element's cascaded declarations (the winner for each property) and its
parent's style. Asking for a property computes it: the cascaded value if there is one (with
`var()` substituted and CSS-wide keywords applied), else the parent's computed value for an
inherited property, else the initial value. Elements whose cascaded declarations and parent
style are the same share one `ComputedStyle`, so each value is computed once for all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeVar

from vngpublish.check.style.colors import CURRENT_COLOR, RGBA
from vngpublish.check.style.declarations import Decl, Pending
from vngpublish.check.style.properties import PROPERTIES, SHORTHANDS
from vngpublish.check.style.property_types import (
    NO_LINES,
    ClipRect,
    Content,
    Image,
    LineHeight,
    Property,
)
from vngpublish.check.style.values import Context, Wide, has_function, significant, wide_keyword
from vngpublish.check.style.variables import substitute

if TYPE_CHECKING:
    from lxml import etree

    from vngpublish.check.style.media import Screen

_MISSING: Final = object()
T = TypeVar("T")
_ATOMIC_INLINE: Final = frozenset(
    {"inline-block", "inline-table", "inline-flex", "inline-grid", "-webkit-inline-box",
     "inline flow-root list-item"}
)  # fmt: skip

Cascaded = dict[str, tuple[Decl, Any]]
"""Property name to (winning declaration, where it comes from)."""


class ComputedStyle:
    """The computed style of an element or pseudo-element.

    Typed accessors cover every registered property (`color`, `font_size_px`, `display` ...);
    `value(name)` returns any property's computed value (see `properties` for the types) and
    `custom(name)` a custom property's tokens. Values are computed on first use and cached.
    Do not create these yourself: `Cascade.computed()` does.
    """

    __slots__ = (
        "_cascaded",
        "_custom",
        "_cyclic",
        "_resolving",
        "_root",
        "_values",
        "element",
        "parent",
        "pseudo",
        "screen",
    )

    def __init__(
        self,
        screen: Screen,
        parent: ComputedStyle | None,
        cascaded: Cascaded,
        element: etree._Element | None = None,
        pseudo: str | None = None,
    ) -> None:
        self.screen = screen
        """The screen lengths and media queries refer to."""
        self.parent = parent
        """The parent element's style (the originating element's for a pseudo-element)."""
        # The root's own style keeps None rather than itself: a reference to itself would
        # leave every page's styles to the cycle collector instead of freeing them at once.
        self._root: ComputedStyle | None = None if parent is None else parent.root
        self._cascaded = cascaded
        self._values: dict[str, Any] = {}
        self._custom: dict[str, tuple[Any, ...] | None] | None = None
        self._resolving: list[str] = []
        self._cyclic: set[str] = set()
        self.element = element
        """The element, for a pseudo-element's style (styles of elements are shared, so they
        do not name one)."""
        self.pseudo = pseudo
        """"before" or "after" for a pseudo-element's style, else None."""

    @property
    def root(self) -> ComputedStyle:
        """The root element's style (what `rem` refers to)."""
        return self if self._root is None else self._root

    # ----------------------------------------------------------------- computed values
    def cascaded(self, name: str) -> tuple[Decl, Any] | None:
        """The winning declaration of `name` and where it comes from (None when none
        applies). `Cascade.declared` turns this into file and line."""
        return self._cascaded.get(name)

    def value(self, name: str) -> Any:
        """The computed value of a registered property (KeyError for unknown names)."""
        found = self._values.get(name, _MISSING)
        if found is not _MISSING:
            return found
        parent = self.parent
        if parent is not None and name not in parent._values:
            # Ancestors first, from the top down: each then finds its parent's value known,
            # so a value inherited down a deep tree costs no recursion.
            chain = []
            node: ComputedStyle | None = parent
            while node is not None and name not in node._values:
                chain.append(node)
                node = node.parent
            for ancestor in reversed(chain):
                ancestor._compute(name)
        return self._compute(name)

    def _compute(self, name: str) -> Any:
        prop = PROPERTIES[name]
        entry = self._cascaded.get(name)
        if entry is None:
            parent = self.parent
            if prop.inherited and parent is not None:
                found = parent.value(name)
            else:
                found = self._initial(prop)
        else:
            found = self._from_declared(prop, entry[0].value)
        self._values[name] = found
        return found

    def _from_declared(self, prop: Property, value: Any) -> Any:
        if type(value) is Pending:
            value = self._substituted(prop.name, value)
        if type(value) is Wide:
            if value is Wide.INITIAL or (value is not Wide.INHERIT and not prop.inherited):
                return self._initial(prop)
            return self.parent_value(prop.name)
        return prop.compute(value, self)

    def derived(self, key: str, compute: Callable[[ComputedStyle], T]) -> T:
        """`compute(self)`, remembered with this style under `key`: for what callers derive
        from several values (a style is shared by many elements, so this is computed once for
        all of them). `key` names the derivation; different derivations need different keys."""
        slot = "\0" + key
        found = self._values.get(slot, _MISSING)
        if found is _MISSING:
            found = self._values[slot] = compute(self)
        result: T = found
        return result

    def specified(self, name: str) -> Any:
        """The specified value of `name`: the cascaded value (after `var()` substitution),
        the parent's computed value for an inherited property or `inherit`, else the
        initial value."""
        prop = PROPERTIES[name]
        entry = self._cascaded.get(name)
        value = None if entry is None else entry[0].value
        if type(value) is Pending:
            value = self._substituted(name, value)
        if value is None or type(value) is Wide:
            inherit = value is Wide.INHERIT or (value is not Wide.INITIAL and prop.inherited)
            return self.parent_value(name) if inherit else prop.initial
        return value

    def _initial(self, prop: Property) -> Any:
        return prop.compute(prop.initial, self)

    def _substituted(self, name: str, pending: Pending) -> Any:
        """The specified value of `name` after `var()` substitution; `Wide.UNSET` when the
        declaration is invalid at computed-value time."""
        tokens = substitute(pending.tokens, self.custom)
        if tokens is None:
            return Wide.UNSET
        tokens = significant(tokens)
        wide = wide_keyword(tokens)
        if wide is not None:
            return wide
        if pending.via == name:
            parsed = PROPERTIES[name].parse(tokens)
        else:
            expanded = SHORTHANDS[pending.via].expand(tokens)
            parsed = None if expanded is None else expanded.get(name)
        return Wide.UNSET if parsed is None else parsed

    def custom(self, name: str) -> tuple[Any, ...] | None:
        """The computed tokens of custom property `name` (`--x`), or None for the
        guaranteed-invalid value (not set, `initial`, a cycle, or failed substitution)."""
        table = self._custom
        if table is None:
            table = self._custom = {}
        elif name in table:
            return table[name]
        if name in self._resolving:
            # A cycle: every property from the first occurrence on is invalid.
            self._cyclic.update(self._resolving[self._resolving.index(name) :])
            return None
        entry = self._cascaded.get(name)
        result: tuple[Any, ...] | None
        if entry is None:
            result = None if self.parent is None else self.parent.custom(name)
        else:
            value = entry[0].value
            if type(value) is Wide:
                inherit = value is not Wide.INITIAL
                result = self.parent.custom(name) if inherit and self.parent is not None else None
            elif _has_reference(value):
                self._resolving.append(name)
                try:
                    substituted = substitute(value, self.custom)
                finally:
                    self._resolving.pop()
                result = None if substituted is None or name in self._cyclic else tuple(substituted)
            else:
                result = value
        table[name] = result
        return result

    # ---------------------------------------------------------------- StyleContext
    def parent_value(self, name: str) -> Any:
        """The parent's computed value of `name` (the initial value's at the root)."""
        if self.parent is not None:
            return self.parent.value(name)
        return self._initial(PROPERTIES[name])

    def length_context(self) -> Context:
        """Font size, root font size and viewport for lengths on this element."""
        screen = self.screen
        return Context(self.value("font-size"), self._root_font_size(), screen.width, screen.height)

    def font_context(self) -> Context:
        """The context `font-size` resolves in: em and % refer to the parent's size."""
        screen = self.screen
        parent_size = self.parent_value("font-size")
        return Context(
            parent_size, self._root_font_size(), screen.width, screen.height, parent_size
        )

    def medium_font_size(self) -> float:
        """The size of `font-size: medium` in pixels."""
        return self.screen.font_size

    def attribute(self, name: str) -> str | None:
        """An attribute of the (originating) element, for `attr()`; None for shared
        element styles."""
        return None if self.element is None else self.element.get(name)

    def _root_font_size(self) -> float | None:
        if self.parent is None:
            return self.screen.font_size  # rem on the root refers to the initial size
        found: float | None = self.root.value("font-size")
        return found

    # --------------------------------------------------------------------- accessors
    @property
    def color(self) -> RGBA | None:
        """The text colour (None when it is valid but not computed here)."""
        found: RGBA | None = self.value("color")
        return found

    @property
    def text_fill_color(self) -> RGBA | None:
        """`-webkit-text-fill-color`: what text is painted with (`color` unless set)."""
        found: Any = self.value("-webkit-text-fill-color")
        if found is CURRENT_COLOR:
            return self.color
        result: RGBA | None = found
        return result

    @property
    def background_color(self) -> RGBA | None:
        """The background colour of this element's own box (not what shows through it)."""
        found: RGBA | None = self.value("background-color")
        return found

    @property
    def background_image(self) -> tuple[Image, ...]:
        """The background image layers."""
        found: tuple[Image, ...] = self.value("background-image")
        return found

    @property
    def has_background_image(self) -> bool:
        """True when a background layer is an image (URL, gradient or other)."""
        return any(layer.kind != "none" for layer in self.background_image)

    @property
    def font_size_px(self) -> float | None:
        """The font size in CSS pixels, or None when it cannot be known statically."""
        found: float | None = self.value("font-size")
        return found

    @property
    def font_weight(self) -> float:
        """The font weight (400 normal, 700 bold)."""
        found: float = self.value("font-weight")
        return found

    @property
    def line_height(self) -> LineHeight | None:
        """The computed line height (None when not computable)."""
        found: LineHeight | None = self.value("line-height")
        return found

    @property
    def line_height_px(self) -> float | None:
        """The line height in pixels; None for `normal` (font-dependent) or unknown."""
        height = self.line_height
        if height is None or height.kind == "normal":
            return None
        if height.kind == "px":
            return height.value
        size = self.font_size_px
        return None if size is None else height.value * size

    @property
    def display(self) -> str:
        """The `display` keyword(s), e.g. "block", "none", "inline-flex"."""
        found: str = self.value("display")
        return found

    @property
    def visibility(self) -> str:
        """ "visible", "hidden" or "collapse"."""
        found: str = self.value("visibility")
        return found

    @property
    def opacity(self) -> float:
        """This element's own opacity (0 to 1), not multiplied by its ancestors'."""
        found: float = self.value("opacity")
        return found

    @property
    def content_visibility(self) -> str:
        """ "visible", "auto" or "hidden"."""
        found: str = self.value("content-visibility")
        return found

    @property
    def overflow_x(self) -> str:
        """Horizontal overflow keyword."""
        found: str = self.value("overflow-x")
        return found

    @property
    def overflow_y(self) -> str:
        """Vertical overflow keyword."""
        found: str = self.value("overflow-y")
        return found

    @property
    def position(self) -> str:
        """ "static", "relative", "absolute", "fixed" or "sticky"."""
        found: str = self.value("position")
        return found

    @property
    def clip(self) -> ClipRect | None:
        """The `clip` rectangle, or None for `auto`."""
        found: ClipRect | None = self.value("clip")
        return found

    @property
    def clip_path(self) -> str:
        """ "none" or the clip path as written."""
        found: str = self.value("clip-path")
        return found

    @property
    def width(self) -> float | str:
        """Pixels, or "auto", a percentage, a keyword, "unknown"."""
        found: float | str = self.value("width")
        return found

    @property
    def height(self) -> float | str:
        """Pixels, or "auto", a percentage, a keyword, "unknown"."""
        found: float | str = self.value("height")
        return found

    @property
    def left(self) -> float | str:
        """Pixels, or "auto", a percentage, "unknown"."""
        found: float | str = self.value("left")
        return found

    @property
    def top(self) -> float | str:
        """Pixels, or "auto", a percentage, "unknown"."""
        found: float | str = self.value("top")
        return found

    @property
    def right(self) -> float | str:
        """Pixels, or "auto", a percentage, "unknown"."""
        found: float | str = self.value("right")
        return found

    @property
    def bottom(self) -> float | str:
        """Pixels, or "auto", a percentage, "unknown"."""
        found: float | str = self.value("bottom")
        return found

    @property
    def text_indent(self) -> float | str:
        """Pixels, or a percentage, "unknown"."""
        found: float | str = self.value("text-indent")
        return found

    @property
    def outline_style(self) -> str:
        """The outline style keyword ("none" when no outline)."""
        found: str = self.value("outline-style")
        return found

    @property
    def outline_width(self) -> float | None:
        """Outline width in pixels (0 when `outline-style` is none)."""
        found: float | None = self.value("outline-width")
        return found

    @property
    def outline_color(self) -> RGBA | None:
        """The outline colour."""
        found: RGBA | None = self.value("outline-color")
        return found

    @property
    def text_decoration_line(self) -> frozenset[str]:
        """The lines this element's own `text-decoration-line` sets (not propagated)."""
        found: frozenset[str] = self.value("text-decoration-line")
        return found

    @property
    def text_decoration_style(self) -> str:
        """ "solid", "double", "dotted", "dashed" or "wavy"."""
        found: str = self.value("text-decoration-style")
        return found

    @property
    def text_decoration_color(self) -> RGBA | None:
        """The decoration colour."""
        found: RGBA | None = self.value("text-decoration-color")
        return found

    @property
    def decorations_in_effect(self) -> frozenset[str]:
        """The decoration lines drawn on this element's text: its own and those propagated
        from ancestors (CSS Text Decoration 3: not into out-of-flow boxes and atomic inlines
        such as `inline-block`)."""
        found = self._values.get("\0decorations")
        if found is None:
            own = self.text_decoration_line
            parent = self.parent
            if (
                parent is None
                or self.display in _ATOMIC_INLINE
                or self.position in ("absolute", "fixed")
            ):
                found = own
            else:
                inherited = parent.decorations_in_effect
                found = own | inherited if inherited else own
            if not found:
                found = NO_LINES
            self._values["\0decorations"] = found
        result: frozenset[str] = found
        return result

    @property
    def letter_spacing(self) -> float | None:
        """Extra space between letters in pixels (`normal` is 0)."""
        found: float | None = self.value("letter-spacing")
        return found

    @property
    def word_spacing(self) -> float | None:
        """Extra space between words in pixels (`normal` is 0)."""
        found: float | None = self.value("word-spacing")
        return found

    @property
    def transform(self) -> str:
        """ "none" or the transform as written."""
        found: str = self.value("transform")
        return found

    @property
    def text_shadow(self) -> str:
        """ "none" or the shadows as written."""
        found: str = self.value("text-shadow")
        return found

    @property
    def content(self) -> Content:
        """The computed `content` (meaningful for ::before and ::after)."""
        found: Content = self.value("content")
        return found

    @property
    def generates_box(self) -> bool:
        """For a ::before/::after style: True when it is rendered (its `content` is not
        `normal` or `none`, and its display is not `none`)."""
        return self.content.kind == "items" and self.display != "none"


_REFERENCES: Final = frozenset({"var", "env"})


def _has_reference(tokens: tuple[Any, ...]) -> bool:
    return has_function(list(tokens), _REFERENCES)
