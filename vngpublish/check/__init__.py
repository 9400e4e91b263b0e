"""The accessibility checker: rules over a parsed page, findings with WCAG metadata.

Python use::

    from vngpublish.check import check_html
    for finding in check_html("<html>...</html>", path="page.html"):
        print(finding.rule, finding.line, finding.message)

The command line is `python -m vngpublish.check PATH...` (see `vngpublish.check.cli`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from vngpublish.check.config import Config, ignored_for
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.page import Page
from vngpublish.check.presets import selection
from vngpublish.check.runner import check_source

# Importing the module registers the `suppression-invalid` rule before anyone lists rules.
from vngpublish.check.suppress import SuppressionInvalid

__all__ = ["Config", "Finding", "Outcome", "Page", "Severity", "SuppressionInvalid", "check_html"]


def check_html(
    html: str,
    path: str = "<string>",
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    preset: str | None = None,
    config: Config | None = None,
    site_root: Path | None = None,
) -> list[Finding]:
    """Check one HTML document and return its findings, sorted by position.

    `select` names the rule ids to run ("all" = every rule) and replaces the preset; `preset`
    names a preset from `checks/presets`. With neither (and no `config` setting them) every
    rule runs. `ignore` takes rules away. `config` (see `vngpublish.check.config`) supplies
    its preset, select, ignore and per-file-ignores (matched against `path`); the arguments
    override it, except `ignore`, which adds to it. Inline suppression comments are applied.
    Raises KeyError for an unknown rule id, and `PresetError` for an unknown preset.
    """
    ignored = list(ignore)
    if config is not None:
        preset = preset or config.preset
        select = select if select is not None else config.select
        ignored += [*config.ignore, *ignored_for(path, config.per_file_ignores, config.base_dir)]
    if select is None and preset is None:
        select = ["all"]
    rules = selection(preset, select, ignored)
    return check_source(html, path, rules, site_root)
