"""Generate a folder of realistic pages for benchmarking the checker.

    python benchmarks/generate.py OUT --pages 5000 [--seed 1] [--stylesheet]

The mix, chosen so that the benchmark sees what the checker meets in practice:

- the real pages of ../shared/corpus (Dutch standards documents and e-mail templates), copied;
- newsletters rendered by vngpublish from the bundled example with items shuffled and varied;
- CMS-style pages of a municipality: navigation, news lists with "Lees meer" links, bold
  paragraphs as headings, images with and without alt, a form, a data table, a footer;
- e-mail newsletters with nested layout tables, as mail tools produce them.

With `--stylesheet`, the site stylesheet the CMS-style pages link (`/css/site.css`) is written
too, about 50 KB of rules as a CMS theme has them: check with `--root OUT` so that it is read.

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


def site_stylesheet(rng: random.Random, size: int = 50_000) -> str:
    """A CMS-like site stylesheet of about `size` characters: custom properties, a reset,
    typography, a grid with breakpoints, components with variants and states, utilities,
    dark-mode and print rules."""
    parts = [
        ":root { --brand: #00589c; --brand-dark: #003e6e; --text: #222; --muted: #6b6b6b;"
        " --bg: #fff; --space: 8px; --radius: 4px; --font: 'Open Sans', Arial, sans-serif; }",
        "*, *::before, *::after { box-sizing: border-box; }",
        "html { font-size: 100%; -webkit-text-size-adjust: 100%; }",
        "body { margin: 0; font: 16px/1.5 var(--font); color: var(--text);"
        " background: var(--bg); }",
        "h1, h2, h3, h4 { font-weight: 700; line-height: 1.2; color: var(--brand-dark); }",
        "h1 { font-size: 2.25rem; } h2 { font-size: 1.75rem; } h3 { font-size: 1.375rem; }",
        "a { color: var(--brand); text-decoration: underline; }",
        "a:hover, a:focus { color: var(--brand-dark); text-decoration: none; }",
        ":focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }",
        ".skip { position: absolute; left: -9999px; top: auto; width: 1px; height: 1px;"
        " overflow: hidden; }",
        ".skip:focus { position: static; width: auto; height: auto; }",
        ".sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;"
        " overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }",
        "header { background: var(--brand); color: #fff; padding: calc(var(--space) * 2); }",
        "header nav ul { list-style: none; display: flex; gap: var(--space); margin: 0; }",
        "header nav a { color: #fff; font-weight: 600; text-decoration: none; }",
        "main { max-width: 1140px; margin: 0 auto; padding: 0 16px; }",
        ".news-item { border-bottom: 1px solid #ddd; padding: 16px 0; }",
        ".news-item h3 { margin: 0 0 8px; }",
        ".news-item p { color: var(--muted); }",
        ".news-item a { font-weight: 600; }",
        "table { border-collapse: collapse; width: 100%; }",
        "th, td { padding: 8px; border: 1px solid #ccc; text-align: left; }",
        "thead th { background: #f2f2f2; }",
        "tbody tr:nth-child(even) { background: #fafafa; }",
        "label { display: block; font-weight: 600; margin-top: 8px; }",
        "input, textarea { font: inherit; padding: 6px; border: 1px solid #767676;"
        " border-radius: var(--radius); }",
        "button { background: var(--brand); color: #fff; border: 0; padding: 8px 16px; }",
        "footer { background: #333; color: #eee; padding: 24px 16px; margin-top: 48px; }",
        "footer a { color: #fff; }",
    ]
    breakpoints = (576, 768, 992, 1200)
    components = (
        "btn", "card", "alert", "badge", "tile", "teaser", "panel", "banner", "tag", "notice",
        "callout", "block", "widget", "hero", "list", "menu", "tab", "pill", "chip", "box",
    )  # fmt: skip
    variants = ("primary", "secondary", "success", "warning", "danger", "info", "light", "dark")
    colours = ("#00589c", "#5a5a5a", "#2e7d32", "#f9a825", "#c62828", "#0277bd", "#f5f5f5")
    states = ("hover", "focus", "active", "disabled")
    for component in components:
        parts.append(
            f".{component} {{ display: block; padding: {rng.randint(4, 24)}px; margin: 0 0 "
            f"{rng.randint(4, 24)}px; border-radius: var(--radius); font-size: "
            f"{rng.choice(['0.875rem', '1rem', '14px', '1.125em'])}; }}"
        )
        parts.append(f".{component}__title {{ font-weight: 700; font-size: 1.25rem; }}")
        parts.append(f".{component}__body {{ color: var(--muted); line-height: 1.6; }}")
        parts.append(
            f".{component} > .{component}__icon + .{component}__label {{ margin-left: 4px; }}"
        )
        for variant in variants:
            colour = rng.choice(colours)
            parts.append(
                f".{component}--{variant} {{ background-color: {colour}; color: "
                f"{'#fff' if colour < '#8' else '#222'}; border-color: {colour}; }}"
            )
            state = rng.choice(states)
            parts.append(f".{component}--{variant}:{state} {{ opacity: .85; }}")
    for side, prop in (("t", "top"), ("b", "bottom"), ("l", "left"), ("r", "right")):
        for step in range(6):
            parts.append(f".m{side}-{step} {{ margin-{prop}: {step * 4}px !important; }}")
            parts.append(f".p{side}-{step} {{ padding-{prop}: {step * 4}px !important; }}")
    for name in ("left", "center", "right", "justify"):
        parts.append(f".text-{name} {{ text-align: {name} !important; }}")
    for variant, colour in zip(variants, colours, strict=False):
        parts.append(f".text-{variant} {{ color: {colour} !important; }}")
        parts.append(f".bg-{variant} {{ background-color: {colour} !important; }}")
    for width in breakpoints:
        rules = " ".join(
            f".col-{size}-{n} {{ flex: 0 0 {n / 12:.4%}; max-width: {n / 12:.4%}; }}"
            for size in ("sm", "md", "lg", "xl")
            for n in range(1, 13)
        )
        parts.append(f"@media (min-width: {width}px) {{ {rules} }}")
        parts.append(
            f"@media (max-width: {width - 1}px) {{ header nav ul {{ flex-direction: column; }}"
            f" .hide-below-{width} {{ display: none; }} }}"
        )
    parts.append(
        "@media (prefers-color-scheme: dark) { :root { --text: #eee; --bg: #121212; }"
        " .card { background: #1e1e1e; } }"
    )
    parts.append(
        "@media print { header, footer, nav { display: none; }"
        " a::after { content: ' (' attr(href) ')'; } }"
    )
    parts.append("@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }")
    text = "\n".join(parts)
    filler = 0
    while len(text) < size:
        filler += 1
        component = rng.choice(components)
        text += (
            f"\n.page-{filler} .{component}__title, .page-{filler} h2.{component} "
            f"{{ color: {rng.choice(colours)}; letter-spacing: .0{rng.randint(1, 9)}em; }}"
        )
    return text


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
    parser.add_argument(
        "--stylesheet", action="store_true", help="also write css/site.css (about 50 KB)"
    )
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
    if args.stylesheet:
        (args.out / "css").mkdir()
        (args.out / "css" / "site.css").write_text(site_stylesheet(rng), encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.glob("*.html"))
    print(
        f"wrote {written} pages to {args.out} ({size / written / 1024:.1f} KB a page on average; "
        f"{len(real)} real pages, {len(newsletters)} rendered newsletters in the mix)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
