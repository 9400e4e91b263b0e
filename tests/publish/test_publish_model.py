"""The model from Python (no files): validation, and Markdown in the text part."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vngpublish.model import Issue, Item
from vngpublish.render import markdown_text, render_issue


def make_item(**fields: object) -> Item:
    data: dict[str, object] = {"title": "Woonwijk", "themes": ["Wonen"], "summary": "Tekst."}
    return Item.model_validate(data | fields)


def make_issue(*items: Item, **fields: object) -> Issue:
    data: dict[str, object] = {
        "title": "Testnieuws",
        "date": dt.date(2024, 4, 1),
        "publisher": "Gemeente Voorbeeld",
        "themes": ["Wonen", "Zorg"],
        "items": list(items) or [make_item()],
    }
    return Issue.model_validate(data | fields)


def test_an_issue_built_in_python_renders() -> None:
    issue = make_issue(make_item(url="mailto:raad@voorbeeld.nl"))
    assert issue.slug == "testnieuws-2024-04-01"
    page = render_issue(issue, "web", check=False)
    assert 'href="mailto:raad@voorbeeld.nl"' in page.html
    assert "Lees meer over Woonwijk" in page.html


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,x", "/relatief", "https:/geen-host", "mailto:"]
)
def test_only_http_https_and_mailto_urls(url: str) -> None:
    with pytest.raises(ValidationError, match="must be an http"):
        make_item(url=url)


def test_an_item_theme_must_be_one_of_the_issue_themes() -> None:
    with pytest.raises(ValidationError, match="has theme 'Sport', which is not in `themes`"):
        make_issue(make_item(themes=["Sport"]))


def test_themes_that_would_share_an_anchor_are_refused() -> None:
    with pytest.raises(ValidationError, match="are the same"):
        make_issue(themes=["Financiën", "financien"])


def test_link_text_without_url_is_refused() -> None:
    with pytest.raises(ValidationError, match="`link_text` is set but `url` is missing"):
        make_item(link_text="Lees de brief over de woonwijk")


def test_unknown_variant() -> None:
    with pytest.raises(ValueError, match="variant must be one of web, email, text"):
        render_issue(make_issue(), "pdf")  # type: ignore[arg-type]


def test_markdown_to_text_keeps_link_urls_and_lists() -> None:
    source = (
        "Lees *de* [brief over de wijk](https://x.nl/brief) of mail "
        "<mailto:raad@x.nl>.\n\n- een\n- twee\n\n1. eerst\n2. dan\n"
    )
    assert markdown_text(source, width=200) == (
        "Lees de brief over de wijk (https://x.nl/brief) of mail mailto:raad@x.nl.\n"
        "\n"
        "- een\n"
        "- twee\n"
        "\n"
        "1. eerst\n"
        "2. dan"
    )


def test_markdown_to_text_wraps_without_breaking_urls() -> None:
    url = "https://vng.nl/" + "a" * 90
    text = markdown_text(f"Een zin met een [lange link]({url}) erin.")
    assert url in text.split("\n") or f"({url})" in text.split()
    assert all(len(line) <= 72 or url in line for line in text.splitlines())


@pytest.mark.parametrize(
    "url",
    [
        "https://vng.nl/a b",
        'https://vng.nl/a"b',
        "https://vng.nl/a<b>",
        "https://vng.nl/a\tb",
        "mailto:raad@voorbeeld.nl?subject=Een vraag",
    ],
)
def test_urls_with_characters_that_need_percent_encoding_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match=r"must not contain .*percent-encode it"):
        make_item(url=url)


def test_encoded_and_non_ascii_urls_are_accepted() -> None:
    url = "https://vng.nl/financiën/a%20b?q=1&r=2#deel"
    issue = make_issue(make_item(url=url))
    assert f"\n{url}\n" in render_issue(issue, "text").text


def test_every_line_of_the_text_part_but_a_url_fits_72_characters() -> None:
    url = "https://vng.nl/" + "a" * 80
    title = (
        "Bestuurlijke bijeenkomst: lokale ketenaanpak en digitale toegankelijkheid (save the date)"
    )
    event = {
        "date": dt.date(2024, 9, 21),
        "end": dt.date(2024, 9, 22),
        "label": "Raad op Zaterdag, met workshops en een lange naam",
        "mode": "physical",
        "place": "midden van het land",
    }
    text = render_issue(make_issue(make_item(title=title, url=url, events=[event])), "text").text
    too_long = [line for line in text.splitlines() if len(line) > 72 and line != url]
    assert too_long == []
    assert "\nLees meer over Bestuurlijke bijeenkomst: lokale ketenaanpak en digitale\n" in text
    assert "\ntoegankelijkheid (save the date):\n" + url in text
    assert (  # the event goes on, indented under its dash
        "\n- zaterdag 21 september 2024 tot en met zondag 22 september 2024: Raad\n"
        "  op Zaterdag, met workshops en een lange naam (fysiek, midden van het\n"
        "  land)\n"
    ) in text
