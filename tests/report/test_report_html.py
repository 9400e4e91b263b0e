"""The HTML report: what it says, that it escapes anything a checked page holds, that it is
self-contained and accessible by the checker's own rules, and that it stays compact."""

from __future__ import annotations

import base64
import hashlib
import io
import itertools
import re
from pathlib import Path

import pytest
from report_helpers import NOW, PROBLEMS, finding, parse, report, text

from vngpublish.check import check_html
from vngpublish.check.api import write_report
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.registry import load_rules
from vngpublish.check.report import formats, writer_class
from vngpublish.check.report.html import Writer, showable
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary

HOSTILE_SNIPPET = '<img title="</script><script>alert(1)</script>" alt="<!-- \' &quot; \x01\x1b">'


def cell_texts(row: object) -> list[str]:
    """The texts of a table row's cells."""
    return [text(cell) for cell in row.xpath("./th|./td")]  # type: ignore[attr-defined]


def table(tree: object, caption: str) -> list[list[str]]:
    """The body rows of the table with this caption, as cell texts."""
    tables = [
        t
        for t in tree.xpath("//table")  # type: ignore[attr-defined]
        if text(t.find("caption")) == caption
    ]
    assert len(tables) == 1, f"expected one table captioned {caption!r}"
    return [cell_texts(row) for row in tables[0].xpath("./tbody/tr")]


# --- the report on real pages ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_checker_finds_nothing_on_the_report_with_every_rule(
    site_reports: dict[str, Path], lang: str
) -> None:
    source = site_reports[lang].read_text(encoding="utf-8")
    findings = check_html(source, path=f"report-{lang}.html", select=["all"])
    assert [(f.rule, f.line, f.message) for f in findings] == []


def test_the_report_of_the_problem_page_lists_every_finding_of_the_check(
    site_reports: dict[str, Path],
) -> None:
    expected = check_html(PROBLEMS.read_text(encoding="utf-8"), path=str(PROBLEMS), select=["all"])
    tree = parse(site_reports["en"].read_text(encoding="utf-8"))
    rows = tree.xpath("//tr[@data-count]")
    assert len(rows) == len(expected) > 10
    shown = sorted((r.get("data-rule"), text(r.xpath("./th")[0])) for r in rows)
    assert shown == sorted((f.rule, f"{f.line}:{f.column}") for f in expected)


def test_write_report_counts_what_it_checked(example_site: Path) -> None:
    out = io.StringIO()
    summary = write_report([str(example_site), str(PROBLEMS)], out, "en", err=io.StringIO())
    pages = len(list(example_site.rglob("*.html"))) + 1
    assert summary.files == pages
    assert summary.errors > 0 and summary.review > 0
    overview = dict(table(parse(out.getvalue()), "Overview of the check"))  # type: ignore[arg-type]
    assert overview["Pages checked"] == str(pages)
    assert overview["Errors"] == str(summary.errors)
    assert overview["Needs review"] == str(summary.review)


# --- hostile content ------------------------------------------------------------------------


def test_snippets_messages_and_paths_are_escaped_whatever_they_hold() -> None:
    path = 'site/"><script>alert(2)</script>.html'
    message = "Text </style><!-- with \x00 and \x7f and \ud800 inside"
    document = report(
        {path: [finding("image-alt", path, snippet=HOSTILE_SNIPPET, message=message)]}
    )
    tree = parse(document)
    # Nothing the page held became markup: one script (ours), one style, no comments.
    assert len(tree.xpath("//script")) == 1
    assert len(tree.xpath("//style")) == 1
    assert tree.xpath("//comment()") == []
    assert tree.xpath("//img") == []
    # It is all there as text, with the unshowable characters replaced by their code.
    snippets = [text(pre) for pre in tree.xpath("//pre")]
    assert " ".join(showable(HOSTILE_SNIPPET).split()) in snippets
    body = text(tree.find("body"))
    assert showable(message) in body
    assert "[U+0000]" in body and "[U+007F]" in body and "[U+D800]" in body
    assert path in body
    for char in ("\x00", "\x01", "\x1b", "\x7f", "\ud800"):
        assert char not in document
    document.encode("utf-8")  # a lone surrogate would make the file unwritable


def test_the_problem_page_with_its_script_and_comment_texts_stays_inert(
    site_reports: dict[str, Path],
) -> None:
    document = site_reports["nl"].read_text(encoding="utf-8")
    tree = parse(document)
    assert len(tree.xpath("//script")) == 1
    assert tree.xpath("//comment()") == []
    # The link text of the problem page is in a message, as text, control characters shown.
    messages = [text(p) for p in tree.xpath("//tr[@data-count]//p")]
    assert any("“</script><!-- \"zie\" 'dit'”" in m for m in messages)
    assert any("[U+0001][U+001B] klik hier" in m for m in messages)
    assert document.count("</script>") == 1


def test_showable_keeps_ordinary_text_and_replaces_what_html_cannot_carry() -> None:
    assert showable("Lees méér\t→ 🙂\n") == "Lees méér\t→ 🙂\n"
    assert showable("a\x01b\x85c\ufffed\U0010ffff") == "a[U+0001]b[U+0085]c[U+FFFE]d[U+10FFFF]"


# --- self-contained, with a Content-Security-Policy ------------------------------------------


def sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


def test_the_content_security_policy_allows_exactly_the_inline_style_and_script() -> None:
    tree = parse(report({"a.html": [finding("image-alt", "a.html")]}))
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert len(policy) == 1
    directives = {
        part.split()[0]: part.split()[1:] for part in policy[0].split(";") if part.strip()
    }
    assert directives["default-src"] == ["'none'"]
    assert directives["style-src"] == [f"'{sha256(tree.xpath('//style')[0].text)}'"]
    assert directives["script-src"] == [f"'{sha256(tree.xpath('//script')[0].text)}'"]
    assert "img-src" not in directives  # the report has no images at all


def test_the_report_loads_nothing_from_anywhere() -> None:
    tree = parse(report({"a.html": [finding("image-alt", "a.html")]}))
    assert tree.xpath("//*[@src]|//link|//img|//iframe|//object|//embed|//base") == []
    style = tree.xpath("//style")[0].text
    assert "url(" not in style and "@import" not in style
    script = tree.xpath("//script")[0].text
    for loader in ("fetch(", "XMLHttpRequest", "import(", ".src", "eval("):
        assert loader not in script


# --- what it says ---------------------------------------------------------------------------


def test_failures_and_findings_to_review_are_counted_apart() -> None:
    pages = {
        "a.html": [
            finding("image-alt", "a.html"),
            finding("link-text-generic", "a.html", outcome=Outcome.CANT_TELL, line=20),
            finding("duplicate-id", "a.html", line=30),
        ]
    }
    tree = parse(report(pages))
    overview = dict(table(tree, "Overview of the check"))  # type: ignore[arg-type]
    assert (overview["Errors"], overview["Warnings"], overview["Needs review"]) == ("1", "1", "1")
    kinds = {r.get("data-rule"): text(r.xpath("./td")[0]) for r in tree.xpath("//tr[@data-count]")}
    assert kinds == {
        "image-alt": "Error",
        "link-text-generic": "Needs review",
        "duplicate-id": "Warning",
    }


def test_success_criteria_with_and_without_failures_for_the_accessibility_statement() -> None:
    pages = {
        "a.html": [
            finding("image-alt", "a.html"),
            finding("link-text-generic", "a.html", outcome=Outcome.CANT_TELL),
        ],
        "b.html": [finding("image-alt", "b.html", line=3)],
    }
    rules = ["image-alt", "link-text-generic", "document-title", "duplicate-id"]
    tree = parse(report(pages, "nl", rules=rules))
    failed = table(tree, "Succescriteria met afkeuringen")
    assert failed == [
        ["WCAG 1.1.1 Niet-tekstuele content", "A", "9.1.1.1", "2", "0", "2", "image-alt"]
    ]
    caption = "Criteria zonder gevonden afkeuringen: maar deels getoetst"
    untested = {row[0]: row[1:] for row in table(tree, caption)}
    # 2.4.4 had only a finding to review: no failure, but the count to review is shown, which
    # rules tested it, and that a person must check the rest.
    assert untested["WCAG 2.4.4 Linkdoel (in context)"] == [
        "A",
        "9.2.4.4",
        "1",
        "link-text-generic: Linktekst zegt waar de link naartoe gaat",
        "al het andere dat WCAG 2.4.4 vraagt",
    ]
    assert untested["WCAG 2.4.2 Paginatitel"][2:] == [
        "0",
        "document-title: Pagina heeft een titel",
        "al het andere dat WCAG 2.4.2 vraagt",
    ]
    # Only what the selected rules test; duplicate-id is a best practice without a criterion.
    tested = {sc for r in rules for sc in load_rules()[r].wcag}
    assert len(untested) == len(tested) - 1
    body = text(tree.find("body"))
    assert "Automatische controles dekken maar een deel van WCAG" in body
    assert "Geen van deze criteria is goedgekeurd" in body
    assert "checks/wcag/README.md" in body


def test_no_criterion_is_presented_as_met_when_nothing_failed() -> None:
    tree = parse(report({"a.html": []}, rules=["document-title", "meta-viewport"]))
    body = text(tree.find("body"))
    assert "No success criterion tested has failures" not in body
    assert "That does not mean the pages meet them" in body
    assert "None of these criteria is passed" in body
    rows = table(tree, "Criteria without failures found: tested only in part")
    assert [row[-1] for row in rows] == [
        "everything else WCAG 1.4.4 asks",
        "everything else WCAG 2.4.2 asks",
    ]
    assert all(row[-2] for row in rows), "every criterion names the rules that tested it"


def test_without_the_rule_selection_the_report_says_it_cannot_list_criteria_passed() -> None:
    tree = parse(report({"a.html": [finding("image-alt", "a.html")]}, rules=None))
    captions = [text(c) for c in tree.xpath("//caption")]
    assert "Criteria without failures found: tested only in part" not in captions
    assert "cannot list the success criteria the rules tested without finding" in text(tree)


def test_every_finding_links_to_its_rule_and_the_rule_to_wcag_understanding() -> None:
    tree = parse(report({"a.html": [finding("image-alt", "a.html")]}))
    row = tree.xpath("//tr[@data-count]")[0]
    assert row.xpath(".//a/@href") == ["#rule-image-alt"]
    rule = tree.get_element_by_id("rule-image-alt")
    links = rule.xpath(".//a/@href")
    assert "https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html" in links


def test_rule_help_is_written_once_however_many_findings() -> None:
    why = load_rules()["image-alt"].why
    assert why, "image-alt has a why text"
    pages = {f"p{n}.html": [finding("image-alt", f"p{n}.html", line=n)] for n in range(50)}
    assert text(parse(report(pages))).count(why) == 1


def test_each_rule_says_what_it_checks_in_the_reports_language() -> None:
    tree = parse(report({"a.html": [finding("image-alt", "a.html")]}, "nl"))
    about = tree.get_element_by_id("rule-image-alt").xpath(".//details[@class='about']")[0]
    assert text(about.xpath("summary")[0]) == "Wat deze regel controleert"
    first = text(about.xpath("p")[0])
    assert first.startswith('Geldt voor img-elementen en elementen met role="img"')
    assert about.xpath("p[1]/code")[0].text == "img"
    assert not about.xpath(".//a"), "no link without a docs-url"


def test_each_rule_links_to_its_page_where_the_configuration_says_they_are() -> None:
    out = io.StringIO()
    url = "https://example.org/vngpublish/{lang}/{rule}.html"
    writer = Writer(out, io.StringIO(), "en", catalog=load_rules(), docs_url=url, now=NOW)
    writer.file("a.html", [finding("image-alt", "a.html")])
    writer.close(Summary(files=1, errors=1))
    about = parse(out.getvalue()).get_element_by_id("rule-image-alt")
    links = about.xpath(".//details[@class='about']//a/@href")
    assert links == ["https://example.org/vngpublish/en/image-alt.html"]


def test_identical_findings_on_several_pages_are_shown_once_with_their_pages() -> None:
    snippet = '<a href="/zoeken">Zoek</a>'
    pages = {
        f"p{n}.html": [finding("link-name", f"p{n}.html", line=4, snippet=snippet)]
        for n in range(5)
    }
    pages["p0.html"].append(finding("image-alt", "p0.html", line=9, snippet="<img src=x>"))
    document = report(pages)
    tree = parse(document)
    by_rule = tree.get_element_by_id("rule-link-name")
    rows = by_rule.xpath(".//tr[@data-kind]")
    assert len(rows) == 1
    assert rows[0].xpath(".//a/@href") == [f"#page-{n}" for n in range(1, 6)]
    # The snippet once in the findings to fix first and once by rule, not once per page.
    assert document.count("/zoeken") == 2
    # Each page still lists the finding, linking to the shared one.
    for n in range(1, 6):
        page = tree.get_element_by_id(f"page-{n}")
        assert f"#{rows[0].get('id')}" in page.xpath(".//a/@href")
    assert "<img src=x>" in text(tree.get_element_by_id("page-1"))


def test_without_javascript_an_index_leads_to_each_severity_rule_and_page() -> None:
    pages = {
        "a.html": [
            finding("image-alt", "a.html", line=10, snippet="<img src=a>"),
            finding("link-text-generic", "a.html", line=20, outcome=Outcome.CANT_TELL),
            finding("duplicate-id", "a.html", line=30),
        ],
        "b.html": [finding("image-alt", "b.html", line=3, snippet="<img src=b>")],
        "c.html": [],
    }
    tree = parse(report(pages))
    index = tree.get_element_by_id("filter")
    # Shown without a script: neither the index nor anything around it is hidden.
    assert not index.xpath("ancestor-or-self::*[@hidden]")
    links = [(a.get("href"), text(a)) for a in index.xpath(".//a")]
    assert links == [
        ("#severity-error", "Errors (2)"),
        ("#severity-warning", "Warnings (1)"),
        ("#severity-review", "Needs review (1)"),
        ("#rule-image-alt", "image-alt"),
        ("#rule-duplicate-id", "duplicate-id"),
        ("#rule-link-text-generic", "link-text-generic"),
        ("#page-1", "a.html"),
        ("#page-2", "b.html"),
    ]
    ids = set(tree.xpath("//@id"))
    assert {href[1:] for href, _ in links} <= ids


def test_the_view_by_severity_lists_each_finding_once_linking_to_the_full_finding() -> None:
    long_message = "The image has no text alternative, so people who cannot see it miss it."
    pages = {
        f"p{n}.html": [
            finding("image-alt", f"p{n}.html", line=4, message=long_message),
            finding("link-name", f"p{n}.html", line=8 + n, snippet=f"<a href=/{n}></a>"),
            finding("link-text-generic", f"p{n}.html", line=9, outcome=Outcome.CANT_TELL),
        ]
        for n in range(4)
    }
    tree = parse(report(pages))
    view = tree.get_element_by_id("by-severity")
    assert view.xpath(".//details[@open]") == []  # collapsed
    assert long_message not in text(view)  # compact: the long texts are in the full finding
    by_rule = tree.get_element_by_id("by-rule")
    expected = {"error": 4 + 4, "warning": 0, "review": 4}
    for kind, count in expected.items():
        block = tree.get_element_by_id(f"severity-{kind}")
        assert f"({count})" in text(block.find("h3"))
        rows = block.xpath(".//tr[@data-kind]")
        assert {row.get("data-kind") for row in rows} <= {kind}
        # Each row links to its rule and to the full finding: a row of the same kind and rule
        # in the findings by rule, which holds the message.
        places = 0
        for row in rows:
            rule_link, finding_link = row.xpath(".//a/@href")
            assert rule_link == f"#rule-{row.get('data-rule')}"
            full = tree.get_element_by_id(finding_link[1:])
            assert full in by_rule.xpath(".//tr")
            assert (full.get("data-kind"), full.get("data-rule")) == (kind, row.get("data-rule"))
            places += len(full.get("data-pages").split())
        assert places == count
    # The identical image-alt finding of four pages is one row; the four link-name ones are not.
    errors = tree.get_element_by_id("severity-error").xpath(".//tr[@data-kind]")
    assert sorted(text(row.xpath("./td")[1]) for row in errors) == [
        "On 4 pages",
        "p0.html, line 8",
        "p1.html, line 9",
        "p2.html, line 10",
        "p3.html, line 11",
    ]
    assert long_message in text(tree.get_element_by_id(errors[0].xpath(".//a/@href")[1][1:]))
    assert "none" in text(tree.get_element_by_id("severity-warning"))


def test_the_report_is_in_dutch_or_english_with_dates_from_babel() -> None:
    pages = {"a.html": [finding("image-alt", "a.html")]}
    dutch = parse(report(pages, "nl"))
    english = parse(report(pages, "en"))
    assert dutch.get("lang") == "nl" and english.get("lang") == "en"
    assert text(dutch.find(".//h1")) == "Toegankelijkheidsrapport"
    assert text(english.find(".//h1")) == "Accessibility report"
    assert "14 maart 2026" in text(dutch.find(".//header"))
    assert "March 14, 2026" in text(english.find(".//header"))


def test_unreadable_paths_are_listed_and_said_on_stderr() -> None:
    out, err = io.StringIO(), io.StringIO()
    writer = Writer(out, err, "en", catalog=load_rules(), selected=[], now=NOW)
    writer.error(FileError("bad.html", "not valid UTF-8 at column {column}", {"column": 7}, 3))
    writer.close(Summary(unreadable=1))
    assert err.getvalue() == "bad.html:3: not valid UTF-8 at column 7\n"
    section = parse(out.getvalue()).get_element_by_id("unreadable")
    assert "bad.html:3: not valid UTF-8 at column 7" in text(section)


def test_a_run_without_findings_says_so() -> None:
    tree = parse(report({"a.html": [], "b.html": []}, rules=["image-alt"]))
    assert "Nothing was found on the pages checked." in text(tree)
    sections = ("by-severity", "by-rule", "by-page", "filter", "filter-section")
    assert tree.xpath("//*[@id]/@id") and not set(tree.xpath("//*[@id]/@id")) & set(sections)


def test_html_is_an_output_format() -> None:
    assert "html" in formats()
    assert writer_class("html") is Writer


# --- structure: what the checker's rules and axe do not ask for ------------------------------


def test_structure_headings_landmarks_and_tables() -> None:
    pages = {
        "a.html": [finding("image-alt", "a.html"), finding("duplicate-id", "a.html", line=20)],
        "b.html": [finding("image-alt", "b.html")],
    }
    tree = parse(report(pages, rules=["image-alt", "duplicate-id"]))
    levels = [int(h.tag[1]) for h in tree.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    for landmark in ("header", "nav", "main"):
        assert len(tree.xpath(f"//{landmark}")) == 1
    skip = tree.xpath("//body/*[1]")[0]
    assert skip.tag == "a" and skip.get("href") == "#main"
    for t in tree.xpath("//table"):
        assert text(t.find("caption"))
    assert all(th.get("scope") in ("col", "row") for th in tree.xpath("//th"))
    ids = set(tree.xpath("//@id"))
    internal = [h[1:] for h in tree.xpath("//a/@href") if h.startswith("#")]
    assert internal and set(internal) <= ids
    assert len(ids) == len(tree.xpath("//@id"))  # unique


# --- large sites ---------------------------------------------------------------------------


def test_five_thousand_findings_all_shown_compactly() -> None:
    rules = [r for r, cls in load_rules().items() if cls.wcag]
    pages = {
        f"site/afdeling-{p // 50}/pagina-{p}.html": [
            finding(
                rules[(p + i) % len(rules)],
                f"site/afdeling-{p // 50}/pagina-{p}.html",
                line=10 + 7 * i,
                outcome=Outcome.CANT_TELL if i % 4 == 3 else Outcome.FAILED,
                selector=f"main > a:nth-of-type({p * 10 + i})",
                snippet=f'<a href="/nieuws/{p}-{i}.html" class="lees-meer">Lees meer {p}-{i}</a>',
                message=f"The link text “Lees meer {p}-{i}” does not say where it goes.",
            )
            for i in range(10)
        ]
        for p in range(500)
    }
    document = report(pages, "nl", rules=load_rules())
    size = len(document.encode("utf-8"))
    tree = parse(document)
    assert len(tree.xpath("//tr[@data-count]")) == 5000  # nothing left out
    assert len(tree.xpath("//details[@open]")) == 0  # but all collapsed
    assert size < 5000 * 1200  # under 1.2 kB a finding, markup included
    overview = dict(table(tree, "Overzicht van de controle"))  # type: ignore[arg-type]
    counted = ("Fouten", "Waarschuwingen", "Te beoordelen")
    assert sum(int(overview[label]) for label in counted) == 5000


# --- from the command line ---------------------------------------------------------------


def test_the_command_line_writes_the_report_with_the_rules_it_ran(tmp_path: Path) -> None:
    from vngpublish.check.cli import main

    target = tmp_path / "rapport.html"
    out, err = io.StringIO(), io.StringIO()
    argv = [str(PROBLEMS), "--select", "image-alt,document-title,meta-viewport", "--lang", "nl"]
    status = main([*argv, "--report", str(target), "--no-progress"], out, err)
    assert status == 1
    tree = parse(target.read_text(encoding="utf-8"))
    assert {r.get("data-rule") for r in tree.xpath("//tr[@data-count]")} == {
        "image-alt",
        "document-title",
    }
    # meta-viewport ran and found nothing (the page has no viewport meta).
    untested = table(tree, "Criteria zonder gevonden afkeuringen: maar deels getoetst")
    assert [row[0] for row in untested] == ["WCAG 1.4.4 Herschalen van tekst"]
    assert untested[0][4].startswith("meta-viewport: ")
    assert [row[0] for row in table(tree, "Succescriteria met afkeuringen")] == [
        "WCAG 1.1.1 Niet-tekstuele content",
        "WCAG 2.4.2 Paginatitel",
    ]


def test_the_command_line_writes_html_as_a_format(tmp_path: Path) -> None:
    from vngpublish.check.cli import main

    target = tmp_path / "report.html"
    argv = [str(PROBLEMS), "--select", "document-title,meta-viewport", "--format", "html"]
    status = main([*argv, "--output", str(target), "--no-progress"], io.StringIO(), io.StringIO())
    assert status == 1
    tree = parse(target.read_text(encoding="utf-8"))
    untested = table(tree, "Criteria without failures found: tested only in part")
    assert [row[0] for row in untested] == ["WCAG 1.4.4 Resize text"]
    assert len(tree.xpath("//tr[@data-count]")) == 1


def test_a_finding_of_an_unregistered_rule_is_shown_under_its_id() -> None:
    odd = Finding(
        rule='plugin/"rule" <x>',
        severity=Severity.WARNING,
        outcome=Outcome.FAILED,
        path="a.html",
        line=1,
        column=1,
        selector="p",
        snippet="<p>",
        message="From a plugin.",
    )
    tree = parse(report({"a.html": [odd]}))
    row = tree.xpath("//tr[@data-count]")[0]
    assert row.get("data-rule") == 'plugin/"rule" <x>'
    target = row.xpath(".//a/@href")[0]
    assert re.fullmatch(r"#rule--\d+", target)
    assert 'plugin/"rule" <x>' in text(tree.get_element_by_id(target[1:]).find("h3"))


def test_contrast_findings_show_their_two_colours_as_swatches() -> None:
    from vngpublish.check import check_html

    page = '<p style="color: #999; background: #fff">Raadsvergadering op dinsdag</p>'
    found = check_html(page, "site/index.html", select=["color-contrast"])
    assert [f.args["foreground"] for f in found] == ["#999999"]
    tree = parse(report({"site/index.html": found}))
    fills = [rect.get("fill") for rect in tree.xpath("//svg[@class='swatch']/rect")]
    assert fills[:2] == ["#999999", "#ffffff"]
    # Decorative: hidden from assistive technology, which reads the colours in the message.
    assert all(svg.get("aria-hidden") == "true" for svg in tree.xpath("//svg[@class='swatch']"))
    assert not tree.xpath("//*[@style]"), "the report's CSP allows no style attributes"
