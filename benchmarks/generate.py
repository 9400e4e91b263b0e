"""Generate a folder of realistic pages for benchmarking the checker.

    python benchmarks/generate.py OUT --pages 5000 [--seed 1]

The mix, chosen so that the benchmark sees what the checker meets in practice:

- the real pages of ../shared/corpus (Dutch standards documents and e-mail templates), copied;
- newsletters rendered by vngpublish from the bundled example with items shuffled and varied;
- CMS-style pages of a municipality: navigation, news lists with "Lees meer" links, bold
  paragraphs as headings, images with and without alt, a form, a data table, a footer;
- e-mail newsletters with nested layout tables, as mail tools produce them.

Everything is deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from html import escape
from pathlib import Path
from typing import Literal

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"

WORDS = (  # noqa: SIM905 (a sentence of words reads better than a list of 45 strings)
    "gemeente raad college wethouder burgemeester inwoners begroting wijk woningbouw omgevingswet "
    "participatie digitale toegankelijkheid informatie veiligheid jeugdzorg energie armoede "
    "bereikbaarheid vergunning aanvraag subsidie klimaat dienstverlening ondernemers cultuur sport "
    "onderwijs zorg afval parkeren evenement bijeenkomst besluit motie amendement commissie "
    "vergadering agenda verslag regeling verordening financiën accres gemeentefonds"
).split()
KINDS: tuple[Literal["web", "email"], ...] = ("web", "email")  # rendered newsletter variants
GENERIC = ["Lees meer", "Meer informatie", "Klik hier", "Lees verder", "Bekijk"]


def sentence(rng: random.Random, words: int) -> str:
    """A pseudo-Dutch sentence of `words` words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    """A few sentences."""
    return " ".join(sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 5)))


def cms_page(rng: random.Random, n: int) -> str:
    """A municipality web page as a typical CMS renders it, defects included."""
    lang = rng.choice(['lang="nl"', 'lang="nl"', "", 'lang="nl-NL"'])
    nav = "".join(f'<li><a href="/{w}/">{w.capitalize()}</a></li>' for w in rng.sample(WORDS, 12))
    items = []
    for i in range(rng.randint(8, 30)):
        title = escape(sentence(rng, rng.randint(3, 8)).rstrip("."))
        heading = f"<h3>{title}</h3>" if rng.random() < 0.6 else f"<p><strong>{title}</strong></p>"
        img = ""
        if rng.random() < 0.4:
            alt = rng.choice(['alt=""', f'alt="{escape(rng.choice(WORDS))}"', ""])
            img = f'<img src="/img/{n}-{i}.jpg" {alt} width="320" height="200">'
        link_text = rng.choice(GENERIC) if rng.random() < 0.7 else f"Lees meer over {title}"
        items.append(
            f'<div class="news-item" id="item-{i}">{heading}{img}<p>{escape(paragraph(rng))}</p>'
            f'<a href="/nieuws/{n}/{i}">{link_text}</a></div>'
        )
    rows = "".join(
        f"<tr><td>{rng.choice(WORDS)}</td><td>{rng.randint(1, 9999)}</td><td>{rng.randint(1, 99)}%</td></tr>"
        for _ in range(rng.randint(5, 25))
    )
    return f"""<!DOCTYPE html>
<html {lang}>
<head><meta charset="utf-8"><title>{escape(sentence(rng, 4))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1{rng.choice(["", ", maximum-scale=1"])}">
<link rel="stylesheet" href="/css/site.css"></head>
<body>
<a class="skip" href="#main">Naar de inhoud</a>
<header><div class="logo"><img src="/logo.svg" alt="Gemeente {escape(rng.choice(WORDS))}"></div>
<nav aria-label="Hoofdmenu"><ul>{nav}</ul></nav>
<form role="search" action="/zoeken"><label for="q">Zoeken</label><input id="q" name="q" type="search"><button>Zoek</button></form>
</header>
<main id="main">
<h1>{escape(sentence(rng, 5).rstrip("."))}</h1>
<p>{escape(paragraph(rng))}</p>
<h2>Nieuws</h2>
{"".join(items)}
<h2>Cijfers</h2>
<table><caption>{escape(sentence(rng, 4))}</caption><thead><tr><th>Onderwerp</th><th>Aantal</th><th>Aandeel</th></tr></thead><tbody>{rows}</tbody></table>
<h2>Contact</h2>
<form action="/contact"><label for="naam">Naam</label><input id="naam" name="naam">
<label>E-mail <input type="email" name="email"></label><input type="text" name="onderwerp" placeholder="Onderwerp">
<textarea name="bericht"></textarea><button type="submit">Verstuur</button></form>
</main>
<footer><p>{escape(paragraph(rng))}</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/toegankelijkheid">Toegankelijkheid</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body></html>
"""


def email_page(rng: random.Random, n: int) -> str:
    """An e-mail newsletter with nested layout tables, as a mail tool renders it."""
    blocks = []
    for i in range(rng.randint(6, 20)):
        title = escape(sentence(rng, rng.randint(3, 8)).rstrip("."))
        blocks.append(
            f'<tr><td style="padding:12px 24px;font-family:Arial,sans-serif">'
            f'<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td>'
            f'<p style="font-size:18px;font-weight:bold;margin:0">{title}</p>'
            f'<p style="font-size:13px;color:#666">{escape(rng.choice(WORDS).capitalize())}</p>'
            f"<p>{escape(paragraph(rng))}</p>"
            f'<a href="https://vng.nl/nieuws/{n}-{i}" style="color:#00607a">{rng.choice(GENERIC)}</a>'
            f"</td></tr></table></td></tr>"
        )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Raadsledennieuws</title>
<style>body{{margin:0}} @media (max-width:600px){{.wrap{{width:100%!important}}}}</style></head>
<body style="background:#f2f2f2">
<table width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f2f2f2"><tr><td align="center">
<table class="wrap" width="600" cellpadding="0" cellspacing="0" border="0" bgcolor="#ffffff">
<tr><td><img src="https://vng.nl/header.png" width="600" height="120"></td></tr>
{"".join(blocks)}
<tr><td style="font-size:11px;color:#999;padding:24px">Dit bericht is verzonden door de VNG. <a href="https://vng.nl/afmelden">Afmelden</a></td></tr>
</table></td></tr></table>
</body></html>
"""


def rendered_newsletters(rng: random.Random, count: int) -> list[str]:
    """Newsletters rendered by vngpublish from the example, items shuffled per page."""
    try:
        from vngpublish import load_issue, render_issue
    except ImportError:
        return []
    example = REPO / "examples" / "raadsledennieuws-2024-03"
    if not example.is_dir():
        return []
    issue = load_issue(example)
    pages = []
    for _ in range(count):
        items = list(issue.items)
        rng.shuffle(items)
        variant = issue.model_copy(update={"items": items[: rng.randint(4, len(items))]})
        kind = rng.choice(KINDS)
        pages.append(render_issue(variant, kind, check=False).html)
    return pages


def main(argv: list[str] | None = None) -> int:
    """Write the pages into OUT (which is emptied first)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)

    real = sorted(CORPUS.glob("*/*.html")) if CORPUS.is_dir() else []
    newsletters = rendered_newsletters(rng, 50)
    written = 0
    for n in range(args.pages):
        roll = rng.random()
        # The kind ends the file name, so that bench.py can give figures per kind.
        if real and roll < 0.15:
            shutil.copyfile(real[n % len(real)], args.out / f"page-{n:05d}-real.html")
        elif newsletters and roll < 0.35:
            page = newsletters[n % len(newsletters)]
            (args.out / f"page-{n:05d}-newsletter.html").write_text(page, encoding="utf-8")
        elif roll < 0.55:
            page = email_page(rng, n)
            (args.out / f"page-{n:05d}-email.html").write_text(page, encoding="utf-8")
        else:
            page = cms_page(rng, n)
            (args.out / f"page-{n:05d}-cms.html").write_text(page, encoding="utf-8")
        written += 1
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(
        f"wrote {written} pages to {args.out} ({size / written / 1024:.1f} KB a page on average; "
        f"{len(real)} real pages, {len(newsletters)} rendered newsletters in the mix)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
