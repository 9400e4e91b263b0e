"""The accessibility checker: rules over a parsed page, findings with WCAG metadata.

Python use::

    from vngpublish.check import check_html
    for finding in check_html("<html>...</html>", path="page.html"):
        print(finding.rule, finding.line, finding.text())

The command line is `python -m vngpublish.check PATH...` (see `vngpublish.check.cli`).
Importing this package costs almost nothing: each name below is imported when first used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vngpublish.check.api import check_html, write_report
    from vngpublish.check.config import Config
    from vngpublish.check.finding import Finding, Outcome, Severity
    from vngpublish.check.page import Page
    from vngpublish.check.source import SourceError

_WHERE = {
    "check_html": "vngpublish.check.api",
    "write_report": "vngpublish.check.api",
    "Config": "vngpublish.check.config",
    "Finding": "vngpublish.check.finding",
    "Outcome": "vngpublish.check.finding",
    "Severity": "vngpublish.check.finding",
    "Page": "vngpublish.check.page",
    "SourceError": "vngpublish.check.source",
}

__all__ = [
    "Config",
    "Finding",
    "Outcome",
    "Page",
    "Severity",
    "SourceError",
    "check_html",
    "write_report",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'vngpublish.check' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
