"""`make bench`: every item of docs/performance.md beside its raw baseline; one table, saved to RESULTS.md.

    python -m tests.perf.run_bench [--only ITEM[,ITEM]] [--quick] [--rebuild]

The big database (100,000 purchases, 1,000,000 findings, 20,000 photos) is built once
with `inspector demo` and cached under tests/perf/.cache/; --rebuild builds it again.
--quick runs everything at small sizes (a smoke run; RESULTS.md is left alone unless
--write is given). Each item runs in its own process (tests/perf/child.py), times ours
and the baseline alternately in the same run, and reports medians of 5 timed runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import datetime

from tests.perf import bigdb
from tests.perf.child import ITEMS
from tests.perf.harness import RESULTS_FILE, RUNS, Result, sizes

#: Longest one item may take before it is stopped and reported as not measured.
ITEM_TIMEOUT_S = 40 * 60

HEADER = ("item", "ours", "baseline", "ratio", "goal", "pass/fail")


def _status(r: Result) -> str:
    return "pass" if r.ok else ("FAIL" if r.ok is False else "not measured")


def table(results: list[Result]) -> str:
    rows = [HEADER] + [
        (r.title, r.ours or "–", r.baseline or "–", r.ratio or "–", r.goal or "–", _status(r))
        for r in results
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER))]
    line = "+".join("-" * (w + 2) for w in widths)
    out = [line]
    for n, row in enumerate(rows):
        out.append("|".join(f" {c:<{w}} " for c, w in zip(row, widths, strict=True)))
        if n == 0:
            out.append(line)
    out.append(line)
    return "\n".join(out)


def markdown(results: list[Result], meta: dict) -> str:
    def esc(text: str) -> str:
        return text.replace("|", "\\|")

    out = [
        "# Benchmark results",
        "",
        f"Run {meta['when']} on {meta['machine']}; sizes: {meta['sizes']}; medians of "
        f"{RUNS} timed runs after a warm-up, ours and baseline alternating in the same run; "
        f"whole run {meta['minutes']:.1f} min. Produced by `make bench` "
        "(`python -m tests.perf.run_bench`); how each item is measured: tests/perf/*.py.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    for r in results:
        out.append("| " + " | ".join(esc(c) for c in (
            r.title, r.ours or "–", r.baseline or "–", r.ratio or "–", r.goal or "–",
            "**pass**" if r.ok else ("**FAIL**" if r.ok is False else "not measured"),
        )) + " |")
    out += ["", "## Notes per item", ""]
    for r in results:
        out.append(f"**{esc(r.title)}** ({_status(r)})")
        out.append("")
        for note in r.notes:
            out.append(f"- {note}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def run_item(item: str, quick: bool) -> Result:
    cmd = [sys.executable, "-m", "tests.perf.child", item] + (["--quick"] if quick else [])
    title = ITEMS[item][1]
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        proc = subprocess.run(
            cmd, stdout=subprocess.PIPE, text=True, timeout=ITEM_TIMEOUT_S, env=env
        )
    except subprocess.TimeoutExpired:
        return Result(item, title, notes=[f"not measured: over {ITEM_TIMEOUT_S // 60} min"])
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return Result.from_json(line[len("RESULT "):])
    return Result(item, title, notes=[f"not measured: the item's process exited {proc.returncode}"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.perf.run_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", metavar="ITEM",
                        help="comma-separated items: " + ", ".join(ITEMS))
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke run)")
    parser.add_argument("--rebuild", action="store_true", help="build the cached database again")
    parser.add_argument("--write", action="store_true",
                        help="write RESULTS.md even for --quick or --only runs")
    args = parser.parse_args(argv)
    items = list(ITEMS)
    if args.only:
        items = [i.strip() for i in args.only.split(",") if i.strip()]
        unknown = [i for i in items if i not in ITEMS]
        if unknown:
            parser.error(f"unknown item(s): {', '.join(unknown)}; known: {', '.join(ITEMS)}")
    sz = sizes(args.quick)
    started = time.perf_counter()
    if any(ITEMS[i][2] for i in items):
        bigdb.ensure(sz, rebuild=args.rebuild, log=lambda m: print(m, flush=True))
    results: list[Result] = []
    for item in items:
        print(f"== {item}: {ITEMS[item][1]}", flush=True)
        t0 = time.perf_counter()
        r = run_item(item, args.quick)
        print(f"   {_status(r)}: ours {r.ours or '–'}, baseline {r.baseline or '–'}, "
              f"ratio {r.ratio or '–'} (goal {r.goal or '–'}) in {time.perf_counter() - t0:.0f} s",
              flush=True)
        results.append(r)
    minutes = (time.perf_counter() - started) / 60
    print()
    print(table(results))
    print(f"\n{len(results)} items in {minutes:.1f} min")
    meta = {
        "when": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}, "
                   f"Python {platform.python_version()}",
        "sizes": json.dumps({k: v for k, v in vars(sz).items()}, ensure_ascii=False),
        "minutes": minutes,
    }
    if (not args.quick and not args.only) or args.write:
        RESULTS_FILE.write_text(markdown(results, meta), encoding="utf-8")
        print(f"written to {RESULTS_FILE}")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
