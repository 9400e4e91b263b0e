"""Colour parsing, compositing and WCAG contrast.

Expected sRGB values are computed by the formulas of CSS Color 4 (hsl: section 7.1,
hwb: section 8.1, lab/lch/oklab/oklch: sections 9-10 and the conversion code of section 18)
or taken from the specification's own examples; contrast ratios are those WebAIM's contrast
checker publishes for the same pairs.
"""

from __future__ import annotations

import math

import pytest
import tinycss2

from vngpublish.check.style import RGBA, UNKNOWN_COLOR, composite, contrast_ratio, parse_color
from vngpublish.check.style.color_syntax import hsl_to_rgb
from vngpublish.check.style.colors import (
    CURRENT_COLOR,
    TRANSPARENT,
    WHITE,
    parse_legacy_color,
    relative_luminance,
)


def color(text: str) -> object:
    return parse_color(tinycss2.parse_one_component_value(text))


def close(found: object, expected: tuple[float, ...], tolerance: float = 0.51) -> bool:
    assert isinstance(found, RGBA), found
    return all(abs(a - b) <= tolerance for a, b in zip(found, expected, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#abc", (0xAA, 0xBB, 0xCC, 1.0)),
        ("#ABCD", (0xAA, 0xBB, 0xCC, 0xDD / 255)),
        ("#102030", (16, 32, 48, 1.0)),
        ("#10203040", (16, 32, 48, 64 / 255)),
        ("red", (255, 0, 0, 1.0)),
        ("RebeccaPurple", (102, 51, 153, 1.0)),
        ("transparent", (0, 0, 0, 0.0)),
        ("rgb(10, 20, 30)", (10, 20, 30, 1.0)),
        ("rgba(10, 20, 30, 0.5)", (10, 20, 30, 0.5)),
        ("rgb(10 20 30 / 50%)", (10, 20, 30, 0.5)),
        ("rgb(100%, 0%, 50%)", (255, 0, 128, 1.0)),  # 50% of 255 = 127.5, rounded up
        ("rgb(300 -5 none)", (255, 0, 0, 1.0)),  # clamped; `none` is 0
        ("rgba(1, 2, 3)", (1, 2, 3, 1.0)),  # rgba() is an alias of rgb()
        # hsl(120 100% 25%): a = 1 * min(.25, .75) = .25; green: k = (8 + 4) % 12 = 0,
        # f = .25 - .25 * max(-1, min(-3, 9, 1)) = .5 -> 127.5 -> 128; red and blue 0.
        ("hsl(120 100% 25%)", (0, 128, 0, 1.0)),
        ("hsla(120deg, 100%, 25%, .5)", (0, 128, 0, 0.5)),
        ("hsl(0.5turn 100% 50%)", (0, 255, 255, 1.0)),
        ("hsl(200grad 100% 50%)", (0, 255, 255, 1.0)),
        # hwb(120 0% 50%): the pure hue's green 1, scaled by 1 - 0 - .5 -> 127.5 -> 128.
        ("hwb(120 0% 50%)", (0, 128, 0, 1.0)),
        ("hwb(0 60% 60%)", (128, 128, 128, 1.0)),  # w + b >= 1: gray w / (w + b) = .5
        # CSS Color 4's examples of sRGB red in the other notations:
        ("lch(54.29% 106.84 40.85)", (255, 0, 0, 1.0)),
        ("lab(54.29% 80.82 69.89)", (255, 0, 0, 1.0)),
        ("oklch(62.8% 0.2577 29.23)", (255, 0, 0, 1.0)),
        ("oklab(0.628 0.2249 0.1258)", (255, 0, 0, 1.0)),
        # L = 100 and 1 are white; lab(50% 0 0) is mid grey: Y = ((50 + 16) / 116)^3 = .1842,
        # companded 1.055 * .1842^(1/2.4) - .055 = .4663 -> 118.9.
        ("lab(100 0 0)", (255, 255, 255, 1.0)),
        ("lab(50% 0 0)", (118.9, 118.9, 118.9, 1.0)),
        ("oklab(1 0 0)", (255, 255, 255, 1.0)),
        ("color(srgb 1 0.5 0 / 0.25)", (255, 127.5, 0, 0.25)),
        ("color(srgb-linear 0.2140 0.2140 0.2140)", (127.5, 127.5, 127.5, 1.0)),
        ("color(display-p3 1 1 1)", (255, 255, 255, 1.0)),
        ("color(xyz-d65 0.9505 1 1.089)", (255, 255, 255, 1.0)),
        ("color(xyz-d50 0.9642 1 0.8251)", (255, 255, 255, 1.0)),
        ("Canvas", (255, 255, 255, 1.0)),
        ("CanvasText", (0, 0, 0, 1.0)),
        ("LinkText", (0, 0, 0xEE, 1.0)),
        ("ButtonFace", (0xEF, 0xEF, 0xEF, 1.0)),
        ("GrayText", (128, 128, 128, 1.0)),
        ("light-dark(white, black)", (255, 255, 255, 1.0)),
    ],
)
def test_colour_syntaxes_give_srgb(text: str, expected: tuple[float, ...]) -> None:
    found = color(text)
    assert close(found, expected), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "#ab",
        "#abcde",
        "#ggg",
        "rgb(1, 2)",
        "rgb(10, 20%, 30)",  # the legacy syntax does not mix numbers and percentages
        "rgb(10 20 30 40)",
        "hsl(0, none, 50%)",  # `none` only in the modern syntax
        "hwb(10, 20%, 30%)",  # hwb() has no legacy syntax
        "lab(50, 0, 0)",
        "color(unknown 1 1 1)",
        "nonsense",
        "1px",
    ],
)
def test_invalid_colours_are_none(text: str) -> None:
    assert color(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "color-mix(in srgb, red, blue)",
        "rgb(from red r g b)",
        "rgb(calc(10 + 10) 0 0)",
        "color(rec2020 1 0 0)",
    ],
)
def test_valid_colours_this_engine_does_not_compute_are_unknown(text: str) -> None:
    assert color(text) is UNKNOWN_COLOR


def test_current_color_keyword() -> None:
    assert color("currentColor") is CURRENT_COLOR


def test_hsl_formula_against_a_hand_computed_value() -> None:
    # hsl(30 50% 40%): a = .5 * .4 = .2; r: k = 1, f = .4 - .2 * max(-1, min(-2, 8, 1)) = .6;
    # g: k = 9, f = .4 - .2 * min(6, 0, 1) = .4; b: k = 5, f = .4 - .2 * min(2, 4, 1) = .2.
    assert all(
        math.isclose(a, b) for a, b in zip(hsl_to_rgb(30, 0.5, 0.4), (0.6, 0.4, 0.2), strict=True)
    )


@pytest.mark.parametrize(
    ("foreground", "ratio"),
    [
        ("#777777", 4.48),
        ("#767676", 4.54),
        ("#000000", 21.00),
        ("#595959", 7.00),
        ("#ffffff", 1.00),
    ],
)
def test_contrast_on_white_as_webaim_publishes(foreground: str, ratio: float) -> None:
    found = color(foreground)
    assert isinstance(found, RGBA)
    assert round(contrast_ratio(found, WHITE), 2) == ratio
    assert contrast_ratio(WHITE, found) == contrast_ratio(found, WHITE)


def test_contrast_is_not_rounded_before_thresholds() -> None:
    # #777 on white is 4.478..., below 4.5 though it would round to 4.5 with one decimal.
    found = color("#777")
    assert isinstance(found, RGBA)
    assert 4.47 < contrast_ratio(found, WHITE) < 4.5


def test_relative_luminance_uses_the_wcag_22_threshold() -> None:
    # A channel of 10/255 = 0.0392 lies below both thresholds (0.03928 and 0.04045); 11/255 =
    # 0.0431 above both: the two definitions agree on every 8-bit value.
    assert math.isclose(relative_luminance(RGBA(10, 10, 10)), (10 / 255) / 12.92)
    assert math.isclose(relative_luminance(RGBA(11, 11, 11)), ((11 / 255 + 0.055) / 1.055) ** 2.4)
    assert relative_luminance(WHITE) == pytest.approx(1.0)


def test_composite_half_black_over_white_is_mid_grey() -> None:
    found = composite(RGBA(0, 0, 0, 0.5), WHITE)
    assert found == RGBA(127.5, 127.5, 127.5, 1.0)


def test_composite_layers_alpha() -> None:
    # Two 50% layers: alpha = .5 + .5 * (1 - .5) = .75; red over blue: red .5 / .75 = 2/3.
    found = composite(RGBA(255, 0, 0, 0.5), RGBA(0, 0, 255, 0.5))
    assert found.a == pytest.approx(0.75)
    assert found.r == pytest.approx(170)
    assert found.b == pytest.approx(85)


def test_composite_edge_cases() -> None:
    assert composite(TRANSPARENT, WHITE) == WHITE
    assert composite(WHITE, TRANSPARENT) == WHITE
    assert composite(TRANSPARENT, TRANSPARENT) == TRANSPARENT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("chucknorris", (0xC0, 0x00, 0x00)),  # the HTML standard's famous example
        ("ffffff", (255, 255, 255)),
        ("#fff", (255, 255, 255)),
        ("  Red ", (255, 0, 0)),
        # "1234567890" padded to "123456789000", split in three of 4, cut to 2 digits each.
        ("#1234567890", (0x12, 0x56, 0x90)),
        ("f", (0x0F, 0, 0)),
    ],
)
def test_legacy_attribute_colours(value: str, expected: tuple[int, int, int]) -> None:
    assert parse_legacy_color(value) == RGBA(*map(float, expected))


def test_legacy_transparent_is_no_colour() -> None:
    assert parse_legacy_color("transparent") is None
    assert parse_legacy_color("") is None


def test_hex_property() -> None:
    assert RGBA(255, 0, 16).hex == "#ff0010"
    assert RGBA(255, 0, 16, 0.5).hex == "#ff001080"
