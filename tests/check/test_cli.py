"""The command line, as CI jobs and act-score use it (contract in DESIGN.md, "Contracts").

Most tests call `cli.main(argv)` in-process; a few run `python -m vngpublish.check` for real.
They select `page-has-heading-one` (a warning) where they need a finding, so they do not
depend on which other rules exist.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from vngpublish.check import cli, runner
from vngpublish.check.arguments import ARGPARSE_MESSAGES
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.rule import Rule
from vngpublish.resources import checks_dir
from vngpublish.version import __version__

NO_H1 = (
    '<!DOCTYPE html>\n<html lang="nl">\n<head><title>Nieuws</title></head>\n'
    "<body>\n<p>Raad</p>\n</body>\n</html>\n"
)
WITH_H1 = NO_H1.replace("<p>Raad</p>", "<h1>Nieuws</h1>")
H1 = "page-has-heading-one"
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>error|warning|review) (?P<rule>[a-z0-9-]+) (?P<msg>.+)$"
)


class Run:
    """The result of one in-process run."""

    def __init__(self, argv: list[str]) -> None:
        out, err = io.StringIO(), io.StringIO()
        self.status = cli.main(argv, stdout=out, stderr=err)
        self.out = out.getvalue()
        self.err = err.getvalue()

    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small site in the current folder: `site/` with one page lacking an h1 and one with."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "site" / "nieuws").mkdir(parents=True)
    (tmp_path / "site" / "index.html").write_text(WITH_H1, encoding="utf-8")
    (tmp_path / "site" / "nieuws" / "maart.html").write_text(NO_H1, encoding="utf-8")
    return tmp_path / "site"


# ------------------------------------------------------------------ text
def test_text_output_one_finding_a_line_then_summary(site: Path) -> None:
    run = Run(["site", "--select", H1])
    assert run.status == 0  # a warning, and --fail-on defaults to error
    first = LINE.match(run.lines[0])
    assert first, run.lines[0]
    assert first.group("path", "line", "col", "sev", "rule") == (
        "site/nieuws/maart.html",
        "4",
        "1",
        "warning",
        H1,
    )
    assert first.group("msg") == "The page has no level-one heading (h1)."
    assert run.lines[1:] == ["0 errors, 1 warning, 0 to review; 2 files checked."]
    assert run.err == ""


def test_text_output_in_dutch(site: Path) -> None:
    run = Run(["site", "--select", H1, "--lang", "nl"])
    assert run.lines == [
        "site/nieuws/maart.html:4:1: warning page-has-heading-one "
        "De pagina heeft geen kop van niveau 1 (h1).",
        "0 fouten, 1 waarschuwing, 0 te beoordelen; 2 bestanden gecontroleerd.",
    ]


def test_paths_are_shown_as_given(site: Path) -> None:
    run = Run([str(site / "nieuws" / "maart.html"), "--select", H1, "--format", "json"])
    assert run.json()["findings"][0]["path"] == str(site / "nieuws" / "maart.html")
    run = Run(["./site/nieuws/", "--select", H1, "--format", "json"])
    assert run.json()["findings"][0]["path"] == "./site/nieuws/maart.html"


# ------------------------------------------------------------------ json
def test_json_document_shape(site: Path) -> None:
    run = Run(["site", "--select", H1, "--format", "json"])
    document = run.json()
    assert document["tool"] == {"name": "vngpublish", "version": __version__}
    assert document["files"] == 2
    assert document["errors"] == []
    (finding,) = document["findings"]
    assert finding == {
        "rule": H1,
        "severity": "warning",
        "outcome": "failed",
        "path": "site/nieuws/maart.html",
        "line": 4,
        "column": 1,
        "selector": "body",
        "snippet": "<body>",
        "message": "The page has no level-one heading (h1).",
        "message_id": "missing",
        "wcag": [],
        "act": [],
    }


def test_json_messages_follow_lang(site: Path) -> None:
    run = Run(["site", "--select", H1, "--format", "json", "--lang", "nl"])
    assert run.json()["findings"][0]["message"] == "De pagina heeft geen kop van niveau 1 (h1)."


def test_output_file(site: Path) -> None:
    run = Run(["site", "--select", H1, "--format", "json", "--output", "report.json"])
    assert run.out == ""
    assert json.loads(Path("report.json").read_text(encoding="utf-8"))["files"] == 2


def test_output_to_a_folder_is_a_usage_error(site: Path) -> None:
    run = Run(["site", "--output", "site"])
    assert run.status == 2
    assert "cannot write site" in run.err


# --------------------------------------------------------------- exit status
@pytest.mark.parametrize(("fail_on", "status"), [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on(site: Path, fail_on: str, status: int) -> None:
    assert Run(["site", "--select", H1, "--fail-on", fail_on]).status == status


def test_no_findings_exit_zero(site: Path) -> None:
    assert Run(["site/index.html", "--select", H1, "--fail-on", "warning"]).status == 0


def fake_findings(monkeypatch: pytest.MonkeyPatch, outcome: Outcome, severity: Severity) -> None:
    def check_source(
        source: str,
        path: str,
        rules: tuple[type[Rule], ...],
        known: frozenset[str],
        site_root: Path | None = None,
        screen: object = None,
    ) -> list[Finding]:
        return [Finding(H1, severity, outcome, path, 4, 1, "body", "<body>", "Look at this.")]

    monkeypatch.setattr(runner, "check_source", check_source)


def test_cant_tell_never_changes_the_exit_status(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_findings(monkeypatch, Outcome.CANT_TELL, Severity.ERROR)
    run = Run(["site/index.html", "--select", H1, "--fail-on", "warning"])
    assert run.status == 0
    assert run.lines == [
        "site/index.html:4:1: review page-has-heading-one Look at this.",
        "0 errors, 0 warnings, 1 to review; 1 file checked.",
    ]
    json_run = Run(["site/index.html", "--select", H1, "--format", "json"])
    assert json_run.json()["findings"][0]["outcome"] == "cantTell"
    assert json_run.status == 0


def test_failed_error_exits_one(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_findings(monkeypatch, Outcome.FAILED, Severity.ERROR)
    assert Run(["site/index.html", "--select", H1]).status == 1


# ----------------------------------------------------------- bad paths
def test_missing_path_is_an_error_and_the_rest_is_checked(site: Path) -> None:
    run = Run(["site", "weg.html", "--select", H1, "--format", "json"])
    assert run.status == 2
    document = run.json()
    assert document["errors"] == [{"path": "weg.html", "message": "no such file or folder"}]
    assert document["files"] == 2 and len(document["findings"]) == 1
    assert "weg.html: no such file or folder" in run.err


def test_undecodable_empty_and_broken_files(site: Path) -> None:
    (site / "latin.html").write_bytes(b"<html>\n<body><p>caf\xe9</p></body></html>")
    (site / "leeg.html").write_bytes(b"")
    (site / "kapot.html").symlink_to(site / "bestaat-niet.html")
    run = Run(["site", "--select", H1])
    assert run.status == 2
    assert run.err.splitlines() == [
        "site/kapot.html: broken symbolic link",
        "site/latin.html:2: cannot be decoded as utf-8: byte 0xE9 at line 2, column 13",
        "site/leeg.html: the file is empty",
    ]
    assert (
        run.lines[-1]
        == "0 errors, 1 warning, 0 to review; 2 files checked; 3 paths could not be checked."
    )
    nl = Run(["site", "--select", H1, "--lang", "nl", "--format", "json"])
    assert {"path": "site/leeg.html", "message": "het bestand is leeg"} in nl.json()["errors"]


def test_a_folder_without_html_is_an_error(site: Path) -> None:
    Path("leeg").mkdir()
    run = Run(["leeg"])
    assert run.status == 2
    assert "leeg: no .html, .htm or .xhtml files in this folder" in run.err


# ----------------------------------------------------------- selection
def test_unknown_rule_id_is_a_usage_error_with_a_hint(site: Path) -> None:
    run = Run(["site", "--select", "page-has-heading-on"])
    assert run.status == 2
    assert (
        'unknown rule id "page-has-heading-on" in --select; did you mean "page-has-heading-one"?'
        in run.err
    )
    run = Run(["site", "--ignore", "zzzz", "--lang", "nl"])
    assert run.status == 2
    assert 'onbekende regel-id "zzzz" in --ignore (zie --list-rules)' in run.err


def test_select_is_comma_separated_and_repeatable(site: Path) -> None:
    run = Run(["site", "--select", f"{H1},suppression-invalid", "--select", H1, "--format", "json"])
    assert [f["rule"] for f in run.json()["findings"]] == [H1]


def test_ignore_removes_a_rule(site: Path) -> None:
    run = Run(["site", "--select", "all", "--ignore", H1, "--format", "json"])
    assert H1 not in {f["rule"] for f in run.json()["findings"]}
    assert H1 in {
        f["rule"] for f in Run(["site", "--select", "all", "--format", "json"]).json()["findings"]
    }


def test_presets(site: Path) -> None:
    def rules(*argv: str) -> set[str]:
        return {f["rule"] for f in Run(["site", "--format", "json", *argv]).json()["findings"]}

    # page-has-heading-one is a best practice: in the default preset, not in wcag-a.
    assert H1 in rules()
    assert H1 in rules("--preset", "wcag-aa")
    assert H1 not in rules("--preset", "wcag-a")
    assert H1 in rules("--preset", "wcag-a", "--select", "all")
    bad = Run(["site", "--preset", "wcag-aaa"])
    assert bad.status == 2 and 'unknown preset "wcag-aaa"' in bad.err


def test_no_paths_is_a_usage_error(site: Path) -> None:
    run = Run([])
    assert run.status == 2 and "no paths given" in run.err


@pytest.mark.parametrize(
    "argv", [["site", "--jobs", "-1"], ["site", "--jobs", "two"], ["site", "--format", "xml"]]
)
def test_bad_option_values_exit_two(site: Path, argv: list[str]) -> None:
    assert Run(argv).status == 2


def test_root_must_be_a_folder_and_is_passed_to_pages(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Run(["site", "--root", "site/index.html"]).status == 2
    seen: list[Path | None] = []

    def check_source(
        source: str,
        path: str,
        rules: tuple[type[Rule], ...],
        known: frozenset[str],
        site_root: Path | None = None,
        screen: object = None,
    ) -> list[Finding]:
        seen.append(site_root)
        return []

    def check_source_for_site(
        source: str,
        path: str,
        rules: tuple[type[Rule], ...],
        known: frozenset[str],
        site_root: Path | None = None,
        screen: object = None,
    ) -> tuple[list[Finding], dict[str, Any], tuple[Any, ...]]:
        return check_source(source, path, rules, known, site_root, screen), {}, ()

    monkeypatch.setattr(runner, "check_source", check_source)
    monkeypatch.setattr(runner, "check_source_for_site", check_source_for_site)
    assert Run(["site", "--root", "site"]).status == 0  # the site pass: rules compare pages
    assert Run(["site", "--root", "site", "--select", H1]).status == 0  # each page alone
    assert seen == [Path("site")] * 4


# ------------------------------------------------------------- suppression
def test_inline_suppression_through_the_cli(site: Path) -> None:
    page = site / "nieuws" / "maart.html"
    page.write_text(
        NO_H1.replace(
            "<body>", "<body><!-- vngpublish-disable page-has-heading-one -- fragment -->"
        )
    )
    run = Run(["site", "--select", f"{H1},suppression-invalid", "--fail-on", "warning"])
    assert run.status == 0, run.out
    page.write_text(
        NO_H1.replace("<body>", "<body><!-- vngpublish-disable page-has-heading-one -->")
    )
    run = Run(["site", "--select", f"{H1},suppression-invalid"])
    assert [line.split()[2] for line in run.lines[:-1]] == [H1, "suppression-invalid"]


# -------------------------------------------------------------- config
def test_config_from_pyproject(site: Path) -> None:
    Path("pyproject.toml").write_text(
        '[tool.vngpublish.check]\nselect = ["page-has-heading-one"]\n'
        'lang = "nl"\nfail-on = "warning"\n'
    )
    run = Run(["site"])
    assert run.status == 1
    assert run.lines[-1] == "0 fouten, 1 waarschuwing, 0 te beoordelen; 2 bestanden gecontroleerd."
    # Flags override the file.
    run = Run(["site", "--lang", "en", "--fail-on", "error"])
    assert run.status == 0
    assert run.lines[-1] == "0 errors, 1 warning, 0 to review; 2 files checked."


def test_config_found_from_a_subfolder(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Path("pyproject.toml").write_text(
        '[tool.vngpublish.check]\nignore = ["page-has-heading-one"]\n'
    )
    monkeypatch.chdir(site)
    # image-alt finds nothing here; it keeps the selection from being all ignored.
    run = Run([".", "--select", f"{H1},image-alt", "--fail-on", "warning"])
    assert run.status == 0 and run.lines == ["0 errors, 0 warnings, 0 to review; 2 files checked."]


def test_per_file_ignores(site: Path) -> None:
    Path("pyproject.toml").write_text(
        '[tool.vngpublish.check]\nselect = ["page-has-heading-one"]\n'
        "[tool.vngpublish.check.per-file-ignores]\n"
        '"site/nieuws/*.html" = ["page-has-heading-one"]\n'
    )
    (site / "ander.html").write_text(NO_H1)
    run = Run(["site", "--format", "json"])
    assert [f["path"] for f in run.json()["findings"]] == ["site/ander.html"]


def test_explicit_config_file(site: Path, tmp_path: Path) -> None:
    config = tmp_path / "elders" / "vngpublish.toml"
    config.parent.mkdir()
    config.write_text('fail-on = "warning"\nselect = ["page-has-heading-one"]\n')
    assert Run(["site", "--config", str(config)]).status == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[tool.vngpublish.check]\nfail-on = "sometimes"\n',
            "fail-on: must be one of error, warning, never",
        ),
        (
            '[tool.vngpublish.check]\nignore = ["link-nam"]\n',
            'ignore: unknown rule id "link-nam" (did you mean "link-name"?)',
        ),
        ('[tool.vngpublish.check]\npreset = "wcag-b"\n', 'preset: unknown preset "wcag-b"'),
        (
            '[tool.vngpublish.check.per-file-ignores]\n"a.html" = ["nope-rule"]\n',
            "per-file-ignores",
        ),
    ],
)
def test_bad_config_exits_two_naming_file_and_key(site: Path, text: str, expected: str) -> None:
    Path("pyproject.toml").write_text(text)
    run = Run(["site"])
    assert run.status == 2
    assert "pyproject.toml:2: " in run.err and expected in run.err


def test_bad_config_in_dutch(site: Path) -> None:
    Path("pyproject.toml").write_text('[tool.vngpublish.check]\nlang = "nl"\nfail-on = "vaak"\n')
    run = Run(["site"])
    assert run.status == 2
    assert run.err.strip().endswith(
        "pyproject.toml:3: [tool.vngpublish.check] fail-on: moet een van error, warning, never "
        "zijn (niet 'vaak')"
    )
    Path("pyproject.toml").write_text('[tool.vngpublish.check]\nignore = ["link-nam"]\n')
    run = Run(["site", "--lang", "nl"])
    assert 'onbekende regel-id "link-nam" (bedoelt u "link-name"?)' in run.err


def test_config_that_is_a_folder(site: Path) -> None:
    run = Run(["site", "--config", "site"])
    assert run.status == 2 and "is a folder" in run.err


# --------------------------------------------------------------- --jobs
def test_jobs_two_gives_the_same_output_as_jobs_one(site: Path) -> None:
    for n in range(12):
        (site / f"pagina-{n:02}.html").write_text(NO_H1 if n % 3 else WITH_H1)
    (site / "leeg.html").write_text("")
    one = Run(["site", "--select", H1])
    two = Run(["site", "--select", H1, "--jobs", "2"])
    every_cpu = Run(["site", "--select", H1, "--jobs", "0", "--format", "json"])
    assert (two.out, two.err, two.status) == (one.out, one.err, one.status)
    assert len(one.lines) == 10  # 9 pages without h1 (incl. nieuws/maart.html) + the summary
    assert len(every_cpu.json()["findings"]) == 9


def test_jobs_checks_the_files_in_that_many_worker_processes(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(12):
        (site / f"pagina-{n:02}.html").write_text(NO_H1)
    # Workers are forked, so they inherit the recording wrapper set here.
    assert multiprocessing.get_start_method() == "fork"
    pids = site.parent / "pids"
    check_file = runner.check_file

    def recording(path: str, options: runner.RunOptions) -> runner.FileResult:
        with pids.open("a") as record:
            record.write(f"{os.getpid()}\n")
        return check_file(path, options)

    pools: list[int] = []
    pool = multiprocessing.Pool

    def counting_pool(processes: int, *args: Any, **kwargs: Any) -> Any:
        pools.append(processes)
        return pool(processes, *args, **kwargs)

    monkeypatch.setattr(runner, "check_file", recording)
    monkeypatch.setattr(runner.multiprocessing, "Pool", counting_pool)
    assert Run(["site", "--select", H1, "--jobs", "1"]).status == 0
    assert pids.read_text().split() == [str(os.getpid())] * 14 and pools == []
    pids.unlink()
    assert Run(["site", "--select", H1, "--jobs", "2"]).status == 0
    workers = pids.read_text().split()
    assert len(workers) == 14 and str(os.getpid()) not in workers
    assert pools == [2]


MIXED = (  # a failed error (no lang), failed warnings and cantTell findings
    "<!DOCTYPE html>\n<html>\n<head><title>Nieuws</title></head>\n<body>\n"
    '<h2>Raad</h2>\n<p><a href="/a">Lees meer</a></p>\n<p><a href="/b">Lees meer</a></p>\n'
    '<img src="x.png">\n</body>\n</html>\n'
)


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("fail_on", ["error", "warning"])
def test_findings_formatted_by_the_workers_read_as_those_formatted_here(
    site: Path, fmt: str, fail_on: str
) -> None:
    # Without --report, streaming formats are rendered where the files are checked; with it,
    # the findings come back as objects and the writer formats them. Same output either way.
    for n in range(6):
        (site / f"pagina-{n}.html").write_text(MIXED if n % 2 else NO_H1, encoding="utf-8")
    common = ["site", "--select", "all", "--format", fmt, "--fail-on", fail_on, "--lang", "nl"]
    rendered = [Run([*common, "--jobs", jobs, "--output", f"out-{jobs}"]) for jobs in ("1", "2")]
    formatted = Run([*common, "--output", "out-report", "--report", "report.html"])
    expected = Path("out-report").read_text(encoding="utf-8")
    assert expected.count("link-text-generic") >= 3
    for run, jobs in zip(rendered, ("1", "2"), strict=True):
        assert (run.status, run.err) == (formatted.status, formatted.err)
        assert Path(f"out-{jobs}").read_text(encoding="utf-8") == expected
    assert formatted.status == 1


# ---------------------------------------------------------- --list-rules
def test_list_rules_json() -> None:
    run = Run(["--list-rules", "--format", "json"])
    assert run.status == 0
    rules = run.json()
    assert isinstance(rules, list)
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) and {H1, "suppression-invalid"} <= set(ids)
    clauses = {
        sc["sc"]: sc["en301549"]
        for sc in json.loads((checks_dir() / "wcag" / "success-criteria.json").read_text())
        if sc.get("en301549")
    }
    for rule in rules:
        assert {
            "id",
            "title",
            "level",
            "severity",
            "wcag",
            "act",
            "tags",
            "en301549",
            "description",
        } <= rule.keys()
        assert rule["level"] in ("A", "AA", "AAA", "best-practice")
        assert rule["severity"] in ("error", "warning")
        assert rule["title"] and rule["description"]
        assert rule["en301549"] == [clauses[sc] for sc in rule["wcag"] if sc in clauses]
    h1 = next(r for r in rules if r["id"] == H1)
    assert h1["title"] == "Page has a level-one heading"
    assert "wcag-aa" in h1["presets"] and "wcag-a" not in h1["presets"]


def test_list_rules_text_in_dutch() -> None:
    run = Run(["--list-rules", "--lang", "nl"])
    assert run.status == 0
    line = next(line for line in run.lines if line.startswith(H1 + " "))
    assert line.split()[:3] == [H1, "best-practice", "warning"]
    assert line.endswith("Pagina heeft een kop van niveau 1")


# ------------------------------------------------------------ for real
def test_python_dash_m_end_to_end(site: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "vngpublish.check",
            "site",
            "--select",
            H1,
            "--format",
            "json",
            "--fail-on",
            "warning",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["findings"][0]["rule"] == H1
    version = subprocess.run(
        [sys.executable, "-m", "vngpublish.check", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.strip() == f"vngpublish {__version__}"


def test_python_dash_m_usage_error_and_jobs(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vngpublish.check", "site", "--select", "nope", "--jobs", "2"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2 and 'unknown rule id "nope"' in result.stderr
    ok = subprocess.run(
        [sys.executable, "-m", "vngpublish.check", "site", "--select", H1, "--jobs", "2"],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and ok.stdout.splitlines()[-1].endswith("2 files checked.")


def test_unknown_format_lists_the_formats_and_writes_nothing(site: Path) -> None:
    run = Run(["site", "--format", "xml", "--output", "report.xml"])
    assert run.status == 2
    assert 'unknown format "xml"; choose one of' in run.err and "json" in run.err
    assert not Path("report.xml").exists()


def test_preset_flag_overrides_configured_select(site: Path) -> None:
    Path("pyproject.toml").write_text('[tool.vngpublish.check]\nselect = ["suppression-invalid"]\n')
    assert Run(["site", "--fail-on", "warning"]).status == 0  # no suppression comments at all
    assert Run(["site", "--fail-on", "warning", "--preset", "wcag-aa"]).status == 1


# ------------------------------------------------- machine formats, report, pre-commit
def test_every_machine_format_is_available(site: Path) -> None:
    for fmt in ("sarif", "junit", "github"):
        run = Run(["site", "--select", H1, "--format", fmt])
        assert run.status == 0, (fmt, run.err)
        assert "maart.html" in run.out, fmt


def test_report_is_written_next_to_the_chosen_format(site: Path) -> None:
    run = Run(["site", "--select", H1, "--format", "json", "--report", "report.html"])
    assert run.status == 0
    assert json.loads(run.out)["findings"][0]["rule"] == H1
    report = Path("report.html").read_text(encoding="utf-8")
    assert "site/nieuws/maart.html" in report and H1 in report


def test_report_that_cannot_be_written_is_a_usage_error(site: Path) -> None:
    run = Run(["site", "--select", H1, "--report", "no/such/folder/report.html"])
    assert run.status == 2
    assert run.err.startswith(f"{cli.PROG}: cannot write no/such/folder/report.html:")
    assert run.out == ""


def test_output_and_report_to_files_with_the_same_findings(site: Path) -> None:
    argv = ["site", "--select", H1, "--format", "sarif", "--output", "out.sarif"]
    run = Run([*argv, "--report", "report.html"])
    assert run.status == 0 and run.out == ""
    sarif = json.loads(Path("out.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == [H1]
    assert H1 in Path("report.html").read_text(encoding="utf-8")


def test_pre_commit_hook_runs_the_console_script_on_html_files() -> None:
    import tomllib

    from ruamel.yaml import YAML

    repo = Path(__file__).resolve().parents[2]
    hooks = YAML(typ="safe").load((repo / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "vngpublish-check"]
    assert hook["language"] == "python"
    assert hook["types_or"] == ["html"]
    assert hook["pass_filenames"] is True
    scripts = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    target = scripts[hook["entry"]]
    module, _, function = target.partition(":")
    entry_point = getattr(__import__(module, fromlist=[function]), function)
    assert entry_point is cli.main


def test_pre_commit_passes_file_names_and_gets_the_exit_status(site: Path) -> None:
    # pre-commit calls the entry with the changed files as arguments.
    assert Run(["site/index.html"]).status == 0
    assert Run(["site/nieuws/maart.html", "--fail-on", "warning"]).status == 1


# ------------------------------------------------------------------ review fixes
def test_a_broken_pyproject_found_on_the_way_is_an_error_not_skipped(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("pyproject.toml").write_text('[tool.vngpublish.check]\nfail-on = "never"\n')
    (site / "pyproject.toml").write_text(f'[tool.vngpublish.check]\nselect = ["{H1}"\n')
    monkeypatch.chdir(site)
    run = Run(["nieuws/maart.html"])
    assert run.status == 2
    assert "pyproject.toml: not valid TOML" in run.err
    assert run.out == ""


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_select_is_a_usage_error(site: Path, value: str) -> None:
    run = Run(["site", "--select", value])
    assert run.status == 2
    assert "--select names no rules" in run.err
    assert run.out == ""


def test_an_empty_select_in_the_config_is_a_usage_error(site: Path) -> None:
    Path("pyproject.toml").write_text("[tool.vngpublish.check]\nselect = []\n")
    run = Run(["site"])
    assert run.status == 2
    assert "select: names no rules" in run.err


def test_ignoring_every_selected_rule_is_a_usage_error(site: Path) -> None:
    run = Run(["site", "--select", H1, "--ignore", H1])
    assert run.status == 2
    assert "no rules to run" in run.err


def test_the_same_file_named_several_ways_is_checked_once(site: Path) -> None:
    page = "site/nieuws/maart.html"
    run = Run(["site", page, "./site", str(site / "nieuws" / "maart.html"), "--select", H1])
    # Each finding once, under the first spelling given (found in the folder `site`).
    assert [line.split(":")[0] for line in run.lines[:-1]] == [page]
    assert run.lines[-1] == "0 errors, 1 warning, 0 to review; 2 files checked."


def test_a_fifo_is_an_error_and_never_waited_on(
    site: Path, make_fifo: Callable[[Path | str], None]
) -> None:
    fifo = site / "wacht.html"
    make_fifo(fifo)
    for argv in (["site"], ["site/wacht.html"]):
        run = Run([*argv, "--select", H1])
        assert run.status == 2
        assert "site/wacht.html: not a regular file" in run.err


# ------------------------------------------------------------------ help in Dutch
def _help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    captured = capsys.readouterr()  # argparse writes help and usage errors to sys.stdout/err
    return status, captured.out, captured.err


def test_help_is_english_by_default_and_dutch_with_lang_nl(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, english, _ = _help(["--help"], capsys)
    assert status == 0
    assert english.startswith("usage: python -m vngpublish.check")
    assert "show this help message and exit" in english
    assert "processes to check files with" in english

    status, dutch, _ = _help(["--lang", "nl", "--help"], capsys)
    assert status == 0
    assert dutch.startswith("gebruik: python -m vngpublish.check")
    for words in (
        "opties:",
        "toon deze hulptekst en sluit af",
        "aantal processen",
        "Afsluitstatus",
    ):
        assert words in dutch
    for words in ("usage:", "options:", "show this help", "processes to check"):
        assert words not in dutch
    # The output formats are filled in, not left as a placeholder.
    assert "uitvoerformaat: github, html, json" in dutch


def test_usage_errors_follow_lang(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _help(["--lang=nl", "site", "--bogus"], capsys)
    assert status == 2
    assert "gebruik: python -m vngpublish.check" in err
    assert err.rstrip().endswith("fout: onbekende argumenten: --bogus")

    status, _, err = _help(["site", "--jobs", "x", "--lang", "nl"], capsys)
    assert status == 2
    assert "fout: argument --jobs: geen geheel getal: 'x'" in err

    status, _, err = _help(["site", "--jobs", "-1", "--lang", "nl"], capsys)
    assert status == 2
    assert "moet 0 (één per processorkern) of meer zijn" in err

    # An unknown language cannot choose the language of its own error: English.
    status, _, err = _help(["site", "--lang", "de"], capsys)
    assert status == 2
    assert "error: argument --lang: invalid choice: 'de'" in err


def test_help_follows_the_configured_language_and_lang_overrides_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("pyproject.toml").write_text('[tool.vngpublish.check]\nlang = "nl"\n', encoding="utf-8")
    _, dutch, _ = _help(["--help"], capsys)
    assert dutch.startswith("gebruik:")
    _, english, _ = _help(["--lang", "en", "--help"], capsys)
    assert english.startswith("usage:")

    other = Path("other.toml")
    other.write_text('[tool.vngpublish.check]\nlang = "en"\n', encoding="utf-8")
    _, english, _ = _help(["--config", str(other), "--help"], capsys)
    assert english.startswith("usage:")


def test_a_broken_configuration_still_gets_help_and_its_own_error(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("pyproject.toml").write_text("[tool.vngpublish.check\n", encoding="utf-8")
    status, out, _ = _help(["--help"], capsys)
    assert status == 0 and out.startswith("usage:")
    status, _, err = _help(["site"], capsys)
    assert status == 2
    assert "pyproject.toml" in err


def test_argparse_is_english_again_after_a_dutch_run(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _help(["--lang", "nl", "--help"], capsys)
    import argparse

    assert "usage: x" in argparse.ArgumentParser(prog="x").format_usage()


def test_every_translated_argparse_message_is_one_argparse_still_uses() -> None:
    # If a Python release rewords one of them, its Dutch translation silently stops applying.
    import argparse
    import inspect

    source = inspect.getsource(argparse)
    for message in ARGPARSE_MESSAGES:
        written = message.replace("\n", "\\n")
        assert f"'{written}'" in source or f'"{written}"' in source, message
