"""Baselines and element fingerprints: accept today's findings, fail only on new ones, survive
unrelated edits, and name the entries that no longer match."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from vngpublish.check import cli
from vngpublish.check.baseline import Baseline, Entry, dump, load
from vngpublish.check.engine import check_page
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.page import Page
from vngpublish.check.registry import rules_by_id

PAGE = """<!DOCTYPE html>
<html lang="nl">
<head><title>Raadsledennieuws</title></head>
<body>
<main>
<h1>Raadsledennieuws</h1>
<section id="financien">
<h2>Financiën</h2>
<p>De VNG heeft de modelverordening aangepast.</p>
<p><a href="/verordening">Lees meer</a></p>
<img src="grafiek.png">
</section>
<section id="agenda">
<h2>Agenda</h2>
<p><a href="/raad-op-zaterdag">Lees meer</a></p>
</section>
</main>
</body>
</html>
"""
OTHER = PAGE.replace("grafiek.png", "kaart.png")
RULES = "image-alt,link-text-generic,heading-order"


class Run:
    """One in-process run of the command line, text format."""

    def __init__(self, *argv: str) -> None:
        out, err = io.StringIO(), io.StringIO()
        self.status = cli.main(["site", "--select", RULES, *argv], stdout=out, stderr=err)
        self.lines = out.getvalue().splitlines()
        self.err = err.getvalue()

    @property
    def findings(self) -> list[str]:
        """The finding lines, without the summary."""
        return self.lines[:-1]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`site/` with two pages, in the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "nieuws.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "site" / "ander.html").write_text(OTHER, encoding="utf-8")
    return tmp_path / "site"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ------------------------------------------------------------------ round trip
def test_round_trip(site: Path) -> None:
    page = site / "nieuws.html"
    before = Run()
    assert before.status == 1 and before.findings

    written = Run("--write-baseline", "baseline.json")
    assert written.status == 0
    assert "baseline.json" in written.err

    # Unrelated edits: lines inserted at the top, a paragraph added in another section.
    edit(page, "<!DOCTYPE html>\n", "<!DOCTYPE html>\n<!-- nieuw -->\n\n\n")
    edit(page, "<h2>Agenda</h2>\n", "<h2>Agenda</h2>\n<p>Alle data voor 2024.</p>\n")
    unchanged = Run("--baseline", "baseline.json")
    assert unchanged.status == 0, unchanged.lines
    assert unchanged.findings == []
    assert unchanged.err == ""

    # A new defect: only it is reported, and it fails the run.
    edit(page, '<img src="grafiek.png">', '<img src="grafiek.png">\n<img src="nieuw.png">')
    new = Run("--baseline", "baseline.json")
    assert new.status == 1
    assert len(new.findings) == 1
    assert "site/nieuws.html:" in new.findings[0] and "image-alt" in new.findings[0]
    assert new.lines[-1].startswith("1 error,")

    # An old defect fixed: its entry is stale, and named so it can be removed.
    edit(page, '<img src="grafiek.png">', '<img src="grafiek.png" alt="Uitgaven per jaar">')
    fixed = Run("--baseline", "baseline.json")
    [stale] = fixed.err.splitlines()
    assert stale.startswith("site/nieuws.html: stale baseline entry image-alt ")
    assert "(#financien > img)" in stale
    assert stale.endswith("remove it from baseline.json")

    # The JSON report lists the stale entry too, for tools that prune the file.
    out, err = io.StringIO(), io.StringIO()
    cli.main(
        ["site", "--select", RULES, "--baseline", "baseline.json", "--format", "json"],
        stdout=out,
        stderr=err,
    )
    [entry] = json.loads(out.getvalue())["baseline"]["stale"]
    assert (entry["rule"], entry["path"], entry["selector"]) == (
        "image-alt",
        "site/nieuws.html",
        "#financien > img",
    )


def test_the_file_is_sorted_readable_json_without_line_numbers(site: Path) -> None:
    Run("--write-baseline", "baseline.json")
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    entries = data["entries"]
    assert entries
    assert [(e["path"], e["rule"], e["fingerprint"]) for e in entries] == sorted(
        (e["path"], e["rule"], e["fingerprint"]) for e in entries
    )
    for entry in entries:
        assert set(entry) == {"rule", "path", "fingerprint", "selector", "message"}
        assert "line" not in entry
    assert {e["path"] for e in entries} == {"site/nieuws.html", "site/ander.html"}
    assert Path("baseline.json").read_text(encoding="utf-8").count("\n") > len(entries)


def test_identical_elements_are_told_apart(site: Path) -> None:
    page = site / "nieuws.html"
    edit(page, '<img src="grafiek.png">', '<img src="grafiek.png">\n<img src="grafiek.png">')
    Run("--write-baseline", "baseline.json")
    images = [
        e
        for e in json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]
        if e["rule"] == "image-alt" and e["path"] == "site/nieuws.html"
    ]
    assert len({e["fingerprint"] for e in images}) == 2
    # A third identical image is new, although it looks the same as the accepted two.
    edit(page, '<img src="grafiek.png">', '<img src="grafiek.png">\n<img src="grafiek.png">')
    assert Run("--baseline", "baseline.json").status == 1


def test_paths_are_relative_to_the_baseline_file_whatever_the_root(site: Path) -> None:
    (site.parent / "ci").mkdir()
    Run("--root", "site", "--write-baseline", "ci/baseline.json")
    paths = {e.path for e in load("ci/baseline.json")}
    assert paths == {"../site/nieuws.html", "../site/ander.html"}
    assert Run("--root", "site", "--baseline", "ci/baseline.json").status == 0
    assert Run("--baseline", "ci/baseline.json").status == 0


def test_the_same_baseline_works_from_any_working_directory(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site)
    out, err = io.StringIO(), io.StringIO()
    argv = ["nieuws.html", "--select", RULES, "--write-baseline", "b.json"]
    assert cli.main(argv, stdout=out, stderr=err) == 0
    assert {e.path for e in load("b.json")} == {"nieuws.html"}

    monkeypatch.chdir(site.parent)
    out, err = io.StringIO(), io.StringIO()
    argv = ["site/nieuws.html", "--select", RULES, "--baseline", "site/b.json"]
    assert cli.main(argv, stdout=out, stderr=err) == 0, out.getvalue()
    assert out.getvalue().startswith("0 errors"), out.getvalue()
    assert err.getvalue() == ""


def test_version_1_baselines_relative_to_the_working_directory_are_still_read(
    site: Path,
) -> None:
    Run("--write-baseline", "baseline.json")
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    # Version 1 wrote paths relative to the working directory, wherever the file was.
    (site.parent / "ci").mkdir()
    old = {**data, "version": 1}
    Path("ci/old.json").write_text(json.dumps(old), encoding="utf-8")
    assert {e["path"] for e in old["entries"]} == {"site/nieuws.html", "site/ander.html"}

    run = Run("--baseline", "ci/old.json")
    assert (run.status, run.findings, run.err) == (0, [], "")
    # Writing it again turns it into a version 2 file, relative to its folder.
    # (ander.html is not checked now: its converted entries are kept.)
    argv = ["site/nieuws.html", "--select", RULES, "--write-baseline", "ci/old.json"]
    assert cli.main(argv, stdout=io.StringIO(), stderr=io.StringIO()) == 0
    rewritten = json.loads(Path("ci/old.json").read_text(encoding="utf-8"))
    assert rewritten["version"] == 2
    assert {e["path"] for e in rewritten["entries"]} == {
        "../site/nieuws.html",
        "../site/ander.html",
    }


def test_writing_keeps_entries_of_pages_not_checked_now(site: Path) -> None:
    Run("--write-baseline", "baseline.json")
    out, err = io.StringIO(), io.StringIO()
    argv = ["site/nieuws.html", "--select", RULES, "--write-baseline", "baseline.json"]
    assert cli.main(argv, stdout=out, stderr=err) == 0
    assert {e.path for e in load("baseline.json")} == {"site/nieuws.html", "site/ander.html"}
    # Checking one page with the baseline: the other page's entries are not stale.
    checked_one = io.StringIO()
    argv = ["site/nieuws.html", "--select", RULES, "--baseline", "baseline.json"]
    assert cli.main(argv, stdout=io.StringIO(), stderr=checked_one) == 0
    assert checked_one.getvalue() == ""


def test_json_output_leaves_accepted_findings_out(site: Path) -> None:
    Run("--write-baseline", "baseline.json")
    edit(site / "ander.html", '<img src="kaart.png">', '<img src="kaart.png"><img src="x.png">')
    out = io.StringIO()
    argv = ["site", "--select", RULES, "--baseline", "baseline.json", "--format", "json"]
    assert cli.main(argv, stdout=out, stderr=io.StringIO()) == 1
    data = json.loads(out.getvalue())
    assert [(f["rule"], f["path"]) for f in data["findings"]] == [("image-alt", "site/ander.html")]
    assert data["summary"]["error"] == 1


# ------------------------------------------------------------------ bad files
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "baseline.json: no such file; create it with --write-baseline baseline.json"),
        ('{"entries": [\n', "baseline.json:2: not valid JSON"),
        ("[]", 'expected an object with a list "entries"'),
        ('{"entries": [{"rule": "image-alt"}]}', "entry 1 needs the texts"),
        ('{"version": 7, "entries": []}', "version 7 is not supported"),
    ],
)
def test_a_bad_baseline_is_a_clear_error_with_status_2(
    site: Path, content: str | None, expected: str
) -> None:
    if content is not None:
        Path("baseline.json").write_text(content, encoding="utf-8")
    run = Run("--baseline", "baseline.json")
    assert run.status == 2
    assert expected in run.err
    assert "Traceback" not in run.err
    assert run.lines == []


def test_an_unwritable_baseline_is_a_usage_error(site: Path) -> None:
    run = Run("--write-baseline", "no/such/folder/baseline.json")
    assert run.status == 2
    assert "cannot write no/such/folder/baseline.json: no folder no/such/folder" in run.err
    assert run.lines == []  # said before checking anything


# ------------------------------------------------------------------ fingerprints
def fingerprints(source: str) -> dict[tuple[str, str], Finding]:
    page = Page(source, "p.html")
    found = check_page(page, rules_by_id(RULES.split(",")))
    return {(f.rule, f.fingerprint): f for f in found}


def test_fingerprints_survive_moved_lines_and_new_paragraphs() -> None:
    before = fingerprints(PAGE)
    after = fingerprints(
        PAGE.replace("<main>\n", "<main>\n<p>Welkom.</p>\n\n").replace("<section", "\n<section")
    )
    assert before.keys() == after.keys()
    assert all(after[key].line > before[key].line for key in before)


def test_fingerprints_change_with_the_element() -> None:
    before = fingerprints(PAGE)
    after = fingerprints(PAGE.replace("grafiek.png", "staaf.png"))
    changed = set(before) ^ set(after)
    assert {rule for rule, _ in changed} == {"image-alt"}


def test_the_same_element_in_another_section_has_another_fingerprint() -> None:
    moved = PAGE.replace('<img src="grafiek.png">\n', "").replace(
        "<h2>Agenda</h2>\n", '<h2>Agenda</h2>\n<img src="grafiek.png">\n'
    )
    [before] = [f for f in fingerprints(PAGE).values() if f.rule == "image-alt"]
    [after] = [f for f in fingerprints(moved).values() if f.rule == "image-alt"]
    assert before.fingerprint != after.fingerprint


def test_every_finding_has_a_fingerprint_including_suppression_problems(site: Path) -> None:
    edit(site / "nieuws.html", "<main>", "<main>\n<!-- vngpublish-disable image-alt -->")
    out = io.StringIO()
    argv = ["site", "--select", "all", "--format", "sarif"]
    cli.main(argv, stdout=out, stderr=io.StringIO())
    results = json.loads(out.getvalue())["runs"][0]["results"]
    assert "suppression-invalid" in {r["ruleId"] for r in results}
    assert all(r["partialFingerprints"]["vngpublishElement/v1"] for r in results)


def test_baseline_matching_and_stale_entries() -> None:
    entries = [Entry("image-alt", "a.html", "f1"), Entry("image-alt", "b.html", "f2")]
    assert dump(reversed(entries)) == dump(entries)
    baseline = Baseline(entries)
    finding = Finding(
        rule="image-alt",
        severity=Severity.ERROR,
        outcome=Outcome.FAILED,
        path="a.html",
        line=1,
        column=1,
        selector="img",
        snippet="<img>",
        message="m",
        fingerprint="f9",
    )
    assert baseline.new_findings("a.html", [finding]) == [finding]
    # b.html was not checked: its entry is not stale; a.html's entry matched nothing.
    assert [e.path for e in baseline.stale()] == ["a.html"]


def test_quiet_writes_the_baseline_without_a_note(site: Path) -> None:
    quiet = Run("--write-baseline", "baseline.json", "--quiet")
    assert quiet.status == 0 and quiet.err == ""
    assert load("baseline.json")  # written all the same


def test_look_alike_elements_keep_their_own_entries_when_one_is_fixed(site: Path) -> None:
    # Two links that differ only in their text: fixing the first must leave the second's entry
    # matching the second, and name the first's entry as the stale one.
    page = site / "nieuws.html"
    edit(
        page,
        '<p><a href="/verordening">Lees meer</a></p>',
        '<p><a href="/verordening">Klik hier</a></p>\n<p><a href="/verordening">Lees meer</a></p>',
    )
    findings = [line for line in Run().findings if line.startswith("site/nieuws.html:")]
    assert len([line for line in findings if "link-text-generic" in line]) == 3
    Run("--write-baseline", "baseline.json")
    edit(page, ">Klik hier<", ">De aangepaste modelverordening<")
    after = Run("--baseline", "baseline.json")
    assert after.status == 0 and after.findings == []
    stale = [line for line in after.err.splitlines() if "stale baseline entry" in line]
    assert len(stale) == 1 and stale[0].startswith("site/nieuws.html:")
    assert "#financien > p:nth-of-type(2) > a" in stale[0], stale
