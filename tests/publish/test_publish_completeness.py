"""Nothing of the newsletter gets lost: every item, link URL and event date is in every variant."""

from __future__ import annotations

import re

import lxml.html
import pytest

from vngpublish.model import Issue
from vngpublish.render import Rendered

MARKDOWN_LINK = re.compile(r"\]\((\S+?)\)")


def expected_urls(issue: Issue) -> set[str]:
    urls = {item.url for item in issue.items if item.url}
    for item in issue.items:
        urls |= set(MARKDOWN_LINK.findall(item.summary))
    return urls | {link.url for link in issue.footer.links}


def test_the_example_has_what_the_seed_has(example: Issue) -> None:
    # The seed: 19 items, the Raad op Zaterdag dates, two look-back links, the footer.
    assert len(example.items) == 19
    raad = example.items[0]
    assert [e.date.isoformat() for e in raad.events] == [
        "2024-03-16",
        "2024-05-25",
        "2024-09-21",
        "2024-11-23",
    ]
    assert [e.mode for e in raad.events] == ["online", "physical", "physical", "online"]
    assert len(MARKDOWN_LINK.findall(example.items[1].summary)) == 2
    assert [link.text for link in example.footer.links] == ["vng.nl", "Lees onze proclaimer"]
    assert len(expected_urls(example)) == 22  # 18 item links + 2 look-backs + 2 footer links


@pytest.mark.parametrize("variant", ["web", "email"])
def test_html_variants_have_every_item_url_and_date(
    variant: str, renderings: dict[str, Rendered], example: Issue
) -> None:
    root = lxml.html.document_fromstring(renderings[variant].html)
    body_text = " ".join(root.find("body").text_content().split())
    hrefs = {a.get("href") for a in root.iter("a")}
    assert expected_urls(example) <= hrefs
    for item in example.items:
        assert body_text.count(" ".join(item.title.split())) >= len(item.themes), item.title
    datetimes = {t.get("datetime") for t in root.iter("time")}
    for event in example.items[0].events:
        assert event.date.isoformat() in datetimes
    for day in ("zaterdag 16 maart 2024", "zaterdag 25 mei 2024", "zaterdag 23 november 2024"):
        assert day in body_text


def test_text_variant_has_every_item_url_and_date(
    renderings: dict[str, Rendered], example: Issue
) -> None:
    text = renderings["text"].text
    flat = " ".join(text.split())
    for item in example.items:
        # Shown under each of its themes, like the web page.
        assert flat.count(" ".join(item.title.split())) >= len(item.themes), item.title
    lines = set(text.split())
    for url in expected_urls(example):
        assert url in lines or f"({url})" in lines, url
    for day in (
        "zaterdag 16 maart 2024",
        "zaterdag 25 mei 2024",
        "zaterdag 21 september 2024",
        "zaterdag 23 november 2024",
    ):
        assert day in flat
    assert not re.search(r"</?[a-z]+[ >]", text), "HTML tags in the text part"
    assert "Dit bericht is verzonden door de VNG." in flat


def test_text_variant_opens_with_title_sender_and_date_and_marks_each_theme(
    renderings: dict[str, Rendered], example: Issue
) -> None:
    lines = renderings["text"].text.splitlines()
    # A plain-text reader sees what the issue is and who sent it before anything else.
    assert lines[0] == example.title
    assert lines[1] == "=" * len(example.title)
    assert lines[2].startswith(example.publisher)
    assert "donderdag 7 maart 2024" in lines[2]
    # Each theme stands out as a heading: capitals, underlined to its length.
    themes = [theme for theme in example.themes if example.items_under(theme)]
    found = [
        lines[i] for i in range(len(lines) - 1) if lines[i + 1] == "-" * len(lines[i]) and lines[i]
    ]
    assert found == [theme.upper() for theme in themes]
