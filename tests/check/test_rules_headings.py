"""Heading rules on whole pages: the newsletter shape the project exists for, and cost."""

from __future__ import annotations

from collections.abc import Callable

from vngpublish.check import Page, check_html
from vngpublish.check.engine import evaluate
from vngpublish.check.registry import rules_by_id

Steps = Callable[[Callable[[], object]], int]

# The shape of the seed newsletter as many editors export it: item titles in bold paragraphs,
# a theme line, a summary and a bare "Lees meer" link.
NEWSLETTER = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Raadsledennieuwsbrief maart 2024</title></head>
<body><main>
<h1>Raadsledennieuwsbrief maart 2024</h1>
<p><b>Wijzigingen rechtspositie politieke ambtsdragers</b></p>
<p>Arbeidszaken</p>
<p>De VNG heeft de modelverordening en -regeling aangepast.</p>
<p><a href="https://vng.nl/rechtspositie">Lees meer</a></p>
<p><strong>Ledenbrief Spreidingswet en opvang Oekraïners</strong></p>
<p>Asiel tot integratie</p>
<p>Er wordt een groot beroep gedaan op gemeenten.</p>
<p><a href="https://vng.nl/spreidingswet">Lees meer</a></p>
<p><b>Let op:</b> aanmelden voor Raad op Zaterdag kan tot 1 maart.</p>
</main></body></html>
"""


def test_newsletter_titles_are_flagged_for_review_and_nothing_else() -> None:
    findings = check_html(NEWSLETTER, "nieuwsbrief.html", select=["p-as-heading"])
    assert [(f.outcome.value, f.line) for f in findings] == [("cantTell", 5), ("cantTell", 9)]


def test_newsletter_bare_lees_meer_links_fail() -> None:
    findings = check_html(NEWSLETTER, "nieuwsbrief.html", select=["link-text-generic"])
    assert [(f.outcome.value, f.line) for f in findings] == [("failed", 8), ("failed", 12)]
    assert all(f.args["heading"] == "Raadsledennieuwsbrief maart 2024" for f in findings)


def test_newsletter_with_headings_and_descriptive_links_is_clean() -> None:
    fixed = (
        NEWSLETTER.replace("<p><b>Wijzigingen", "<h2>Wijzigingen")
        .replace("ambtsdragers</b></p>", "ambtsdragers</h2>")
        .replace("<p><strong>Ledenbrief", "<h2>Ledenbrief")
        .replace("Oekraïners</strong></p>", "Oekraïners</h2>")
        .replace(
            ">Lees meer</a>",
            ">Lees meer<span class='visually-hidden'> over de rechtspositie</span></a>",
            1,
        )
        .replace(">Lees meer</a>", ">Lees meer over de Spreidingswet</a>", 1)
    )
    rules = [
        "p-as-heading",
        "heading-order",
        "empty-heading",
        "page-has-heading-one",
        "page-has-one-heading-one",
    ]
    assert check_html(fixed, "nieuwsbrief.html", select=rules) == []
    findings = check_html(fixed, "nieuwsbrief.html", select=["link-text-generic"])
    assert findings == []


def _work(html: str, rule_ids: list[str], steps: Steps) -> int:
    page = Page(html, "big.html")
    rules = rules_by_id(rule_ids)
    return steps(lambda: [evaluate(page, rule) for rule in rules])


def test_heading_rules_take_linear_time_on_long_e_mails(steps: Steps) -> None:
    def page(n: int) -> str:
        rows = "".join(
            f'<tr><td><div style="font-size:20px;font-weight:700">Titel {i}</div></td></tr>'
            f"<tr><td><div>Tekst over onderwerp {i}.</div></td></tr><tr><td><h3>Kop {i}</h3>"
            f"<h5>Subkop {i}</h5></td></tr>"
            for i in range(n)
        )
        return f'<html lang="nl"><body><h1>E-mail</h1><table>{rows}</table></body></html>'

    ids = ["p-as-heading", "heading-order", "empty-heading", "page-has-one-heading-one"]
    small, large = _work(page(300), ids, steps), _work(page(1200), ids, steps)
    # Four times the content: about four times the work (quadratic would be sixteen).
    assert large < 5 * small, (small, large)
