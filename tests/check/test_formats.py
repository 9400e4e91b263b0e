"""Every output format reports the same findings: the same counts and the same (rule, path,
line, kind) set, for a site with several faulty pages, a clean page and an unreadable file.

Each format is read back the way its consumers read it: text lines, JSON, SARIF results and
notifications, JUnit through junitparser, GitHub workflow commands, and the HTML report.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import junitparser
import lxml.html
import pytest

from vngpublish.check import cli

CLEAN = """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Raadsledennieuws maart 2024</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main>
<h1>Raadsledennieuws maart 2024</h1>
<p>Deze nieuwsbrief van de Vereniging van Nederlandse Gemeenten gaat over de financiën van
gemeenten, over de informatiesamenleving en over de bijeenkomsten voor raadsleden die dit
voorjaar in het hele land worden gehouden.</p>
<p><a href="/nieuws/maart.html">Alle berichten over de gemeentefinanciën in maart</a></p>
</main>
</body>
</html>
"""
# No lang, no title, no h1, a bold paragraph as a title, two bare "Lees meer" links to
# different places, an image without alt, a skipped heading level and an empty heading.
NEWS = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"></head>
<body>
<main>
<h2>Financiën</h2>
<p><b>Wijzigingen rechtspositie politieke ambtsdragers</b></p>
<p>De VNG heeft de modelverordening aangepast.</p>
<a href="/a">Lees meer</a>
<a href="/b">Lees meer</a>
<img src="kaart.png">
<h4>Agenda</h4>
<h3></h3>
</main>
</body>
</html>
"""
# A language name for a tag, a timed refresh, a duplicate id, an image link without a name,
# an invalid lang on a part.
AGENDA = """<!DOCTYPE html>
<html lang="english">
<head><meta charset="utf-8"><title>Agenda</title>
<meta http-equiv="refresh" content="5; url=/nieuws/"></head>
<body>
<h1 id="top">Agenda</h1>
<p id="top">Raad op Zaterdag 16 maart in Utrecht.</p>
<a href="/raad"><img src="raad.png"></a>
<p lang="xx-invalid-">Bonjour</p>
</body>
</html>
"""
BROKEN = b'<html lang="nl"><body><p>caf\xe9</p></body></html>\n'  # Latin-1, not UTF-8

Item = tuple[str, str, int, str]
"""(rule, path, line, kind): kind is error, warning or review."""

TEXT_LINE = re.compile(
    r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<kind>error|warning|review) (?P<rule>[a-z0-9-]+) (?P<message>.+)$"
)
GITHUB_LINE = re.compile(r"^::(?P<command>error|warning|notice) (?P<props>[^:]*)::(?P<data>.*)$")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`site/` in the current folder: two faulty pages, a clean one and an unreadable one."""
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "site"
    (root / "nieuws").mkdir(parents=True)
    (root / "index.html").write_text(CLEAN, encoding="utf-8")
    (root / "nieuws" / "maart.html").write_text(NEWS, encoding="utf-8")
    (root / "agenda.html").write_text(AGENDA, encoding="utf-8")
    (root / "kapot.html").write_bytes(BROKEN)
    return root


class Output:
    """One in-process run of the command line."""

    def __init__(self, fmt: str, *extra: str) -> None:
        out, err = io.StringIO(), io.StringIO()
        self.status = cli.main(
            ["site", "--select", "all", "--format", fmt, *extra], stdout=out, stderr=err
        )
        self.out = out.getvalue()
        self.err = err.getvalue()


def _unescape(text: str) -> str:
    for escaped, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, char)
    return text


def read_text(run: Output) -> tuple[set[Item], Counter[str], set[str]]:
    """Findings, counts by kind and unreadable paths from the text format."""
    items = set()
    for line in run.out.splitlines()[:-1]:  # the last line is the summary
        match = TEXT_LINE.match(line)
        assert match, line
        items.add((match["rule"], match["path"], int(match["line"]), match["kind"]))
    unreadable = {line.split(":", 1)[0] for line in run.err.splitlines()}
    return items, Counter(item[3] for item in items), unreadable


def read_json(run: Output) -> tuple[set[Item], Counter[str], set[str]]:
    """The same from the JSON format."""
    data = json.loads(run.out)
    items = {
        (
            f["rule"],
            f["path"],
            f["line"],
            "review" if f["outcome"] == "cantTell" else f["severity"],
        )
        for f in data["findings"]
    }
    counts = Counter({k: v for k, v in data["summary"].items() if v})
    return items, counts, {e["path"] for e in data["errors"]}


def read_sarif(run: Output) -> tuple[set[Item], Counter[str], set[str]]:
    """The same from SARIF results and the invocation's notifications."""
    sarif = json.loads(run.out)["runs"][0]
    items = set()
    for result in sarif["results"]:
        place = result["locations"][0]["physicalLocation"]
        kind = "review" if result["kind"] == "review" else result["level"]
        items.add(
            (
                result["ruleId"],
                unquote(place["artifactLocation"]["uri"]),
                place["region"]["startLine"],
                kind,
            )
        )
    notifications = sarif["invocations"][0]["toolExecutionNotifications"]
    unreadable = {
        unquote(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for n in notifications
    }
    return items, Counter(item[3] for item in items), unreadable


def read_junit(run: Output) -> tuple[set[Item], Counter[str], set[str]]:
    """The same from JUnit XML, read with junitparser: findings from the failure texts and
    the review notes in system-out; unreadable paths from the error testcases."""
    xml = junitparser.JUnitXml.fromstring(run.out.encode("utf-8"))
    items: set[Item] = set()
    unreadable = set()
    for suite in xml:
        for case in suite:
            texts = [r.text or "" for r in case.result if isinstance(r, junitparser.Failure)]
            texts.append(case.system_out or "")
            if any(isinstance(r, junitparser.Error) for r in case.result):
                unreadable.add(suite.name)
            for text in texts:
                for line in text.splitlines():
                    match = TEXT_LINE.match(line)
                    if match:
                        assert match["rule"] == case.name
                        items.add((match["rule"], match["path"], int(match["line"]), match["kind"]))
    return items, Counter(item[3] for item in items), unreadable


def read_github(run: Output) -> tuple[set[Item], Counter[str], set[str]]:
    """The same from GitHub workflow commands."""
    items = set()
    unreadable = set()
    for line in run.out.splitlines()[:-1]:
        match = GITHUB_LINE.match(line)
        assert match, line
        props = dict(part.split("=", 1) for part in match["props"].split(","))
        props = {key: _unescape(value) for key, value in props.items()}
        if props["title"] == "unreadable":
            unreadable.add(props["file"])
            continue
        kind = "review" if match["command"] == "notice" else match["command"]
        rule = props["title"].removesuffix(" (review)")
        items.add((rule, props["file"], int(props["line"]), kind))
    return items, Counter(item[3] for item in items), unreadable


def read_html(run: Output) -> tuple[set[Item], Counter[str], set[str]]:
    """The same from the HTML report written to standard output."""
    return read_html_text(run.out)


def read_html_text(text: str) -> tuple[set[Item], Counter[str], set[str]]:
    """The same from the HTML report's findings by page: a block per page (its path in the
    heading) with a row per finding (`data-rule`, `data-kind`, "line:column" in the row
    header); unreadable paths in the list of paths that could not be checked."""
    document = lxml.html.document_fromstring(text)
    items: set[Item] = set()
    for block in document.xpath("//div[@data-block]"):
        path = block.findtext("h3").strip()
        for row in block.xpath(".//tr[@data-count]"):
            line = int(row.findtext("th").split(":")[0])
            items.add((row.get("data-rule"), path, line, row.get("data-kind")))
    unreadable = {
        code.text_content().rsplit(":", 1)[0]
        for code in document.xpath("//section[@id='unreadable']//li/code")
    }
    return items, Counter(item[3] for item in items), unreadable


READERS = {
    "html": read_html,
    "text": read_text,
    "sarif": read_sarif,
    "junit": read_junit,
    "github": read_github,
}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_format_reports_the_same_findings_as_json(site: Path, fmt: str) -> None:
    reference = Output("json")
    items, counts, unreadable = read_json(reference)
    # The site really is full of problems of every kind, and the clean page has none.
    assert {kind for _, _, _, kind in items} == {"error", "warning", "review"}
    assert {path for _, path, _, _ in items} == {"site/agenda.html", "site/nieuws/maart.html"}
    assert unreadable == {"site/kapot.html"}

    run = Output(fmt)
    assert run.status == reference.status == 2  # an unreadable path
    assert READERS[fmt](run) == (items, counts, unreadable)


def test_the_text_summary_counts_what_json_counts(site: Path) -> None:
    _, counts, unreadable = read_json(Output("json"))
    summary = Output("text").out.splitlines()[-1]
    assert summary == (
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['review']} to review; "
        f"3 files checked; {len(unreadable)} path could not be checked."
    )


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_the_html_report_is_written_in_the_same_run_with_the_same_findings(
    site: Path, fmt: str
) -> None:
    run = Output(fmt, "--report", "report.html")
    assert run.status == 2
    report = Path("report.html").read_text(encoding="utf-8")
    assert read_html_text(report) == READERS[fmt](run)
    # The unreadable path is said once on stderr, not once per writer.
    assert run.err.count("site/kapot.html") == 1


def test_formats_agree_in_dutch_too(site: Path) -> None:
    english = read_github(Output("github"))
    dutch = Output("github", "--lang", "nl")
    assert read_github(dutch) == english
    assert "Lees meer" in dutch.out
    assert (
        json.loads(Output("json", "--lang", "nl").out)["findings"][0]["message"]
        != (json.loads(Output("json").out)["findings"][0]["message"])
    )
