"""The accessibility checker: rules over a parsed page, findings with WCAG metadata.

Python use::

    from vngpublish.check import check_html
    for finding in check_html("<html>...</html>", path="page.html"):
        print(finding.rule, finding.line, finding.text())

The command line is `python -m vngpublish.check PATH...` (see `vngpublish.check.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from vngpublish.check.config import Config, ignored_for
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.page import Page
from vngpublish.check.presets import selection
from vngpublish.check.runner import check_source
from vngpublish.check.source import SourceError, decode

# Importing the module registers the `suppression-invalid` rule before anyone lists rules.
from vngpublish.check.suppress import SuppressionInvalid

__all__ = [
    "Config",
    "Finding",
    "Outcome",
    "Page",
    "Severity",
    "SourceError",
    "SuppressionInvalid",
    "check_html",
]


def check_html(
    html: str | bytes,
    path: str = "<string>",
    *,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] = (),
    preset: str | None = None,
    config: Config | None = None,
    site_root: Path | None = None,
) -> list[Finding]:
    """Check one HTML document and return its findings, sorted by position.

    The rules are chosen as on the command line: `select` names the rule ids to run ("all" =
    every rule) and replaces the preset; `preset` names a preset from `checks/presets`. With
    neither (and no `config` setting them) the default preset runs, `wcag-aa`, as with
    `python -m vngpublish.check`. `select` and `ignore` are lists of rule ids, or one string
    of comma-separated ids ("link-name,image-alt"). `ignore` takes rules away. `config` (see
    `vngpublish.check.config`) supplies its preset, select, ignore and per-file-ignores
    (matched against `path`); the arguments override it, except `ignore`, which adds to it.
    Inline suppression comments are applied.

    `html` given as bytes is decoded as a file is (byte order mark, then `<meta charset>`,
    else UTF-8, strictly). Raises KeyError for an unknown rule id, `PresetError` for an
    unknown preset, ValueError for a selection without rules, and `SourceError` for bytes
    that cannot be decoded (or an empty document given as bytes) and for a page the parser
    cannot read to the end (`ParseStopped`: nested deeper than libxml2 allows).
    """
    source = decode(html, path) if isinstance(html, bytes) else html
    selected: Sequence[str] | None = None if select is None else _ids(select)
    ignored = _ids(ignore)
    if config is not None:
        preset = preset or config.preset
        selected = selected if selected is not None else config.select
        ignored += [*config.ignore, *ignored_for(path, config.per_file_ignores, config.base_dir)]
    if selected is not None and not selected:
        raise ValueError('select names no rules: give rule ids, or "all"')
    rules = selection(preset, selected, ignored)
    return check_source(source, path, rules, site_root)


def _ids(ids: str | Iterable[str]) -> list[str]:
    """Rule ids from a list, or from one comma-separated string."""
    parts = ids.split(",") if isinstance(ids, str) else ids
    return [part.strip() for part in parts if part.strip()]
