"""Property parsing and computing, through the cascade of small pages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vngpublish.check.style import RGBA, ClipRect, ComputedStyle, Image, LineHeight

Style = Callable[..., ComputedStyle]


def test_initial_values(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t>x")
    assert found.color == RGBA(0, 0, 0)
    assert found.background_color == RGBA(0, 0, 0, 0)
    assert found.font_size_px == 16.0
    assert found.font_weight == 400
    assert found.display == "block"
    assert found.visibility == "visible"
    assert found.opacity == 1.0
    assert found.position == "static"
    assert found.width == "auto"
    assert found.clip is None
    assert found.clip_path == "none"
    assert found.transform == "none"
    assert found.text_shadow == "none"
    assert found.letter_spacing == 0.0
    assert found.word_spacing == 0.0
    assert found.line_height == LineHeight("normal", 0.0)
    assert found.outline_style == "none"
    assert found.outline_width == 0.0  # medium, but 0 while the style is none
    assert found.text_decoration_line == frozenset()
    assert found.background_image == (Image("none"),)
    assert not found.has_background_image


@pytest.mark.parametrize(
    ("declaration", "expected"),
    [
        ("font-size: xx-small", 9.0),  # Chromium's keyword table for a 16px medium
        ("font-size: x-small", 10.0),
        ("font-size: small", 13.0),
        ("font-size: medium", 16.0),
        ("font-size: large", 18.0),
        ("font-size: x-large", 24.0),
        ("font-size: xx-large", 32.0),
        ("font-size: xxx-large", 48.0),
        ("font-size: 12pt", 16.0),
        ("font-size: 1.5em", 30.0),  # of the parent's 20px
        ("font-size: 150%", 30.0),
        ("font-size: 2rem", 32.0),  # of the root's 16px
        ("font-size: larger", 24.0),  # 20 * 1.2
        ("font-size: smaller", 20 / 1.2),
        ("font-size: calc(1em + 2px)", 22.0),
        ("font-size: -1px", 20.0),  # invalid: inherited from the parent
        ("font-size: 10vw", 128.0),
    ],
)
def test_font_size(style: Style, declaration: str, expected: float) -> None:
    html = f"<!DOCTYPE html><div style='font-size: 20px'><p id=t style='{declaration}'>x</div>"
    assert style(html).font_size_px == pytest.approx(expected)


def test_font_size_unknown_when_not_computable(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='font: menu'>x")
    assert found.font_size_px is None


@pytest.mark.parametrize(
    ("parent", "child", "expected"),
    [
        ("400", "bold", 700),
        ("400", "normal", 400),
        ("400", "650", 650),
        ("400", "bolder", 700),  # CSS Fonts 4: 350 <= w < 550 -> 700
        ("300", "bolder", 400),
        ("600", "bolder", 900),
        ("950", "bolder", 950),
        ("400", "lighter", 100),
        ("600", "lighter", 400),
        ("800", "lighter", 700),
        ("50", "lighter", 50),
        ("400", "1001", 400),  # out of range: invalid, inherited
    ],
)
def test_font_weight(style: Style, parent: str, child: str, expected: float) -> None:
    html = (
        f"<!DOCTYPE html><div style='font-weight: {parent}'><p id=t style='font-weight: {child}'>x"
    )
    assert style(html).font_weight == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("none", "none"),
        ("inline-block", "inline-block"),
        ("block flex", "flex"),
        ("inline flow-root", "inline-block"),
        ("list-item", "list-item"),
        ("contents", "contents"),
        ("grid", "grid"),
        ("nonsense", "block"),  # invalid: the user-agent's block for p stays
    ],
)
def test_display(style: Style, value: str, expected: str) -> None:
    assert style(f"<!DOCTYPE html><p id=t style='display: {value}'>x").display == expected


def test_visibility_inherits_and_opacity_does_not(style: Style) -> None:
    html = "<!DOCTYPE html><div style='visibility: hidden; opacity: .5'><p id=t>x"
    found = style(html)
    assert found.visibility == "hidden"
    assert found.opacity == 1.0
    assert found.parent is not None and found.parent.opacity == 0.5


@pytest.mark.parametrize(("value", "expected"), [("50%", 0.5), ("2", 1.0), ("-1", 0.0)])
def test_opacity_clamped(style: Style, value: str, expected: float) -> None:
    assert style(f"<!DOCTYPE html><p id=t style='opacity: {value}'>x").opacity == expected


def test_overflow_shorthand_and_axis_coupling(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='overflow: hidden'>x")
    assert (found.overflow_x, found.overflow_y) == ("hidden", "hidden")
    found = style("<!DOCTYPE html><p id=t style='overflow: visible scroll'>x")
    # CSS Overflow 3: visible beside a scrolling axis computes to auto.
    assert (found.overflow_x, found.overflow_y) == ("auto", "scroll")
    found = style("<!DOCTYPE html><p id=t style='overflow-x: clip; overflow-y: auto'>x")
    assert found.overflow_x == "hidden"


def test_visually_hidden_pattern(style: Style) -> None:
    css = (
        ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;"
        "overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0;left:-9999px;top:auto}"
    )
    found = style(f"<!DOCTYPE html><style>{css}</style><span id=t class=sr-only>x</span>")
    assert found.position == "absolute"
    assert (found.width, found.height) == (1.0, 1.0)
    assert found.clip == ClipRect(0.0, 0.0, 0.0, 0.0)
    assert found.left == -9999.0
    assert found.top == "auto"
    assert found.overflow_x == "hidden"


def test_clip_rect_with_auto_and_spaces(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='clip: rect(1px auto 2em 0)'>x")
    assert found.clip == ClipRect(1.0, None, 32.0, 0.0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("50%", "50%"), ("calc(50% - 1px)", "unknown"), ("max-content", "max-content"), ("2em", 32.0)],
)
def test_sizes_that_are_not_absolute(style: Style, value: str, expected: object) -> None:
    assert style(f"<!DOCTYPE html><p id=t style='width: {value}'>x").width == expected


def test_clip_path(style: Style) -> None:
    assert style("<!DOCTYPE html><p id=t style='clip-path: inset(50%)'>x").clip_path == "inset(50%)"
    assert style("<!DOCTYPE html><p id=t style='clip-path: bogus'>x").clip_path == "none"


def test_text_indent_inherits_as_pixels(style: Style) -> None:
    html = (
        "<!DOCTYPE html><div style='font-size:10px;text-indent:-10em'>"
        "<p id=t style='font-size:30px'>x"
    )
    assert style(html).text_indent == -100.0


def test_spacing_in_em_computes_on_the_declaring_element(style: Style) -> None:
    html = (
        "<!DOCTYPE html><div style='font-size:10px;letter-spacing:.12em;word-spacing:.16em'>"
        "<p id=t style='font-size:30px'>x"
    )
    found = style(html)
    assert found.letter_spacing == pytest.approx(1.2)  # inherited as 1.2px, not 0.12 * 30
    assert found.word_spacing == pytest.approx(1.6)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("normal", LineHeight("normal", 0.0)),
        ("1.5", LineHeight("number", 1.5)),
        ("24px", LineHeight("px", 24.0)),
        ("150%", LineHeight("px", 30.0)),
        ("2em", LineHeight("px", 40.0)),
    ],
)
def test_line_height(style: Style, value: str, expected: LineHeight) -> None:
    found = style(f"<!DOCTYPE html><p id=t style='font-size:20px;line-height:{value}'>x")
    assert found.line_height == expected


def test_line_height_number_inherits_as_a_factor(style: Style) -> None:
    html = (
        "<!DOCTYPE html><div style='font-size:10px;line-height:1.5'>"
        "<p id=t style='font-size:20px'>x"
    )
    assert style(html).line_height_px == 30.0


def test_font_shorthand(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='font: italic bold 12px/30px Georgia, serif'>x")
    assert (found.font_size_px, found.font_weight, found.line_height_px) == (12.0, 700, 30.0)
    found = style("<!DOCTYPE html><p id=t style='line-height:3;font: 20px sans-serif'>x")
    assert found.line_height == LineHeight("normal", 0.0)  # the shorthand resets it
    assert found.font_weight == 400
    found = style("<!DOCTYPE html><p id=t style='font-size:20px;font: 12px'>x")
    assert found.font_size_px == 20.0  # a family is required: invalid


def test_background_shorthand(style: Style) -> None:
    found = style(
        "<!DOCTYPE html><p id=t style='background: url(a.png) no-repeat center / cover #123456'>x"
    )
    assert found.background_color == RGBA(0x12, 0x34, 0x56)
    assert found.background_image == (Image("url", "a.png"),)
    found = style("<!DOCTYPE html><p id=t style='background: linear-gradient(red, blue), #fff'>x")
    assert found.background_image == (Image("gradient", "linear-gradient"), Image("none"))
    assert found.background_color == RGBA(255, 255, 255)
    found = style("<!DOCTYPE html><p id=t style='background-color: red; background: none'>x")
    assert found.background_color == RGBA(0, 0, 0, 0)  # reset by the shorthand
    found = style("<!DOCTYPE html><p id=t style='background-color: red; background: red blue'>x")
    assert found.background_color == RGBA(255, 0, 0)  # two colours: invalid, ignored


def test_outline_shorthand(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='color: #123; outline: 2px dashed'>x")
    assert (found.outline_style, found.outline_width) == ("dashed", 2.0)
    assert found.outline_color == RGBA(0x11, 0x22, 0x33)  # currentColor
    found = style("<!DOCTYPE html><p id=t style='outline: thick solid red'>x")
    assert (found.outline_width, found.outline_color) == (5.0, RGBA(255, 0, 0))


def test_text_decoration_shorthand(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='text-decoration: underline dotted red'>x")
    assert found.text_decoration_line == frozenset({"underline"})
    assert found.text_decoration_style == "dotted"
    assert found.text_decoration_color == RGBA(255, 0, 0)
    found = style("<!DOCTYPE html><a id=t href=x style='text-decoration: none'>x</a>")
    assert found.text_decoration_line == frozenset()


def test_decorations_propagate_but_not_into_inline_blocks(page: Callable[..., object]) -> None:
    styled = page(
        "<!DOCTYPE html><p style='text-decoration: underline'><span id=a>x</span>"
        "<span id=b style='display:inline-block'>y</span></p>"
    )
    assert styled.style("a").decorations_in_effect == frozenset({"underline"})  # type: ignore[attr-defined]
    assert styled.style("b").decorations_in_effect == frozenset()  # type: ignore[attr-defined]


def test_transform_and_text_shadow(style: Style) -> None:
    found = style(
        "<!DOCTYPE html><p id=t style='transform: scale(0); text-shadow: 1px 1px 2px #000'>x"
    )
    assert found.transform == "scale(0)"
    assert found.text_shadow == "1px 1px 2px #000"


def test_current_color_in_background(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='color: red; background-color: currentColor'>x")
    assert found.background_color == RGBA(255, 0, 0)


def test_color_current_color_inherits(style: Style) -> None:
    html = "<!DOCTYPE html><div style='color: green'><p id=t style='color: currentColor'>x"
    assert style(html).color == RGBA(0, 128, 0)


def test_unknown_colour_is_none(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='color: color-mix(in srgb, red, blue)'>x")
    assert found.color is None


def test_text_fill_colour_follows_color_unless_set(style: Style) -> None:
    assert style("<!DOCTYPE html><p id=t style='color: red'>x").text_fill_color == RGBA(255, 0, 0)
    html = "<!DOCTYPE html><p id=t style='color: red; -webkit-text-fill-color: transparent'>x"
    assert style(html).text_fill_color == RGBA(0, 0, 0, 0)


def test_prefixed_aliases(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='-webkit-transform: rotate(1deg)'>x")
    assert found.transform == "rotate(1deg)"


def test_line_height_math_functions(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='font-size:10px;line-height:calc(1.5 * 2)'>x")
    assert found.line_height == LineHeight("number", 3.0)
    found = style("<!DOCTYPE html><p id=t style='font-size:10px;line-height:max(1em, 12px)'>x")
    assert found.line_height == LineHeight("px", 12.0)
