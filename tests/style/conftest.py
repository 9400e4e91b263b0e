"""Fixtures for the style engine's tests: parse a page, style it, find elements by id."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from vngpublish.check.page import parse_html
from vngpublish.check.style import Cascade, ComputedStyle, Screen, clear_caches


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    """Each test starts without stylesheets cached by an earlier one."""
    clear_caches()
    yield
    clear_caches()


class Styled:
    """A parsed page with its cascade; `find(id)` gives an element, `style(id)` its style."""

    def __init__(
        self,
        html: str,
        page_path: str | Path | None = None,
        site_root: Path | None = None,
        screen: Screen | None = None,
        **options: Any,
    ) -> None:
        self.root = parse_html(html)
        self.cascade = Cascade(self.root, page_path, site_root, screen, **options)

    def find(self, element_id: str) -> Any:
        found = self.root.find(f".//*[@id='{element_id}']")
        assert found is not None, element_id
        return found

    def style(self, element_id: str = "t", pseudo: str | None = None) -> ComputedStyle:
        return self.cascade.computed(self.find(element_id), pseudo)


@pytest.fixture
def page() -> Callable[..., Styled]:
    """`page(html, page_path=None, site_root=None, screen=None)` -> `Styled`."""
    return Styled


@pytest.fixture
def style() -> Callable[..., ComputedStyle]:
    """`style(html, element_id="t", **options)`: the computed style of one element."""

    def style_of(html: str, element_id: str = "t", **options: Any) -> ComputedStyle:
        return Styled(html, **options).style(element_id)

    return style_of
