"""Benchmark the style engine against parsing, on real and generated pages.

    python benchmarks/style_bench.py [--corpus DIR] [--pages 100] [--repeat 3]

Page sets:
- corpus: the real pages of ../shared/corpus (Dutch standards documents with large <style>
  blocks, e-mail templates with <style> blocks and inline styles);
- site: generated municipality CMS pages (benchmarks/generate.py) that all link one
  generated 50 KB site stylesheet with many classes, media queries and custom properties;
- bare: the same generated pages without any CSS (only the user-agent sheet applies).

For each set: the time to parse a page (`vngpublish.check.page.parse_html`, as the checker
does), and the time to compute the style of (a) every element with text of its own, (b) a
random 10% of all elements, each time reading the properties a contrast or visibility rule
reads (colour, background, font size and weight, display, visibility, opacity). "cold" is the
first pass in a fresh process state (every stylesheet parsed and indexed), "warm" a later pass
(stylesheets come from the per-process caches, as on the second and later pages of a site).
Times are per page; "x parse" is the ratio to the parse time. `--gc-threshold 10000` shows
what tuning CPython's cyclic garbage collector (a process-wide choice) changes. Not a test:
quote the figures.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import cms_page

from vngpublish.check.parse import parse_html
from vngpublish.check.style import Cascade, clear_caches

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


# ------------------------------------------------------------------------- the site sheet
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


# ------------------------------------------------------------------------------- timing
def text_elements(root: Any) -> list[Any]:
    """Elements with text of their own (not only inside children)."""
    found = []
    for el in root.iter(etree.Element):
        if (el.text or "").strip() or any((child.tail or "").strip() for child in el):
            found.append(el)
    return found


def read_style(cascade: Cascade, el: Any) -> None:
    """What a contrast or visibility rule reads of an element's style."""
    style = cascade.computed(el)
    _ = (style.color, style.background_color, style.font_size_px, style.font_weight)
    _ = (style.display, style.visibility, style.opacity)


Page = tuple[str, str, Path | None]  # source, path, site root


def time_parse(pages: list[Page]) -> float:
    """Seconds to parse all pages."""
    start = time.perf_counter()
    for source, _path, _root in pages:
        parse_html(source)
    return time.perf_counter() - start


def time_style(pages: list[Page], choose: Callable[[Any], list[Any]]) -> float:
    """Seconds to style the chosen elements of all pages (parsing not counted)."""
    total = 0.0
    for source, path, site_root in pages:
        root = parse_html(source)
        chosen = choose(root)
        start = time.perf_counter()
        cascade = Cascade(root, path, site_root)
        for el in chosen:
            read_style(cascade, el)
        total += time.perf_counter() - start
    return total


def sample(fraction: float, seed: int) -> Callable[[Any], list[Any]]:
    """A chooser of a random `fraction` of a page's elements (at least one)."""

    def choose(root: Any) -> list[Any]:
        elements = list(root.iter(etree.Element))
        rng = random.Random(seed + len(elements))
        return rng.sample(elements, max(1, int(len(elements) * fraction)))

    return choose


def report(name: str, pages: list[Page], repeat: int) -> dict[str, float]:
    """Measure one page set and print its line."""
    count = len(pages)
    parse = min(time_parse(pages) for _ in range(repeat)) / count
    clear_caches()
    cold_all = time_style(pages, text_elements) / count
    warm_all = min(time_style(pages, text_elements) for _ in range(repeat)) / count
    clear_caches()
    cold_some = time_style(pages, sample(0.1, 1)) / count
    warm_some = min(time_style(pages, sample(0.1, 1)) for _ in range(repeat)) / count
    elements = statistics.mean(len(list(parse_html(s).iter(etree.Element))) for s, _p, _r in pages)
    texts = statistics.mean(len(text_elements(parse_html(s))) for s, _p, _r in pages)

    def cell(seconds: float) -> str:
        return f"{seconds * 1000:6.2f} ms {seconds / parse:5.1f}x"

    print(
        f"{name:<7}{count:>5} {elements:>6.0f} {texts:>6.0f} {parse * 1000:7.2f} ms   "
        f"{cell(cold_all)}  {cell(warm_all)}   {cell(cold_some)}  {cell(warm_some)}"
    )
    return {"parse": parse, "warm_all": warm_all, "warm_some": warm_some}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--pages", type=int, default=100, help="generated pages per set")
    parser.add_argument("--repeat", type=int, default=3, help="warm passes (the best counts)")
    parser.add_argument(
        "--gc-threshold",
        type=int,
        default=None,
        help="set the cyclic garbage collector's generation-0 threshold (CPython's is 700)",
    )
    args = parser.parse_args(argv)
    if args.gc_threshold is not None:
        gc.set_threshold(args.gc_threshold, 50, 50)

    corpus = sorted(args.corpus.glob("*/*.html")) if args.corpus.is_dir() else []
    sets: list[tuple[str, list[Page]]] = []
    if corpus:
        sets.append(("corpus", [(p.read_text("utf-8", "replace"), str(p), None) for p in corpus]))
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        rng = random.Random(1)
        sheet = site_stylesheet(rng)
        (site / "css").mkdir()
        (site / "css" / "site.css").write_text(sheet, "utf-8")
        generated = [cms_page(rng, n) for n in range(args.pages)]
        sets.append(
            ("site", [(src, str(site / f"p{n}.html"), site) for n, src in enumerate(generated)])
        )
        link = '<link rel="stylesheet" href="/css/site.css">'
        sets.append(
            (
                "bare",
                [
                    (src.replace(link, ""), str(site / f"p{n}.html"), site)
                    for n, src in enumerate(generated)
                ],
            )
        )
        print(f"site stylesheet: {len(sheet) / 1000:.0f} KB; times per page; best of {args.repeat}")
        print(
            f"{'set':<7}{'pages':>5} {'elems':>6} {'text':>6} {'parse':>10}   "
            f"{'all text, cold':>17}  {'all text, warm':>17}   {'10%, cold':>17}  {'10%, warm':>17}"
        )
        for name, pages in sets:
            report(name, pages, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
