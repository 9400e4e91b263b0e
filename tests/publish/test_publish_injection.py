"""Editor content cannot inject markup into any variant: a corpus of injection attempts, each
either refused with a clear error or shown as harmless text."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path

import lxml.html
import pytest
from publish_helpers import ISSUE_YML, MakeIssue

from vngpublish.__main__ import main
from vngpublish.content import load_issue
from vngpublish.errors import ContentError

FRONT = "title: Woonwijk\nthemes: [Wonen]\n"
# (where the attempt goes, the text) — in the summary (Markdown) or in front matter fields.
SUMMARIES = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">kaart</a>',
    "[kaart](javascript:alert(1))",
    "[kaart](JaVaScRiPt:alert(1))",
    "[kaart](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[kaart](vbscript:msgbox(1))",
    "[kaart][1]\n\n[1]: javascript:alert(1)",
    "![plaatje](https://x.nl/a.png)",
    '<https://x.nl/" onmouseover="alert(1)>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p style="width: expression(alert(1))">x</p>',
    '[kaart](https://x.nl/"onclick="alert(1))',
]
FIELDS = [
    'url: "javascript:alert(1)"',
    'url: "data:text/html,<script>alert(1)</script>"',
    'url: "https://x.nl/\\" onclick=\\"alert(1)"',
    'link_text: "<script>alert(1)</script> over de woonwijk"\nurl: https://x.nl/',
    'image:\n  src: "javascript:alert(1)"\n  alt: x\n  width: 9\n  height: 9',
    'image:\n  src: "data:image/svg+xml,<svg onload=alert(1)>"\n  alt: x\n  width: 9',
    'image:\n  src: "beeld.svg"\n  alt: x\n  width: 9\n  height: 9',
    'image:\n  src: "../../../etc/passwd.png"\n  alt: x',
    'image:\n  src: https://x.nl/a.png\n  alt: "\\" onerror=\\"alert(1)"\n  width: 9\n  height: 9',
    'title: "Woonwijk\\nBcc: iedereen@example.nl"',
]
ISSUE_FIELDS = [
    'style:\n  accent: "red;} body{background:url(javascript:alert(1))"',
    'style:\n  font: "Arial; } </style><script>alert(1)</script>"',
    'style:\n  font: "x\\" onload=\\"alert(1)"',
    'email:\n  unsubscribe: "javascript:alert(1)"',
    'email:\n  sender: "VNG <a@b.nl>\\r\\nBcc: x@y.nl"',
]
DANGER = re.compile(r"javascript:|vbscript:|data:text|expression\(|<script>alert", re.I)


def outputs(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): p.read_text("utf-8", errors="replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".txt", ".eml", ".xml")
    }


def assert_harmless(site: Path) -> None:
    for name, text in outputs(site).items():
        if name.endswith(".html"):
            root = lxml.html.document_fromstring(text)
            scripts = [s.text or "" for s in root.iter("script")]
            assert all("alert" not in s for s in scripts), name
            for el in root.iter():
                for attribute, value in el.attrib.items():
                    assert not attribute.lower().startswith("on"), (name, attribute)
                    assert attribute.lower() != "srcdoc", name
                    assert not DANGER.search(value), (name, attribute, value)
            assert root.find(".//iframe") is None and root.find(".//svg") is None, name
        if name.endswith(".eml"):
            message = email.message_from_string(text, policy=email.policy.default)
            assert message["Bcc"] is None, name


def build(tmp_path: Path, folder: Path) -> int:
    return main(["build", str(folder), "-o", str(tmp_path / "site"), "--fail-on", "never"])


@pytest.mark.parametrize("summary", SUMMARIES)
def test_markup_in_the_summary_is_refused_or_harmless(
    tmp_path: Path, make_issue: MakeIssue, summary: str
) -> None:
    folder = make_issue(items={"01.md": f"---\n{FRONT}---\n{summary}\n"})
    if build(tmp_path, folder) == 0:
        assert_harmless(tmp_path / "site")
    else:
        with pytest.raises(ContentError):
            load_issue(folder)


@pytest.mark.parametrize("field", FIELDS)
def test_markup_in_item_fields_is_refused_or_harmless(
    tmp_path: Path, make_issue: MakeIssue, field: str
) -> None:
    front = field + "\n" + ("" if field.startswith("title") else FRONT)
    if field.startswith("title"):
        front += "themes: [Wonen]\n"
    folder = make_issue(items={"01.md": f"---\n{front}---\nTekst.\n"})
    if build(tmp_path, folder) == 0:
        assert_harmless(tmp_path / "site")
    else:
        with pytest.raises(ContentError):
            load_issue(folder)
        assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("field", ISSUE_FIELDS)
def test_markup_in_issue_settings_is_refused(
    tmp_path: Path, make_issue: MakeIssue, field: str
) -> None:
    folder = make_issue(issue=ISSUE_YML + field + "\n")
    assert build(tmp_path, folder) == 2
    assert not (tmp_path / "site").exists()
