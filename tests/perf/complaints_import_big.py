"""Time and peak memory of importing a complaints CSV of 1,048,575 rows (by hand).

    python -m tests.perf.complaints_import_big [--rows N]

Writes the CSV into a temporary folder with a fresh database (3 merchants), imports it in a
child process and prints seconds and peak resident memory (ru_maxrss). Not part of
`make test`; the figures are in tests/perf/IMPORTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
from inspector_app.domain.enums import Role
from inspector_app.services import complaints, merchants, users
from inspector_app.services.context import SYSTEM, open_context
ctx = open_context(data_folder=os.environ["INSPECTOR_DATA_DIR"])
admin = users.create_user(ctx.as_actor(SYSTEM), "Admin", Role.ADMIN)
for shop in ("S-0", "S-1", "S-2"):
    merchants.create_merchant(ctx.as_actor(admin), shop, "Shop " + shop)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
cpu0 = time.process_time()
result = complaints.import_work_orders(ctx.as_actor(admin), sys.argv[1])
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": round(seconds, 1), "cpu_seconds": round(time.process_time() - cpu0, 1),
                  "peak_rss_mb": round(peak / 1024), "before_import_rss_mb": round(base / 1024),
                  "rows": result.rows, "added": result.added, "errors": result.error_count}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_048_575)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="inspector-big-complaints-") as tmp:
        path = Path(tmp) / "work_orders.csv"
        t0 = time.perf_counter()
        with path.open("w", encoding="utf-8") as fh:
            fh.write("shop_id,order_id,kind,type,applied_at,first_handled_at,closed_at,outcome\n")
            for i in range(args.rows):
                day = 1 + i % 28
                fh.write(f"S-{i % 3},O-{i},complaint,质量问题,2026-10-{day:02d} 10:00,"
                         f"2026-10-{day:02d} 18:30,,退款\n")
        print(f"wrote {args.rows:,} rows in {time.perf_counter() - t0:.0f} s "
              f"({path.stat().st_size / 1e6:.0f} MB)", flush=True)
        env = dict(os.environ, INSPECTOR_DATA_DIR=str(Path(tmp) / "data"))
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env,
                              capture_output=True, text=True)
        if proc.returncode:
            raise SystemExit(proc.stderr)
        print(json.dumps(json.loads(proc.stdout.splitlines()[-1]), indent=1))


if __name__ == "__main__":
    main()
