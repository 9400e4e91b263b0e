"""Link rules: word lists, language choice and URL comparison, beyond the case catalogue."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from vngpublish.check import Page
from vngpublish.check.engine import check_page, evaluate
from vngpublish.check.facts.links import link_target, normalise_url
from vngpublish.check.registry import rules_by_id
from vngpublish.check.wordlists import (
    ONLY_HERE,
    generic_link_texts,
    generic_texts_for,
    languages,
    normalise_link_text,
    shared_link_texts,
)
from vngpublish.resources import checks_dir

Steps = Callable[[Callable[[], object]], int]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lees meer", "lees meer"),
        ("  LEES\n  MEER  ", "lees meer"),
        ("[Lees meer]", "lees meer"),
        ("Lees meer »", "lees meer"),
        ("Lees meer...", "lees meer"),
        ("› Read more →", "read more"),
        ("Lees meer ➡️", "lees meer"),
        ("Lees\u00a0meer ↗", "lees meer"),
        ("(Mehr)", "mehr"),
        ("Plus d’informations", "plus d'informations"),
        ("Lees meer over Raad op Zaterdag", "lees meer over raad op zaterdag"),
    ],
)
def test_normalise_link_text(text: str, expected: str) -> None:
    assert normalise_link_text(text) == expected


def test_every_language_the_brief_names_has_a_list() -> None:
    assert set(languages()) >= {"nl", "en", "de", "fr"}
    for phrase, language in [
        ("lees meer", "nl"),
        ("klik hier", "nl"),
        ("meer informatie", "nl"),
        ("hier", "nl"),
        ("bekijk", "nl"),
        ("read more", "en"),
        ("click here", "en"),
        ("learn more", "en"),
        ("more", "en"),
        ("hier klicken", "de"),
        ("mehr", "de"),
        ("weiterlesen", "de"),
        ("en savoir plus", "fr"),
        ("lire la suite", "fr"),
        ("cliquez ici", "fr"),
    ]:
        assert phrase in generic_link_texts(language), (phrase, language)


def test_word_list_files_hold_only_normalised_distinct_phrases() -> None:
    for path in sorted((checks_dir() / "wordlists").glob("*.txt")):
        phrases = [
            line.strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and line.strip() != ONLY_HERE
        ]
        assert phrases, path
        assert len(phrases) == len(set(phrases)), f"{path.name} repeats a phrase"
        for phrase in phrases:
            assert normalise_link_text(phrase) == phrase, f"{path.name}: {phrase!r}"


def test_language_is_chosen_by_primary_subtag() -> None:
    for tag in ("nl-NL", "NL", "nl"):
        # The whole Dutch list, "only in this language" phrases included.
        assert generic_link_texts("nl") <= generic_texts_for(tag)
        assert "meer" in generic_texts_for(tag)
    assert "meer" not in generic_texts_for("de-AT")
    assert "plus" in generic_texts_for("fr-BE")


def test_other_languages_lists_count_except_their_own_only_phrases() -> None:
    dutch = generic_texts_for("nl")
    assert {"read more", "click here", "mehr", "lire la suite"} <= dutch
    assert not {"plus", "suite", "lien", "go"} & dutch
    assert "lees meer" in generic_texts_for("en")
    assert "info" in dutch and "info" in generic_texts_for("en")
    assert "info" not in generic_texts_for("de")


def test_only_in_this_language_marks_phrases_in_the_list_files() -> None:
    assert {"plus", "suite", "lien"} <= generic_link_texts("fr")
    assert not {"plus", "suite", "lien"} & shared_link_texts("fr")
    assert "en savoir plus" in shared_link_texts("fr")
    assert ONLY_HERE not in generic_link_texts("fr")


def test_unknown_or_missing_language_uses_the_shared_phrases_of_every_list() -> None:
    for tag in (None, "", "es", "x-klingon"):
        merged = generic_texts_for(tag)
        assert {"lees meer", "read more", "mehr", "lire la suite"} <= merged
        assert not {"plus", "meer", "go"} & merged


def _findings(html: str, rule: str, path: str = "case.html", root: Path | None = None) -> list[str]:
    page = Page(html, path, site_root=root)
    return [f.outcome.value for f in check_page(page, rules_by_id([rule]))]


def test_generic_text_in_another_language_than_the_page_is_found() -> None:
    html = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<p lang="nl"><a href="/a">Lees meer</a></p><p><a href="/b">Lees meer</a></p>'
        '<p lang="nl"><a href="/c">Read more</a></p>'
        "</body></html>"
    )
    # A Dutch "Lees meer" on an English page, and an English leftover in a Dutch paragraph.
    assert _findings(html, "link-text-generic") == ["failed", "failed", "failed"]


def test_a_phrase_only_generic_in_one_language_is_a_name_in_others() -> None:
    html = (
        '<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body>'
        '<p><a href="https://www.plus.nl/">Plus</a></p><p lang="fr"><a href="/b">Plus</a></p>'
        "</body></html>"
    )
    # Only the French one is generic; on the Dutch page "Plus" is the supermarket chain.
    assert _findings(html, "link-text-generic") == ["failed"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://vng.nl/", "https://VNG.nl"),
        ("https://vng.nl:443/a", "https://vng.nl/a"),
        ("http://vng.nl:80/a/", "http://vng.nl/a"),
        ("https://vng.nl/a/index.html", "https://vng.nl/a/"),
        ("https://vng.nl/a#top", "https://vng.nl/a"),
    ],
)
def test_same_resource_normalises_equal(first: str, second: str) -> None:
    assert normalise_url(first) == normalise_url(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://vng.nl/a", "https://vng.nl/b"),
        ("https://vng.nl/a?id=1", "https://vng.nl/a?id=2"),
        ("http://vng.nl/a", "https://vng.nl/a"),
        ("https://vng.nl:8443/a", "https://vng.nl/a"),
        ("https://vng.nl/A", "https://vng.nl/a"),
    ],
)
def test_different_resources_stay_different(first: str, second: str) -> None:
    assert normalise_url(first) != normalise_url(second)


def test_root_relative_urls_resolve_against_the_site_root(tmp_path: Path) -> None:
    page_path = tmp_path / "nieuws" / "maart.html"
    html = (
        '<html lang="nl"><body><a href="../agenda.html">Agenda</a>'
        '<a href="/agenda.html">Agenda</a><a href="agenda.html">Agenda</a></body></html>'
    )
    page = Page(html, str(page_path), site_root=tmp_path)
    first, second, third = page.by_tag("a")
    assert link_target(page, first) == link_target(page, second)
    assert link_target(page, third) != link_target(page, second)
    assert _findings(html, "identical-links-same-purpose", str(page_path), tmp_path) == ["cantTell"]


def test_base_href_is_honoured() -> None:
    html = (
        '<html lang="nl"><head><base href="https://vng.nl/nieuws/"></head><body>'
        '<a href="maart">Nieuws</a><a href="https://vng.nl/nieuws/maart/">Nieuws</a>'
        "</body></html>"
    )
    assert _findings(html, "identical-links-same-purpose") == []


def test_identical_links_never_report_a_definite_failure() -> None:
    html = (
        '<html lang="nl"><body>'
        + "".join(f'<p><a href="/nieuws/{i}">Lees meer</a></p>' for i in range(5))
        + "</body></html>"
    )
    assert _findings(html, "identical-links-same-purpose") == ["cantTell"] * 4


def test_file_names_with_url_characters_resolve_as_paths(tmp_path: Path) -> None:
    page_path = tmp_path / "nieuws #3?.html"
    html = (
        '<html lang="nl"><body><a href="agenda.html">Agenda</a>'
        '<a href="/agenda.html">Agenda</a></body></html>'
    )
    page = Page(html, str(page_path), site_root=tmp_path)
    first, second = page.by_tag("a")
    assert link_target(page, first) == link_target(page, second)


def _link_rules_work(html: str, steps: Steps) -> int:
    page = Page(html, "big.html")
    rules = rules_by_id(["link-text-generic", "identical-links-same-purpose", "link-name"])
    return steps(lambda: [evaluate(page, rule) for rule in rules])


def test_many_generic_links_in_one_cell_take_linear_time(steps: Steps) -> None:
    def page(n: int) -> str:
        links = " | ".join(f'<a href="/nieuws/{i}">Lees meer</a>' for i in range(n))
        return (
            '<html lang="nl"><body><table><tr><th>Nieuws</th></tr>'
            f"<tr><td>{links}</td></tr></table></body></html>"
        )

    small, large = _link_rules_work(page(500), steps), _link_rules_work(page(2000), steps)
    # Four times the links: about four times the work (quadratic would be sixteen).
    assert large < 5 * small, (small, large)


def _contexts(html: str) -> list[str]:
    page = Page(f'<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body>{html}')
    return [str(f.args["context"]) for f in check_page(page, rules_by_id(["link-text-generic"]))]


@pytest.mark.parametrize(
    ("html", "context"),
    [
        # Inline elements add no space: none before the colon, none inside a word.
        (
            '<ul><li><strong>Spreidingswet</strong>: de ledenbrief over opvang. <a href="/s">'
            "Lees meer</a></li></ul>",
            "Spreidingswet: de ledenbrief over opvang.",
        ),
        ('<p>De <em>Omgevings</em>wet (<a href="/o">lees meer</a>).</p>', "De Omgevingswet ()."),
        # Block boundaries and line breaks do separate words.
        (
            '<ul><li>Ledenbrief<div><a href="/l">Download</a></div>Spreidingswet</li></ul>',
            "Ledenbrief Spreidingswet",
        ),
        (
            '<p>Ledenbrief<br>Spreidingswet <a href="/l">Download</a></p>',
            "Ledenbrief Spreidingswet",
        ),
    ],
)
def test_context_text_joins_inline_pieces_as_they_render(html: str, context: str) -> None:
    assert _contexts(html) == [context]


_BASES = (
    "",  # the page itself, at http://page.invalid/<name>
    "https://www.vng.nl/nieuws/2024/",
    "https://WWW.VNG.nl:443/a//b/c.html?x=1#top",
    "http://h:8080/a/b",
    "mailto:redactie@vng.nl",
)
_HREFS = (
    "",
    "#",
    "#agenda",
    "?page=2",
    "//cdn.vng.nl/logo.png",
    "///pad",
    "//",
    "/",
    "/privacy",
    "/nieuws//maart/",
    "/a/./b/../c",
    "index.html",
    "nieuws/index.htm",
    "../agenda.html",
    "./",
    ".",
    "..",
    "bijlage.pdf;jsessionid=1",
    "raad%20info/",
    "https://www.vng.nl/nieuws/",
    "https://www.vng.nl/nieuws/index.html?x=1#y",
    "https://WWW.vng.nl:443/",
    "http://www.vng.nl/a/../b",
    "https://vng.nl/?",
    "HTTPS://vng.nl/x",
    "mailto:info@vng.nl",
    "tel:+31701234567",
    "http:relatief",
    "*|UNSUB|*",
    "https://vng.nl/a b",
)


@pytest.mark.parametrize("base", _BASES)
def test_link_targets_are_what_urljoin_and_normalisation_give(base: str) -> None:
    # The resolution takes shortcuts (a cache shared by pages, no urljoin for plain URLs);
    # whatever the base and the href, it must give what the standard library gives.
    from urllib.parse import urljoin

    from vngpublish.check.facts.links import base_url, href_of

    head = f'<head><base href="{base}"></head>' if base else ""
    links = "".join(f'<a href="{href}">x</a>' for href in _HREFS)
    page = Page(f'<html lang="nl">{head}<body>{links}</body></html>', "nieuws/maart.html")
    for link in page.by_tag("a"):
        href = href_of(link) or ""
        try:
            expected: str | None = normalise_url(urljoin(base_url(page), href))
        except ValueError:
            expected = None
        assert link_target(page, link) == expected, href
