"""Time and peak memory of importing a response workbook of 260,000 rows (by hand).

    python -m tests.perf.responses_import_big [--rows N]

A merchant with one case; its workbook gets N filled-in rows whose hidden case ids are
1..N (all but one unknown): the import must look them up in chunks (SQLite refuses more
than 250,000 variables in one statement) and list the unknown ones. Runs in a child
process and prints seconds and peak resident memory. Not part of `make test`; the figures
are in tests/perf/IMPORTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
from openpyxl import Workbook
from inspector_app.domain.enums import Role
from inspector_app.reports import merchant_xlsx as mx
from inspector_app.services import merchants, responses, users
from inspector_app.services.context import SYSTEM, open_context
rows, out = int(sys.argv[1]), sys.argv[2]
ctx = open_context(data_folder=os.environ["INSPECTOR_DATA_DIR"])
admin = ctx.as_actor(users.create_user(ctx.as_actor(SYSTEM), "Admin", Role.ADMIN))
merchants.create_merchant(admin, "S-1", "Shop one")
key = responses.workbook_key(admin)
wb = Workbook(write_only=True)
ws = wb.create_sheet(mx.RESPONSES)
ws.append(mx.HEADERS)
for i in range(1, rows + 1):
    ws.append([i, "x" * 16, f"RC-2026-{i:06d}", "notified", None, "F-1", "Fixed", "", "", "", None])
meta = wb.create_sheet(mx.META)
for k, v in [("format", mx.FORMAT), ("shop_id", "S-1"), ("check", mx.meta_check(key, "S-1"))]:
    meta.append([k, v])
wb.save(out)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
report = responses.import_responses(admin, out)
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": rows, "seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024),
                  "before_import_rss_mb": round(base / 1024), "refused": len(report.errors),
                  "first_reason": report.errors[0].reason if report.errors else None}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=260_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="inspector-big-responses-") as tmp:
        env = dict(os.environ, INSPECTOR_DATA_DIR=str(Path(tmp) / "data"))
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.rows), str(Path(tmp) / "responses.xlsx")],
            env=env, capture_output=True, text=True,
        )
        if proc.returncode:
            raise SystemExit(proc.stderr)
        print(json.dumps(json.loads(proc.stdout.splitlines()[-1]), indent=1))


if __name__ == "__main__":
    main()
