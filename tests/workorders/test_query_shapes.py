"""The 100 longest walk the duration index and stop (no sort of the window), whatever other
index could answer a condition; the Work orders page by application time walks its index."""

from __future__ import annotations

from sqlalchemy import event

from inspector_app.services import workorders


def _plans(ctx, call) -> list[str]:
    seen: list[tuple[str, tuple]] = []

    def before(_c, _cur, statement, parameters, _ctx, many) -> None:
        if not many and "FROM work_orders" in statement:
            seen.append((statement, tuple(parameters or ())))

    event.listen(ctx.db.engine, "before_cursor_execute", before)
    try:
        call()
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", before)
    with ctx.db.engine.connect() as conn:
        return [" | ".join(r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql,
                                                              params).all())
                for sql, params in seen]


def test_longest_walks_the_duration_index(manager, shops):
    for kw in ({}, {"type": "质量问题"}):
        (plan,) = _plans(manager, lambda kw=kw: workorders.longest(manager, **kw))
        assert "ix_work_orders_duration" in plan and "TEMP B-TREE" not in plan, plan
    (plan,) = _plans(manager, lambda: workorders.longest(manager, merchant="S1"))
    assert "ix_work_orders_merchant_duration" in plan and "TEMP B-TREE" not in plan, plan


def test_the_first_page_walks_the_application_index(manager, shops):
    plans = _plans(manager, lambda: workorders.fetch_work_orders(
        manager, workorders.WorkOrderFilter()))
    assert any("ix_work_orders_applied_at" in p and "TEMP B-TREE" not in p for p in plans), plans
