"""The rule catalogue's test cases: `checks/cases/<rule-id>.yml`, read for the tests.

Each file documents one rule with HTML that passes, HTML the rule does not apply to, and HTML
that fails::

    rule: link-text-generic
    cases:
      - name: bare "Lees meer" in a Dutch page
        lang: nl                  # optional: wraps a fragment in <html lang="nl">
        example: true             # optional: shown in the rule's documentation (--explain)
        with: [link-name]         # optional: other rules to run too (their findings are
                                  # not compared; suppression-invalid needs them)
        files: true               # optional: the page is checked as a file in a folder with
                                  # the files of checks/cases/files/ (media the page names),
                                  # which is also the site root; not for examples
        html: <a href="/raad">Lees meer</a>
        expect:                   # passed | inapplicable | the findings the rule must report
          - outcome: failed       # failed | cantTell
            message: no-context   # the name of the rule's message
            selector: a           # optional, compared with the finding's selector
            line: 1               # optional, compared with the finding's line
            args:                 # optional: values the message is filled with
              name: Lees meer

`passed` means the rule applies to the page and reports nothing; `inapplicable` means it has
no test target on the page at all. A fragment (HTML without `<html`) is wrapped in a minimal
valid page, so a case shows only what it is about. One parametrised test runs every case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from vngpublish.check.docs import wrap
from vngpublish.resources import checks_dir

VERDICTS = ("passed", "inapplicable")
OUTCOMES = ("failed", "cantTell")


@dataclass(frozen=True)
class Expected:
    """One finding a case requires."""

    outcome: str
    message: str
    selector: str | None = None
    line: int | None = None
    args: dict[str, Any] = field(default_factory=dict)
    """Message arguments the finding must have, with these values (others are not compared)."""


@dataclass(frozen=True)
class Case:
    """One documented example for a rule."""

    rule: str
    name: str
    html: str
    verdict: str
    """"passed", "inapplicable", or "reported" (then `findings` says what)."""
    findings: tuple[Expected, ...] = ()
    example: bool = False
    with_rules: tuple[str, ...] = ()
    """Other rules run on the page too (their findings are not compared)."""
    files: bool = False
    """Checked as a file beside the files of `checks/cases/files/` (also the site root)."""
    source: str = ""


def load_cases(path: Path) -> list[Case]:
    """Read one catalogue file; raises ValueError naming the file, the case and what is wrong."""
    try:
        data: Any = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # ruamel raises many kinds; all mean "fix this file"
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or "rule" not in data or not isinstance(data.get("cases"), list):
        raise ValueError(f"{path}: expected a mapping with 'rule' and a list 'cases'")
    rule = str(data["rule"])
    if path.stem != rule:
        raise ValueError(f"{path}: file name must be the rule id {rule!r}")
    return [_case(path, rule, index, raw) for index, raw in enumerate(data["cases"], start=1)]


def _case(path: Path, rule: str, index: int, raw: Any) -> Case:
    where = f"{path}: case {index}"
    if not isinstance(raw, dict) or "html" not in raw:
        raise ValueError(f"{where} needs 'html'")
    if raw.get("files") and raw.get("example"):
        raise ValueError(f"{where}: a case with files cannot be an example (docs show no files)")
    expect = raw.get("expect")
    findings: list[Expected] = []
    if expect in VERDICTS:
        verdict = str(expect)
    elif isinstance(expect, list) and expect:
        verdict = "reported"
        for e in expect:
            if not isinstance(e, dict) or e.get("outcome") not in OUTCOMES:
                raise ValueError(f"{where}: outcome must be failed or cantTell")
            if not isinstance(e.get("message"), str):
                raise ValueError(f"{where}: every expected finding names its message")
            args = e.get("args") or {}
            if not isinstance(args, dict):
                raise ValueError(f"{where}: args must be a mapping of name: value")
            findings.append(
                Expected(str(e["outcome"]), e["message"], e.get("selector"), e.get("line"), args)
            )
    else:
        raise ValueError(f"{where}: expect must be passed, inapplicable or a list of findings")
    return Case(
        rule=rule,
        name=str(raw.get("name") or f"case {index}"),
        html=wrap(str(raw["html"]), str(raw.get("lang", "en"))),
        verdict=verdict,
        findings=tuple(findings),
        example=bool(raw.get("example", False)),
        with_rules=tuple(str(r) for r in raw.get("with") or ()),
        files=bool(raw.get("files", False)),
        source=f"{path.name}#{index}",
    )


def all_cases(folder: Path | None = None) -> list[Case]:
    """Every case of every catalogue file, in file order."""
    folder = folder or checks_dir() / "cases"
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yml")):
        cases.extend(load_cases(path))
    return cases
