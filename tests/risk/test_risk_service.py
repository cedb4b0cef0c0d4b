"""Risk factors from SQL: windows, durations (median/p90 by window functions), defect rates,
overdue cases, thresholds and candidates, the slowest work orders."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from inspector_app.db.models import Purchase, RectificationCase, WorkOrder
from inspector_app.domain.enums import CaseStatus, PurchaseStatus, Verdict, WorkOrderKind
from inspector_app.domain.errors import NotFound
from inspector_app.domain.metrics import percentile
from inspector_app.services import merchants as merchant_service
from inspector_app.services import risk, team_settings
from inspector_app.services.risk import RiskWindow, ranking, slowest_work_orders

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
TODAY = date(2026, 11, 20)


def _wo(s, mid, n, kind=WorkOrderKind.AFTER_SALES, *, days_ago=10.0, hours=None, closed=None):
    applied = NOW - timedelta(days=days_ago)
    s.add(
        WorkOrder(
            merchant_id=mid,
            kind=kind,
            order_ref=f"O{mid}-{n}",
            applied_at=applied,
            first_handled_at=None if hours is None else applied + timedelta(hours=hours),
            closed_at=closed,
            source_key=f"{mid}|{kind.value}|{n}",
        )
    )


def _purchase(s, mid, n, verdict, days_ago=20):
    s.add(
        Purchase(
            merchant_id=mid,
            order_number=f"P{mid}-{n}",
            ordered_at=NOW - timedelta(days=days_ago),
            status=PurchaseStatus.INSPECTED if verdict else PurchaseStatus.ORDERED,
            verdict=verdict,
        )
    )


def _case(s, mid, seq, due, status=CaseStatus.NOTIFIED):
    s.add(
        RectificationCase(
            case_number=f"RC-2026-{seq:04d}",
            year=2026,
            sequence=seq,
            merchant_id=mid,
            status=status,
            due_date=due,
        )
    )


def _rows(ctx, **kw):
    return {r.shop_id: r for r in ranking(ctx, now=NOW, today=TODAY, **kw)}


S1_HOURS = [1.0, 5.0, 10.0, 30.0, 50.0, 80.0]


@pytest.fixture
def data(manager, shops):
    s1, s2, s3 = shops["S1"], shops["S2"], shops["S3"]
    with manager.db.write() as s:
        for i, h in enumerate(S1_HOURS):
            _wo(s, s1, i, hours=h)
        for i in range(3):
            _wo(s, s1, 10 + i, WorkOrderKind.COMPLAINT, hours=2.0)
        _wo(s, s1, 20, days_ago=200, hours=500)  # applied before the window
        _wo(s, s1, 21, hours=900, closed=NOW - timedelta(days=40))  # finished too long ago
        _wo(s, s2, 1, days_ago=100 / 24)  # open, unhandled for 100 h: still counting
        _wo(s, s2, 2, hours=3.0)
        for i, v in enumerate([Verdict.FAIL, Verdict.FAIL, Verdict.PASS, Verdict.PASS]):
            _purchase(s, s3, i, v)
        _purchase(s, s3, 9, Verdict.FAIL, days_ago=300)  # before the window
        _purchase(s, s3, 10, None)  # ordered, not inspected
        _case(s, s2, 1, TODAY - timedelta(days=1))
        _case(s, s2, 2, TODAY - timedelta(days=5), CaseStatus.RECTIFYING)
        _case(s, s2, 3, TODAY + timedelta(days=1))  # not yet due
        _case(s, s2, 4, TODAY - timedelta(days=9), CaseStatus.CLOSED)  # closed: not overdue
    return shops


def test_counts_rates_and_durations_follow_the_window(manager, data):
    rows = _rows(manager)
    s1 = rows["S1"]
    # 6 after-sales + the one finished 40 days ago (rates count applications) + the old one no.
    assert (s1.complaints, s1.after_sales) == (3, 7)
    assert s1.complaint_rate == pytest.approx(3 / 6) and s1.after_sales_rate == pytest.approx(7 / 6)
    # Timing: after-sales only, finished in the last 30 days or not finished.
    assert s1.timed == 6
    assert s1.duration_median == pytest.approx(percentile(S1_HOURS, 50))
    assert s1.duration_p90 == pytest.approx(percentile(S1_HOURS, 90))
    assert (s1.share_over_24h, s1.share_over_48h, s1.share_over_72h) == pytest.approx(
        (3 / 6, 2 / 6, 1 / 6)
    )
    s2 = rows["S2"]
    assert s2.timed == 2 and s2.duration_p90 == pytest.approx(3 + 0.9 * 97, abs=0.01)
    assert s2.share_over_72h == 0.5
    assert rows["S4"].timed == 0 and rows["S4"].duration_median is None


def test_defect_rate_and_overdue_cases(manager, data):
    rows = _rows(manager)
    assert (rows["S3"].inspected, rows["S3"].failed, rows["S3"].defect_rate) == (4, 2, 0.5)
    assert rows["S2"].overdue_cases == 2
    assert rows["S3"].reason.startswith(f"risk {rows['S3'].score:.0f} (defect rate 50%")
    assert sum(rows["S3"].points.values()) == pytest.approx(rows["S3"].score, abs=0.05)


def test_a_wider_window_takes_in_older_evidence(manager, data):
    wide = _rows(
        manager, window=RiskWindow(applied_days=365, finished_days=None, purchase_days=365)
    )
    assert wide["S1"].after_sales == 8 and wide["S1"].timed == 8
    assert wide["S3"].inspected == 5


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7, 10, 11, 12])
def test_sql_quantiles_equal_the_metrics_module(manager, shops, n):
    hrs = [((i * 7919) % 97) + i / 10 for i in range(n)]
    with manager.db.write() as s:
        for i, h in enumerate(hrs):
            _wo(s, shops["S4"], i, hours=h)
    row = _rows(manager)["S4"]
    assert row.duration_median == pytest.approx(percentile(hrs, 50), abs=1e-6)
    assert row.duration_p90 == pytest.approx(percentile(hrs, 90), abs=1e-6)


def test_candidates_by_the_team_thresholds(manager, data):
    rows = _rows(manager)
    ordered = sorted(rows.values(), key=lambda r: -r.score)
    top = ordered[0]
    team_settings.put(manager, "watch_threshold", ordered[1].score + 0.05)
    team_settings.put(manager, "eliminate_threshold", 100)
    assert [r.shop_id for r in risk.candidates(manager, now=NOW, today=TODAY)] == [top.shop_id]
    assert _rows(manager)[top.shop_id].candidate == "watch"
    # Already on watch: no longer a new watch candidate; but an elimination candidate is.
    merchant_service.set_status(manager, top.merchant_id, "watch", "risk review")
    assert risk.candidates(manager, now=NOW, today=TODAY) == []
    team_settings.put(manager, "eliminate_threshold", top.score - 0.05)
    found = risk.candidates(manager, now=NOW, today=TODAY)
    assert [(r.shop_id, r.candidate) for r in found] == [(top.shop_id, "eliminate")]


def test_eliminated_and_deleted_merchants_are_not_ranked(manager, data):
    merchant_service.set_status(manager, data["S4"], "eliminated", "gone")
    merchant_service.delete_merchant(manager, data["S5"])
    assert set(_rows(manager)) == {"S1", "S2", "S3"}


def test_slowest_work_orders(manager, data):
    slow = slowest_work_orders(manager, data["S1"], now=NOW)
    assert [w.hours for w in slow] == sorted(S1_HOURS, reverse=True)
    assert slowest_work_orders(manager, data["S1"], limit=2, now=NOW)[1].hours == 50.0
    open_one = slowest_work_orders(manager, data["S2"], now=NOW)[0]
    assert open_one.open and open_one.hours == pytest.approx(100, abs=0.01)
    assert open_one.first_handled_at is None
    with pytest.raises(NotFound):
        slowest_work_orders(manager, 9999)


def test_the_team_window_setting_is_the_default_window(manager, data):
    narrow = _rows(manager)
    team_settings.put_many(manager, {"risk.window_days": 365, "risk.finished_days": 1095})
    wide = _rows(manager)
    assert narrow["S1"].after_sales < wide["S1"].after_sales == 8
    assert wide["S1"].timed == 8 and wide["S3"].inspected == 5
    assert RiskWindow.from_settings(manager) == RiskWindow(365, 1095, 365)
