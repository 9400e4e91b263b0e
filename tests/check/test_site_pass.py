"""The site pass: blocks that repeat across the pages of a site must be skippable (WCAG 2.4.1).

A header and menu built from plain `div`s say nothing about themselves; only comparing the
pages shows that they repeat, and so that a skip link (or a main landmark, or a heading) is
needed to get past them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from vngpublish.check import check_html, cli
from vngpublish.check.registry import load_rules, rule_classes
from vngpublish.check.runner import RunOptions, run

BYPASS_RULES = "bypass,skip-link,non-repeated-content-heading,non-repeated-content-landmark"
PAGES = {
    "index.html": ("Nieuws", "Het laatste nieuws van de gemeenteraad staat hier."),
    "agenda.html": ("Agenda", "De raad vergadert op dinsdag 12 maart over de begroting."),
    "contact.html": ("Contact", "U bereikt de griffie op werkdagen van 9 tot 17 uur."),
}


def page(title: str, text: str, skip_link: bool = False, comment: str = "") -> str:
    """A page of the site: the same header and menu (plain divs), then its own text."""
    skip = '<a href="#inhoud">Naar de inhoud</a>\n' if skip_link else ""
    return f"""<!DOCTYPE html>
<html lang="nl">
<head><title>{title} – Gemeente Utrecht</title></head>
<body>
{skip}<div class="kop"><a href="index.html"><img src="logo.png" alt="Gemeente Utrecht"></a></div>
{comment}<div class="menu"><a href="index.html">Nieuws</a> <a href="agenda.html">Agenda</a>
<a href="contact.html">Contact</a></div>
<div id="inhoud"><p><b>{title}</b></p><p>{text}</p></div>
</body>
</html>
"""


def write_site(folder: Path, **options: Any) -> Path:
    folder.mkdir()
    for name, (title, text) in PAGES.items():
        (folder / name).write_text(page(title, text, **options), encoding="utf-8")
    return folder


def check(*arguments: str) -> tuple[int, dict[str, Any]]:
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([*arguments, "--format", "json", "--no-progress"], out, err)
    return status, json.loads(out.getvalue())


def by_page(report: dict[str, Any], rule: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        if finding["rule"] == rule:
            found.setdefault(Path(finding["path"]).name, []).append(finding)
    return found


def test_the_same_header_and_menu_on_every_page_need_a_way_past_them(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    status, report = check(str(site), "--select", BYPASS_RULES)
    assert status == 1
    bypass = by_page(report, "bypass")
    assert sorted(bypass) == sorted(PAGES)
    for findings in bypass.values():
        assert [(f["outcome"], f["selector"], f["line"]) for f in findings] == [
            ("failed", "body > div:nth-of-type(1)", 5)
        ]
    assert sorted(by_page(report, "skip-link")) == sorted(PAGES)


def test_site_findings_have_stable_fingerprints(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    options = RunOptions(rules=rule_classes(["bypass"]), known=frozenset(load_rules()))
    paths = sorted(str(path) for path in site.iterdir())
    first = [f.fingerprint for result in run(paths, options) for f in result.findings]
    # Another line before the header moves it, but does not change what it is.
    for path in site.iterdir():
        path.write_text(path.read_text().replace("<body>", "<body>\n"), encoding="utf-8")
    again = [f.fingerprint for result in run(paths, options) for f in result.findings]
    assert len(first) == len(PAGES) and all(first) and again == first


def test_a_page_checked_alone_does_not_know_its_divs_repeat(tmp_path: Path) -> None:
    # Without landmarks, one page alone shows no repeated block: the per-page definition.
    html = page(*PAGES["agenda.html"])
    assert check_html(html, "agenda.html", select=BYPASS_RULES.split(",")) == []


def test_a_skip_link_on_every_page_passes(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", skip_link=True)
    status, report = check(str(site), "--select", BYPASS_RULES)
    assert by_page(report, "bypass") == {} and by_page(report, "skip-link") == {}
    # The own content has no heading and no landmark: best practices, not a failure of 2.4.1.
    assert sorted(by_page(report, "non-repeated-content-heading")) == sorted(PAGES)
    assert status == 0  # warnings only


def test_two_processes_give_the_same_output_as_one(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    (site / "leeg.html").write_text("", encoding="utf-8")  # an error keeps its place
    runs = [check(str(site), "--select", "all", "--jobs", jobs) for jobs in ("1", "2")]
    assert runs[0] == runs[1]
    assert runs[0][1]["errors"] and by_page(runs[0][1], "bypass")


def test_pages_that_do_not_link_to_each_other_are_not_compared(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for name, (title, text) in PAGES.items():
        alone = page(title, text).replace('href="', 'href="https://example.org/')
        (site / name).write_text(alone, encoding="utf-8")
    _, report = check(str(site), "--select", BYPASS_RULES)
    assert report["findings"] == []


def test_a_suppression_comment_covers_a_site_finding(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site")
    suppressed = page(
        *PAGES["agenda.html"],
        comment="<!-- vngpublish-disable bypass -- het menu wordt vervangen -->\n",
    )
    (site / "agenda.html").write_text(suppressed, encoding="utf-8")
    _, report = check(str(site), "--select", BYPASS_RULES)
    assert sorted(by_page(report, "bypass")) == ["contact.html", "index.html"]


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_streaming_formats_show_the_site_findings(tmp_path: Path, fmt: str) -> None:
    site = write_site(tmp_path / "site")
    out, err = io.StringIO(), io.StringIO()
    status = cli.main([str(site), "--select", "bypass", "--format", fmt], out, err)
    assert status == 1
    assert out.getvalue().count("bypass") >= len(PAGES)


def test_the_same_heading_on_several_pages_still_starts_their_own_content(
    tmp_path: Path,
) -> None:
    # Two pages of a news list: same menu, same heading "Nieuws", different items.
    site = tmp_path / "site"
    site.mkdir()
    for name, other, item in (
        ("nieuws.html", "nieuws-2.html", "Raad op Zaterdag"),
        ("nieuws-2.html", "nieuws.html", "Ledenbrief Spreidingswet"),
    ):
        html = page("Nieuws", "").replace(
            '<div id="inhoud"><p><b>Nieuws</b></p><p></p></div>',
            f'<div id="inhoud"><h1>Nieuws</h1><ul><li><a href="{other}">{item}</a></li></ul></div>',
        )
        (site / name).write_text(html, encoding="utf-8")
    _, report = check(str(site), "--select", "bypass,non-repeated-content-heading")
    assert report["findings"] == []
