"""`python -m vngpublish build`: the site, its archive and feed, and all-or-nothing on errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from publish_helpers import EXAMPLE, ISSUE_YML, MakeIssue

from vngpublish.__main__ import main
from vngpublish.content import load_issue

ATOM = "{http://www.w3.org/2005/Atom}"


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_build_writes_pages_archive_and_feed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
    slug = "raadsledennieuws-2024-03"
    for name in ("index.html", "email.html", "email.txt"):
        assert (site / slug / name).is_file(), name
    assert (site / "index.html").is_file() and (site / "feed.xml").is_file()
    assert "wrote" in capsys.readouterr().err
    assert listing(tmp_path) == sorted(["site", *[f"site/{p}" for p in listing(site)]])


def test_archive_page_is_accessible_and_lists_newest_first(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    april = make_issue()  # dated 2024-04-01, after the March example
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), str(april), "-o", str(site)]) == 0
    root = lxml.html.parse(str(site / "index.html")).getroot()
    assert root.get("lang") == "nl"
    assert root.find(".//title").text_content().strip()
    assert len(root.findall(".//h1")) == 1
    body = root.find("body")
    assert [el.tag for el in body.iter("header", "main", "footer")] == ["header", "main", "footer"]
    hrefs = [a.get("href") for a in root.findall(".//main//li/h2/a")]
    assert hrefs == ["testnieuws-2024-04/", "raadsledennieuws-2024-03/"]
    from vngpublish.check import check_html

    assert check_html((site / "index.html").read_text(encoding="utf-8"), "index.html") == []


def test_feed_is_atom_with_an_entry_per_issue(tmp_path: Path, make_issue: MakeIssue) -> None:
    site = tmp_path / "site"
    args = ["build", str(EXAMPLE), str(make_issue()), "-o", str(site)]
    assert main([*args, "--base-url", "https://nieuws.example.nl/raad"]) == 0
    feed = lxml.etree.parse(str(site / "feed.xml")).getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2024-04-01T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Testnieuws",
        "Raadsledennieuws maart 2024",
    ]
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "https://nieuws.example.nl/raad/testnieuws-2024-04/",
        "https://nieuws.example.nl/raad/raadsledennieuws-2024-03/",
    ]
    for entry in entries:
        assert entry.find(f"{ATOM}link").get("href").startswith("https://nieuws.example.nl/raad/")
        assert entry.findtext(f"{ATOM}updated")


def test_feed_ids_are_stable_without_a_base_url(tmp_path: Path) -> None:
    ids = []
    for name in ("one", "two"):
        assert main(["build", str(EXAMPLE), "-o", str(tmp_path / name)]) == 0
        feed = lxml.etree.parse(str(tmp_path / name / "feed.xml")).getroot()
        ids.append([e.text for e in feed.iter(f"{ATOM}id")])
    assert ids[0] == ids[1]
    assert all(i.startswith("urn:uuid:") for i in ids[0])


def test_bad_content_exits_2_with_file_and_line_and_writes_nothing(
    tmp_path: Path, make_issue: MakeIssue, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = make_issue(
        items={"04.md": "---\ntitle: X\nthemes: [Wonen]\nurl: javascript:alert(1)\n---\nTekst.\n"}
    )
    site = tmp_path / "out" / "site"
    status = main(["build", str(EXAMPLE), str(bad), "-o", str(site)])
    err = capsys.readouterr().err
    assert status == 2
    assert err == (
        f"vngpublish: error: {bad}/items/04.md:4: `url` must be an http(s) or mailto URL, "
        "got 'javascript:alert(1)'\n"
    )
    assert not (tmp_path / "out").exists()


def test_a_failed_build_leaves_the_previous_site_as_it_was(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    bad = make_issue(issue=ISSUE_YML.replace("themes:", "themes: 3\nold:"))
    assert main(["build", str(EXAMPLE), str(bad), "-o", str(site)]) == 2
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "testnieuws-2024-04"]


def test_a_rebuild_replaces_the_site(tmp_path: Path, make_issue: MakeIssue) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), str(make_issue()), "-o", str(site)]) == 0
    assert (site / "testnieuws-2024-04").is_dir()
    assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
    assert not (site / "testnieuws-2024-04").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "testnieuws-2024-04"]


def test_refuses_to_replace_a_folder_it_did_not_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "documenten"
    precious.mkdir()
    (precious / "notities.txt").write_text("niet weggooien", encoding="utf-8")
    assert main(["build", str(EXAMPLE), "-o", str(precious)]) == 2
    assert "was not written by vngpublish" in capsys.readouterr().err
    assert listing(precious) == ["notities.txt"]


def test_a_site_needs_dated_issues(
    tmp_path: Path, make_issue: MakeIssue, capsys: pytest.CaptureFixture[str]
) -> None:
    numbered = make_issue(issue=ISSUE_YML.replace("date: 2024-04-01", "number: 4"))
    assert main(["build", str(numbered), "-o", str(tmp_path / "site")]) == 2
    assert "issue.yml: `date` is required to build a site" in capsys.readouterr().err


def test_two_issues_with_the_same_folder_name_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(EXAMPLE), str(EXAMPLE), "-o", str(tmp_path / "site")]) == 2
    assert "same folder name" in capsys.readouterr().err


def test_bad_base_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["build", str(EXAMPLE), "-o", str(tmp_path / "s"), "--base-url", "ftp://x.nl/"]
    assert main(args) == 2
    assert "--base-url must be an http(s) URL" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(EXAMPLE)]) == 2  # no -o
    assert "-o/--output" in capsys.readouterr().err
    assert main([]) == 2


def test_command_line_entry_point(tmp_path: Path, make_issue: MakeIssue) -> None:
    bad = make_issue(items={"01.md": b"---\ntitle: Caf\xe9\nthemes: [Wonen]\n---\nTekst.\n"})
    result = subprocess.run(
        [sys.executable, "-m", "vngpublish", "build", str(bad), "-o", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"vngpublish: error: {bad}/items/01.md:2: is not UTF-8 text (byte 0xe9); "
        "save the file as UTF-8\n"
    )
    assert not (tmp_path / "site").exists()


def test_a_rebuild_keeps_files_vngpublish_did_not_write(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), str(make_issue()), "-o", str(site)]) == 0
    own = {
        "robots.txt": b"User-agent: *\n",
        "CNAME": b"nieuws.voorbeeld.nl\n",
        "huisstijl/logo.png": b"\x89PNG",
        "testnieuws-2024-04/foto.jpg": b"\xff\xd8",
    }
    for name, data in own.items():
        (site / name).parent.mkdir(exist_ok=True)
        (site / name).write_bytes(data)
    (site / "leeg").mkdir()
    for _ in range(2):  # the second rebuild must still know these files are not its own
        assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
        assert {name: (site / name).read_bytes() for name in own} == own
        assert (site / "leeg").is_dir()
        # The issue left out of the build is gone, apart from the file put in its folder.
        assert listing(site / "testnieuws-2024-04") == ["foto.jpg"]
        assert (site / "raadsledennieuws-2024-03" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "testnieuws-2024-04"]


def test_a_rebuild_does_not_overwrite_a_file_it_did_not_write(
    tmp_path: Path, make_issue: MakeIssue, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
    (site / "testnieuws-2024-04").mkdir()
    (site / "testnieuws-2024-04" / "index.html").write_text("eigen pagina", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(EXAMPLE), str(make_issue()), "-o", str(site)]) == 2
    assert capsys.readouterr().err.endswith(
        f"vngpublish: error: {site}: holds testnieuws-2024-04/index.html, which vngpublish did "
        "not write and this build would replace; move it away first\n"
    )
    assert (site / "testnieuws-2024-04" / "index.html").read_text(encoding="utf-8") == (
        "eigen pagina"
    )
    assert listing(site / "testnieuws-2024-04") == ["index.html"]


def test_a_site_from_a_version_without_a_file_list_keeps_other_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
    (site / ".vngpublish").write_text(
        "Written by `python -m vngpublish build`; the next build replaces this folder.\n",
        encoding="utf-8",
    )
    (site / "index.html").write_text("oud", encoding="utf-8")
    (site / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    assert main(["build", str(EXAMPLE), "-o", str(site)]) == 0
    assert (site / "index.html").read_text(encoding="utf-8") != "oud"
    assert (site / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\n"


def test_the_archive_counts_items_in_singular_and_plural(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), str(make_issue()), "-o", str(site)]) == 0
    root = lxml.html.parse(str(site / "index.html")).getroot()
    entries = [" ".join(p.text_content().split()) for p in root.findall(".//main//li/p[1]")]
    assert entries[0].endswith(" · 1 bericht")
    assert entries[1].endswith(f" · {len(load_issue(EXAMPLE).items)} berichten")


def english(issue_yml: str, date: str) -> str:
    return (
        issue_yml.replace("date: 2024-04-01", f"date: {date}\nlanguage: en")
        .replace("title: Testnieuws", "title: Test news")
        .replace("Verzonden door de gemeente.", "Sent by the municipality.")
    )


def test_the_archive_is_in_the_language_most_issues_share(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    dutch = make_issue()
    news = make_issue(issue=english(ISSUE_YML, "2024-05-02"), name="test-news-2024-05")
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), str(dutch), str(news), "-o", str(site)]) == 0
    root = lxml.html.parse(str(site / "index.html")).getroot()
    assert root.get("lang") == "nl"
    assert root.findtext(".//h1") == "Nieuwsbrieven"
    entries = root.findall(".//main//li")
    assert [li.get("lang") for li in entries] == ["en", None, None]
    texts = [" ".join(li.text_content().split()) for li in entries]
    assert texts[0] == "Test news Thursday, May 2, 2024 · 1 item Themes: Wonen"
    assert texts[1] == "Testnieuws maandag 1 april 2024 · 1 bericht Thema's: Wonen"
    from vngpublish.check import check_html

    assert check_html((site / "index.html").read_text(encoding="utf-8"), "index.html") == []
    feed = lxml.etree.parse(str(site / "feed.xml")).getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert feed.get(xml_lang) == "nl"
    first = feed.findall(f"{ATOM}entry")[0]
    assert first.get(xml_lang) == "en"
    assert first.findtext(f"{ATOM}summary", "").startswith("In this newsletter: ")


def test_on_a_tie_the_archive_takes_the_newest_issues_language(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    news = make_issue(issue=english(ISSUE_YML, "2024-05-02"), name="test-news-2024-05")
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), str(news), "-o", str(site)]) == 0
    root = lxml.html.parse(str(site / "index.html")).getroot()
    assert root.get("lang") == "en"
    assert [li.get("lang") for li in root.findall(".//main//li")] == [None, "nl"]


def test_findings_are_printed_like_the_checkers_text_format(
    tmp_path: Path, make_issue: MakeIssue, capsys: pytest.CaptureFixture[str]
) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.html").write_text(
        "<!DOCTYPE html>\n<html>\n<head><title>{{ issue.title }}</title></head>\n"
        "<body><main><h1>{{ issue.title }}</h1></main></body>\n</html>\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    args = ["build", str(make_issue()), "-o", str(site), "--templates", str(house)]
    assert main(args) == 1
    out, err = capsys.readouterr()
    assert out == (
        f"{site}/testnieuws-2024-04/index.html:2:1: error html-has-lang The html element has "
        'no lang attribute: add the page\'s main language, e.g. lang="nl".\n'
        "1 error, 0 warnings, 0 to review; 3 files checked.\n"
    )
    assert err.endswith(
        "vngpublish: 1 finding fails at --fail-on error: the site was not written and "
        f"{site} is as it was; fix the finding, or build with --fail-on never to publish anyway\n"
    )
    assert not site.exists()
    assert main([*args, "--fail-on", "never"]) == 0
    assert capsys.readouterr().err.endswith(
        f"vngpublish: wrote {site} (1 issue, 1 accessibility finding)\n"
    )
    assert (site / "testnieuws-2024-04" / "index.html").is_file()


def test_without_the_check_the_build_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["build", str(EXAMPLE), "-o", str(site), "--no-check"]) == 0
    assert capsys.readouterr().err.endswith(
        f"vngpublish: wrote {site} (1 issue, accessibility not checked)\n"
    )
