"""The Python API `check_html` chooses rules as the command line does and takes what a
Python caller naturally has at hand: a comma-separated string of ids, or a file's bytes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from vngpublish.check import check_html, cli
from vngpublish.check.presets import DEFAULT_PRESET, preset_rule_ids
from vngpublish.check.registry import load_rules
from vngpublish.check.source import SourceError

# A link with generic text (AA, error), a missing h1 (best practice), an image without alt,
# and a page that reloads itself after an hour (allowed at AA, not at AAA).
PAGE = (
    '<!DOCTYPE html>\n<html lang="nl">\n<head><title>Nieuws</title>'
    '<meta http-equiv="refresh" content="3600"></head>\n<body>\n'
    '<p>Raad</p>\n<div><a href="/a">Lees meer</a></div>\n<img src="a.png">\n</body>\n</html>\n'
)


def test_the_default_is_the_default_preset_like_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("page.html").write_text(PAGE, encoding="utf-8")
    out = io.StringIO()
    cli.main(["page.html", "--format", "json"], stdout=out, stderr=io.StringIO())
    from_cli = [(f["rule"], f["line"]) for f in json.loads(out.getvalue())["findings"]]
    from_api = [(f.rule, f.line) for f in check_html(PAGE, "page.html")]
    assert from_api == from_cli
    assert from_api  # the page has findings to compare


def test_the_default_runs_no_rule_outside_the_default_preset() -> None:
    outside = set(load_rules()) - preset_rule_ids(DEFAULT_PRESET, load_rules())
    every = {f.rule for f in check_html(PAGE, select=["all"])}
    assert every & outside, "no AAA rule reports on PAGE: this test would show nothing"
    default = {f.rule for f in check_html(PAGE)}
    assert default == every - outside


def test_select_and_ignore_as_one_comma_separated_string() -> None:
    both = check_html(PAGE, select="link-text-generic, image-alt")
    assert {f.rule for f in both} == {"link-text-generic", "image-alt"}
    assert [f.rule for f in check_html(PAGE, select="link-text-generic")] == ["link-text-generic"]
    left = check_html(PAGE, select="link-text-generic,image-alt", ignore="image-alt")
    assert {f.rule for f in left} == {"link-text-generic"}


def test_an_unknown_id_in_a_string_is_named_whole() -> None:
    with pytest.raises(KeyError, match="link-nam"):
        check_html(PAGE, select="link-nam")


@pytest.mark.parametrize("select", ["", ",", []])
def test_a_selection_without_rules_is_an_error(select: str | list[str]) -> None:
    with pytest.raises(ValueError, match="select names no rules"):
        check_html(PAGE, select=select)


def test_bytes_are_decoded_like_a_file() -> None:
    latin = PAGE.replace("<head>", '<head><meta charset="windows-1252">').replace("Raad", "Café")
    findings = check_html(latin.encode("cp1252"), "page.html", select="all")
    assert findings == check_html(latin, "page.html", select="all")
    with pytest.raises(SourceError, match=r"page\.html: cannot be decoded"):
        check_html(b"<p>\xff</p>", "page.html")


def test_findings_survive_pickling_as_between_worker_processes() -> None:
    import pickle

    findings = check_html(
        '<html><body><h2></h2><a href="/a">Lees meer</a><img src="x.png"></body></html>'
    )
    assert len(findings) >= 3
    for finding in findings:
        copy = pickle.loads(pickle.dumps(finding))
        assert copy == finding
        assert copy.severity is finding.severity and copy.outcome is finding.outcome
