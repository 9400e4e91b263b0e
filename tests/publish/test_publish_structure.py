"""The rendered HTML, parsed: the structure assistive technology and e-mail clients rely on."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import cssselect2
import lxml.html
import pytest
import tinycss2
from lxml.html import HtmlElement
from publish_helpers import EXAMPLE, ISSUE_YML, MakeIssue

from vngpublish.content import load_issue
from vngpublish.model import Issue
from vngpublish.render import Rendered, render_issue

HTML_VARIANTS = ["web", "email"]
GENERIC = re.compile(r"^(lees meer|lees verder|meer|meer informatie|klik hier|hier)\W*$", re.I)


def parse(html: str) -> HtmlElement:
    return lxml.html.document_fromstring(html)


def text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


@pytest.mark.parametrize("variant", HTML_VARIANTS)
def test_exactly_one_h1_naming_the_issue(
    variant: str, renderings: dict[str, Rendered], example: Issue
) -> None:
    h1s = parse(renderings[variant].html).findall(".//h1")
    assert [text(h) for h in h1s] == [example.title]


@pytest.mark.parametrize("variant", HTML_VARIANTS)
def test_heading_outline_skips_no_level(variant: str, renderings: dict[str, Rendered]) -> None:
    levels = [int(el.tag[1]) for el in parse(renderings[variant].html).iter("h1", "h2", "h3", "h4")]
    assert levels[0] == 1
    for before, after in pairwise(levels):
        assert after <= before + 1, f"h{before} followed by h{after}"


@pytest.mark.parametrize("variant", HTML_VARIANTS)
def test_a_section_per_theme_and_every_item_under_each_of_its_themes(
    variant: str, renderings: dict[str, Rendered], example: Issue
) -> None:
    root = parse(renderings[variant].html)
    h2s = [text(h) for h in root.iter("h2")]
    assert h2s == [theme for theme in example.themes if example.items_under(theme)]
    h3s = Counter(text(h) for h in root.iter("h3"))
    for item in example.items:
        assert h3s[item.title] == len(item.themes), item.title
    shared = [item for item in example.items if len(item.themes) > 1]
    assert len(shared) == 2  # the ketenaanpak and the Grip op Informatie items


@pytest.mark.parametrize("variant", HTML_VARIANTS)
def test_ids_are_unique_even_for_an_item_under_two_themes(
    variant: str, renderings: dict[str, Rendered]
) -> None:
    ids = Counter(el.get("id") for el in parse(renderings[variant].html).iter() if el.get("id"))
    assert ids, "expected anchors on themes and items"
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("variant", HTML_VARIANTS)
def test_no_link_is_named_only_lees_meer(variant: str, renderings: dict[str, Rendered]) -> None:
    links = parse(renderings[variant].html).iter("a")
    names = [a.get("aria-label") or text(a) for a in links]
    assert names
    assert [n for n in names if not n or GENERIC.match(n)] == []
    assert "Lees meer over Ledenbrief Spreidingswet en opvang Oekraïners" in names


@pytest.mark.parametrize("variant", HTML_VARIANTS)
def test_language_is_set(variant: str, renderings: dict[str, Rendered]) -> None:
    root = parse(renderings[variant].html)
    assert root.get("lang") == "nl"
    assert root.get("dir") == "ltr"


def test_web_page_has_title_skip_link_and_landmarks(renderings: dict[str, Rendered]) -> None:
    root = parse(renderings["web"].html)
    assert text(root.find(".//title")).startswith("Raadsledennieuws maart 2024")
    body = root.find("body")
    skip = body[0]
    assert skip.tag == "a" and skip.get("href") == "#inhoud"
    assert root.get_element_by_id("inhoud").tag == "main"
    assert [el.tag for el in body.iter("header", "main", "footer")] == ["header", "main", "footer"]
    assert len(root.findall(".//main//article")) == 21  # 19 items, 2 of them under two themes


def test_event_dates_are_time_elements_written_in_dutch(renderings: dict[str, Rendered]) -> None:
    times = {t.get("datetime"): text(t) for t in parse(renderings["web"].html).iter("time")}
    assert times["2024-03-16"] == "zaterdag 16 maart 2024"
    assert times["2024-05-25"] == "zaterdag 25 mei 2024"
    assert times["2024-09-21"] == "zaterdag 21 september 2024"
    assert times["2024-11-23"] == "zaterdag 23 november 2024"
    events = parse(renderings["web"].html).find(".//ul[@class='events']")
    assert len(events.findall("li")) == 4
    assert "fysiek, midden van het land" in text(events)


def test_email_layout_tables_are_presentational(renderings: dict[str, Rendered]) -> None:
    root = parse(renderings["email"].html)
    tables = root.findall(".//table")
    assert tables
    assert {t.get("role") for t in tables} == {"presentation"}


def test_email_wrapper_carries_lang_and_dir(renderings: dict[str, Rendered]) -> None:
    # Web mail clients drop <html>; the wrapper keeps the language for screen readers.
    root = parse(renderings["email"].html)
    wrapper = root.find(".//body/div[@class='wrapper']")
    assert wrapper is not None
    assert (wrapper.get("lang"), wrapper.get("dir")) == ("nl", "ltr")
    assert wrapper.find(".//h1") is not None


def test_email_has_hidden_preheader(renderings: dict[str, Rendered], example: Issue) -> None:
    root = parse(renderings["email"].html)
    pre = root.find(".//div[@class='preheader']")
    assert pre is not None and pre.get("aria-hidden") == "true"
    assert "display: none" in pre.get("style", "")
    assert text(pre).startswith(example.email.preheader)  # set in issue.yml


def test_without_its_own_preheader_the_email_previews_the_first_titles(
    make_issue: MakeIssue,
) -> None:
    html = render_issue(load_issue(make_issue()), "email", check=False).html
    pre = parse(html).find(".//div[@class='preheader']")
    assert text(pre).startswith("In deze nieuwsbrief: Nieuwe woonwijk")


def test_email_css_is_inlined_and_dark_mode_kept(renderings: dict[str, Rendered]) -> None:
    root = parse(renderings["email"].html)
    metas = {m.get("name"): m.get("content") for m in root.iter("meta")}
    assert metas["color-scheme"] == "light dark"
    styles = " ".join(s.text or "" for s in root.iter("style"))
    assert "@media (prefers-color-scheme: dark)" in styles
    h1 = root.find(".//h1")
    assert "font-size" in h1.get("style", "")


def _luminance(color: str) -> float:
    hex_digits = color.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _inline(el: HtmlElement) -> dict[str, str]:
    pairs = (d.split(":", 1) for d in el.get("style", "").split(";") if ":" in d)
    return {k.strip(): v.strip() for k, v in pairs}


def _dark_rules(root: HtmlElement) -> dict[HtmlElement, dict[str, str]]:
    """Declarations of the dark-mode media query, per element they match."""
    css = " ".join(s.text or "" for s in root.iter("style"))
    matched: dict[HtmlElement, dict[str, str]] = {}
    wrapper = cssselect2.ElementWrapper.from_html_root(root)
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or "prefers-color-scheme" not in tinycss2.serialize(rule.prelude):
            continue
        for inner in tinycss2.parse_rule_list(rule.content, True, True):
            declarations = {
                d.lower_name: tinycss2.serialize(d.value).strip()
                for d in tinycss2.parse_blocks_contents(inner.content, True, True)
                if d.type == "declaration"
            }
            selectors = cssselect2.compile_selector_list(inner.prelude)
            for element in wrapper.iter_subtree():
                if any(s.test(element) for s in selectors):
                    matched.setdefault(element.etree_element, {}).update(declarations)
    return matched


def _effective(el: HtmlElement, prop: str, dark: dict[HtmlElement, dict[str, str]] | None) -> str:
    node: HtmlElement | None = el
    while node is not None:
        if dark is not None and prop in dark.get(node, {}):
            return dark[node][prop].replace("!important", "").strip()
        if prop in _inline(node):
            return _inline(node)[prop]
        node = node.getparent()
    raise AssertionError(f"no {prop} for {el.tag}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_email_text_contrast_is_sufficient_in_light_and_dark_mode(
    scheme: str, renderings: dict[str, Rendered]
) -> None:
    root = parse(renderings["email"].html)
    dark = _dark_rules(root) if scheme == "dark" else None
    body = root.find("body")
    checked = 0
    for el in body.iter():
        if el.get("class") == "preheader" or not isinstance(el.tag, str):
            continue
        own_text = (el.text or "") + "".join(child.tail or "" for child in el)
        if not own_text.strip():
            continue
        fg = _effective(el, "color", dark)
        bg = _effective(el, "background-color", dark)
        assert _contrast(fg, bg) >= 4.5, f"{scheme}: {el.tag} {text(el)[:40]!r} {fg} on {bg}"
        checked += 1
    assert checked > 50


def test_images_have_alt_and_width_in_web_and_email(make_issue: MakeIssue) -> None:
    folder = make_issue(
        items={
            "01-woonwijk.md": """\
---
title: Nieuwe woonwijk
themes: [Wonen]
url: https://voorbeeld.nl/woonwijk
image:
  src: https://voorbeeld.nl/wijk.jpg
  alt: Luchtfoto van de nieuwe wijk
  width: 1200
  height: 800
---
De gemeente bouwt een nieuwe woonwijk.
"""
        }
    )
    issue = load_issue(folder)
    web = parse(render_issue(issue, "web", check=False).html).find(".//img")
    assert (web.get("alt"), web.get("width"), web.get("height")) == (
        "Luchtfoto van de nieuwe wijk",
        "1200",
        "800",
    )
    email = parse(render_issue(issue, "email", check=False).html).find(".//img")
    assert email.get("alt") == "Luchtfoto van de nieuwe wijk"
    assert email.get("width") == "552"  # scaled to the 600px column; height follows (auto)
    assert "Luchtfoto van de nieuwe wijk" in render_issue(issue, "text").text


def test_raw_html_in_markdown_is_shown_as_text_not_run(make_issue: MakeIssue) -> None:
    folder = make_issue(
        items={
            "01-woonwijk.md": """\
---
title: Nieuwe woonwijk
themes: [Wonen]
---
Let op: <script>alert(1)</script> en <b onclick="x()">vet</b>.
"""
        }
    )
    html = render_issue(load_issue(folder), "web", check=False).html
    root = parse(html)
    assert root.find(".//main//script") is None
    scripts = root.findall(".//script")  # only the template's, which folds the themes on phones
    assert len(scripts) == 1 and "details.toc" in scripts[0].text
    assert root.find(".//article//b") is None
    assert "<script>alert(1)</script>" in text(root.find(".//article"))


def test_an_english_issue_gets_english_labels_and_dates(make_issue: MakeIssue) -> None:
    folder = make_issue(
        issue=ISSUE_YML.replace("publisher:", "language: en\npublisher:"),
    )
    html = render_issue(load_issue(folder), "web", check=False).html
    root = parse(html)
    assert root.get("lang") == "en"
    assert text(root.find(".//a[@class='skip-link']")) == "Skip to content"
    assert text(root.find(".//p[@class='issue-meta']/time")) == "Monday, April 1, 2024"
    assert "Read more about Nieuwe woonwijk" in [text(a) for a in root.iter("a")]


def test_example_has_no_accessibility_findings(example: Issue) -> None:
    # The goal of the project: its own output passes its own checker.
    for page in (render_issue(example, "web"), render_issue(example, "email")):
        assert [(f.rule, f.line, f.message) for f in page.findings] == [], page.variant


def test_findings_are_reported_for_a_page_with_problems(tmp_path: Path) -> None:
    # A house-style override that drops the h1: render_issue reports what the checker finds.
    (tmp_path / "web.html").write_text(
        '<!DOCTYPE html><html lang="nl"><head><title>x</title></head>'
        "<body><main><p>{{ issue.title }}</p></main></body></html>",
        encoding="utf-8",
    )
    page = render_issue(load_issue(EXAMPLE), "web", templates=tmp_path)
    assert "page-has-heading-one" in {f.rule for f in page.findings}


def test_web_table_of_contents_links_to_every_theme_heading(
    renderings: dict[str, Rendered], example: Issue
) -> None:
    root = parse(renderings["web"].html)
    headings = {h.get("id"): text(h) for h in root.iter("h2") if h.get("id")}
    themes = [theme for theme in example.themes if example.items_under(theme)]
    contents = [a for a in root.iter("a") if (a.get("href") or "").lstrip("#") in headings]
    assert [headings[a.get("href").lstrip("#")] for a in contents[: len(themes)]] == themes
    for link in contents[: len(themes)]:
        assert text(link) == headings[link.get("href").lstrip("#")]
