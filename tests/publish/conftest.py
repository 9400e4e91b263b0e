"""Shared fixtures for the publishing tests: the example issue, its renderings, tiny issues."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vngpublish.content import load_issue
from vngpublish.model import Issue
from vngpublish.render import Rendered, render_issue

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "raadsledennieuws-2024-03"

ISSUE_YML = """\
title: Testnieuws
date: 2024-04-01
publisher: Gemeente Voorbeeld
themes:
  - Wonen
  - Zorg
footer:
  note: Verzonden door de gemeente.
  links:
    - text: voorbeeld.nl
      url: https://voorbeeld.nl/
"""

ITEM_MD = """\
---
title: Nieuwe woonwijk
themes: [Wonen]
url: https://voorbeeld.nl/woonwijk
---
De gemeente bouwt een nieuwe woonwijk.
"""

MakeIssue = Callable[..., Path]


@pytest.fixture(scope="session")
def example() -> Issue:
    return load_issue(EXAMPLE)


@pytest.fixture(scope="session")
def renderings(example: Issue) -> dict[str, Rendered]:
    """The example in every variant, unchecked (the checker is tested on its own)."""
    return {
        "web": render_issue(example, "web", check=False),
        "email": render_issue(example, "email", check=False),
        "text": render_issue(example, "text", check=False),
    }


@pytest.fixture
def make_issue(tmp_path: Path) -> MakeIssue:
    """Write an issue folder in tmp_path: `issue` is issue.yml, `items` maps file name to text.

    Texts may be bytes, to write files that are not UTF-8.
    """

    def make(
        issue: str | bytes = ISSUE_YML,
        items: dict[str, str | bytes] | None = None,
        name: str = "testnieuws-2024-04",
    ) -> Path:
        folder = tmp_path / name
        (folder / "items").mkdir(parents=True)
        _write(folder / "issue.yml", issue)
        for file_name, text in (
            items if items is not None else {"01-woonwijk.md": ITEM_MD}
        ).items():
            _write(folder / "items" / file_name, text)
        return folder

    return make


def _write(path: Path, text: str | bytes) -> None:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
