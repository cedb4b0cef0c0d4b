"""Time and peak memory of importing a records file of up to 1,048,575 rows (by hand).

    python -m tests.perf.records_import_big [--rows N] [--sheet Purchases|Merchants|Findings]

Writes the workbook (openpyxl write-only) into a temporary folder with a fresh database,
then imports it in a child process and prints seconds and peak resident memory (ru_maxrss).
Not part of `make test`; the figures are in tests/perf/IMPORTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
from inspector_app.domain.enums import Role
from inspector_app.services import records_import, users
from inspector_app.services.context import SYSTEM, open_context
ctx = open_context(data_folder=os.environ["INSPECTOR_DATA_DIR"])
admin = users.create_user(ctx.as_actor(SYSTEM), "Admin", Role.ADMIN)
for shop in ("S-0", "S-1", "S-2"):
    from inspector_app.services import merchants
    merchants.create_merchant(ctx.as_actor(admin), shop, "Shop " + shop)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
report = records_import.import_records(ctx.as_actor(admin), sys.argv[1])
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024),
                  "before_import_rss_mb": round(base / 1024),
                  "created": dict(report.created), "errors": report.error_count}))
"""


def write_file(path: Path, rows: int, sheet: str) -> float:
    from openpyxl import Workbook

    from inspector_app.reports.records_xlsx import COLUMNS

    t0 = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append([c.header for c in COLUMNS[sheet]])
    when = datetime(2026, 9, 1, 10, 0)
    for i in range(rows):
        if sheet == "Merchants":
            ws.append([f"M-{i}", f"Merchant {i}", "apparel", "", "no"])
        elif sheet == "Purchases":
            ws.append([f"ORD-{i}", f"S-{i % 3}", None, None, when, 19.9, when, "pass",
                       None, None, None, None])
        else:
            raise SystemExit(f"no generator for {sheet}")
    wb.save(path)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_048_575)
    ap.add_argument("--sheet", default="Purchases")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="inspector-big-import-") as tmp:
        path = Path(tmp) / "records.xlsx"
        made = write_file(path, args.rows, args.sheet)
        print(f"wrote {args.rows:,} {args.sheet} rows in {made:.0f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)", flush=True)
        env = dict(os.environ, INSPECTOR_DATA_DIR=str(Path(tmp) / "data"))
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env,
                              capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(proc.stderr)
        print(json.dumps(json.loads(proc.stdout.splitlines()[-1]), indent=1))


if __name__ == "__main__":
    main()
