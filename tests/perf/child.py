"""Run one benchmark item in this (fresh) process: `python -m tests.perf.child ITEM --size full`.

Each item gets its own interpreter, so memory readings, import state and Qt objects of
one item never colour the next. The result is printed as one line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.perf import bigdb  # noqa: E402
from tests.perf.harness import Result, set_quick, sizes  # noqa: E402

#: item -> (module:function, title, whether it reads the cached big database)
ITEMS: dict[str, tuple[str, str, bool]] = {
    "startup": ("tests.perf.app_items:startup",
                "start to the first painted main window on the big database", True),
    "findings_first_page": ("tests.perf.gui_findings:first_page",
                            "open the Findings screen, first page painted", True),
    "findings_search": ("tests.perf.gui_findings:search",
                        "full-text search in findings, results painted", True),
    "findings_sort": ("tests.perf.gui_findings:sort",
                      "sort the findings table by any visible column", True),
    "findings_search_sort": ("tests.perf.gui_search_sort:search_sort",
                             "sort the findings table with a search active, painted", True),
    "workorders_first_page": ("tests.perf.gui_workorders:first_page",
                              "open the Work orders screen, first page painted", False),
    "memory": ("tests.perf.app_items:memory",
               "memory with the big database open, after visiting every screen", True),
    "excel_export": ("tests.perf.report_items:excel_export",
                     "Excel export of 100,000 findings", True),
    "photo_import": ("tests.perf.photo_items:photo_import",
                     "importing 200 photos of 12 megapixels", False),
    "notice": ("tests.perf.report_items:notice", "rectification notice with 100 photos", False),
    "monthly_report": ("tests.perf.report_items:monthly_report",
                       "monthly report on the big database", True),
    "review_month": ("tests.perf.review_items:month_review",
                     "the month's merchant review over 1,000,000 work orders", False),
    "records_import": ("tests.perf.import_items:records_import",
                       "records import of 1,048,575 rows (Purchases sheet)", False),
    "demo": ("tests.perf.demo_item:demo",
             "`inspector demo --purchases 100000` with 1,000,000 findings", True),
    "pg_findings_first_page": ("tests.perf.pg_items:first_page",
                               "PostgreSQL: findings first page", True),
    "pg_findings_search": ("tests.perf.pg_items:search",
                           "PostgreSQL: full-text search in findings (pg_trgm)", True),
    "pg_findings_sort": ("tests.perf.pg_items:sort",
                         "PostgreSQL: sort the findings, with and without a search", True),
    "pg_photo_import": ("tests.perf.pg_items:photo_import",
                        "PostgreSQL: importing photos of 12 megapixels to the server", True),
    "sync": ("tests.perf.sync_bench:sync",
             "first sync of 10,000 purchases, 40,000 findings, 2,000 photos (and incremental)",
             False),
}
#: Items on a PostgreSQL server (tests/perf/pgdb.py): not measured without its URL.
PG_ITEMS = ("pg_findings_first_page", "pg_findings_search", "pg_findings_sort",
            "pg_photo_import", "sync")


def run(item: str, quick: bool) -> Result:
    target, title, needs_db = ITEMS[item]
    module_name, _, func = target.partition(":")
    set_quick(quick)
    sz = sizes(quick)
    folder = bigdb.folder_for(sz) if needs_db else None
    fn = getattr(importlib.import_module(module_name), func)
    try:
        return fn(folder, sz)
    except Exception as exc:  # noqa: BLE001 - one item's failure is a row, not a crash
        traceback.print_exc()
        return Result(item, title, ok=None, notes=[f"not measured: {type(exc).__name__}: {exc}"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tests.perf.child")
    parser.add_argument("item", choices=sorted(ITEMS))
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    result = run(args.item, args.quick)
    sys.stdout.write("RESULT " + result.to_json() + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
