"""The rule catalogue's test cases: `checks/cases/<rule-id>.yml`.

Each file documents one rule with HTML that passes and HTML that fails::

    rule: link-text-generic
    cases:
      - name: bare "Lees meer" in a Dutch page
        lang: nl                  # optional: wraps a fragment in <html lang="nl">
        html: <a href="/raad">Lees meer</a>
        expect:                   # what the rule must report; [] means it must report nothing
          - outcome: failed       # failed | cantTell
            selector: a           # optional, compared with the finding's selector
            line: 1               # optional, compared with the finding's line
            args:                 # optional: values the message is filled with
              name: Lees meer

A fragment (HTML without `<html`) is wrapped in a minimal valid page, so a case shows only what
it is about. The cases are run by one parametrised test and double as documentation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from vngpublish.resources import checks_dir

WRAPPER = (
    '<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    "<title>Test case</title>\n</head>\n<body>\n<main>\n<h1>Test case</h1>\n"
)
WRAPPER_END = "\n</main>\n</body>\n</html>\n"


@dataclass(frozen=True)
class Expected:
    """One finding a case requires."""

    outcome: str
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
    expect: tuple[Expected, ...] = field(default_factory=tuple)
    source: str = ""

    @property
    def passes(self) -> bool:
        """True when the rule must report nothing on this case."""
        return not self.expect

    def page_source(self) -> str:
        """The whole page the case is checked as (fragments are wrapped)."""
        return self.html


def _wrap(html: str, lang: str) -> str:
    if "<html" in html.lower():
        return html
    return WRAPPER.format(lang=lang) + html + WRAPPER_END


def load_cases(path: Path) -> list[Case]:
    """Read one catalogue file; raises ValueError naming the file and what is wrong."""
    yaml = YAML(typ="safe")
    try:
        data: Any = yaml.load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # ruamel raises many kinds; all mean "fix this file"
        raise ValueError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or "rule" not in data or not isinstance(data.get("cases"), list):
        raise ValueError(f"{path}: expected a mapping with 'rule' and a list 'cases'")
    rule = str(data["rule"])
    if path.stem != rule:
        raise ValueError(f"{path}: file name must be the rule id {rule!r}")
    cases = []
    for index, raw in enumerate(data["cases"], start=1):
        if not isinstance(raw, dict) or "html" not in raw:
            raise ValueError(f"{path}: case {index} needs 'html'")
        expect = []
        for e in raw.get("expect") or []:
            if not isinstance(e, dict) or e.get("outcome") not in ("failed", "cantTell"):
                raise ValueError(f"{path}: case {index}: outcome must be failed or cantTell")
            args = e.get("args") or {}
            if not isinstance(args, dict):
                raise ValueError(f"{path}: case {index}: args must be a mapping of name: value")
            expect.append(Expected(str(e["outcome"]), e.get("selector"), e.get("line"), args))
        cases.append(
            Case(
                rule=rule,
                name=str(raw.get("name") or f"case {index}"),
                html=_wrap(str(raw["html"]), str(raw.get("lang", "en"))),
                expect=tuple(expect),
                source=f"{path.name}#{index}",
            )
        )
    return cases


def all_cases(folder: Path | None = None) -> list[Case]:
    """Every case of every catalogue file, in file order."""
    folder = folder or checks_dir() / "cases"
    cases: list[Case] = []
    for path in sorted(folder.glob("*.yml")):
        cases.extend(load_cases(path))
    return cases
