"""The example newsletter renders accessibly, checked the way users check their templates.

Uses the project's own pytest plugin (`assert_accessible`), as its README tells users to: the
web page with the default preset, the e-mail with the `email` preset. Warnings fail too, and
the renderings must leave nothing for a person to review: the newsletter exists to get rid
of bare "Lees meer" links, so the example must not need a reviewer's judgement either.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vngpublish import load_issue, render_issue
from vngpublish.model import Issue
from vngpublish.pytest_plugin import AssertAccessible
from vngpublish.render import Variant

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "raadsledennieuws-2024-03"


@pytest.fixture(scope="module")
def issue() -> Issue:
    return load_issue(EXAMPLE)


@pytest.mark.parametrize(("variant", "preset"), [("web", "wcag-aa"), ("email", "email")])
def test_the_example_renders_accessibly(
    issue: Issue, assert_accessible: AssertAccessible, variant: Variant, preset: str
) -> None:
    rendered = render_issue(issue, variant, check=False)
    assert "<html" in rendered.html
    name = f"{issue.slug}/{variant}.html"
    # Fails on errors and warnings; what it returns can only be findings to review, which
    # the warnings summary lists in full.
    review = assert_accessible(rendered.html, preset=preset, fail_on="warning", name=name)
    assert review == []
