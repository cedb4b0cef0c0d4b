"""The Work orders screen over 1,000,000 work orders: from a blank screen to its first page painted.

Its own cached data folder (tests/perf/.cache/workorders-<size>): 200 merchants and as many
work orders as the size's findings (1,000,000 in a full run), with stage times, results and
service durations, written with raw sqlite3 then ANALYZEd. Ours: a fresh main window, then
`navigate("workorders")` until the table's viewport has painted rows (the count is part of
it: the screen shows "N work orders"). Baseline: the page query the screen sent, replayed in
raw sqlite3. Notes: the same for the "Running late" filter and the 100 longest.
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.perf import bigdb, qt
from tests.perf.gui_findings import Bench
from tests.perf.harness import Result, median, ms, runs
from tests.perf.sqlreplay import capture, page_queries, replay

logger = logging.getLogger(__name__)

#: The goal: first page painted within this (issue: < 100 ms at 1,000,000 work orders).
GOAL = 0.100
MERCHANTS = 200
TYPES = ("质量问题", "尺码不符", "七天无理由退货", "物流破损", "描述不符", "少件漏发")
RESULTS = ("completed", "completed", "completed", "cancelled", "rejected", "lightning_refund")


def _stamp(t: datetime | None) -> str | None:
    return None if t is None else t.strftime("%Y-%m-%d %H:%M:%S.000000")


def _rows(n: int, now: datetime):
    rnd = random.Random(15)
    for i in range(n):
        applied = now - timedelta(minutes=rnd.randrange(0, 365 * 24 * 60))
        kind = "after_sales" if rnd.random() < 0.88 else "complaint"
        review = applied + timedelta(minutes=rnd.randrange(10, 48 * 60))
        handled = applied + timedelta(minutes=rnd.randrange(60, 150 * 60))
        pickup = review + timedelta(minutes=rnd.randrange(60, 40 * 60))
        arrived = pickup + timedelta(minutes=rnd.randrange(600, 110 * 60))
        signed = arrived + timedelta(minutes=rnd.randrange(0, 120))
        stocked = signed + timedelta(minutes=rnd.randrange(60, 60 * 60))
        closed = max(handled, stocked) + timedelta(hours=rnd.randrange(1, 30))
        if closed > now:  # still open: stages up to now only
            closed, result = None, None
            handled = handled if handled < now else None
            times = [t if t < now else None for t in (review, pickup, arrived, signed, stocked)]
            review, pickup, arrived, signed, stocked = times
        else:
            result = rnd.choice(RESULTS)
        end = review if result in ("cancelled", "rejected") else handled
        hours = None if end is None else (end - applied).total_seconds() / 3600
        mid = 1 + i % MERCHANTS
        ref = f"WO{i:09d}"
        yield (mid, kind, ref, rnd.choice(TYPES), _stamp(applied), _stamp(handled),
               _stamp(closed), "", f"B{mid}|{kind}|{ref}|{applied.isoformat()}",
               str(uuid.UUID(int=rnd.getrandbits(128))), _stamp(applied), _stamp(applied),
               _stamp(pickup), _stamp(pickup and pickup + timedelta(hours=9)), _stamp(arrived),
               _stamp(signed), _stamp(stocked), _stamp(review), result, hours)


def build(n: int):
    def make(folder: Path) -> dict:
        from inspector_app.domain import clock
        from inspector_app.services.context import open_context

        ctx = open_context(data_folder=str(folder))
        ctx.db.dispose()
        now = clock.now().astimezone(UTC).replace(tzinfo=None, microsecond=0)
        con = sqlite3.connect(bigdb.database_file(folder))
        stamp = _stamp(now)
        con.executemany(
            "INSERT INTO merchants (id, name, shop_id, category, contact, key_merchant, status,"
            " status_reason, version, uid, created_at, updated_at) VALUES"
            " (?, ?, ?, '', '', 0, 'active', '', 1, ?, ?, ?)",
            [(i, f"商家{i}", f"B{i}", str(uuid.uuid4()), stamp, stamp)
             for i in range(1, MERCHANTS + 1)])
        start = time.perf_counter()
        con.executemany(
            "INSERT INTO work_orders (merchant_id, kind, order_ref, type, applied_at,"
            " first_handled_at, closed_at, outcome, source_key, uid, created_at, updated_at,"
            " pickup_at, return_info_at, arrived_at, signed_at, stocked_at, first_reviewed_at,"
            " result, duration_hours) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?)", _rows(n, now))
        con.commit()
        con.execute("ANALYZE")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        return {"work_orders": n, "seconds": round(time.perf_counter() - start, 1)}

    return make


def _painted(window, name: str, ready=lambda: True) -> float:
    """Seconds from now until the table `name` has painted rows (and `ready()`)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.loop, self.done = QEventLoop(), False

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
            if self.done or event.type() != QEvent.Type.Paint:
                return False
            parent = obj.parent()
            if parent is not None and parent.objectName() == name:
                model = parent.model()
                if model is not None and model.rowCount() > 0 and ready():
                    self.done = True
                    QTimer.singleShot(0, self.loop.quit)
            return False

    return Painted()


def first_page(_folder: Path, sz) -> Result:
    """Open the Work orders screen in a fresh main window; time until its first page is painted."""
    from PySide6.QtCore import QTimer

    n = sz.findings
    folder = bigdb.cached_world(f"workorders-{sz.name}", build(n))
    b = Bench(folder)
    ours: list[float] = []
    base: list[float] = []
    late: list[tuple[float, float]] = []
    try:
        for run in range(runs() + 1):
            window = b.window()
            watch = _painted(window, "table_workorders")
            qt.app().installEventFilter(watch)
            with capture(b.ctx.db.engine) as sql:
                start = time.perf_counter()
                screen = window.navigate("workorders")
                if not watch.done:
                    QTimer.singleShot(60_000, watch.loop.quit)
                    watch.loop.exec()
                took = time.perf_counter() - start
            qt.app().removeEventFilter(watch)
            if not watch.done:
                raise TimeoutError("the work-orders table was never painted")
            pages = page_queries(sql)
            # The "Running late" filter: count and first page of the open ones running late.
            with capture(b.ctx.db.engine) as sql_late:
                start = time.perf_counter()
                screen.late_check.setChecked(True)
                qt.wait_for_tasks()
                qt.pump(0.0)
                late_took = time.perf_counter() - start
            if run:  # the first run warms caches
                ours.append(took)
                base.append(median([replay(b.raw, pages) for _ in range(3)]))
                late.append((late_took, replay(b.raw, sql_late)))
            b.close(window)
        from inspector_app.services import workorders

        t0 = time.perf_counter()
        top = workorders.longest(b.ctx)
        longest_s = time.perf_counter() - t0
        o, bl = median(ours), median(base)
        notes = [
            f"{n:,} work orders of {MERCHANTS} merchants; fresh main window each run, from a "
            "blank screen to the work-orders table painted (its count included)",
            f"baseline: the page query the screen sent ({len(pages)} statement), raw sqlite3",
            f"'Running late' ticked: {ms(median([a for a, _ in late]))} to the new rows and "
            f"count (raw: {ms(median([r for _, r in late]))})",
            f"the 100 longest of the statistics window: {ms(longest_s)} ({len(top)} rows)",
        ]
        return Result(
            "workorders_first_page", "open the Work orders screen, first page painted",
            ms(o), ms(bl), f"{o / bl:.1f}x", "< 100 ms", o < GOAL, notes,
            {"ours": ours, "baseline": base},
        )
    finally:
        b.dispose()
