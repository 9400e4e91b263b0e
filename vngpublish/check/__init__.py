"""The accessibility checker: rules over a parsed page, findings with WCAG metadata.

Python use::

    from vngpublish.check import check_html
    for finding in check_html("<html>...</html>", path="page.html"):
        print(finding.rule, finding.line, finding.message)

The command line is `python -m vngpublish.check PATH...` (see `vngpublish.check.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable

from vngpublish.check.engine import check_page, rules_by_id
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.page import Page

__all__ = ["Finding", "Outcome", "Page", "Severity", "check_html"]


def check_html(
    html: str,
    path: str = "<string>",
    *,
    select: Iterable[str] | None = None,
) -> list[Finding]:
    """Check one HTML document and return its findings, sorted by position.

    `select` names the rule ids to run; None runs every rule.
    """
    return check_page(Page(html, path), rules_by_id(select))
