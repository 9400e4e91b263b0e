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

from generate import cms_page, site_stylesheet

from vngpublish.check.parse import parse_html
from vngpublish.check.style import Cascade, clear_caches

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


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
