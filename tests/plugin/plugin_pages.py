"""Small pages for the plugin tests: accessible, failing, needing review, warnings only."""

from __future__ import annotations

GOOD = """<!doctype html>
<html lang="nl">
<head><title>Raadsledennieuws</title></head>
<body>
<main>
<h1>Nieuws voor raadsleden</h1>
<p>De gemeenteraad vergadert dinsdag over de begroting van volgend jaar.
<a href="/begroting">Lees meer over de begroting</a></p>
</main>
</body>
</html>
"""

# The seed newsletter's defect on a page without a language: a bare "Lees meer" link with
# nothing around it that says where it goes (html-has-lang and link-text-generic fail), and
# no h1 (page-has-heading-one, a best-practice warning).
BAD = """<!doctype html>
<html>
<head><title>Raadsledennieuws</title></head>
<body>
<main>
<a href="/regeling">Lees meer</a>
</main>
</body>
</html>
"""

# The same bare link inside a sentence: WCAG 2.4.4 allows the sentence to give the purpose,
# so link-text-generic cannot tell and a person has to look.
REVIEW = GOOD.replace("Lees meer over de begroting", "Lees meer")

# Only a best-practice warning: no h1 (page-has-heading-one).
WARNING_ONLY = GOOD.replace("<h1>", "<h2>").replace("</h1>", "</h2>")

# Markup in an attribute value, to show that reports escape snippets.
HOSTILE = BAD.replace(
    '<a href="/regeling">', '<a href="/regeling" data-note="<img src=x onerror=alert(1)>">'
)


def line_of(html: str, needle: str) -> int:
    """The 1-based number of the first line of `html` that contains `needle`."""
    for number, line in enumerate(html.splitlines(), start=1):
        if needle in line:
            return number
    raise ValueError(f"{needle!r} is not in the page")
