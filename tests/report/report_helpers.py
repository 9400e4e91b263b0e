"""Helpers shared by the report tests: findings made to order, and reports written from them.

A module of its own, with a unique name, so the tests can import it whatever other conftest.py
files the test suite has.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement

from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.registry import load_rules
from vngpublish.check.report.html import Writer
from vngpublish.check.summary import Summary

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "raadsledennieuws-2024-03"
PROBLEMS = Path(__file__).resolve().parent / "fixtures" / "problems.html"
NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def finding(
    rule: str,
    path: str = "site/index.html",
    *,
    line: int = 10,
    outcome: Outcome = Outcome.FAILED,
    selector: str = "body > a",
    snippet: str = '<a href="/x">Lees meer</a>',
    message: str = "Something is wrong here.",
) -> Finding:
    """A finding of the registered rule `rule`, with its real severity and criteria."""
    cls = load_rules()[rule]
    return Finding(
        rule=rule,
        severity=cls.severity,
        outcome=outcome,
        path=path,
        line=line,
        column=1,
        selector=selector,
        snippet=snippet,
        message=message,
        wcag=cls.wcag,
        act=cls.act,
    )


def report(
    pages: dict[str, list[Finding]],
    lang: str = "en",
    rules: Iterable[str] | None = None,
) -> str:
    """The HTML report of `pages` (path -> findings, in order), as the writer renders it."""
    out = io.StringIO()
    err = io.StringIO()
    writer = Writer(out, err, lang, catalog=load_rules(), selected=rules, now=NOW)
    summary = Summary()
    for path, found in pages.items():
        summary.add(found)
        writer.file(path, found)
    writer.close(summary)
    return out.getvalue()


def parse(document: str) -> HtmlElement:
    """The report's element tree."""
    tree: HtmlElement = lxml_html.document_fromstring(document)
    return tree


def text(element: HtmlElement) -> str:
    """The element's text with white space collapsed."""
    return " ".join(element.text_content().split())
