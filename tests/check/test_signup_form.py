"""A newsletter page with a sign-up form, as a new user would check it: each defect of the form
and the embedded video is reported with its line and rule, in English and Dutch, and the
repaired page passes."""

from __future__ import annotations

import io
from pathlib import Path

from vngpublish.check import check_html, cli

DATA = Path(__file__).parent.parent / "data"


def test_every_defect_of_the_sign_up_page_is_reported() -> None:
    page = DATA / "aanmelden-gebreken.html"
    findings = check_html(page.read_text("utf-8"), str(page))
    failed = [f for f in findings if f.outcome.value == "failed"]
    # The rest are questions for a person (does the heading describe the form?), no defects.
    assert all(f.outcome.value == "cantTell" for f in findings if f not in failed)
    assert sorted((f.line, f.rule) for f in failed) == [
        (13, "frame-title"),
        (17, "autocomplete-valid"),
        (17, "label"),
        (18, "select-name"),
        (22, "button-name"),
        (26, "input-image-alt"),
    ]


def test_the_findings_read_in_dutch(tmp_path: Path) -> None:
    out = io.StringIO()
    status = cli.main(
        [str(DATA / "aanmelden-gebreken.html"), "--lang", "nl"], stdout=out, stderr=io.StringIO()
    )
    text = out.getvalue()
    assert status == 1
    assert "label Dit formulierveld heeft geen toegankelijke naam" in text
    assert "“emial” is geen autocomplete-waarde; bedoelt u “email”?" in text


def test_the_repaired_page_passes_every_rule() -> None:
    page = DATA / "aanmelden-hersteld.html"
    assert check_html(page.read_text("utf-8"), str(page), select="all") == []
