"""Custom properties and var()."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from vngpublish.check.style import RGBA, ComputedStyle

Style = Callable[..., ComputedStyle]
GREEN = RGBA(0, 128, 0)
BLACK = RGBA(0, 0, 0)


def colour(style: Style, css: str, body: str = "<div><p id=t>x</p></div>") -> RGBA | None:
    return style(f"<!DOCTYPE html><style>{css}</style>{body}").color


@pytest.mark.parametrize(
    "css",
    [
        ":root { --c: green } p { color: var(--c) }",
        "div { --c: green } p { color: var(--c) }",  # inherited
        "p { color: var(--missing, green) }",
        "p { color: var(--missing, var(--also-missing, green)) }",
        ":root { --a: var(--b); --b: green } p { color: var(--a) }",
        ":root { --g: 128 } p { color: rgb(0 var(--g) 0) }",
        ":root { --c: green } p { background: var(--c); color: var(--c) }",
        "p { --C: red; --c: green; color: var(--c) }",  # names are case-sensitive
        ":root { --c:green } p { color: var( --c ) }",
    ],
)
def test_substitution(style: Style, css: str) -> None:
    assert colour(style, css) == GREEN


def test_var_in_a_shorthand(style: Style) -> None:
    html = (
        "<!DOCTYPE html><style>:root { --bg: #123456 } p { background: var(--bg) url(x.png) }"
        "</style><p id=t>x"
    )
    found = style(html)
    assert found.background_color == RGBA(0x12, 0x34, 0x56)
    assert found.has_background_image


def test_invalid_at_computed_value_time_acts_as_unset(style: Style) -> None:
    # The declaration is valid at parse time, so it wins the cascade over `color: red`; its
    # substituted value is not a colour, so the property behaves as unset (inherits).
    css = "div { color: green } p { color: red; color: var(--c) } :root { --c: 12px }"
    assert colour(style, css) == GREEN
    css = "div { background-color: red } p { background-color: var(--nope) }"
    found = style(f"<!DOCTYPE html><style>{css}</style><div><p id=t>x</p></div>")
    assert found.background_color == RGBA(0, 0, 0, 0)


def test_cycles_are_invalid(style: Style) -> None:
    css = ":root { --a: var(--b); --b: var(--a) } p { color: var(--a, green) }"
    assert colour(style, css) == GREEN
    css = ":root { --a: var(--b, red); --b: var(--a, red) } p { color: var(--b, green) }"
    assert colour(style, css) == GREEN  # every property in the cycle is invalid
    css = ":root { --a: var(--a) } p { color: var(--a) }"
    assert colour(style, css) == BLACK


def test_custom_property_keywords(style: Style) -> None:
    css = "div { --c: green } p { --c: initial; color: var(--c, red) }"
    assert colour(style, css) == RGBA(255, 0, 0)
    css = "div { --c: green } p { --c: red; --c: inherit; color: var(--c) }"
    assert colour(style, css) == GREEN


def test_env_uses_its_fallback(style: Style) -> None:
    found = style("<!DOCTYPE html><p id=t style='width: env(safe-area-inset-left, 10px)'>x")
    assert found.width == 10.0


def test_custom_property_tokens(page: Callable[..., Any]) -> None:
    styled = page("<!DOCTYPE html><style>p { --x: 1px  2px; --y: var(--x) 3px }</style><p id=t>x")
    found = styled.style()
    assert (
        " ".join(t.serialize() for t in found.custom("--y") if t.type != "whitespace")
        == "1px 2px 3px"
    )
    assert found.custom("--none") is None


def test_exponential_expansion_is_capped(style: Style) -> None:
    levels = [":root { --l0: x x x x x x x x x x; }"]
    for level in range(1, 30):
        refs = " ".join(f"var(--l{level - 1})" for _ in range(10))
        levels.append(f":root {{ --l{level}: {refs}; }}")
    css = "".join(levels) + " p { color: var(--l29, green); font-size: var(--l3, 10px) }"
    found = style(f"<!DOCTYPE html><style>{css}</style><p id=t>x")
    # --l3 would be some 20,000 tokens and --l29 10^30 times more: both are over the cap, so
    # the guaranteed-invalid value, and var() falls back.
    assert found.color == GREEN
    assert found.font_size_px == 10.0
    assert found.custom("--l2") is not None  # 1,000 tokens: under the cap
