"""The report in a real browser: axe-core finds no violations (Dutch and English, light and dark,
collapsed, opened and filtered), the Content-Security-Policy lets only the report's own script
and style run, the filters work, and it prints with everything open.

Needs Debian's chromium, the Playwright Python package and axe-core in .cache/axe: run
`scripts/browser-setup` (CI does). Without them these tests are skipped, saying what is missing.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from report_helpers import PROBLEMS, REPO

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (run scripts/browser-setup)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed (run scripts/browser-setup)"
    if not AXE.exists():
        return f"axe-core is not in {AXE.parent} (run scripts/browser-setup)"
    return None


if _missing() is not None and os.environ.get("VNGPUBLISH_REQUIRE_BROWSER"):
    # CI installs the browser (scripts/browser-setup): there a missing piece is a failure.
    raise RuntimeError(f"VNGPUBLISH_REQUIRE_BROWSER is set, but {_missing()}")
pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


def open_report(
    browser: Browser, report: Path, *, scheme: str = "light", bypass_csp: bool = False
) -> Page:
    """A page showing `report`; `bypass_csp` lets the test inject axe-core."""
    context = browser.new_context(
        bypass_csp=bypass_csp,
        color_scheme=scheme,  # type: ignore[arg-type]
        viewport={"width": 1280, "height": 900},
    )
    page = context.new_page()
    page.goto(report.as_uri())
    return page


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(
        "async (tags) => (await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})).violations",
        AXE_TAGS,
    )
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """The violations, readable in a test failure."""
    return json.dumps(
        [
            {
                "id": v["id"],
                "help": v["help"],
                "nodes": [
                    {"target": n["target"], "html": n["html"][:200], "why": n["failureSummary"]}
                    for n in v["nodes"][:5]
                ],
            }
            for v in violations
        ],
        indent=1,
        ensure_ascii=False,
    )


@pytest.mark.parametrize("state", ["collapsed", "opened", "filtered"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_finds_no_violations(
    browser: Browser, site_reports: dict[str, Path], lang: str, scheme: str, state: str
) -> None:
    page = open_report(browser, site_reports[lang], scheme=scheme, bypass_csp=True)
    assert page.is_visible("#filter-section"), "the filter script did not run"
    if state == "opened":
        page.click("#expand-all")
        assert page.evaluate("[...document.querySelectorAll('details')].every(d => d.open)")
    if state == "filtered":
        page.uncheck("input[name=kind][value=review]")
        page.select_option("#filter-rule", "link-name")
        page.click("#expand-all")
    violations = axe_violations(page)
    page.context.close()
    assert violations == [], describe(violations)


def test_axe_does_find_the_problems_of_the_problem_page(browser: Browser) -> None:
    page = open_report(browser, PROBLEMS, bypass_csp=True)
    found = {v["id"] for v in axe_violations(page)}
    page.context.close()
    assert {"image-alt", "link-name", "html-has-lang", "document-title"} <= found


def test_the_policy_lets_only_the_reports_own_script_and_style_run(
    browser: Browser, site_reports: dict[str, Path]
) -> None:
    page = open_report(browser, site_reports["en"])
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.reload()
    # The report's own script ran (it shows the filters) and its style applies.
    assert page.is_visible("#filter-section")
    assert page.text_content("#filter-status") == page.evaluate(
        "`Showing ${document.querySelectorAll('tr[data-count]').length} of "
        "${document.querySelectorAll('tr[data-count]').length} findings.`"
    )
    assert page.evaluate("getComputedStyle(document.querySelector('.skip')).position") == (
        "absolute"
    )
    # Any other inline script is refused.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.injected = true'; document.body.append(s); }"
    )
    assert page.evaluate("window.injected === undefined")
    assert any("Content Security Policy" in line for line in console)
    page.context.close()


def test_the_filters_hide_what_does_not_match(
    browser: Browser, site_reports: dict[str, Path]
) -> None:
    page = open_report(browser, site_reports["en"])
    page.click("#expand-all")
    visible_kinds = "[...document.querySelectorAll('tr[data-kind]')].filter(r => !r.hidden)"
    total = page.evaluate("document.querySelectorAll('tr[data-count]').length")
    page.uncheck("input[name=kind][value=review]")
    kinds = page.evaluate(f"{visible_kinds}.map(r => r.dataset.kind)")
    assert kinds and "review" not in kinds
    shown = page.evaluate("document.querySelectorAll('tr[data-count]:not([hidden])').length")
    assert 0 < shown < total
    assert page.text_content("#filter-status") == f"Showing {shown} of {total} findings."

    page.check("input[name=kind][value=review]")
    page.select_option("#filter-rule", "image-alt")
    rules = page.evaluate(f"{visible_kinds}.map(r => r.dataset.rule)")
    assert set(rules) == {"image-alt"}
    # The view by severity is filtered too.
    by_severity = page.evaluate(
        "[...document.querySelectorAll('#by-severity tr[data-kind]')]"
        ".filter(r => !r.hidden).map(r => r.dataset.rule)"
    )
    assert by_severity and set(by_severity) == {"image-alt"}
    blocks = page.evaluate(
        "[...document.querySelectorAll('[data-block]')].filter(b => !b.hidden).map(b => b.id)"
    )
    assert "rule-image-alt" in blocks and "rule-link-name" not in blocks

    page.select_option("#filter-rule", "")
    problem_page = page.evaluate(
        "[...document.querySelectorAll('#filter-page option')]"
        ".find(o => o.textContent.endsWith('problems.html')).value"
    )
    page.select_option("#filter-page", problem_page)
    blocks = page.evaluate(
        "[...document.querySelectorAll('[data-page]')].filter(b => !b.hidden).map(b => b.id)"
    )
    assert blocks == [f"page-{problem_page}"]
    page.context.close()


def test_a_link_to_a_section_opens_it(browser: Browser, site_reports: dict[str, Path]) -> None:
    page = open_report(browser, site_reports["nl"])
    # With few findings every section starts open; close it as a reader would.
    page.evaluate("document.querySelector('#rule-image-alt details').open = false")
    page.click("a[href='#rule-image-alt']")
    # The script opens it on "hashchange", which may come just after the click returns.
    # (Waited for by selector: a string predicate for wait_for_function is evaluated with
    # eval, which the report's Content Security Policy rightly blocks when it must poll.)
    page.wait_for_selector("#rule-image-alt details[open]")
    page.click("a[href='#severity-error']")
    page.wait_for_selector("#severity-error details[open]")
    # The index is not a section of findings: going to it leaves its lists closed.
    # Listening after the report's own script: this runs once the script has handled it.
    page.evaluate(
        "() => { window.handled = new Promise(done => "
        "addEventListener('hashchange', () => done(true), {once: true})); }"
    )
    page.click("nav a[href='#filter']")
    assert page.evaluate("window.handled") is True
    assert (
        page.evaluate("[...document.querySelectorAll('#filter details')].some(d => d.open)")
        is False
    )
    page.context.close()


def test_without_javascript_everything_is_there_and_details_open_by_hand(
    browser: Browser, site_reports: dict[str, Path]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_reports["nl"].as_uri())
    assert not page.is_visible("#filter-section")  # the script's filters
    assert page.is_visible("#filter a[href='#severity-error']")  # the index
    snippet = page.locator("[data-page] pre").first
    assert snippet.is_visible()  # few findings: shown unfolded
    page.locator("[data-page] summary").first.click()
    assert not snippet.is_visible()
    page.locator("[data-page] summary").first.click()
    assert snippet.is_visible()
    context.close()


@pytest.mark.parametrize("kind", ["error", "review"])
def test_without_javascript_the_index_leads_to_only_the_findings_of_one_severity(
    browser: Browser, site_reports: dict[str, Path], kind: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_reports["en"].as_uri())
    page.click(f"#filter a[href='#severity-{kind}']")
    block = page.locator(f"#severity-{kind}")
    assert (
        abs(
            page.evaluate(f"document.getElementById('severity-{kind}').getBoundingClientRect().top")
        )
        < 1
    )
    block.locator("summary").click()
    rows = block.locator("tr[data-kind]")
    assert rows.count() > 0
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.kind)")) == {kind}
    # A finding's link leads to the full finding, shown (the browser opens its section).
    link = rows.last.locator("a").last
    target = page.locator(str(link.get_attribute("href")))
    link.click()
    assert target.is_visible()
    assert target.get_attribute("data-kind") == kind
    assert target.locator("p").first.is_visible()  # the message
    context.close()


@pytest.mark.parametrize("which", ["rule", "page"])
def test_without_javascript_the_index_leads_to_one_rule_or_one_page(
    browser: Browser, site_reports: dict[str, Path], which: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_reports["nl"].as_uri())
    index = page.locator("#filter details").nth(0 if which == "rule" else 1)
    index.locator("summary").click()
    links = index.locator("a")
    assert links.count() > 0
    section = str(links.last.get_attribute("href"))
    assert section.startswith(f"#{which}-")
    links.last.click()
    assert page.url.endswith(section)
    top = page.evaluate(f"document.getElementById('{section[1:]}').getBoundingClientRect().top")
    assert 0 <= round(top) < page.evaluate("innerHeight")  # scrolled into view
    context.close()


def test_printing_shows_every_finding_and_no_filters(
    browser: Browser, site_reports: dict[str, Path]
) -> None:
    page = open_report(browser, site_reports["en"])
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = false; })")
    assert not page.locator("[data-page] pre").first.is_visible()
    page.emulate_media(media="print")
    assert not page.is_visible("#filter-section")
    assert page.locator("[data-page] pre").first.is_visible()
    page.context.close()


def test_keyboard_users_skip_to_the_report_and_see_where_focus_is(
    browser: Browser, site_reports: dict[str, Path]
) -> None:
    page = open_report(browser, site_reports["en"])
    page.keyboard.press("Tab")
    focused = "document.activeElement"
    assert page.evaluate(f"{focused}.className") == "skip"
    assert page.evaluate(f"{focused}.getBoundingClientRect().top") >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate(f"{focused}.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate(f"{focused}.closest('main') !== null")
    outline = page.evaluate(
        f"[getComputedStyle({focused}).outlineStyle, getComputedStyle({focused}).outlineWidth]"
    )
    assert outline[0] == "solid" and float(outline[1].removesuffix("px")) >= 2
    page.context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_reflows_at_320_css_pixels(
    browser: Browser, site_reports: dict[str, Path], lang: str
) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_reports[lang].as_uri())
    page.click("#expand-all")
    # Wide tables scroll inside their own box; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
