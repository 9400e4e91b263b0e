"""A newsletter page as a new user tries it: each defect of page structure gets a finding with
file, line and rule id (and, to review, the question a person must answer), in Dutch and
English; the repaired page gets no failure, only the questions about its video that no
checker can answer (examples/new-user/)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from vngpublish.check import cli

FOLDER = Path(__file__).resolve().parents[2] / "examples" / "new-user"
BROKEN = FOLDER / "nieuwsbrief.html"
REPAIRED = FOLDER / "nieuwsbrief-hersteld.html"


def line_of(needle: str) -> int:
    for number, text in enumerate(BROKEN.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in text:
            return number
    raise ValueError(needle)


def check(path: Path, *options: str) -> tuple[int, dict[str, Any]]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([str(path), "--format", "json", *options], out, err)
    return status, json.loads(out.getvalue())


def test_each_structure_defect_gets_a_finding_with_its_place() -> None:
    _, report = check(BROKEN)
    got = {(f["rule"], f["outcome"], f["line"]) for f in report["findings"]}
    assert {
        ("landmark-one-main", "failed", line_of("<html")),  # no <main>
        ("non-repeated-content-landmark", "failed", line_of("<h1>")),
        ("skip-link", "failed", line_of("<nav>")),  # no link past the menu
        ("region", "failed", line_of('<div class="kop">')),
        ("region", "failed", line_of('<div class="inhoud">')),
        ("visual-reference", "cantTell", line_of("rode knop")),
        ("marquee", "failed", line_of("<marquee>")),
        ("no-autoplay-audio", "cantTell", line_of("<video")),
        ("video-caption", "cantTell", line_of("<video")),  # no caption track
        ("image-alt-descriptive", "failed", line_of("IMG_2034")),  # alt is the file name
        ("language-of-parts", "cantTell", line_of("The council")),  # English, no lang
    } <= got
    assert all(f["path"] == str(BROKEN) for f in report["findings"])


@pytest.mark.parametrize(
    ("lang", "question"),
    [
        ("en", "This text refers to something by how it looks or where it is (“rode knop”)"),
        ("nl", "Deze tekst verwijst naar iets door hoe het eruitziet of waar het staat"),
    ],
)
def test_what_needs_a_person_says_what_to_check_in_both_languages(lang: str, question: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    cli.main([str(BROKEN), "--lang", lang], out, err)
    review = [line for line in out.getvalue().splitlines() if " visual-reference " in line]
    assert len(review) == 1
    assert review[0].startswith(f"{BROKEN}:{line_of('rode knop')}:")
    assert question in review[0]


def test_the_repaired_page_gets_no_failure_with_every_rule() -> None:
    status, report = check(REPAIRED, "--select", "all")
    assert (status, report["errors"]) == (0, [])
    # What remains is what only a person can judge: whether the captions, description and
    # transcript of the video are complete.
    questions = {(f["rule"], f["outcome"]) for f in report["findings"]}
    assert questions == {
        ("video-caption", "cantTell"),
        ("video-description", "cantTell"),
        ("video-transcript", "cantTell"),
    }
