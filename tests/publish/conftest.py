"""Shared fixtures for the publishing tests: the example issue, its renderings, tiny issues."""

from __future__ import annotations

from pathlib import Path

import pytest
from publish_helpers import EXAMPLE, ISSUE_YML, ITEM_MD, MakeIssue, write

from vngpublish.content import load_issue
from vngpublish.model import Issue
from vngpublish.render import Rendered, render_issue


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
        write(folder / "issue.yml", issue)
        for file_name, text in (
            items if items is not None else {"01-woonwijk.md": ITEM_MD}
        ).items():
            write(folder / "items" / file_name, text)
        return folder

    return make
