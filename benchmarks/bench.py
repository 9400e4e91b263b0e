"""Benchmark the checker: parse-only against the full check, parallel speed-up, peak memory.

    python benchmarks/generate.py /tmp/pages --pages 5000
    python benchmarks/bench.py /tmp/pages [--small 100] [--root /tmp/pages] [--select IDS]

Prints, for the pages in the folder (one process, every rule selected, or the comma-separated
rule ids of `--select`, for example the rules of an earlier version to compare engines):
- parse only (encode and lxml parse, exactly as the checker does) and full check (parse + all
  rules + findings), in pages per second, and the ratio full / parse; both on a second pass
  (the first pass of the check, with its one-time loads, is printed too); and the same per
  kind of page when the file names end in one, as generate.py names them;
- where the time of the full check goes: building the page (parse, tree repairs, indexes),
  running the rules, placing and fingerprinting their findings; the rules run a second time
  on the same page, when every fact about its elements is known; and the ratio for the pages
  with no findings at all;
- wall time of the CLI with --jobs 1 and --jobs 2 over the folder, and the speed-up;
- peak resident memory of the CLI (--jobs 1) over the first `--small` pages and over all pages.
`--root` is the site root root-relative stylesheet links resolve against (as the checker's
`--root`): give the folder for pages written with `generate.py --stylesheet`.
Not a test: figures depend on the machine. Run it and quote it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vngpublish.check.engine import check_page, place_results, run_rules
from vngpublish.check.page import Page
from vngpublish.check.parse import parse_html
from vngpublish.check.registry import rules_by_id
from vngpublish.check.runner import collecting_rarely

# Peak memory of the CLI itself. Not getrusage's ru_maxrss: Linux keeps that across exec, so
# a child started from this (large) benchmark process would report this process's memory.
# VmHWM in /proc/self/status is reset by exec.
MEASURE_RSS = (
    "import runpy, sys\n"
    "sys.argv = ['vngpublish.check'] + sys.argv[1:]\n"
    "try:\n"
    "    runpy.run_module('vngpublish.check', run_name='__main__')\n"
    "except SystemExit:\n"
    "    pass\n"
    "with open('/proc/self/status') as status:\n"
    "    peak = next(line for line in status if line.startswith('VmHWM:'))\n"
    "print(peak.split()[1], file=sys.stderr)\n"
)


def parse_only(sources: list[str]) -> list[float]:
    """Seconds to parse each source with lxml, exactly as the checker does."""
    took = []
    for source in sources:
        start = time.perf_counter()
        parse_html(source)
        took.append(time.perf_counter() - start)
    return took


def full_check(
    sources: list[str], paths: list[str], root: Path | None, selection: list[str] | None
) -> tuple[list[float], list[int]]:
    """Seconds to parse and run the selected rules on each source, and the findings on each
    (with the garbage collector set as the runner sets it)."""
    rules = rules_by_id(selection)
    counts = []
    took = []
    with collecting_rarely():
        for source, path in zip(sources, paths, strict=True):
            start = time.perf_counter()
            counts.append(len(check_page(Page(source, path, site_root=root), rules)))
            took.append(time.perf_counter() - start)
    return took, counts


STAGES = ("page", "rules", "findings", "rules again")


def stage_times(
    sources: list[str], paths: list[str], root: Path | None, selection: list[str] | None
) -> tuple[dict[str, list[float]], list[int]]:
    """Seconds per page for each stage of the full check (see `STAGES`), and the number of
    findings per page. "rules again" runs every rule once more on the same page: what the
    rules cost when every cached fact about elements (roles, names, hidden state, language)
    is already known."""
    rules = rules_by_id(selection)
    took: dict[str, list[float]] = {stage: [] for stage in STAGES}
    counts = []
    with collecting_rarely():
        for source, path in zip(sources, paths, strict=True):
            start = time.perf_counter()
            page = Page(source, path, site_root=root)
            built = time.perf_counter()
            results = run_rules(page, rules)
            ran = time.perf_counter()
            counts.append(len(place_results(page, results)))
            placed = time.perf_counter()
            run_rules(page, rules)
            again = time.perf_counter()
            for stage, seconds in zip(
                STAGES, (built - start, ran - built, placed - ran, again - placed), strict=True
            ):
                took[stage].append(seconds)
    return took, counts


def print_stages(
    parse_times: list[float],
    full_times: list[float],
    sources: list[str],
    paths: list[str],
    root: Path | None,
    selection: list[str] | None,
) -> None:
    """Print where the time of the full check goes, per page and as multiples of parsing."""
    took, counts = stage_times(sources, paths, root, selection)
    n = len(sources)
    t_parse = sum(parse_times)
    print("where the time goes (ms/page, and as a multiple of parse only):")
    labels = {
        "page": "page: parse, tree repairs, indexes",
        "rules": "rules",
        "findings": "findings: place, snippet, fingerprint",
        "rules again": "rules again, every element fact known",
    }
    for stage in STAGES:
        seconds = sum(took[stage])
        print(f"  {labels[stage]:40s} {1000 * seconds / n:6.3f}  {seconds / t_parse:5.2f}x")
    clean = [i for i, count in enumerate(counts) if count == 0]
    if clean:
        parse_clean = sum(parse_times[i] for i in clean)
        full_clean = sum(full_times[i] for i in clean)
        print(
            f"  pages with no findings: {len(clean)} of {n}, ratio full/parse "
            f"{full_clean / parse_clean:.2f}"
        )


def kind_of(path: Path) -> str:
    """The kind of page `generate.py` names at the end of the file name ("page-00012-cms")."""
    kind = path.stem.rpartition("-")[2]
    return kind if kind.isalpha() else "other"


def cli_run(
    folder: Path, jobs: int, root: Path | None, selection: list[str] | None
) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one CLI run over `folder`."""
    start = time.perf_counter()
    extra = [] if root is None else ["--root", str(root)]
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURE_RSS,
            str(folder),
            "--select",
            "all" if selection is None else ",".join(selection),
            "--format",
            "json",
            "--output",
            "/dev/null",
            "--jobs",
            str(jobs),
            "--fail-on",
            "never",
            *extra,
        ],
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"CLI run failed ({result.returncode}): {result.stderr[-500:]}")
    return took, int(result.stderr.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--small", type=int, default=100, help="pages in the small memory run")
    parser.add_argument("--root", type=Path, help="the site root (as the checker's --root)")
    parser.add_argument("--select", help="comma-separated rule ids (default: every rule)")
    args = parser.parse_args(argv)
    selection = None if args.select is None else [i.strip() for i in args.select.split(",")]
    try:
        rules = rules_by_id(selection)
    except KeyError as error:
        parser.error(str(error.args[0]))

    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".html", ".htm", ".xhtml"))
    sources = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    paths = [str(p) for p in files]
    size_kb = sum(len(s) for s in sources) / len(sources) / 1024
    print(f"{len(files)} pages, {size_kb:.1f} KB a page on average; {len(rules)} rules")

    print("load average at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    # Both are timed on a second pass: the first includes imports and the one-time loads of a
    # check (the language model, the language subtag registry), which the CLI timings below
    # include. A few pages are not enough to warm up: short ones never load the model.
    parse_only(sources)
    first, _ = full_check(sources, paths, args.root, selection)
    print(f"full check, first pass (with one-time loads): {sum(first):.2f} s")
    parse_times = parse_only(sources)
    full_times, counts = full_check(sources, paths, args.root, selection)
    findings = sum(counts)
    t_parse, t_full = sum(parse_times), sum(full_times)
    n = len(files)
    for label, took in (("parse only", t_parse), ("full check", t_full)):
        print(f"{label} : {took:7.2f} s  {n / took:8.0f} pages/s  {1000 * took / n:6.2f} ms/page")
    print(f"findings: {findings}")
    print(f"ratio full/parse: {t_full / t_parse:.2f}")
    kinds = sorted({kind_of(p) for p in files})
    if len(kinds) > 1:
        print("by kind of page (second pass):")
        for kind in kinds:
            chosen = [i for i, p in enumerate(files) if kind_of(p) == kind]
            parse_kind = sum(parse_times[i] for i in chosen)
            full_kind = sum(full_times[i] for i in chosen)
            found_kind = sum(counts[i] for i in chosen)
            print(
                f"  {kind:11s} {len(chosen):5d} pages  parse {1000 * parse_kind / len(chosen):5.2f}"
                f" ms/page  full {1000 * full_kind / len(chosen):5.2f} ms/page"
                f"  ratio {full_kind / parse_kind:5.2f}"
                f"  findings/page {found_kind / len(chosen):5.1f}"
            )

    print_stages(parse_times, full_times, sources, paths, args.root, selection)

    print("load average before the CLI runs: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    t1, rss_all = cli_run(args.folder, 1, args.root, selection)
    t2, _ = cli_run(args.folder, 2, args.root, selection)
    print(f"CLI --jobs 1: {t1:6.2f} s; --jobs 2: {t2:6.2f} s; speed-up {t1 / t2:.2f}x")

    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp)
        for p in files[: args.small]:
            shutil.copyfile(p, small / p.name)
        _, rss_small = cli_run(small, 1, args.root, selection)
    print(
        f"peak RSS --jobs 1: {rss_small / 1024:.0f} MiB over {min(args.small, n)} pages, "
        f"{rss_all / 1024:.0f} MiB over {n} pages (ratio {rss_all / rss_small:.2f})"
    )
    print(
        json.dumps(
            {
                "pages": n,
                "parse_s": t_parse,
                "full_s": t_full,
                "ratio": t_full / t_parse,
                "jobs1_s": t1,
                "jobs2_s": t2,
                "rss_small_kib": rss_small,
                "rss_all_kib": rss_all,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
