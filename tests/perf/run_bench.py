"""`make bench`: every item of docs/performance.md beside its raw baseline; one table, saved to RESULTS.md.

    python -m tests.perf.run_bench [--only ITEM[,ITEM]] [--quick] [--rebuild] [--json FILE]

The big database (100,000 purchases, 1,000,000 findings, 20,000 photos) is built once
with `inspector demo` and cached under tests/perf/.cache/; --rebuild builds it again.
Each item runs in its own process (tests/perf/child.py), times ours and the baseline
alternately in the same run, and reports medians of 5 timed runs.

The PostgreSQL rows (pg_*) run when INSPECTOR_BENCH_PG_URL or INSPECTOR_TEST_PG_URL is set
(tests/perf/pgdb.py: a database of the bench's own on that server, filled with COPY and
kept); without it they are left out and RESULTS.md keeps their earlier figures.

--quick runs every item at small sizes in seconds, with one timed run and no timing goals:
an item passes when it ran to the end (its explanations and profiles included). Its
database and files are cached in a folder of its own under the system's temporary folder
(INSPECTOR_BENCH_CACHE names another), never in tests/perf/.cache; RESULTS.md is left
alone. `make test` runs it (tests/perf_quick/), so a change that breaks a benchmark shows.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import datetime

from tests.perf import bigdb, pgdb
from tests.perf.child import ITEMS, PG_ITEMS
from tests.perf.harness import RESULTS_FILE, RUNS, Result, set_quick, sizes

#: Longest one item may take before it is stopped and reported as not measured.
ITEM_TIMEOUT_S = 40 * 60

HEADER = ("item", "ours", "baseline", "ratio", "goal", "pass/fail")


def _status(r: Result) -> str:
    return "pass" if r.ok else ("FAIL" if r.ok is False else "not measured")


def ran(r: Result) -> Result:
    """A quick run's row: no goal; it passes when the item ran to the end."""
    measured = r.ok is not None and bool(r.ours)
    notes = r.notes if measured else [*r.notes, "did not run to the end"]
    return Result(r.item, r.title, r.ours, r.baseline, r.ratio, "ran (quick)", measured,
                  notes, r.samples)


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


def _esc(text: str) -> str:
    return text.replace("|", "\\|")


def earlier_rows(text: str) -> dict[str, tuple[list[str], list[str]]]:
    """title -> (table cells with the date measured last, note lines) of a RESULTS.md."""
    when = re.search(r"^Run (\d{4}-\d\d-\d\d \d\d:\d\d \w+)", text, re.M)
    default_when = when.group(1) if when else "unknown"
    rows: dict[str, tuple[list[str], list[str]]] = {}
    notes: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("| item "):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if len(cells) == len(HEADER):
                cells.append(default_when)
            rows[cells[0]] = (cells, [])
        elif line.startswith("**") and ")" in line:
            current = re.sub(r"\*\* \(.*\)$", "", line[2:])
            notes[current] = []
        elif current is not None and line.startswith("- "):
            notes[current].append(line)
    return {t: (cells, notes.get(t, [])) for t, (cells, _) in rows.items()}


def kept_sections(text: str) -> str:
    """The sections of an earlier RESULTS.md that no benchmark item writes (a "## " heading
    after the notes, e.g. the built program's figures from packaging/measure.py): kept as
    they are, at the end."""
    match = re.search(r"^## (?!Notes per item$).*$", text, re.M)
    return text[match.start():].rstrip() + "\n" if match else ""


def markdown(results: list[Result], meta: dict, earlier: str = "") -> str:
    """RESULTS.md: the rows of this run, and those of an earlier file for items not re-run
    (each row says when it was measured)."""
    new = {r.title: r for r in results}
    old = earlier_rows(earlier) if earlier else {}
    titles = [t for t in (ITEMS[i][1] for i in ITEMS) if t in new or t in old]
    out = [
        "# Benchmark results",
        "",
        f"Run {meta['when']} on {meta['machine']}{meta.get('load', '')} "
        f"({', '.join(r.item for r in results)}"
        f"{'' if len(results) == len(ITEMS) else '; the other rows are from earlier runs, see '}"
        f"{'' if len(results) == len(ITEMS) else 'the column measured'}); sizes: "
        f"{meta['sizes']}; medians of {RUNS} timed runs after a warm-up, ours and baseline "
        f"alternating in the same run; this run {meta['minutes']:.1f} min. Produced by `make "
        "bench` (`python -m tests.perf.run_bench`, `--only ITEM --write` re-measures rows); "
        "how each item is measured: tests/perf/*.py.",
        "",
        "| " + " | ".join((*HEADER, "measured")) + " |",
        "|" + "---|" * (len(HEADER) + 1),
    ]
    for title in titles:
        if title in new:
            r = new[title]
            cells = [_esc(c) for c in (
                r.title, r.ours or "–", r.baseline or "–", r.ratio or "–", r.goal or "–",
                "**pass**" if r.ok else ("**FAIL**" if r.ok is False else "not measured"),
                meta["when"],
            )]
        else:
            cells = old[title][0]
        out.append("| " + " | ".join(cells) + " |")
    out += ["", "## Notes per item", ""]
    for title in titles:
        if title in new:
            r = new[title]
            out.append(f"**{_esc(r.title)}** ({_status(r)})")
            lines = [f"- {note}" for note in r.notes]
        else:
            cells, lines = old[title]
            out.append(f"**{title}** ({cells[5].strip('*').lower().replace('fail', 'FAIL')}, "
                       f"measured {cells[6]})")
        out.append("")
        out.extend(lines)
        out.append("")
    kept = kept_sections(earlier) if earlier else ""
    return "\n".join(out).rstrip() + "\n" + ("\n" + kept if kept else "")


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
                        help="write RESULTS.md even for --only runs (never for --quick)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    set_quick(args.quick)  # the item processes inherit it
    items = list(ITEMS)
    if args.only:
        items = [i.strip() for i in args.only.split(",") if i.strip()]
        unknown = [i for i in items if i not in ITEMS]
        if unknown:
            parser.error(f"unknown item(s): {', '.join(unknown)}; known: {', '.join(ITEMS)}")
    sz = sizes(args.quick)
    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    if any(ITEMS[i][2] for i in items):
        folder = bigdb.ensure(sz, rebuild=args.rebuild, log=lambda m: print(m, flush=True))
        if pgdb.server_url() and any(i in PG_ITEMS for i in items):
            pgdb.ensure(folder, sz, log=lambda m: print(m, flush=True))
    results: list[Result] = []
    skipped: list[Result] = []
    for item in items:
        print(f"== {item}: {ITEMS[item][1]}", flush=True)
        t0 = time.perf_counter()
        if item in PG_ITEMS and not pgdb.server_url():  # no server: said, not run
            r = Result(item, ITEMS[item][1], notes=[pgdb.why_not()])
            skipped.append(r)
        else:
            load = os.getloadavg()[0]
            r = run_item(item, args.quick)
            if args.quick:
                r = ran(r)
            # The machine may be shared: how busy it was beside each figure.
            r.notes.append(f"load average {load:.1f} at this item's start and "
                           f"{os.getloadavg()[0]:.1f} at its end ({os.cpu_count()} cores)")
        print(f"   {_status(r)}: ours {r.ours or '–'}, baseline {r.baseline or '–'}, "
              f"ratio {r.ratio or '–'} (goal {r.goal or '–'}) in {time.perf_counter() - t0:.0f} s",
              flush=True)
        results.append(r)
    if args.quick and pgdb.server_url():
        pgdb.drop(sz)  # a quick run's database is its own, like its cache folder
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
        # Other work on the machine slows every item: say how busy it was.
        "load": f", load average {load_before:.1f} at the start and {os.getloadavg()[0]:.1f} "
                "at the end",
    }
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump([json.loads(r.to_json()) for r in results], f, ensure_ascii=False)
    if not args.quick and (not args.only or args.write):
        earlier = RESULTS_FILE.read_text(encoding="utf-8") if RESULTS_FILE.exists() else ""
        # Rows not run for want of a server keep what an earlier run measured.
        measured = [r for r in results if r not in skipped]
        RESULTS_FILE.write_text(markdown(measured, meta, earlier), encoding="utf-8")
        print(f"written to {RESULTS_FILE}")
    return 0 if all(r.ok for r in results if r not in skipped) else 1


if __name__ == "__main__":
    raise SystemExit(main())
