"""The monthly merchant review over 1,000,000 work orders (docs/performance.md).

Its own cached database: 2,000 merchants and 1,000,000 work orders (85% after-sales, 15%
complaints) spread evenly over the 24 months before today, written with raw sqlite3 after
`open_context` created the schema. The review of last month (about 42,000 work orders,
plus the risk score's 180-day window) is timed through `services.review.month_review`,
beside the SELECTs it sent replayed in raw sqlite3.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import uuid
from datetime import UTC, timedelta
from pathlib import Path

from inspector_app.domain import clock as app_clock
from tests.perf.harness import (
    Result,
    cache_dir,
    diagnose,
    is_quick,
    median,
    ms,
    profile_path,
    profiled,
    runs,
    timed,
)
from tests.perf.sqlreplay import capture, replay

TITLE = "the month's merchant review over 1,000,000 work orders"
#: The goal: the whole review of a month, seconds.
GOAL_S = 1.0
STAMP = "built.json"


def _sizes() -> tuple[int, int]:
    """(merchants, work orders)."""
    return (60, 6_000) if is_quick() else (2_000, 1_000_000)


def _fmt(dt) -> str:
    return dt.astimezone(UTC).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def world() -> Path:
    """The cached database folder (built once)."""
    n_merchants, n_orders = _sizes()
    folder = cache_dir() / f"review-{n_merchants}-{n_orders}"
    if (folder / STAMP).exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    from inspector_app.services.context import open_context

    ctx = open_context(data_folder=str(folder))
    db_file = Path(ctx.db.engine.url.database)
    ctx.db.dispose()
    rng = random.Random(15)
    now = app_clock.now()
    conn = sqlite3.connect(db_file)
    stamp = _fmt(now)
    with conn:
        conn.executemany(
            "INSERT INTO merchants (id, uid, created_at, updated_at, name, shop_id, category,"
            " contact, key_merchant, status, status_reason, version, deleted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, '', 0, ?, '', 1, NULL)",
            [(i, str(uuid.uuid4()), stamp, stamp, f"店铺 {i}", f"S{i:05d}",
              rng.choice(("服饰", "食品", "数码", "家居", "美妆")),
              "suspended" if i % 97 == 0 else ("watch" if i % 31 == 0 else "active"))
             for i in range(1, n_merchants + 1)])
        # A merchant's speed: most handle within a day, some are slow.
        speed = {i: rng.choice((6, 12, 20, 30, 45, 90)) for i in range(1, n_merchants + 1)}
        span = 24 * 30 * 24 * 3600  # 24 months, in seconds

        def rows():
            for n in range(n_orders):
                mid = rng.randint(1, n_merchants)
                applied = now - timedelta(seconds=rng.randint(3600, span))
                complaint = rng.random() < 0.15
                hours = None if rng.random() < 0.03 else rng.expovariate(1 / speed[mid])
                handled = None if hours is None else applied + timedelta(hours=hours)
                kind = "complaint" if complaint else "after_sales"
                yield (str(uuid.uuid4()), stamp, stamp, mid, kind, f"O{n}", "质量",
                       _fmt(applied), handled and _fmt(handled),
                       handled and _fmt(handled + timedelta(hours=12)), "",
                       None if complaint else hours, f"{mid}|{kind}|O{n}")

        conn.executemany(
            "INSERT INTO work_orders (uid, created_at, updated_at, merchant_id, kind, order_ref,"
            " type, applied_at, first_handled_at, closed_at, outcome, duration_hours,"
            " source_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
    conn.execute("ANALYZE")
    conn.close()
    (folder / STAMP).write_text(json.dumps({"merchants": n_merchants, "work_orders": n_orders}))
    return folder


def month_review(_folder, _sz) -> Result:
    """services.review.month_review of last month, whole, beside its SQL replayed raw."""
    from inspector_app.services import review, stats
    from inspector_app.services.context import SYSTEM, open_context

    folder = world()
    ctx = open_context(data_folder=str(folder)).as_actor(SYSTEM)
    raw = sqlite3.connect(Path(ctx.db.engine.url.database))
    month = stats.previous_month(app_clock.today()).label
    try:
        statements: list = []

        def ours():
            with capture(ctx.db.engine) as sql:
                result = review.month_review(ctx, month)
            statements[:] = sql
            return result

        result = ours()
        replay(raw, statements)
        own, base = [], []
        for _ in range(runs()):
            own.append(timed(ours)[0])
            base.append(replay(raw, statements))
        o, b = median(own), median(base)
        ok = o < GOAL_S
        n_wo = sum(r.work_orders for r in result.rows + result.apart)
        notes = [
            f"review of {month}: {len(result.rows)} merchants reviewed, "
            f"{len(result.candidates)} candidates, {len(result.apart)} apart; {n_wo:,} after-sales "
            f"work orders in the month, {_sizes()[1]:,} in the database over 24 months",
            f"ours: the whole service call (the month's evidence and the risk score as of the "
            f"month's end); baseline: its {len(statements)} SELECTs replayed in raw sqlite3",
        ]
        res = Result("review_month", TITLE, ms(o), ms(b), f"{o / b:.2f}x" if b else "",
                     f"< {GOAL_S * 1000:.0f} ms", ok if not is_quick() else True, notes,
                     {"ours": own, "baseline": base})
        if diagnose(ok):
            with profiled("review_month"):
                ours()
            res.notes.append(f"profile: {profile_path('review_month')}")
        return res
    finally:
        raw.close()
        ctx.db.dispose()
