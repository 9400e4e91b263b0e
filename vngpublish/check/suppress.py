"""Inline suppression comments in the checked HTML, each with a reason.

::

    <!-- vngpublish-disable-next link-name -- het doel staat in de zin ervoor -->
    <a href="/raad">Lees meer</a>

    <!-- vngpublish-disable page-has-heading-one, heading-order -- e-mailfragment -->

`vngpublish-disable-next IDS -- REASON` suppresses findings of those rules on the next element
(the first element that starts after the comment; not its descendants).
`vngpublish-disable IDS -- REASON`, anywhere in the file, suppresses them in the whole file.
Rule ids are separated by commas or spaces; the reason follows ` -- ` and is required.

Nothing is silently ignored: the rule `suppression-invalid` (a warning) reports a suppression
without a reason (it then suppresses nothing), a rule id that does not exist, an unknown
`vngpublish-...` directive, a `disable-next` with no element after it, and a suppression that
suppressed nothing although its rule ran (like ruff's unused-noqa).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from lxml import etree

from vngpublish.check.dom import Element
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.locate import selector
from vngpublish.check.page import Page
from vngpublish.check.rule import Result, Rule
from vngpublish.check.suggest import closest
from vngpublish.i18n import N_

RULE_ID = "suppression-invalid"
MARKER = "vngpublish-"
_DIRECTIVE = re.compile(r"\s*vngpublish-([A-Za-z-]*)(.*)\Z", re.DOTALL)
_ID_SEPARATOR = re.compile(r"[\s,]+")


class SuppressionInvalid(Rule):
    """Applies to every `<!-- vngpublish-... -->` comment in the checked page. Its findings
    are made while suppressions are applied, since only then is it known what each one
    suppressed.

    Fails for a suppression without a reason after ` -- ` (it then suppresses nothing), an
    unknown rule id, an unknown `vngpublish-` directive, a `disable-next` with no element after
    it, and a suppression of a rule that ran but found nothing to suppress.
    """

    id = RULE_ID
    title = N_("Suppression comments name known rules, give a reason and are used")
    level = "best-practice"
    severity = Severity.WARNING
    tags = ("suppression",)
    why = N_(
        "A suppression hides findings from everyone who reads the report later; without a "
        "reason nobody can judge whether it is still right."
    )
    fix = N_(
        "Name known rule ids and add the reason after ' -- ', or remove the suppression when "
        "the problem is gone."
    )
    messages: ClassVar[dict[str, str]] = {
        "unknown-directive": N_(
            'Unknown directive "vngpublish-{directive}": use vngpublish-disable or '
            "vngpublish-disable-next."
        ),
        "unknown-rule-suggestion": N_(
            'The suppression names the unknown rule "{rule}"; did you mean "{suggestion}"?'
        ),
        "unknown-rule": N_('The suppression names the unknown rule "{rule}".'),
        "no-rule": N_("The suppression names no rule: list the rule ids to suppress."),
        "no-reason": N_(
            "The suppression of {rules} gives no reason, so it suppresses nothing: add one after "
            '" -- ".'
        ),
        "no-next-element": N_("No element follows this vngpublish-disable-next comment."),
        "unused-in-file": N_("Unused suppression: {rule} reports nothing in this file."),
        "unused-on-element": N_("Unused suppression: {rule} reports nothing on the next element."),
    }

    def applicable(self, page: Page) -> Sequence[Element]:
        """Nothing here: `apply_suppressions` reports, since it sees every rule's findings."""
        return []

    def expect(self, page: Page, targets: Sequence[Element]) -> Iterator[Result]:
        """Nothing here (see `applicable`)."""
        return iter(())


@dataclass
class _Suppression:
    comment: etree._Comment
    whole_file: bool
    rules: tuple[str, ...]
    target_selector: str | None
    used: set[str] = field(default_factory=set)


def apply_suppressions(
    page: Page, findings: list[Finding], active: Collection[str], known: Collection[str]
) -> list[Finding]:
    """Drop the findings the page's suppression comments cover and report bad suppressions.

    `active` holds the ids of the rules that ran on the page: only their suppressions can be
    found unused, and problems are reported only when `suppression-invalid` is among them.
    `known` holds the id of every rule there is: a suppression naming another is reported.
    """
    if MARKER not in page.source:
        return findings  # the common case costs one substring search
    problems: list[Finding] = []
    suppressions: list[_Suppression] = []
    for comment in _comments(page):
        match = _DIRECTIVE.match(comment.text or "")
        if match is None:
            continue
        directive, rest = match.groups()
        if directive not in ("disable", "disable-next"):
            problems.append(
                _problem(
                    page,
                    comment,
                    "unknown-directive",
                    directive=directive,
                )
            )
            continue
        ids_text, separator, reason = rest.partition("--")
        ids = [i for i in _ID_SEPARATOR.split(ids_text) if i]
        valid = []
        for rule_id in ids:
            if rule_id in known:
                valid.append(rule_id)
                continue
            close = closest(rule_id, known)
            if close:
                problems.append(
                    _problem(
                        page,
                        comment,
                        "unknown-rule-suggestion",
                        rule=rule_id,
                        suggestion=close,
                    )
                )
            else:
                problems.append(
                    _problem(
                        page,
                        comment,
                        "unknown-rule",
                        rule=rule_id,
                    )
                )
        if not ids:
            problems.append(
                _problem(
                    page,
                    comment,
                    "no-rule",
                )
            )
            continue
        if not separator or not reason.strip():
            problems.append(
                _problem(
                    page,
                    comment,
                    "no-reason",
                    rules=", ".join(ids),
                )
            )
            continue
        target_selector = None
        if directive == "disable-next":
            target = _next_element(comment)
            if target is None:
                problems.append(
                    _problem(
                        page,
                        comment,
                        "no-next-element",
                    )
                )
                continue
            target_selector = selector(page, target)
        suppressions.append(
            _Suppression(comment, directive == "disable", tuple(valid), target_selector)
        )

    # A disable-next on the finding's element is more specific than a file-wide disable, so
    # it is the one marked used when both apply.
    suppressions.sort(key=lambda s: s.whole_file)
    kept = [f for f in findings if not _suppressed(f, suppressions)]
    if RULE_ID not in active:
        return kept
    for suppression in suppressions:
        for rule_id in suppression.rules:
            if rule_id in active and rule_id != RULE_ID and rule_id not in suppression.used:
                message = "unused-in-file" if suppression.whole_file else "unused-on-element"
                problems.append(_problem(page, suppression.comment, message, rule=rule_id))
    kept.extend(p for p in problems if not _suppressed(p, suppressions))
    kept.sort(key=Finding.sort_key)
    return kept


SiteSuppression = tuple[tuple[str, ...], bool, "str | None"]
"""A suppression of site-judging rules, kept when the page is gone: the rule ids, whether it
covers the whole file, and the selector of the element it covers otherwise."""


def site_suppressions(page: Page, rule_ids: Collection[str]) -> tuple[SiteSuppression, ...]:
    """The page's suppressions (those with a reason) of any of `rule_ids`, for findings that
    are made after the page is gone (`without_suppressed`).

    Their problems (no reason, an unknown id) are reported by `apply_suppressions`; whether
    they suppressed anything is not, since site findings come after the page's report."""
    if MARKER not in page.source:
        return ()
    found: list[SiteSuppression] = []
    for comment in _comments(page):
        match = _DIRECTIVE.match(comment.text or "")
        if match is None or match.group(1) not in ("disable", "disable-next"):
            continue
        ids_text, separator, reason = match.group(2).partition("--")
        ids = tuple(i for i in _ID_SEPARATOR.split(ids_text) if i in rule_ids)
        if not ids or not separator or not reason.strip():
            continue
        if match.group(1) == "disable":
            found.append((ids, True, None))
            continue
        target = _next_element(comment)
        if target is not None:
            found.append((ids, False, selector(page, target)))
    return tuple(found)


def without_suppressed(
    findings: list[Finding], suppressions: Sequence[SiteSuppression]
) -> list[Finding]:
    """`findings` less those that `suppressions` (from `site_suppressions`) cover."""
    if not suppressions:
        return findings
    return [
        f
        for f in findings
        if not any(
            f.rule in ids and (whole_file or target == f.selector)
            for ids, whole_file, target in suppressions
        )
    ]


def _suppressed(finding: Finding, suppressions: list[_Suppression]) -> bool:
    for suppression in suppressions:
        if finding.rule in suppression.rules and (
            suppression.whole_file or suppression.target_selector == finding.selector
        ):
            suppression.used.add(finding.rule)
            return True
    return False


def _comments(page: Page) -> list[etree._Comment]:
    """Every comment, including those before and after the `html` element."""
    root = page.root
    before = [c for c in root.itersiblings(preceding=True) if isinstance(c, etree._Comment)]
    after = [c for c in root.itersiblings() if isinstance(c, etree._Comment)]
    return [*reversed(before), *root.iter(etree.Comment), *after]


def _next_element(comment: etree._Comment) -> Element | None:
    following: list[Element] = comment.xpath("following::*[1]")
    return following[0] if following else None


def _problem(page: Page, comment: etree._Comment, message_id: str, **args: Any) -> Finding:
    text = comment.text or ""
    line = (comment.sourceline or 1) - text.count("\n")
    column = 1
    lines = page.source.split("\n")  # as the parser counts lines (not form feeds, U+2028)
    if 0 < line <= len(lines):
        found = lines[line - 1].find("<!--" + text.split("\n", 1)[0])
        column = found + 1 if found >= 0 else 1
    parent = comment.getparent()
    target = (
        _next_element(comment)
        if (comment.text or "").lstrip().startswith(MARKER + "disable-next")
        else None
    )
    anchor = target if target is not None else parent
    snippet = f"<!--{text}-->"
    return Finding(
        rule=RULE_ID,
        severity=SuppressionInvalid.severity,
        outcome=Outcome.FAILED,
        path=page.path,
        line=line,
        column=column,
        selector=selector(page, anchor) if anchor is not None else "html",
        snippet=snippet if len(snippet) <= 160 else snippet[:159] + "…",
        message=SuppressionInvalid.messages[message_id],
        args=args,
        message_id=message_id,
    )
