"""Hostile input: nothing hangs or crashes. Bounds are on work done where it can be
counted (the matcher's steps) and otherwise generous wall-clock limits, far above what a
slow machine needs."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from vngpublish.check.style import RGBA
from vngpublish.check.style.sheets import read_sheet

Page = Callable[..., Any]
GREEN = RGBA(0, 128, 0)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    start = time.perf_counter()
    yield
    took = time.perf_counter() - start
    assert took < seconds, f"took {took:.1f}s"


def test_import_fan_out_is_bounded(page: Page, tmp_path: Path) -> None:
    # Each level imports the next twice: 2^30 imports without a limit.
    for level in range(30):
        (tmp_path / f"l{level}.css").write_text(
            f"@import 'l{level + 1}.css'; @import 'l{level + 1}.css'; .x{level} {{ color: green }}"
        )
    html = "<!DOCTYPE html><link rel=stylesheet href=l0.css><p id=t class=x0>x"
    with within(10):
        styled = page(html, page_path=tmp_path / "index.html")
        assert styled.style().color == GREEN
    kinds = {p.kind for p in styled.cascade.problems}
    assert "too-many-sheets" in kinds
    assert len(styled.cascade.sheets) <= 257


def test_a_hundred_thousand_rules(page: Page) -> None:
    css = "".join(f".c{i} {{ color: red }}\n" for i in range(100_000)) + ".c7 { color: green }"
    html = f"<!DOCTYPE html><style>{css}</style><p id=t class=c7>x</p><p id=u class=c99999>y"
    with within(30):
        styled = page(html)
        assert styled.style("t").color == GREEN
        assert styled.style("u").color == RGBA(255, 0, 0)
    # Only the rules in the element's buckets were tested or parsed.
    assert styled.cascade.elements_matched < 10


def test_a_five_megabyte_stylesheet(page: Page) -> None:
    rule = (
        ".card-{n} .title:hover, .card-{n} > a.link:not(.x) {{ color: #333; background: "
        "url(data:image/png;base64,iVBORw0KGgo=) no-repeat; font: 12px/1.5 Arial; }}\n"
    )
    css = "".join(rule.format(n=i) for i in range(40_000))
    assert len(css) > 5_000_000
    html = f"<!DOCTYPE html><style>{css}</style><div class=card-5><a id=t class=link>x</a></div>"
    with within(60):
        styled = page(html)
        assert styled.style().color == RGBA(0x33, 0x33, 0x33)


@pytest.mark.parametrize(
    "css",
    [
        "p { color: green",  # unclosed block: ends at the end of the sheet
        "p { color: green; background: url(x",
        "p { color: green } q { color: 'unterminated",
        'p { color: green } q::before { content: "\\',
        "p { color: green } /* unterminated comment",
        "p { color: green } }}}} ;;;; {{{",
        "@media screen { p { color: green }",
        "@foo bar baz { p { color: red } } @foo; p { color: green }",
        "@media screen { @unknown { p { color: red } } p { color: green } }",
        "<!-- p { color: green } -->",
        "\x00\x01\x02 { } p { color: green }",
        "p { color: green; ;;; : ; color }",
        "p { color: green } @import 'x.css';",
        "p { color: green; --x: { ] ) ; }",
    ],
)
def test_invalid_and_truncated_css(page: Page, css: str) -> None:
    styled = page(f"<!DOCTYPE html><style>{css}</style><p id=t>x")
    assert styled.style().color == GREEN


def test_truncated_sheet_is_a_problem(page: Page) -> None:
    styled = page("<!DOCTYPE html><style>p { color: green</style><p id=t>x")
    assert styled.style().color == GREEN
    assert [p.kind for p in styled.cascade.problems] == ["syntax"]


@pytest.mark.parametrize(
    "declaration",
    [
        "font-size: 1e400px",
        "font-size: " + "9" * 5000 + "px",
        "font-size: calc(1e308px * 1e308)",
        "width: " + "9" * 5000 + "px",
        "opacity: " + "9" * 5000,
        "letter-spacing: -1e400px",
        "line-height: 1e999",
        "font-weight: 1e999",
    ],
)
def test_huge_numbers(page: Page, declaration: str) -> None:
    styled = page(f"<!DOCTYPE html><p id=t style='{declaration}'>x")
    found = styled.style()
    for value in (found.font_size_px, found.width, found.letter_spacing):
        assert value is None or isinstance(value, str) or math.isfinite(value)
    assert 0 <= found.opacity <= 1
    assert found.line_height is None or math.isfinite(found.line_height.value)
    assert found.font_weight <= 1000


def test_deeply_nested_blocks(page: Page) -> None:
    css = "p { color: green } " + "{" * 100_000 + "}" * 100_000 + " q { }"
    with within(20):
        styled = page(f"<!DOCTYPE html><style>{css}</style><p id=t>x")
        assert styled.style().color == GREEN


def test_deeply_nested_media(page: Page) -> None:
    css = "@media all {" * 1000 + "p { color: red }" + "}" * 1000 + " p { color: green }"
    styled = page(f"<!DOCTYPE html><style>{css}</style><p id=t>x")
    assert styled.style().color == GREEN
    assert "syntax" in {p.kind for p in styled.cascade.problems}


def test_deeply_nested_selector(page: Page) -> None:
    selector = ":is(" * 2000 + "p" + ")" * 2000
    styled = page(
        f"<!DOCTYPE html><style>{selector} {{ color: red }} p {{ color: green }}</style><p id=t>x"
    )
    assert styled.style().color in (GREEN, RGBA(255, 0, 0))


def test_deeply_nested_values(page: Page) -> None:
    value = "calc(" * 5000 + "1px" + ")" * 5000
    nested = "(" * 50_000 + ")" * 50_000
    html = (
        f"<!DOCTYPE html><style>p {{ color: green; width: {value}; --x: {nested}; "
        f"background: var(--x) }}</style><p id=t>x"
    )
    styled = page(html)
    assert styled.style().color == GREEN
    assert styled.style().width == "auto"


def test_deep_tree_with_descendant_selectors(page: Page) -> None:
    depth = 240  # libxml2's default limit is 256 levels
    html = (
        "<!DOCTYPE html><style>" + "div " * 20 + "p { color: green } div p b { color: red }</style>"
    )
    html += "<div>" * depth + "<p id=t><b id=b>x</b></p>" + "</div>" * depth
    styled = page(html)
    with within(10):
        assert styled.style().color == GREEN
        assert styled.style("b").color == RGBA(255, 0, 0)
    assert styled.cascade._matcher.steps < 50_000


def test_backtracking_is_bounded(page: Page) -> None:
    # `a > b c > d ...` on a deep uniform tree: exponential without a budget.
    depth = 200
    selector = " ".join(["div > div"] * 25) + " > p"
    html = f"<!DOCTYPE html><style>{selector} {{ color: green }}</style>"
    html += "<div>" * depth + "<p id=t>x</p>" + "</div>" * depth
    styled = page(html)
    with within(10):
        styled.style()
    assert styled.cascade._matcher.steps < 1_000_000


def test_many_siblings_with_sibling_selectors(page: Page) -> None:
    count = 3000
    html = (
        "<!DOCTYPE html><style>li ~ li { color: green } li:nth-child(2n) + li { color: blue }"
        "li:nth-last-child(1) { color: red }</style><ul>"
        + "".join(f"<li id=l{i}>{i}</li>" for i in range(count))
        + "</ul>"
    )
    styled = page(html)
    with within(30):
        colours = [styled.style(f"l{i}").color for i in range(0, count, 100)]
    assert colours[1] == RGBA(0, 0, 255)  # l100: preceded by l99, whose position 100 is even
    assert colours[0] == RGBA(0, 0, 0)


def test_a_huge_selector_list(page: Page) -> None:
    selectors = ", ".join(f".s{i} p" for i in range(20_000))
    html = (
        f"<!DOCTYPE html><style>{selectors} {{ color: green }}</style><div class=s19999><p id=t>x"
    )
    with within(30):
        assert page(html).style().color == GREEN


def test_long_strings_and_comments(page: Page) -> None:
    css = "p { color: green; content: '" + "x" * 2_000_000 + "' } /*" + "y" * 2_000_000
    with within(20):
        assert page(f"<!DOCTYPE html><style>{css}</style><p id=t>x").style().color == GREEN


def test_unknown_at_rules_and_pseudo_classes(page: Page) -> None:
    css = (
        "@-moz-document url-prefix() { p { color: red } }"
        "@page :first { margin: 0 } @font-feature-values Font { @swash { x: 1 } }"
        "p:unknown-thing { color: red } p:state(x) { color: red } p { color: green }"
    )
    assert page(f"<!DOCTYPE html><style>{css}</style><p id=t>x").style().color == GREEN


def test_sheet_structure_of_garbage_is_stable() -> None:
    import random

    generator = random.Random(7)
    alphabet = "{}();:@'\"\\/*!#.,<>- abc12%\n"
    for _ in range(200):
        text = "".join(generator.choice(alphabet) for _ in range(300))
        read_sheet(text)  # must not raise
