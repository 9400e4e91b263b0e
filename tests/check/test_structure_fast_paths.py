"""The short cuts of the structure rules answer exactly like the general code they stand for.

- A page checked alone answers the bypass questions one at a time (`facts.own_content`), as
  the full verdict the site pass computes from every block and link (`facts.blocks.verdict`)
  would with the page's own mask.
- A section or form that has nothing to name it is no landmark, without its name computed.
- visual-reference searches with its slow patterns only texts holding the words they need.
- heading-descriptive normalises a heading once: the section name is the same.
- region finds text outside links in one walk down, not by looking up from every node.
"""

from __future__ import annotations

import random
import re

import pytest
from case_files import Case, all_cases

from vngpublish.check.dom import Element
from vngpublish.check.facts import landmarks
from vngpublish.check.facts.blocks import page_mask, page_structure, verdict
from vngpublish.check.facts.own_content import (
    collapsible,
    has_heading,
    has_landmark,
    own_content,
    skip_links,
    tab_stops_before,
)
from vngpublish.check.facts.topic import normalise, section_name
from vngpublish.check.page import Page
from vngpublish.check.rules.landmarks import region
from vngpublish.check.rules.page import visual_reference

_STRUCTURE_RULES = {
    "bypass",
    "skip-link",
    "non-repeated-content-heading",
    "non-repeated-content-landmark",
    "region",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
}

SKIP_LINKS = """<!doctype html><html lang="nl"><head><title>Nieuws</title></head><body>
<a href="#nergens">Naar de inhoud</a> <a href="#menu">Naar het menu</a>
<header><a href="/" tabindex="0"><img src="logo.png" alt="Gemeente Utrecht"></a>
  <button onclick="toggle()">Menu</button></header>
<nav id="menu"><a href="/nieuws">Nieuws</a> <a href="/raad" tabindex="0">Raad</a>
  <a href="/zoeken">Zoeken</a> <span tabindex="0">Meer</span></nav>
<div id="inhoud"><p>Raadsvergadering 12 maart</p><a href="#inhoud">Terug</a></div>
<footer><a href="/contact">Contact</a></footer>
<script>function toggle() {}</script>
</body></html>
"""


def _structure_pages() -> list[Case]:
    return [case for case in all_cases() if case.rule in _STRUCTURE_RULES]


@pytest.mark.parametrize("case", _structure_pages(), ids=lambda case: case.source)
def test_a_page_alone_answers_like_the_full_verdict(case: Case) -> None:
    page = Page(case.html)
    split = own_content(page)
    full = Page(case.html)
    structure = page_structure(full)
    expected = verdict(structure, page_mask(structure))
    assert (split is None) == (expected is None)
    if split is None or expected is None:
        return
    skip, broken = skip_links(page)
    broken_at = structure.where[expected.broken_at] if expected.broken_at is not None else None
    assert (split.first_repeated, split.own[0]) == (expected.first_repeated, expected.first_own)
    assert has_heading(page) == expected.heading
    assert has_landmark(page) == expected.landmark
    assert skip == expected.skip
    assert (broken[1] if broken else None) == expected.broken_skip
    assert (broken[0].sourceline if broken else None) == (
        broken_at.sourceline if broken_at is not None else None
    )
    assert collapsible(page) == expected.collapsible
    assert tab_stops_before(page) == expected.tab_stops


def test_skip_links_and_tab_stops_on_a_busy_header() -> None:
    page = Page(SKIP_LINKS)
    skip, broken = skip_links(page)
    # "#nergens" has no target; "#menu" lands in the repeated menu; "#inhoud" skips them.
    assert skip and broken is None
    structure = page_structure(Page(SKIP_LINKS))
    found = verdict(structure, page_mask(structure))
    assert found is not None and found.skip
    # The header's logo link (with a tabindex: still one stop) and button, and the menu's
    # first three of its four (a block is counted up to three).
    assert tab_stops_before(page) == found.tab_stops == 5


_NAMED_OR_NOT = """<!doctype html><html><head><title>t</title></head><body>
<section><h2>Geen naam</h2></section>
<section aria-label="Nieuws"><h2>Nieuws</h2></section>
<section aria-label="  "><p>lege naam</p></section>
<section title="Agenda"><p>met titel</p></section>
<section aria-labelledby="kop"><h2 id="kop">Raad</h2></section>
<section aria-labelledby="weg"><p>verwijst naar niets</p></section>
<section role="region"><p>rol zonder naam</p></section>
<section role="navigation"><a href="/">Home</a></section>
<form><input name="q"></form>
<form aria-label="Zoeken"><input name="q"></form>
<form title="Aanmelden"><input name="e"></form>
<div hidden><section aria-label="Verborgen"><p>x</p></section></div>
</body></html>
"""


def test_sections_and_forms_without_a_name_skip_the_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = [_NAMED_OR_NOT, *(case.html for case in _structure_pages())]
    fast = [[landmarks.landmark_role(p, el) for el in p.elements] for p in map(Page, sources)]
    assert fast[0].count("region") == 3 and fast[0].count("form") == 2
    monkeypatch.setattr(landmarks, "_NAMED_ONLY_TAGS", frozenset())
    slow = [[landmarks.landmark_role(p, el) for el in p.elements] for p in map(Page, sources)]
    assert slow == fast


def _phrases(count: int) -> list[str]:
    """Texts made of the patterns' own words, in any order and case, some with the
    characters that match an ASCII letter only when case is ignored (İ, ı, ſ, K)."""
    words = sorted(
        set(re.findall(r"[a-z]+", " ".join(p.pattern for p in visual_reference._PATTERNS.values())))
    )
    pool = [*words, "star-shaped", "top-right", "left-hand", "de", "het", "the", ".", ","]
    odd = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
    generator = random.Random(2024)
    phrases = []
    for _ in range(count):
        text = " ".join(generator.choice(pool) for _ in range(generator.randint(1, 5)))
        phrases.append(
            "".join(
                generator.choice(odd[char])
                if char in odd and generator.random() < 0.05
                # A tenth of the letters in upper case.
                else char.upper()
                if generator.random() < 0.1
                else char
                for char in text
            )
        )
    return phrases


def test_visual_reference_searches_every_text_its_patterns_can_match() -> None:
    phrases = [
        *_phrases(40_000),
        "Klik op de rode knop rechts",
        "the box on the left",
        "De afbeelding hiernaast",
        "KLIK OP HET DRIEHOEKJE",
        "Druk op de groene knop",
        "the button in the top right corner",
        "Ga naar de linkerkolom",
    ]
    matching = [
        text
        for text in phrases
        if any(pattern.search(text) for pattern in visual_reference._PATTERNS.values())
    ]
    assert len(matching) > 1_000
    assert all(visual_reference._may_match(text) for text in matching)
    assert not visual_reference._may_match("De raad vergadert over de begroting van 2025.")


@pytest.mark.parametrize(
    "text",
    [
        "2.4 Conformiteit",
        "A. Bijlage",
        "a new hope",
        "Inleiding §",
        "2.4 Scope §",
        "Status Permalink for Section 2",
        "2.4 .",
        "1. 2. Kop",
        "  Titel:  ",
        "§",
        "12 maart",
    ],
)
def test_a_section_name_is_found_from_the_text_normalised_once(text: str) -> None:
    permalink = re.compile(r"\s*(?:§|permalink for .*)$")
    number = re.compile(r"^(?:[a-z]|\d+)(?:\.\d+)*\.?\s+")
    key = permalink.sub("", normalise(text))
    assert section_name(text) == normalise(number.sub("", key))


def _text_outside_links(el: Element) -> bool:
    """What region's `_other_content` answers, asked of each node's ancestors."""
    for node in el.iter():
        in_link = node.tag == "a" or any(a.tag == "a" for a in node.iterancestors() if a is not el)
        if not in_link and (node.text or "").strip():
            return True
        if node is not el and (node.tail or "").strip():
            parent = node.getparent()
            if parent is not None and (parent is el or parent.tag != "a"):
                return True
    return False


def test_region_finds_text_outside_links_without_looking_up_from_each_node() -> None:
    sources = [case.html for case in all_cases() if case.rule in ("region", "bypass", "skip-link")]
    sources.append(
        "<!doctype html><html><body><div><a href='#i'>Naar de inhoud</a></div>"
        "<div><a href='#i'><span><b>Naar</b> de inhoud</span></a><!-- opmerking --></div>"
        "<a href='/'><div><p><b>Home</b>pagina</p></div></a> <p>Lees <a href='#x'>meer</a></p>"
        "</body></html>"
    )
    for source in sources:
        page = Page(source)
        for el in page.elements:
            assert region._other_content(el) == _text_outside_links(el), source


def _blocks_from_text_nodes(body: Element) -> set[Element]:
    """visual-reference's candidate blocks, from XPath's text nodes and their parents."""
    blocks = set()
    for piece in body.xpath(".//text()"):
        words = piece.lower().split()
        if visual_reference._TRIGGER_TOKENS.isdisjoint(words):
            continue
        holder = piece.getparent()
        if holder is not None and piece.is_tail:
            holder = holder.getparent()
        while holder is not None and holder.tag not in visual_reference._BLOCK_SET:
            holder = holder.getparent()
        if holder is not None:
            blocks.add(holder)
    return blocks


def test_visual_reference_reads_each_text_node_once_from_the_elements() -> None:
    sources = [case.html for case in all_cases() if case.rule == "visual-reference"]
    sources.append(
        "<!doctype html><html><body>Links <!-- rode knop --> rechts<p>De <b>rode</b> knop"
        "<ul><li>Rechts boven</li></ul>links</p><div>tekst <span>links</span></div>"
        "<td>grote <script>rode</script> knop</td></body></html>"
    )
    for source in sources:
        body = Page(source).body
        assert body is not None
        found = visual_reference._blocks_with_trigger_words(body)
        assert len(found) == len(set(found))
        assert set(found) == _blocks_from_text_nodes(body), source


JUMPS = """<!doctype html><html lang="nl"><head><title>Nieuws</title></head><body>
<header><a href="#menu">Menu</a> <a href="#top">Boven</a></header>
<nav id="menu"><a href="/">Home</a> <a href="#zoeken">Zoeken</a></nav>
<div id="zoeken"><form><input name="q"></form> <a href="#nergens">Verder</a></div>
<aside><a href="#inhoud">Naar de inhoud</a> <a href="#menu">Terug naar het menu</a></aside>
<div id="inhoud"><p>Raadsvergadering</p><a href="#voet">Naar de voet</a></div>
<div><p>Meer nieuws</p> <span onclick="location.hash = '#menu'">menu</span></div>
<footer id="voet"><a href="#weg">Weg</a> <a href="#inhoud">Inhoud</a></footer>
</body></html>
"""


@pytest.mark.parametrize(
    "source",
    [
        JUMPS,
        # The first link goes to the top block: it is never reported, the next one can be.
        JUMPS.replace("<header>", '<header id="kop">').replace('"#menu">Menu', '"#kop">Menu'),
        JUMPS.replace('"#top"', '"#zoeken"'),
        SKIP_LINKS,
        *(case.html for case in all_cases() if case.rule == "skip-link"),
    ],
)
def test_the_site_pass_locates_every_link_it_can_report(source: str) -> None:
    from itertools import product

    from vngpublish.check.facts.blocks import broken_skip, split
    from vngpublish.check.facts.top_blocks import jump_links, jump_works

    page = Page(source)
    structure = page_structure(page)
    links = [link for link, _ in jump_links(page)]
    assert len(links) == len(structure.jumps)
    for repeated in product([False, True], repeat=min(len(structure.blocks), 10)):
        mask = [*repeated, *[False] * (len(structure.blocks) - len(repeated))]
        found = verdict(structure, mask)
        own = split(mask)
        if found is None or own is None:
            continue
        expected = None
        for jump, link in zip(structure.jumps, links, strict=True):
            if jump_works(jump.landing, set(own.own), own.first_repeated):
                expected = None
                break
            if expected is None and broken_skip(jump.landing, jump.block, jump.target, own.own[0]):
                expected = link
        reported = structure.where[found.broken_at] if found.broken_at is not None else None
        assert reported is expected
