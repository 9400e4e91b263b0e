"""Media queries evaluated for the configured screen."""

from __future__ import annotations

import pytest

from vngpublish.check.style import Screen
from vngpublish.check.style.media import matches

DEFAULT = Screen()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", True),
        ("all", True),
        ("screen", True),
        ("SCREEN", True),
        ("print", False),
        ("speech", False),
        ("tv", False),
        ("unknown-type", False),
        ("not print", True),
        ("not screen", False),
        ("only screen", True),
        ("screen, print", True),
        ("print, speech", False),
        ("screen and (min-width: 1024px)", True),
        ("screen and (max-width: 600px)", False),
        ("(min-width: 1280px)", True),
        ("(min-width: 1281px)", False),
        ("(max-width: 80em)", True),  # em in media queries is the initial 16px
        ("(width >= 1000px)", True),
        ("(width < 1280px)", False),
        ("(1300px < width)", False),
        ("(600px <= width <= 1300px)", True),
        ("(1300px >= width > 600px)", True),
        ("(min-height: 800px)", True),
        ("(orientation: landscape)", True),
        ("(orientation: portrait)", False),
        ("(prefers-color-scheme: light)", True),
        ("(prefers-color-scheme: dark)", False),
        ("(prefers-reduced-motion: reduce)", False),
        ("(prefers-reduced-motion: no-preference)", True),
        ("(prefers-reduced-motion)", False),
        ("(forced-colors: active)", False),
        ("(hover: hover) and (pointer: fine)", True),
        ("(min-resolution: 2dppx)", False),
        ("(-webkit-min-device-pixel-ratio: 1)", True),
        ("(min-aspect-ratio: 4/3)", True),
        ("(color)", True),
        ("(monochrome)", False),
        ("(unknown-feature: 1)", False),
        ("not (unknown-feature: 1)", False),  # not unknown is unknown
        ("(unknown-feature: 1) or (min-width: 1px)", True),
        ("not all and (monochrome)", True),
        ("screen and (-ms-high-contrast: active)", False),
        ("((min-width: 1px) and (max-width: 2000px))", True),
        ("(min-width: 1px) and (max-width: 2px) or (color)", False),  # and/or mixed: invalid
        ("garbage(", False),
        ("screen and", False),
        (", screen", True),  # the empty query is "not all"; the other still matches
    ],
)
def test_default_screen(query: str, expected: bool) -> None:
    assert matches(query, DEFAULT) is expected


def test_a_configured_screen() -> None:
    phone = Screen(width=375, height=667, prefers_color_scheme="dark")
    assert matches("(max-width: 600px)", phone)
    assert matches("(orientation: portrait)", phone)
    assert matches("(prefers-color-scheme: dark)", phone)
    assert not matches("(min-width: 1024px)", phone)


def test_print_media() -> None:
    paper = Screen(media_type="print")
    assert matches("print", paper)
    assert not matches("screen", paper)
    assert matches("all", paper)
