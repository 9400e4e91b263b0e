"""Inline suppression comments: what they hide, and that bad or stale ones are reported."""

from __future__ import annotations

from vngpublish.check import check_html
from vngpublish.check.finding import Finding, Outcome, Severity
from vngpublish.check.locate import column, line, selector, snippet
from vngpublish.check.page import Page
from vngpublish.check.registry import load_rules
from vngpublish.check.suppress import RULE_ID, apply_suppressions
from vngpublish.i18n import format_message

KNOWN = frozenset(load_rules())
HEAD = '<!DOCTYPE html>\n<html lang="nl"><head><title>Nieuws</title></head>\n<body>\n'


def finding(page: Page, css: str, rule: str = "link-name") -> Finding:
    """A finding of `rule` on the element the selector `css` picks out (as a rule would
    report it)."""
    (element,) = [el for el in page.elements if selector(page, el) == css]
    return Finding(
        rule=rule,
        severity=Severity.ERROR,
        outcome=Outcome.FAILED,
        path=page.path,
        line=line(element),
        column=column(page, element),
        selector=css,
        snippet=snippet(page, element),
        message="x",
    )


def messages(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, format_message(f.message, f.args, "en")) for f in findings]


def test_disable_next_hides_findings_on_the_next_element_only() -> None:
    page = Page(
        HEAD + "<p>Raad</p>\n"
        "<!-- vngpublish-disable-next link-name -- het doel staat in de zin ervoor -->\n"
        '<a href="/raad">Lees meer</a>\n<a href="/college">Lees meer</a>\n</body></html>'
    )
    first, second = (
        finding(page, "body > a:nth-of-type(1)"),
        finding(page, "body > a:nth-of-type(2)"),
    )
    assert apply_suppressions(page, [first, second], {"link-name", RULE_ID}, KNOWN) == [second]


def test_disable_next_does_not_cover_other_rules_or_descendants() -> None:
    page = Page(
        HEAD
        + "<!-- vngpublish-disable-next link-name -- reden -->\n"
        + "<p><a href='/x'>x</a></p></body></html>"
    )
    on_p = finding(page, "body > p", rule="heading-order")
    on_a = finding(page, "body > p > a")
    assert apply_suppressions(page, [on_p, on_a], {"link-name", "heading-order"}, KNOWN) == [
        on_p,
        on_a,
    ]


def test_file_level_disable_hides_the_rule_everywhere_in_the_file() -> None:
    page = Page(
        HEAD + '<a href="/a">a</a><p><a href="/b">b</a></p>\n'
        "<!-- vngpublish-disable link-name, heading-order -- gearchiveerde pagina -->\n"
        "</body></html>"
    )
    kept = finding(page, "body > p", rule="page-has-heading-one")
    hidden = [
        finding(page, "body > a"),
        finding(page, "body > p > a"),
        finding(page, "body > p", "heading-order"),
    ]
    assert apply_suppressions(
        page, [*hidden, kept], {"link-name", "heading-order", "page-has-heading-one"}, KNOWN
    ) == [kept]


def test_comment_before_the_html_element_is_seen() -> None:
    page = Page(
        "<!-- vngpublish-disable link-name -- fragment -->\n"
        + HEAD
        + "<a href='/a'>a</a></body></html>"
    )
    assert apply_suppressions(page, [finding(page, "body > a")], {"link-name"}, KNOWN) == []


def test_suppression_without_reason_suppresses_nothing_and_is_reported() -> None:
    page = Page(
        HEAD + "<!-- vngpublish-disable-next link-name -->\n<a href='/a'>a</a></body></html>"
    )
    link = finding(page, "body > a")
    result = apply_suppressions(page, [link], {"link-name", RULE_ID}, KNOWN)
    problem = result[0]  # the comment comes first in the file
    assert result[1] == link
    assert messages([problem]) == [
        (
            RULE_ID,
            "The suppression of link-name gives no reason, so it suppresses nothing: "
            'add one after " -- ".',
        )
    ]
    assert (problem.severity, problem.outcome, problem.line, problem.column) == (
        Severity.WARNING,
        Outcome.FAILED,
        4,
        1,
    )
    assert problem.snippet == "<!-- vngpublish-disable-next link-name -->"


def test_unknown_rule_and_unknown_directive_are_reported() -> None:
    page = Page(
        HEAD + "<!-- vngpublish-disable link-nam -- typo -->\n"
        "<!-- vngpublish-ignore link-name -- wrong word -->\n<p>x</p></body></html>"
    )
    result = apply_suppressions(page, [], {RULE_ID}, KNOWN)
    assert messages(result) == [
        (RULE_ID, 'The suppression names the unknown rule "link-nam"; did you mean "link-name"?'),
        (
            RULE_ID,
            'Unknown directive "vngpublish-ignore": '
            "use vngpublish-disable or vngpublish-disable-next.",
        ),
    ]
    assert [f.line for f in result] == [4, 5]


def test_unused_suppression_is_reported_only_when_its_rule_ran() -> None:
    page = Page(
        HEAD + "<!-- vngpublish-disable-next link-name -- oude reden -->\n<a href='/a'>a</a>\n"
        "<!-- vngpublish-disable heading-order -- oude reden -->\n</body></html>"
    )
    ran_both = apply_suppressions(page, [], {"link-name", "heading-order", RULE_ID}, KNOWN)
    assert messages(ran_both) == [
        (RULE_ID, "Unused suppression: link-name reports nothing on the next element."),
        (RULE_ID, "Unused suppression: heading-order reports nothing in this file."),
    ]
    # heading-order did not run (not selected, or per-file-ignored): its suppression may be needed.
    ran_one = apply_suppressions(page, [], {"link-name", RULE_ID}, KNOWN)
    assert messages(ran_one) == [
        (RULE_ID, "Unused suppression: link-name reports nothing on the next element.")
    ]


def test_problems_are_not_reported_when_suppression_invalid_is_not_selected() -> None:
    page = Page(HEAD + "<!-- vngpublish-disable link-name -->\n<p>x</p></body></html>")
    assert apply_suppressions(page, [], {"link-name"}, KNOWN) == []


def test_through_check_html_with_a_real_rule() -> None:
    fragment = HEAD + "<p>Alleen tekst</p>\n</body></html>"
    assert [f.rule for f in check_html(fragment, select=["page-has-heading-one"])] == [
        "page-has-heading-one"
    ]
    disabled = fragment.replace(
        "<body>", "<body><!-- vngpublish-disable page-has-heading-one -- e-mailfragment -->"
    )
    assert check_html(disabled, select=["page-has-heading-one", RULE_ID]) == []
    with_h1 = disabled.replace("<p>Alleen tekst</p>", "<h1>Nieuws</h1>")
    assert messages(check_html(with_h1, select=["page-has-heading-one", RULE_ID])) == [
        (RULE_ID, "Unused suppression: page-has-heading-one reports nothing in this file.")
    ]
