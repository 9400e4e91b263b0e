"""What keeps the checker fast, without timing anything.

- The fast paths answer exactly like the general code they short-cut.
- Checking a page costs work in proportion to its size: the number of Python steps for a page
  four times as large stays about four times as large (a quadratic spot would make it up to
  sixteen), also when the page is written on one line or nothing takes a fast path.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vngpublish.check.dom import collapsed_text
from vngpublish.check.engine import check_page
from vngpublish.check.facts import visibility
from vngpublish.check.facts.names import accessible_name
from vngpublish.check.facts.visibility import is_hidden
from vngpublish.check.locate import column, selector, text_start
from vngpublish.check.page import Page
from vngpublish.check.registry import rules_by_id

Steps = Callable[[Callable[[], object]], int]

NOTHING_HIDES = """<!doctype html>
<html lang="nl"><head><title>T</title><style>p { color: navy; display: block }</style>
<script>var x = "<p>niet zichtbaar</p>";</script></head>
<body>
<!-- een opmerking -->
<main>
  <h1>Kop</h1>
  <p aria-hidden="false">Tekst <a href="/a">link</a></p>
  <template><p>sjabloon</p></template>
  <noscript><p>geen script</p></noscript>
  <details><summary>Meer</summary><summary>tweede</summary><p>dicht</p>tekst</details>
  <details open><summary>Open</summary><p>open inhoud</p></details>
  <dialog><p>dicht venster</p></dialog><dialog open><p>open venster</p></dialog>
  <form><input type="hidden" name="a"><input type=" HIDDEN " name="b"><input name="c"></form>
  <svg><defs><circle r="1"/></defs><title>Logo</title><desc>beschrijving</desc><g><rect/></g></svg>
  <datalist id="d"><option value="x"></datalist>
  <p style="color: red">rood</p>
</main>
</body></html>
"""

# Pages with one thing that can hide content, and whether their last `p` ends up hidden.
ONE_THING_HIDES = [
    ('<style>.weg { display: none }</style><p class="weg">x</p>', True),
    ("<style>p { visibility: hidden }</style><p>x</p>", True),
    ('<p hidden style="display: block">x</p>', False),
    ("<p hidden>x</p>", True),
    ('<div aria-hidden="true"><p>x</p></div>', True),
    ('<div aria-hidden=" TRUE "><p>x</p></div>', True),
    ("<div inert><p>x</p></div>", True),
    ('<p style="display:none">x</p>', True),
    ('<div style="content-visibility: hidden"><p>x</p></div>', True),
]


def _answers(page: Page) -> list[tuple[bool, bool, str, bool]]:
    return [
        (
            visibility.is_hidden(page, node),
            visibility.is_rendered(page, node),
            visibility.computed_visibility(page, node),
            visibility.is_invisible_only(page, node),
        )
        for node in page.root.iter()
    ]


def test_visibility_fast_path_answers_like_the_full_cascade(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = Page(NOTHING_HIDES)
    special = visibility._may_differ(fast)
    assert special is not None and fast.by_tag("h1")[0] not in special, "a fast path is taken"
    fast_answers = _answers(fast)
    monkeypatch.setattr(visibility, "_may_differ", lambda page: None)  # compute every element
    assert _answers(Page(NOTHING_HIDES)) == fast_answers
    # And the answers are the ones a browser gives, not merely the same twice.
    assert not is_hidden(fast, fast.by_tag("h1")[0])
    assert is_hidden(fast, fast.by_tag("template")[0])
    dialogs = fast.by_tag("dialog")
    assert is_hidden(fast, dialogs[0]) and not is_hidden(fast, dialogs[1])


@pytest.mark.parametrize(("body", "hidden"), ONE_THING_HIDES)
def test_pages_where_something_can_hide_answer_like_the_full_cascade(
    body: str, hidden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = f"<!doctype html><html><head></head><body>{body}<b>y</b></body></html>"
    page = Page(source)
    assert is_hidden(page, page.by_tag("p")[-1]) is hidden
    assert not is_hidden(page, page.by_tag("b")[0])
    answers = _answers(page)
    monkeypatch.setattr(visibility, "_may_differ", lambda page: None)
    assert _answers(Page(source)) == answers


def test_with_attribute_finds_every_element_carrying_it() -> None:
    extra = '<p xml:lang="en" data-x="" ROLE="note">x</p></main>'
    page = Page(NOTHING_HIDES.replace("</main>", extra), "page.xhtml")
    names = {name for el in page.elements for name in el.attrib}
    assert {"xml:lang", "role", "aria-hidden", "data-x"} <= names
    for name in [*names, "not-there"]:
        expected = [el for el in page.elements if name in el.attrib]
        assert page.with_attribute(name) == expected, name


def test_text_start_is_the_start_of_the_collapsed_text() -> None:
    page = Page(
        "<div>  Een\n\t<b>twee </b><!-- x -->drie<span>   </span>"
        "<i>vier  vijf</i>zes zeven acht negen tien elf twaalf   </div>"
    )
    div = page.by_tag("div")[0]
    full = collapsed_text(div)
    for limit in range(len(full) + 3):
        fresh_page = Page(page.source)
        fresh = fresh_page.by_tag("div")[0]
        assert text_start(fresh_page, fresh, limit) == full[:limit]
    # Asked again with a shorter or longer limit, the kept start serves or is extended.
    assert text_start(page, div, 30) == full[:30]
    assert text_start(page, div, 5) == full[:5]
    assert text_start(page, div, 200) == full


def test_columns_on_a_page_written_on_one_line() -> None:
    source = '<html><body><p>a</p><P class="x">b</P><p>c <a href="/">d</a></p></body></html>'
    page = Page(source)
    columns = [column(page, p) for p in page.by_tag("p")]
    assert columns == [source.index("<p>") + 1, source.index("<P ") + 1, source.rindex("<p>") + 1]
    assert column(page, page.by_tag("a")[0]) == source.index("<a ") + 1


# ------------------------------------------------------------------ linear work
def _site_page(items: int, prefix: str, *, one_line: bool, hiding: bool) -> str:
    """A CMS-like page and an e-mail-like part with `items` news items each."""
    parts = []
    for i in range(items):
        parts.append(
            f"<article><h2>Bericht {i} over de begroting</h2>"
            f"<p><strong>Raadsvergadering {i}</strong></p>"
            f"<p>De gemeenteraad bespreekt punt {i} van de agenda in de commissie.</p>"
            f'<ul><li><a href="/{prefix}/nieuws/{i}">Lees meer</a></li>'
            f'<li><a href="https://example.org/{prefix}/{i}">Lees meer</a></li></ul>'
            f'<img src="/img/{i}.png" alt="">'
            f'<table role="presentation"><tr><td style="padding:4px">'
            f'<table><tr><td><a href="/{prefix}/mail/{i}">Klik hier</a></td></tr></table>'
            f"</td></tr></table>"
            + ('<div aria-hidden="true"><span>verborgen</span></div>' if hiding else "")
            + f'<p id="dubbel">Tekst {i}</p></article>'
        )
    separator = "" if one_line else "\n"
    return separator.join(
        [
            '<!doctype html><html lang="nl"><head><title>Nieuws</title>',
            "<style>.nav { display: block }</style></head><body><main>",
            *parts,
            "</main></body></html>",
        ]
    )


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one-line"])
@pytest.mark.parametrize("hiding", [False, True], ids=["fast-path", "full-cascade"])
def test_work_grows_linearly_with_the_page(one_line: bool, hiding: bool, steps: Steps) -> None:
    rules = rules_by_id(None)
    # Warm up process-wide caches (language model, stylesheet parses) on another page.
    check_page(Page(_site_page(10, "warm", one_line=one_line, hiding=hiding)), rules)
    small = _site_page(20, "small", one_line=one_line, hiding=hiding)
    large = _site_page(80, "large", one_line=one_line, hiding=hiding)
    small_steps = steps(lambda: check_page(Page(small), rules))
    large_steps = steps(lambda: check_page(Page(large), rules))
    findings = check_page(Page(large), rules)
    assert len(findings) > 80, "the page should give the rules plenty to report"
    assert large_steps < 4.6 * small_steps, (small_steps, large_steps)


# A page with what the shortcuts below must tell apart: roles on elements that have implicit
# ones, ids unique and repeated, links and headings with and without naming attributes, hidden
# content, siblings sharing tags.
VARIED = """<!doctype html>
<html lang="nl"><head><title>T</title><style>.blok { display: block }</style></head><body>
<header><nav><a href="/">Home</a><a href="/a" role="button">Knop</a><a>geen href</a></nav></header>
<main id="inhoud">
  <h1>Kop</h1><h2 role="presentation">Geen kop</h2><h2 aria-label="Label">Tekst</h2>
  <h3 title="Titel"></h3><h4 hidden>Verborgen</h4><h5 role="textbox" aria-placeholder="p"></h5>
  <section aria-label="Deel"><p>een</p><p>twee <b>vet</b></p><p id="dubbel">drie</p></section>
  <section><p id="dubbel">vier</p><ul><li><a href="/x" title="Uitleg"></a></li>
  <li><a href="/y" aria-labelledby="inhoud">x</a></li><li><a href="/z" aria-owns="o">z</a></li>
  </ul><span id="o">eigen</span></section>
  <table><tbody><tr><th>k</th><td>c</td></tr></tbody></table>
  <table role="presentation"><tbody><tr><td><a href="/t"><!-- c -->tekst</a></td></tr>
  </tbody></table>
  <h2><bdi>Titel</bdi> <span class="x">deel</span><!-- c --></h2>
  <h3><span class="blok">blok</span>x</h3>
  <a href="/q"><b> </b>vet<i hidden>weg</i></a><a href="/w">zicht<span class="weg">baar</span></a>
  <h4 title="t"><span> </span></h4>
  <h5><span style="display:block">stijl</span>x</h5><h6><a href="/r" title="t">in kop</a></h6>
  <div role="heading" aria-level="3">Rolkop</div><div role="link" tabindex="0">Rollink</div>
  <p role="none" tabindex="0">focus</p><span role="foo generic">x</span>
  <article><footer>v</footer><aside>z</aside></article><footer>onder</footer>
</main></body></html>
"""


def test_checking_a_page_leaves_no_reference_cycles() -> None:
    # A page that is part of a cycle (with its whole lxml tree, its facts and its styles) is
    # freed only when the cycle collector runs, and every collection then walks all of it. The
    # runner counts on this: it collects rarely while it checks (runner._CHECKING_THRESHOLDS).
    import gc
    from pathlib import Path

    examples = Path(__file__).parents[2] / "examples"
    styled = examples / "new-user" / "nieuwsbrief.html"  # a linked house-style stylesheet
    pages = [
        (VARIED, "<string>"),
        (NOTHING_HIDES, "<string>"),
        (_site_page(5, "c", one_line=False, hiding=True), "<string>"),
        (styled.read_text(encoding="utf-8"), str(styled)),
    ]
    rules = rules_by_id(None)
    for source, path in pages:  # caches that live as long as the process, filled
        check_page(Page(source, path=path), rules)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.set_debug(gc.DEBUG_SAVEALL)
        for source, path in pages:
            check_page(Page(source, path=path), rules)
        found = gc.collect()
        kinds = sorted({type(o).__name__ for o in gc.garbage})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert found == 0, f"left in reference cycles: {kinds}"


def test_by_tag_gives_what_lxml_gives() -> None:
    page = Page(VARIED)
    for tags in [("a",), ("p", "div"), ("h1", "h2", "h3"), ("nothing",), ("a", "nothing")]:
        assert page.by_tag(*tags) == list(page.root.iter(*tags)), tags


def test_roles_by_tag_alone_match_the_general_computation(monkeypatch: pytest.MonkeyPatch) -> None:
    from vngpublish.check.facts import html_roles
    from vngpublish.check.facts.roles import role

    page = Page(VARIED)
    fast = [role(page, el) for el in page.elements]
    monkeypatch.setattr(html_roles, "_PLAIN_IMPLICIT", {})
    page = Page(VARIED)
    assert [role(page, el) for el in page.elements] == fast


@pytest.mark.parametrize("hiding", [False, True], ids=["plain", "css-hides"])
def test_names_of_text_only_elements_match_the_full_walk(
    monkeypatch: pytest.MonkeyPatch, hiding: bool
) -> None:
    from vngpublish.check.facts import names

    source = VARIED.replace("</style>", ".weg { display: none }</style>") if hiding else VARIED
    page = Page(source)
    fast = [accessible_name(page, el) for el in page.elements]
    assert {"Home", "Uitleg", "Titel deel", "blok x", "vet", "t"} <= set(fast)
    assert ("zicht" if hiding else "zichtbaar") in fast
    monkeypatch.setattr(names, "_TEXT_ONLY_TAGS", frozenset())
    page = Page(source)
    assert [accessible_name(page, el) for el in page.elements] == fast


def test_selectors_pick_out_exactly_their_element() -> None:
    page = Page(VARIED)
    selectors = [selector(page, el) for el in page.elements]
    assert "#inhoud > section:nth-of-type(2) > ul > li:nth-of-type(3) > a" in selectors
    import cssselect2

    root = cssselect2.ElementWrapper.from_html_root(page.root)
    for el, written in zip(page.elements, selectors, strict=True):
        [compiled] = cssselect2.compile_selector_list(written)
        assert [w.etree_element for w in root.iter_subtree() if compiled.test(w)] == [el], written


def _flat_page(items: int) -> str:
    """Every reported element a child of one `main`: siblings by the thousand on real pages
    (a long list of news items), where counting siblings per element would be quadratic."""
    parts = [
        f"<p><b>Kop {i}</b></p><p>Tekst {i} van de alinea.</p>"
        f'<a href="/nieuws/{i}">Lees meer</a><img src="/{i}.png">'
        for i in range(items)
    ]
    body = "".join(parts)
    return f'<html lang="nl"><head><title>T</title></head><body><main>{body}</main></body></html>'


def test_work_grows_linearly_with_many_siblings(steps: Steps) -> None:
    rules = rules_by_id(None)
    check_page(Page(_flat_page(10)), rules)
    small_steps = steps(lambda: check_page(Page(_flat_page(50)), rules))
    large_steps = steps(lambda: check_page(Page(_flat_page(200)), rules))
    assert len(check_page(Page(_flat_page(200)), rules)) > 600
    assert large_steps < 4.6 * small_steps, (small_steps, large_steps)
