"""A generated work-order file with known stage times, in each format: every stored service
duration, every late stage, the open work orders running late and the 100 longest equal an
independent computation over the generated values (tests/workorders/generated.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from inspector_app.db.models import WorkOrder
from inspector_app.domain import clock
from inspector_app.services.complaints import import_work_orders
from inspector_app.services.workorders import (
    WorkOrderFilter,
    count_work_orders,
    fetch_work_orders,
    longest,
)
from tests.workorders import generated as g

FORMATS = {
    "utf8-english.csv": lambda p, rows: g.write_csv(p, rows, chinese=False, encoding="utf-8"),
    "gb18030-chinese.csv": lambda p, rows: g.write_csv(p, rows, chinese=True, encoding="gb18030"),
    "chinese.xlsx": g.write_xlsx,
}


@pytest.fixture
def imported(wctx, wshops, tmp_path, request):
    now = clock.now()
    rows = g.generate(now)
    name = getattr(request, "param", "utf8-english.csv")
    path = tmp_path / name
    FORMATS[name](path, rows)
    res = import_work_orders(wctx, path, tz=g.CST)
    assert (res.added, res.error_count, res.refused) == (len(rows), 0, False), res.errors[:3]
    return wctx, rows, now


@pytest.mark.parametrize("imported", sorted(FORMATS), indirect=True)
def test_every_duration_and_late_stage_matches(imported):
    ctx, rows, now = imported
    by_order = {r.order: r for r in rows}
    with ctx.db.read() as s:
        stored = dict(s.execute(select(WorkOrder.order_ref, WorkOrder.duration_hours)).all())
    for order, r in by_order.items():
        want = r.duration()
        assert (stored[order] is None) == (want is None), order
        if want is not None:
            assert stored[order] == pytest.approx(want, abs=1e-6), order
    listed = fetch_work_orders(ctx, WorkOrderFilter(), limit=10_000)
    assert len(listed) == len(rows)
    for row in listed:
        r = by_order[row.order_id]
        assert {s.value for s in row.late_stages} == r.late(now), row.order_id
        assert row.running == (r.duration() is None and r.t["closed_at"] is None)
    assert {"EDGE-0": set(), "EDGE-1": {"pickup"}} == {
        o: by_order[o].late(now) for o in ("EDGE-0", "EDGE-1")}
    # Both kinds of result and every stage actually occur in the generated data.
    assert {r.result for r in rows} >= {"completed", "cancelled", "rejected", "lightning_refund"}
    assert set().union(*(r.late(now) for r in rows)) == set(g.LIMITS)


def test_stage_filters_and_late_open_work_orders_match(imported):
    ctx, rows, now = imported
    for stage in g.LIMITS:
        want = {r.order for r in rows if stage in r.late(now)}
        got = {w.order_id for w in fetch_work_orders(
            ctx, WorkOrderFilter(stage=stage), limit=10_000)}
        assert got == want, stage
        assert count_work_orders(ctx, WorkOrderFilter(stage=stage)) == len(want)
        running = {r.order for r in rows if stage in r.running_late(now)}
        got = {w.order_id for w in fetch_work_orders(
            ctx, WorkOrderFilter(stage=stage, late=True), limit=10_000)}
        assert got == running, stage
    any_running = {r.order for r in rows if r.running_late(now)}
    assert any_running  # the data has some
    late = fetch_work_orders(ctx, WorkOrderFilter(late=True), limit=10_000)
    assert {w.order_id for w in late} == any_running
    s3 = {r.order for r in rows if r.shop == "S3" and r.running_late(now)}
    assert {w.order_id for w in fetch_work_orders(
        ctx, WorkOrderFilter(late=True, merchant="S3"), limit=10_000)} == s3
    typed = {r.order for r in rows if r.type == "少件" and "arrival" in r.late(now)}
    assert {w.order_id for w in fetch_work_orders(
        ctx, WorkOrderFilter(type="少件", stage="arrival"), limit=10_000)} == typed


def test_the_hundred_longest_platform_wide_and_per_merchant(imported):
    ctx, rows, now = imported
    index = {r.order: i for i, r in enumerate(rows)}  # import order = id order

    def expected(pool):
        timed = [r for r in pool if r.in_window(now) and r.duration() is not None]
        timed.sort(key=lambda r: (-round(r.duration(), 6), -index[r.order]))
        return [r.order for r in timed[:100]]

    top = longest(ctx)
    assert [w.order_id for w in top] == expected(rows)
    assert [w.duration_hours for w in top] == pytest.approx(
        [by.duration() for by in (next(r for r in rows if r.order == w.order_id) for w in top)])
    for shop in ("S1", "S3"):
        assert [w.order_id for w in longest(ctx, merchant=shop)] == expected(
            [r for r in rows if r.shop == shop])
    assert [w.order_id for w in longest(ctx, 5)] == expected(rows)[:5]
    # The planted slow merchant: every timed work order of its window is over 72 hours.
    slow = [w for w in longest(ctx, merchant="S3") if w.first_handled_at is not None and (
        w.result is None or w.result.value in ("completed", "lightning_refund"))]
    assert slow and all(w.duration_hours > 72 for w in slow)


def test_a_reimport_fills_in_later_stages_and_the_duration(wctx, wshops, tmp_path):
    now = clock.now()
    rows = g.generate(now, n=30, seed=4)
    open_rows = [r for r in rows if r.t["first_handled_at"] is not None][:3]
    early = [g.Row(r.shop, r.order, "after_sales", r.type, None, "", {
        **r.t, "first_reviewed_at": None, "first_handled_at": None, "closed_at": None,
        "stocked_at": None}) for r in open_rows]
    g.write_csv(tmp_path / "a.csv", early, chinese=False, encoding="utf-8")
    assert import_work_orders(wctx, tmp_path / "a.csv", tz=g.CST).added == 3
    later = [g.Row(r.shop, r.order, "after_sales", r.type, "completed", "已完成", r.t)
             for r in open_rows]
    g.write_csv(tmp_path / "b.csv", later, chinese=True, encoding="utf-8")
    res = import_work_orders(wctx, tmp_path / "b.csv", tz=g.CST)
    assert (res.added, res.updated, res.duplicates) == (0, 3, 3)
    got = {w.order_id: w for w in fetch_work_orders(wctx, WorkOrderFilter())}
    for r in later:
        assert got[r.order].duration_hours == pytest.approx(r.duration())
        assert got[r.order].result.value == "completed" and not got[r.order].running
    again = import_work_orders(wctx, tmp_path / "b.csv", tz=g.CST)
    assert (again.updated, again.duplicates) == (0, 3)


def test_bad_stage_rows_refuse_the_file_with_one_line_each(wctx, wshops, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "shop_id,order_id,kind,applied_at,signed_at,stocked_at,pickup_at,arrived_at,result\n"
        "S1,A-1,售后,2026-06-01 10:00,2026-06-03 10:00,2026-06-04 10:00,,,已完成\n"
        "S1,A-2,售后,2026-06-01 10:00,2026-06-03 10:00,2026-06-02 10:00,,,\n"
        "S1,A-3,售后,2026-06-01 10:00,,,2026-06-02 10:00,2026-06-01 12:00,\n"
        "S1,A-4,售后,2026-06-01 10:00,,,,,refunded maybe\n"
        "S1,A-5,售后,2026-06-01 10:00,2026-05-30 10:00,,,,\n",
        encoding="utf-8")
    res = import_work_orders(wctx, path, tz=g.CST)
    assert res.refused and res.added == 0
    assert [(e.row, e.reason) for e in res.errors] == [
        (3, "stocked_at (入库时间) is before signed_at (签收时间)"),
        (4, "arrived_at (到仓时间) is before pickup_at (取件/发货时间)"),
        (5, "result (服务单结果) 'refunded maybe' is none of completed/已完成, "
            "cancelled/已取消, rejected/已驳回, lightning_refund/闪电退款"),
        (6, "signed_at (签收时间) is before applied_at"),
    ]
    assert count_work_orders(wctx, WorkOrderFilter()) == 0


def test_the_risk_ranking_times_work_orders_by_the_platform_definition(wctx, wshops, tmp_path):
    from inspector_app.services.risk import ranking

    path = tmp_path / "r.csv"
    day = (clock.now() - timedelta(days=3)).astimezone(g.CST).strftime("%Y-%m-%d")
    after = (clock.now() - timedelta(days=1)).astimezone(g.CST).strftime("%Y-%m-%d")
    path.write_text("shop_id,order_id,kind,applied_at,first_reviewed_at,first_handled_at,"
                    "closed_at,outcome\n" + "".join(
                        f"S1,R{i},售后,{day} 08:00,{day} 10:00,{after} 08:00,{after} 09:00,驳回\n"
                        for i in range(4)), encoding="utf-8")
    assert import_work_orders(wctx, path, tz=g.CST).added == 4
    s1 = next(r for r in ranking(wctx) if r.shop_id == "S1")
    # Rejected: the duration ends at the first review (2 h), not the handling (48 h).
    assert s1.timed == 4 and s1.duration_median == pytest.approx(2.0)
