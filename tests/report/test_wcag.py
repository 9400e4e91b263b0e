"""The WCAG success criteria data: complete, bilingual, and clear errors for a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from vngpublish.check.registry import load_rules
from vngpublish.check.wcag import WcagDataError, criteria, criterion, load_criteria, sort_key


def test_every_wcag_22_criterion_with_both_titles_and_its_page() -> None:
    loaded = criteria()
    assert len(loaded) == 87
    for sc in loaded.values():
        assert sc.title("en") and sc.title("nl") and sc.level in ("A", "AA", "AAA")
        assert sc.understanding.startswith("https://www.w3.org/WAI/WCAG22/Understanding/")
    assert criterion("1.1.1") is not None
    assert criterion("1.1.1").title("nl") == "Niet-tekstuele content"  # type: ignore[union-attr]
    assert criterion("1.1.1").en301549 == "9.1.1.1"  # type: ignore[union-attr]
    assert criterion("2.4.11").en301549 is None  # type: ignore[union-attr]
    assert criterion("4.1.1").obsolete  # type: ignore[union-attr]
    assert criterion("9.9.9") is None


def test_every_criterion_a_rule_names_exists() -> None:
    unknown = {
        (rule_id, sc)
        for rule_id, rule in load_rules().items()
        for sc in rule.wcag
        if criterion(sc) is None
    }
    assert unknown == set()


def test_numbers_sort_numerically() -> None:
    assert sorted(["1.4.10", "1.4.3", "4.1.2", "1.1.1"], key=sort_key) == [
        "1.1.1",
        "1.4.3",
        "1.4.10",
        "4.1.2",
    ]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "cannot read the success criteria"),
        ('{"sc": "1.1.1"}', "expected a list"),
        ('["1.1.1"]', "entry 0 is not an object"),
        ('[{"sc": "1.1.1", "level": "A"}]', "entry 0 lacks text for id, title_en"),
    ],
)
def test_a_broken_file_is_an_error_naming_it(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "success-criteria.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(WcagDataError, match=problem) as caught:
        load_criteria(path)
    assert str(path) in str(caught.value)


def test_a_missing_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(WcagDataError, match=r"missing\.json: cannot read"):
        load_criteria(tmp_path / "missing.json")
