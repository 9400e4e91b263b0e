"""One documentation page per rule, made from its metadata, its docstring and its examples.

`python -m vngpublish.check --explain RULE [--lang nl]` prints it; the same text is each rule's
help in SARIF and is written to `docs/rules/` by `scripts/rule-docs`. A page says what the
rule checks (the docstring), why it matters (`why`), how to fix it (`fix`), the WCAG success
criteria with their Dutch or English titles and EN 301 549 clauses, the ACT and axe-core
rules it matches, its messages, and examples: the cases of `checks/cases/<id>.yml` marked
`example: true`, each checked as it is shown, so an example cannot say what the rule no
longer does.

Everything on the page exists in English and Dutch: the docstring's paragraphs and the
examples' names are in the message catalogue like every other text (`scripts/update-catalogs`
collects them).
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from vngpublish.check.finding import Finding, Outcome
from vngpublish.check.rule import Rule
from vngpublish.check.wcag import criterion
from vngpublish.i18n import N_, translate
from vngpublish.resources import checks_dir

WRAPPER = (
    '<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
    "<title>Test case</title>\n</head>\n<body>\n<main>\n<h1>Test case</h1>\n"
)
WRAPPER_END = "\n</main>\n</body>\n</html>\n"

HEADINGS = {
    "level": N_("Level"),
    "severity": N_("Severity"),
    "wcag": N_("WCAG success criteria"),
    "act": N_("ACT rules"),
    "axe": N_("axe-core rules"),
    "tags": N_("Tags"),
    "checks": N_("What it checks"),
    "why": N_("Why it matters"),
    "fix": N_("How to fix it"),
    "messages": N_("Messages"),
    "examples": N_("Examples"),
    "passes": N_("Passes"),
    "fails": N_("Fails"),
    "review": N_("Needs review"),
    "inapplicable": N_("Does not apply"),
    "best-practice": N_("best practice (not required by WCAG)"),
    "best-practice-short": N_("best practice"),
    "error": N_("error"),
    "warning": N_("warning"),
    "none": N_("none"),
}
"""The words of a documentation page around the rule's own texts."""


def wrap(html: str, lang: str = "en") -> str:
    """`html` as a whole page: a fragment (no `<html`) goes inside a minimal valid page in
    `lang`, so an example shows only what it is about."""
    if "<html" in html.lower():
        return html
    return WRAPPER.format(lang=lang) + html + WRAPPER_END


@dataclass(frozen=True)
class Example:
    """A case of the rule's catalogue shown in its documentation."""

    name: str
    html: str
    """The HTML as written in the case file (a fragment, or a whole page)."""
    lang: str
    expect: str
    """"passed", "inapplicable" or "reported"."""

    @property
    def page(self) -> str:
        """The whole page the example is checked as."""
        return wrap(self.html, self.lang)


@cache
def examples(rule_id: str, folder: Path | None = None) -> tuple[Example, ...]:
    """The cases of `checks/cases/<rule_id>.yml` marked `example: true`, in file order (none
    when the file does not exist)."""
    path = (folder or checks_dir() / "cases") / f"{rule_id}.yml"
    if not path.is_file():
        return ()
    data: Any = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    found = []
    for raw in data.get("cases") or []:
        if isinstance(raw, dict) and raw.get("example"):
            expect = raw.get("expect")
            found.append(
                Example(
                    name=str(raw.get("name", "")),
                    html=str(raw["html"]).rstrip("\n"),
                    lang=str(raw.get("lang", "en")),
                    expect=str(expect) if isinstance(expect, str) else "reported",
                )
            )
    return tuple(found)


def paragraphs(rule: type[Rule]) -> list[str]:
    """The paragraphs of the rule's docstring, each on one line (as the catalogue has them)."""
    text = inspect.cleandoc(rule.__doc__ or "")
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def rule_page(
    rule: type[Rule],
    lang: str,
    findings: Mapping[Example, list[Finding]],
) -> str:
    """The documentation page of `rule` in `lang`, as Markdown. `findings` holds what the rule
    reports on each of its examples (checked by the caller, who knows how to run rules)."""

    def t(text: str) -> str:
        return translate(text, lang)

    h = {key: t(text) for key, text in HEADINGS.items()}
    lines = [f"# {rule.id}: {t(rule.title)}", ""]
    level = h["best-practice"] if rule.level == "best-practice" else rule.level
    lines.append(f"- {h['level']}: {level}")
    lines.append(f"- {h['severity']}: {h[rule.severity.value]}")
    for sc in rule.wcag:
        known = criterion(sc)
        if known is None:
            lines.append(f"- {h['wcag']}: {sc}")
            continue
        clause = f", EN 301 549 {known.en301549}" if known.en301549 else ""
        lines.append(
            f"- {h['wcag']}: [{sc} {known.title(lang)}]({known.understanding}) ({known.level}"
            f"{clause})"
        )
    lines.append(f"- {h['act']}: {', '.join(rule.act) or h['none']}")
    lines.append(f"- {h['axe']}: {', '.join(rule.axe) or h['none']}")
    lines.append(f"- {h['tags']}: {', '.join(rule.all_tags()) or h['none']}")
    lines += ["", f"## {h['checks']}", ""]
    for paragraph in paragraphs(rule):
        lines += [t(paragraph), ""]
    lines += [f"## {h['why']}", "", t(rule.why), "", f"## {h['fix']}", "", t(rule.fix), ""]
    lines += [f"## {h['messages']}", ""]
    lines += [f"- `{key}`: {t(text)}" for key, text in rule.messages.items()]
    shown = [example for example in findings if example.name]
    if shown:
        lines += ["", f"## {h['examples']}"]
    for example in shown:
        found = findings[example]
        if example.expect == "inapplicable":
            kind = h["inapplicable"]
        elif not found:
            kind = h["passes"]
        elif any(f.outcome is Outcome.FAILED for f in found):
            kind = h["fails"]
        else:
            kind = h["review"]
        lines += ["", f"### {kind}: {t(example.name)}", "", "```html", example.html, "```"]
        for finding in found:
            lines.append(f"> `{finding.selector}`: {finding.text(lang)}")
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class CatalogText:
    """A text of the rules' documentation that the message catalogue must carry."""

    text: str
    comment: str
    """What it is, for translators: "image-alt: what it checks", "image-alt: example"."""
    location: str
    """Where it is written: the rule's module, or its case file."""


def catalog_texts(rules: Mapping[str, type[Rule]]) -> list[CatalogText]:
    """The docstring paragraphs and example names of `rules`, which `pybabel extract` does not
    see (they are not marked with N_): `scripts/update-catalogs` adds them to the catalogue."""
    found = []
    for rule_id, rule in rules.items():
        module = rule.__module__.replace(".", "/") + ".py"
        for paragraph in paragraphs(rule):
            found.append(CatalogText(paragraph, f"{rule_id}: what it checks", module))
        for example in examples(rule_id):
            found.append(
                CatalogText(example.name, f"{rule_id}: example", f"checks/cases/{rule_id}.yml")
            )
    return found


def message_ids(rules: Mapping[str, type[Rule]]) -> dict[str, list[str]]:
    """Each message text of `rules` -> the ids it has ("image-alt/no-alt"), which the
    catalogue shows translators beside the text."""
    found: dict[str, list[str]] = {}
    for rule_id, rule in rules.items():
        for key, text in rule.messages.items():
            found.setdefault(text, []).append(f"{rule_id}/{key}")
    return found


def index_page(rules: Mapping[str, type[Rule]], lang: str) -> str:
    """The list of every rule's page, with its level and title, as Markdown."""
    title = translate(N_("Rules of the checker"), lang)
    lines = [f"# {title}", ""]
    other = "nl/README.md" if lang == "en" else "../README.md"
    lines += [f"[{'Nederlands' if lang == 'en' else 'English'}]({other})", ""]
    for rule_id, rule in rules.items():
        level = (
            translate(HEADINGS["best-practice"], lang)
            if rule.level == "best-practice"
            else rule.level
        )
        lines.append(f"- [{rule_id}]({rule_id}.md): {translate(rule.title, lang)} ({level})")
    return "\n".join(lines) + "\n"
