"""The e-mail as it is sent (email.eml), the gate on findings, and messages in Dutch."""

from __future__ import annotations

import email
import email.policy
import threading
from pathlib import Path

import lxml.html
import pytest
from publish_helpers import EXAMPLE, ISSUE_YML, MakeIssue

from vngpublish.__main__ import main
from vngpublish.content import load_issue
from vngpublish.render import AccessibilityError, render_issue

SLUG = "raadsledennieuws-2024-03"


def test_email_eml_holds_the_text_and_html_parts_and_the_unsubscribe_headers(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    assert (
        main(["build", str(EXAMPLE), "-o", str(site), "--base-url", "https://n.example.nl/"]) == 0
    )
    raw = (site / SLUG / "email.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert parts["text/plain"].get_content() == (site / SLUG / "email.txt").read_text("utf-8")
    assert parts["text/html"].get_content() == (site / SLUG / "email.html").read_text("utf-8")
    assert message["Subject"] == "Raadsledennieuws maart 2024"
    assert message["From"].addresses[0].addr_spec == "nieuwsbrief@example.nl"
    assert message["Date"].datetime.date().isoformat() == "2024-03-07"
    assert message["List-Unsubscribe"] == "<https://nieuwsbrief.example.nl/afmelden>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = lxml.html.document_fromstring(parts["text/html"].get_content())
    hrefs = [a.get("href") for a in html.iter("a")]
    assert f"https://n.example.nl/{SLUG}/" in hrefs  # view in the browser
    assert "https://nieuwsbrief.example.nl/afmelden" in hrefs
    images = [img.get("src") for img in html.iter("img")]
    assert f"https://n.example.nl/{SLUG}/images/raad-op-zaterdag.png" in images
    assert (site / SLUG / "images" / "raad-op-zaterdag.png").is_file()


def test_a_merge_tag_is_the_link_and_the_service_writes_the_headers(
    tmp_path: Path, make_issue: MakeIssue
) -> None:
    folder = make_issue(issue=ISSUE_YML + 'email:\n  unsubscribe: "*|UNSUB|*"\n')
    site = tmp_path / "site"
    assert main(["build", str(folder), "-o", str(site)]) == 0
    eml = email.message_from_bytes(
        (site / folder.name / "email.eml").read_bytes(), policy=email.policy.default
    )
    assert eml["List-Unsubscribe"] is None
    assert 'href="*|UNSUB|*"' in (site / folder.name / "email.html").read_text("utf-8")


def test_an_accessibility_error_stops_the_build_and_never_lets_it_through(
    tmp_path: Path, make_issue: MakeIssue, capsys: pytest.CaptureFixture[str]
) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.html").write_text(
        "<!DOCTYPE html><html><head><title>x</title></head>"
        "<body><main><h1>{{ issue.title }}</h1></main></body></html>",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    args = ["build", str(make_issue()), "-o", str(site), "--templates", str(house)]
    assert main([*args, "--lang", "nl"]) == 1
    out, err = capsys.readouterr()
    assert "error html-has-lang Het html-element heeft geen lang-attribuut" in out
    assert "de site is niet geschreven" in err
    assert main([*args, "--fail-on", "never"]) == 0


def test_the_gate_is_configured_in_pyproject(
    tmp_path: Path, make_issue: MakeIssue, monkeypatch: pytest.MonkeyPatch
) -> None:
    house = tmp_path / "huisstijl"
    house.mkdir()
    (house / "web.html").write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><h1>x</h1></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text(
        '[tool.vngpublish.build]\nfail-on = "never"\ntemplates = "huisstijl"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(make_issue()), "-o", "site"]) == 0
    assert main(["build", str(make_issue(name="b")), "-o", "site2", "--fail-on", "error"]) == 1


def test_a_script_can_raise_on_findings(make_issue: MakeIssue, tmp_path: Path) -> None:
    (tmp_path / "web.html").write_text(
        "<!DOCTYPE html><html><head><title>x</title></head><body><h1>x</h1></body></html>",
        encoding="utf-8",
    )
    page = render_issue(load_issue(make_issue()), "web", templates=tmp_path)
    assert page.findings  # render_issue still returns them
    with pytest.raises(AccessibilityError) as caught:
        page.raise_for_findings()
    assert "html-has-lang" in str(caught.value)
    assert page.raise_for_findings("never") is page


def test_five_broken_items_give_five_messages_in_dutch(
    tmp_path: Path, make_issue: MakeIssue, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = "---\ntitle: Woonwijk\nthemes: [Wonen]\nurl: javascript:alert(1)\n---\nTekst.\n"
    folder = make_issue(items={f"0{n}.md": bad for n in range(1, 6)})
    assert main(["build", str(folder), "-o", str(tmp_path / "site"), "--lang", "nl"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 5
    for n, line in enumerate(lines, start=1):
        assert line.startswith(f"vngpublish: error: {folder}/items/0{n}.md:4: `url` moet een")
    assert not (tmp_path / "site").exists()


def test_two_builds_into_one_folder_at_once_leave_a_whole_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    statuses: list[int] = []
    builds = [
        threading.Thread(
            target=lambda: statuses.append(main(["build", str(EXAMPLE), "-o", str(site)]))
        )
        for _ in range(3)
    ]
    for build in builds:
        build.start()
    for build in builds:
        build.join()
    assert statuses == [0, 0, 0]
    listed = (site / ".vngpublish").read_text("utf-8").split("--- files written:\n")[1].split()
    assert all((site / name).is_file() for name in listed)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no half-built folders
