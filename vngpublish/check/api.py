"""The checker for Python use: check a document, check files and write the HTML report, or
explain a rule.

Like the command line, this is a composition root: it loads the rules (`registry`), chooses
them (`presets`) and hands them to the runner and the report.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from vngpublish.check.config import Config, ignored_for, screen_of
from vngpublish.check.docs import examples, rule_page
from vngpublish.check.finding import Finding
from vngpublish.check.presets import preset_rule_ids, selection
from vngpublish.check.registry import load_rules, rule_classes
from vngpublish.check.runner import RunOptions, check_source, run
from vngpublish.check.source import collect, decode
from vngpublish.check.summary import Summary


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
    catalog = load_rules()
    rules = selection(catalog, preset, selected, ignored)
    screen = screen_of(config) if config is not None else None
    return check_source(source, path, rule_classes(rules), frozenset(catalog), site_root, screen)


def write_report(
    paths: Iterable[str],
    out: TextIO,
    lang: str = "en",
    *,
    rules: Iterable[str] | None = None,
    err: TextIO | None = None,
    now: datetime | None = None,
) -> Summary:
    """Check `paths` (files or folders) with `rules` (default: every rule) and write the HTML
    report to `out`.

    For Python use and scripts; the command line does the same with `--report FILE.html`.
    Paths that cannot be checked are listed in the report and on `err` (default stderr).
    Returns the counts.
    """
    from vngpublish.check.report.html import Writer  # Jinja and Babel: only when reporting

    catalog = load_rules()
    selected = frozenset(catalog) if rules is None else frozenset(rules)
    writer = Writer(out, err or sys.stderr, lang, catalog=catalog, selected=selected, now=now)
    files, errors = collect(list(paths))
    summary = Summary(unreadable=len(errors))
    for error in errors:
        writer.error(error)
    options = RunOptions(rules=rule_classes(selected), known=frozenset(catalog))
    for result in run(files, options):
        if result.error is not None:
            summary.unreadable += 1
            writer.error(result.error)
            continue
        summary.add(result.findings)
        writer.file(result.path, result.findings)
    writer.close(summary)
    return summary


def preset_rules(*presets: str) -> frozenset[str]:
    """The ids of the rules the named presets run, together."""
    catalog = load_rules()
    return frozenset(rule for name in presets for rule in preset_rule_ids(name, catalog))


def explain(rule_id: str, lang: str = "en") -> str:
    """The documentation page of the rule `rule_id` in `lang` ("en" or "nl"), as Markdown,
    with each of its examples checked as it is shown. Raises KeyError for an unknown id."""
    rule = load_rules()[rule_id]
    found = {
        example: check_html(example.page, "example.html", select=[rule_id])
        for example in examples(rule_id)
    }
    return rule_page(rule, lang, found)


def _ids(ids: str | Iterable[str]) -> list[str]:
    """Rule ids from a list, or from one comma-separated string."""
    parts = ids.split(",") if isinstance(ids, str) else ids
    return [part.strip() for part in parts if part.strip()]
