"""The HTML report for people: `--report report.html` (or `--format html --output FILE`).

One self-contained, accessible file rendered from `templates/report/` with Jinja (autoescape
on): a summary (pages, findings by severity), the success criteria with and without failures
(input for an accessibility statement), the findings by severity (each finding once, compactly,
linking to the full finding), by rule (each rule's help text once, and identical findings on
several pages shown once with the list of pages) and by page. Findings that need review
(cantTell) are kept apart from failures everywhere.

Filtering works without JavaScript: an index links to each severity's, rule's and page's
section (collapsed with `<details>`, linked to each other). A small inline script adds filters
by severity, rule and page that hide what does not match. A Content-Security-Policy meta allows
only that script and the inline style, by hash; the file loads nothing from anywhere.

Streaming-friendly: `file()` keeps only compact data per finding (identical texts shared);
the page is rendered once, at `close()`. The rules' titles, help and criteria come from
`catalog=`; which rules ran (`selected=`) is needed to list the criteria checked without
failures (the command line passes both); without it the report says it cannot list them.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, TextIO

import jinja2
from babel.dates import format_datetime
from markupsafe import Markup, escape

from vngpublish.check.docs import paragraphs
from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.report import ReportWriter
from vngpublish.check.report._criteria import (
    KINDS,
    Counts,
    CriterionView,
    Reported,
    count_kinds,
    criterion_view,
    split_criteria,
)
from vngpublish.check.report.text import error_line
from vngpublish.check.rule import Rule
from vngpublish.check.source import FileError
from vngpublish.check.summary import Summary
from vngpublish.check.wcag import sort_key
from vngpublish.i18n import N_, NP_, format_message, format_plural, translate
from vngpublish.resources import templates_dir
from vngpublish.version import __version__

# Every user-visible text of the page; the template gets them translated as `t.<key>`.
UI: dict[str, str] = {
    "title": N_("Accessibility report"),
    "skip": N_("Skip to the report"),
    "contents": N_("Contents"),
    "generated": N_("Made with vngpublish {version} on {date}."),
    "summary": N_("Summary"),
    "overview": N_("Overview of the check"),
    "pages_checked": N_("Pages checked"),
    "pages_with_findings": N_("Pages with findings"),
    "unreadable": N_("Paths that could not be checked"),
    "rules_run": N_("Rules run"),
    "not_known": N_("not known"),
    "kind_error": N_("Error"),
    "kind_warning": N_("Warning"),
    "kind_review": N_("Needs review"),
    "errors": N_("Errors"),
    "warnings": N_("Warnings"),
    "review": N_("Needs review"),
    "explain_kinds": N_(
        "Errors and warnings are failures: the rule is certain the page does not meet it. "
        "“Needs review” means a person has to look and decide; these are counted apart from "
        "failures and never make a check fail."
    ),
    "coverage": N_(
        "Automated checks cover only part of WCAG. Many success criteria (for example "
        "meaningful text alternatives, captions, understandable language) can only be judged "
        "by people. Pages without failures here can still fail WCAG: a full evaluation needs "
        "manual testing as well."
    ),
    "criteria": N_("Success criteria"),
    "criteria_intro": N_(
        "WCAG 2.2 success criteria with their EN 301 549 clause: input for the accessibility "
        "statement (toegankelijkheidsverklaring). Only the criteria that the selected rules "
        "test are listed."
    ),
    "criteria_failed": N_("Success criteria with failures"),
    "criteria_none_failed": N_(
        "The rules found no failure of a success criterion they test. That does not mean the "
        "pages meet them: see below what a person must still check."
    ),
    "criteria_passed": N_("Criteria without failures found: tested only in part"),
    "criteria_passed_none": N_("Every success criterion tested has failures."),
    "criteria_passed_unknown": N_(
        "Which rules ran was not passed to the report, so it cannot list the success "
        "criteria the rules tested without finding failures."
    ),
    "criteria_passed_note": N_(
        "None of these criteria is passed. The rules listed for each test only part of what "
        "it asks; a person must check the rest before an accessibility statement may say the "
        "pages meet it."
    ),
    "tested_by": N_("Tested only by"),
    "person_checks": N_("A person must check"),
    "best_practice_note": N_(
        "Rules marked “best practice” test no success criterion; their findings are listed "
        "under the rules only."
    ),
    "criteria_source": N_(
        "Titles of the success criteria: English and levels from the W3C ACT Rules data; "
        "Dutch from the W3C authorized Dutch translation of WCAG 2.1 (Accessibility.nl), for "
        "the nine criteria new in WCAG 2.2 from published Dutch overviews. EN 301 549 "
        "clauses: version 3.2.1, chapter 9 (web). Sources in detail: {source} in vngpublish."
    ),
    "criterion": N_("Success criterion"),
    "level": N_("Level"),
    "en301549": N_("EN 301 549"),
    "failures": N_("Failures"),
    "pages": N_("Pages"),
    "rules": N_("Rules"),
    "rule": N_("Rule"),
    "severity": N_("Severity"),
    "line": N_("Line"),
    "finding": N_("Finding"),
    "finding_full": N_("Finding: message, element and HTML"),
    "where": N_("Where"),
    "page": N_("Page"),
    "none": N_("none"),
    "best_practice": N_("best practice"),
    "by_rule": N_("Findings by rule"),
    "by_rule_table": N_("Rules with findings, most failures first"),
    "by_page": N_("Findings by page"),
    "by_page_table": N_("Pages with findings"),
    "no_findings": N_("Nothing was found on the pages checked."),
    "clean_pages": N_("Pages without findings"),
    "why": N_("Why it matters"),
    "fix": N_("How to fix it"),
    "checks": N_("What this rule checks"),
    "docs_link": N_("The rule's documentation, with examples"),
    "line_of": N_("{path}, line {line}"),
    "findings_of_rule": N_("Findings of {rule}"),
    "findings_on_page": N_("Findings on {path}"),
    "filters": N_("Filter the findings"),
    "index_intro": N_("Go straight to the findings of one severity, one rule or one page."),
    "filters_intro": N_("Show only the findings that match; the summary tables stay complete."),
    "by_severity": N_("Findings by severity"),
    "by_severity_intro": N_(
        "Each finding once, by rule, with a link to the full finding (message, element and "
        "HTML) in the findings by rule."
    ),
    "severity_table": N_("{kind}, by rule: each place links to the full finding"),
    "all_rules": N_("All rules"),
    "all_pages": N_("All pages"),
    "expand": N_("Open all sections"),
    "collapse": N_("Close all sections"),
    "filter_status": N_("Showing {shown} of {total} findings."),
    "unreadable_intro": N_("These paths were not checked; fix the problem and check again."),
    "top": N_("Fix these first"),
}
TOP_INTRO = NP_(
    "{count} finding, with its element and where it is.",
    "The {count} findings that matter most: errors first, then warnings, each with its element "
    "and where it is.",
)
TOP = 10
"""How many findings the report shows right under its summary."""
FEW = 20
"""Up to this many findings, every finding is shown unfolded."""
PAGES_SHOWN = NP_("Show the {count} finding", "Show the {count} findings")
ON_PAGES = NP_("On {count} page", "On {count} pages")
SHARED = NP_(
    "Identical finding {number}, {count} time: element and HTML",
    "Identical finding {number}, {count} times: element and HTML",
)

# Characters an HTML document cannot carry as text (C0/C1 controls but tab, newline and
# carriage return; surrogates, which cannot even be written as UTF-8; noncharacters). A checked
# page's snippet or message can hold any of them: they are shown as their code, "[U+0001]".
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)
_SAFE_ANCHOR = re.compile(r"[a-z0-9][a-z0-9-]*")


def _stand_in(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group()):04X}]"


def showable(text: str) -> str:
    """`text` with every character HTML cannot carry replaced by a visible stand-in."""
    return _UNSHOWABLE.sub(_stand_in, text)


def kind_of(finding: Finding) -> str:
    """The kind shown: "review" for a cantTell finding, else the severity."""
    return "review" if finding.outcome is Outcome.CANT_TELL else finding.severity.value


@dataclass(slots=True)
class Group:
    """Findings identical on every page they occur on: same rule, kind, element and message."""

    number: int
    rule: str
    kind: str
    selector: str
    snippet: str
    message: str
    places: list[tuple[int, int]] = field(default_factory=list)
    """(page number, line) of each occurrence."""
    colours: tuple[str, ...] = ()
    """Colours the message names (`#rrggbb`: a contrast finding's text and background),
    shown as swatches beside it."""

    def page_count(self) -> int:
        """On how many pages the finding occurs."""
        return len({page for page, _ in self.places})


@dataclass(slots=True)
class PageData:
    """One checked page: its findings as (line, column, group number)."""

    number: int
    path: str
    rows: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RuleView:
    """A rule with findings: its help once, and its findings grouped."""

    id: str
    anchor: str
    title: str
    level: str
    severity: str
    criteria: list[CriterionView]
    why: str
    fix: str
    checks: list[Markup]
    """What the rule checks: its documentation's paragraphs, `code` marked up."""
    docs_link: str | None
    """Its documentation page, when the configuration says where the pages are published."""
    counts: Counts
    groups: list[Group]


@dataclass(frozen=True, slots=True)
class PageView:
    """A page with findings."""

    number: int
    anchor: str
    path: str
    counts: Counts
    rows: list[tuple[int, int, Group]]


class Writer(ReportWriter):
    """Collects compact data per checked file; renders the whole report at `close()`.

    `selected`: the ids of the rules that ran (to list the success criteria checked without
    failures); `now`: the time shown as the report's date (default: the time of `close()`).
    """

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        lang: str,
        *,
        catalog: Mapping[str, type[Rule]] | None = None,
        selected: Collection[str] | None = None,
        docs_url: str | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(out, err, lang, catalog=catalog, selected=selected, docs_url=docs_url)
        self.now = now
        self.pages: list[PageData] = []
        self.groups: dict[tuple[str, str, str, str, str], Group] = {}
        self.unreadable: list[tuple[str, str]] = []
        self._texts: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        """Pages' text by path, for snippets taken from the source (default: read the file)."""

    def _text(self, text: str) -> str:
        """One shared copy of each distinct text (many findings repeat snippets and messages)."""
        clean = showable(text)
        return self._texts.setdefault(clean, clean)

    def error(self, error: FileError) -> None:
        """Keep the path for the report, and say it on `err` at once."""
        where = f"{error.path}:{error.line}" if error.line else error.path
        message = format_message(error.message, error.args, self.lang)
        self.unreadable.append((showable(where), showable(message)))
        print(error_line(error, self.lang), file=self.err)

    def file(self, path: str, findings: list[Finding]) -> None:
        """Keep one checked page's findings (compactly)."""
        page = PageData(len(self.pages) + 1, showable(path))
        self.pages.append(page)
        source = self._source(path) if findings else None
        for finding in findings:
            snippet = finding.snippet
            if source is not None:
                snippet = source_snippet(source, finding.line, finding.column, snippet) or snippet
            message = self._text(format_message(finding.message, finding.args, self.lang))
            key = (
                finding.rule,
                kind_of(finding),
                self._text(finding.selector),
                self._text(snippet),
                message,
            )
            group = self.groups.get(key)
            if group is None:
                group = Group(len(self.groups) + 1, *key, colours=_colours(finding.args))
                self.groups[key] = group
            group.places.append((page.number, finding.line))
            page.rows.append((finding.line, finding.column, group.number))

    def _source(self, path: str) -> str | None:
        """The text of the page at `path`, for snippets; None when it cannot be read as UTF-8
        (the checker's snippets are used then)."""
        if path in self.sources:
            return self.sources[path]
        try:
            return Path(path).read_bytes().decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return None

    def close(self, summary: Summary) -> None:
        """Render the report and write it to `out`."""
        for chunk in self.render(summary):
            self.out.write(chunk)

    def render(self, summary: Summary) -> Iterable[str]:
        """The report's HTML, in pieces."""
        template = _environment().get_template("report.html")
        return template.generate(**self.context(summary))

    def context(self, summary: Summary) -> dict[str, Any]:
        """Everything the template shows."""
        lang = self.lang
        groups_by_number = {g.number: g for g in self.groups.values()}
        registry = self.catalog
        rule_views = self._rule_views(registry)
        pages = [
            PageView(
                p.number,
                f"page-{p.number}",
                p.path,
                count_kinds(groups_by_number[n].kind for _, _, n in p.rows),
                [(line, column, groups_by_number[n]) for line, column, n in p.rows],
            )
            for p in self.pages
            if p.rows
        ]
        reported = [
            Reported(
                view.id,
                [shown.sc for shown in view.criteria],
                [(g.kind, [page for page, _ in g.places]) for g in view.groups],
            )
            for view in rule_views
        ]
        failed, passed = split_criteria(reported, self.selected, registry, self.lang)
        css = _asset("report.css")
        script = _asset("report.js")
        csp = (
            f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
            "base-uri 'none'; form-action 'none'"
        )
        t = {key: translate(text, lang) for key, text in UI.items()}
        now = self.now or datetime.now(UTC)
        date = format_datetime(now, "long", tzinfo=UTC, locale=lang)
        t["generated"] = t["generated"].format(version=__version__, date=date)
        t["criteria_source"] = t["criteria_source"].format(source="checks/wcag/README.md")
        anchors = {view.id: view.anchor for view in rule_views}
        by_kind: dict[str, list[tuple[RuleView, Group]]] = {kind: [] for kind in KINDS}
        for view in rule_views:
            for group in view.groups:
                by_kind[group.kind].append((view, group))
        kind_counts = count_kinds(g.kind for g in self.groups.values() for _ in g.places)
        top = _top(by_kind)
        return {
            "top": top,
            "top_intro": format_plural(TOP_INTRO, len(top), lang),
            "few": sum(len(g.places) for g in self.groups.values()) <= FEW,
            "lang": lang,
            "t": t,
            "css": Markup(css),
            "script": Markup(script),
            "csp": csp,
            "summary": summary,
            "pages_with_findings": len(pages),
            "rules_run": None if self.selected is None else len(self.selected),
            "failed_criteria": failed,
            "passed_criteria": passed,
            "best_practice": any(not view.criteria for view in rule_views),
            "rules": rule_views,
            "kinds": KINDS,
            "by_kind": by_kind,
            "kind_counts": kind_counts,
            "rule_anchors": anchors,
            "pages": pages,
            "clean_pages": [p.path for p in self.pages if not p.rows],
            "page_paths": {p.number: p.path for p in self.pages},
            "unreadable": self.unreadable,
            "shown": lambda count: format_plural(PAGES_SHOWN, count, lang),
            "on_pages": lambda count: format_plural(ON_PAGES, count, lang),
            "shared": lambda number, count: format_plural(SHARED, count, lang, number=number),
            "line_of": lambda path, line: t["line_of"].format(path=path, line=line),
            "of_rule": lambda rule: t["findings_of_rule"].format(rule=rule),
            "on_page": lambda path: t["findings_on_page"].format(path=path),
            "severity_table": lambda kind: t["severity_table"].format(kind=kind),
        }

    def _rule_views(self, registry: Mapping[str, type[Rule]]) -> list[RuleView]:
        by_rule: dict[str, list[Group]] = {}
        for group in self.groups.values():
            by_rule.setdefault(group.rule, []).append(group)
        views = []
        for number, (rule_id, groups) in enumerate(sorted(by_rule.items()), start=1):
            rule = registry.get(rule_id)
            groups.sort(key=lambda g: (KINDS.index(g.kind), g.places[0]))
            counts = count_kinds(g.kind for g in groups for _ in g.places)
            pages = len({page for g in groups for page, _ in g.places})
            anchor = f"rule-{rule_id}" if _SAFE_ANCHOR.fullmatch(rule_id) else f"rule--{number}"
            views.append(
                RuleView(
                    id=rule_id,
                    anchor=anchor,
                    title=translate(rule.title, self.lang) if rule else rule_id,
                    level=rule.level if rule else "",
                    severity=rule.severity.value if rule else "",
                    criteria=[
                        criterion_view(sc, self.lang) for sc in sorted(rule.wcag, key=sort_key)
                    ]
                    if rule
                    else [],
                    why=translate(rule.why, self.lang) if rule else "",
                    fix=translate(rule.fix, self.lang) if rule else "",
                    checks=[_with_code(translate(p, self.lang)) for p in paragraphs(rule)]
                    if rule
                    else [],
                    docs_link=self.docs_link(rule_id) if rule else None,
                    counts=Counts(counts.error, counts.warning, counts.review, pages),
                    groups=groups,
                )
            )
        views.sort(key=lambda v: (-v.counts.error, -v.counts.warning, -v.counts.review, v.id))
        return views


_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)
SNIPPET_LIMIT = 400
"""The longest snippet taken from the page's source, in characters (then cut with "…")."""


def source_snippet(source: str, line: int, column: int, checker_snippet: str) -> str | None:
    """The element a finding is on as it is written in the page: its start tag, content and
    end tag with the inline markup that made the finding (`<p><strong>Kop</strong></p>`),
    whitespace collapsed, at most SNIPPET_LIMIT characters. None when the element cannot be
    found at `line`:`column` of `source` (the checker's own snippet is then used)."""
    name = _TAG_NAME.match(checker_snippet)
    if name is None or line < 1 or column < 1:
        return None
    tag = name.group(1).lower()
    if tag in ("html", "head", "body"):
        return None  # the whole page: the start tag the checker shows says enough
    lines = source.split("\n")
    if line > len(lines):
        return None
    start = sum(len(text) + 1 for text in lines[: line - 1]) + column - 1
    opening = re.compile(rf"<{re.escape(tag)}(?=[\s/>])", re.IGNORECASE)
    if not opening.match(source, start):
        return None
    start_tag = re.compile(r"<[^>]*>").match(source, start)
    if start_tag is None:
        return None
    end = start_tag.end()
    if tag not in _VOID:
        tags = re.compile(rf"<(/?){re.escape(tag)}(?=[\s/>])[^>]*>", re.IGNORECASE)
        depth = 1
        window_end = min(len(source), start + SNIPPET_LIMIT * 8)
        for found in tags.finditer(source, end, window_end):
            depth += -1 if found.group(1) else 1
            if depth == 0:
                end = found.end()
                break
        else:
            end = window_end
    text = " ".join(source[start:end].split())
    if len(text) > SNIPPET_LIMIT:
        text = text[: SNIPPET_LIMIT - 1] + "…"
    return text


_HEX = re.compile(r"#[0-9a-f]{6}(?:[0-9a-f]{2})?")


def _colours(args: Mapping[str, Any]) -> tuple[str, ...]:
    """The colours a finding's message names, in its order: text and background."""
    found = []
    for key in ("foreground", "background", "link", "text"):
        value = args.get(key)
        if isinstance(value, str) and _HEX.fullmatch(value):
            found.append(value)
    return tuple(found)


def _top(by_kind: dict[str, list[tuple[RuleView, Group]]]) -> list[tuple[RuleView, Group]]:
    """The findings to fix first: errors, then warnings (review only when there is no
    failure), those on most pages first within a kind."""
    failures = by_kind["error"] + by_kind["warning"]
    chosen = failures or by_kind["review"]
    ranked = sorted(
        chosen, key=lambda pair: (KINDS.index(pair[1].kind), -len(pair[1].places), pair[1].number)
    )
    return ranked[:TOP]


_CODE = re.compile(r"`([^`]+)`")


def _with_code(text: str) -> Markup:
    """`text` escaped, with its `backticked` parts as <code>."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text))))


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@cache
def _asset(name: str) -> str:
    """The text of a CSS or script file of the report, to inline (and hash)."""
    return (templates_dir() / "report" / name).read_text(encoding="utf-8")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir() / "report"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
