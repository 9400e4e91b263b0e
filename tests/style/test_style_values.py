"""Lengths and math functions resolved to pixels."""

from __future__ import annotations

import pytest
import tinycss2

from vngpublish.check.style.values import Context, Length, parse_length, resolve

CONTEXT = Context(font_size=20.0, root_font_size=16.0, viewport_width=1280.0, viewport_height=800.0)


def px(text: str, context: Context = CONTEXT) -> float | None:
    length = parse_length(tinycss2.parse_one_component_value(text))
    assert length is not None, text
    return resolve(length, context)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12px", 12.0),
        ("12pt", 16.0),  # 1pt = 4/3 px
        ("1in", 96.0),
        ("2.54cm", 96.0),
        ("25.4mm", 96.0),
        ("1pc", 16.0),
        ("4q", 4 * 96 / 101.6),
        ("1.5em", 30.0),
        ("2rem", 32.0),
        ("1ex", 10.0),  # 0.5em: the fallback CSS Values 4 allows without font metrics
        ("1ch", 10.0),
        ("10vw", 128.0),
        ("10vh", 80.0),
        ("10vmin", 80.0),
        ("10vmax", 128.0),
        ("0", 0.0),
        ("calc(1px + 2em)", 41.0),
        ("calc(2 * 1rem - 4px)", 28.0),
        ("calc((1px + 1px) * 3)", 6.0),
        ("calc(100px / 4)", 25.0),
        ("min(10px, 1em)", 10.0),
        ("max(10px, 1em)", 20.0),
        ("clamp(12px, 5vw, 30px)", 30.0),
        ("calc(1px + min(2px, 3px))", 3.0),
    ],
)
def test_lengths_resolve_to_pixels(text: str, expected: float) -> None:
    assert px(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    ["12", "calc(1px+2px)", "calc(1px + 2)", "calc(1px * 2px)", "12deg", "calc()", "calc(1px +)"],
)
def test_invalid_lengths(text: str) -> None:
    token = tinycss2.parse_one_component_value(text)
    length = parse_length(token)
    assert length is None or resolve(length, CONTEXT) is None


def test_percentages_need_a_base() -> None:
    assert px("50%") is None
    with_base = Context(20.0, 16.0, 1280.0, 800.0, percent_base=40.0)
    assert px("50%", with_base) == 20.0
    assert px("calc(50% + 1px)", with_base) == 21.0


def test_unknown_font_size_makes_em_unknown() -> None:
    unknown = Context(None, 16.0, 1280.0, 800.0)
    assert px("2em", unknown) is None
    assert px("2rem", unknown) == 32.0


def test_negative_lengths_can_be_refused() -> None:
    token = tinycss2.parse_one_component_value("-1px")
    assert parse_length(token) == Length(-1.0, "px")
    assert parse_length(token, negative=False) is None


def test_division_by_zero_is_unknown() -> None:
    assert px("calc(1px / 0)") is None


def test_huge_values_are_unknown_not_infinite() -> None:
    assert px("1e400px") is None
    assert px("calc(1e308px * 10)") is None
