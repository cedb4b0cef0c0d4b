"""A planted world for the monthly merchant review (month 2026-05, reviewed on 2026-06-17).

The issue's held-out example: SLOW handled all 51 of its May work orders after 90 h and
got 33 complaints in 25 days, yet its weighted risk score stays below the watch threshold;
TOP, already suspended, tops the ranking. The rest are random, so the rules can be checked
against an independent computation (tests/services/test_review.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from inspector_app.db.models import Finding, Merchant, Purchase, RectificationCase, WorkOrder
from inspector_app.domain.enums import (
    CaseStatus,
    FindingCategory,
    MerchantStatus,
    PurchaseStatus,
    Severity,
    Verdict,
    WorkOrderKind,
)

MONTH = "2026-05"
#: Local (Asia/Shanghai, the tests' zone) month bounds, written out by hand.
MAY_START = datetime(2026, 4, 30, 16, 0, tzinfo=UTC)
JUNE_START = datetime(2026, 5, 31, 16, 0, tzinfo=UTC)
HISTORY_START = datetime(2025, 10, 31, 16, 0, tzinfo=UTC)  # 2025-11-01 local


@dataclass
class Planted:
    ids: dict[str, int] = field(default_factory=dict)
    #: shop -> [(kind, applied, first handled or None)]
    work_orders: dict[str, list[tuple[str, datetime, datetime | None]]] = field(
        default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    #: shop -> the pickup time of each of its work orders (same order as work_orders).
    pickups: dict[str, list[datetime | None]] = field(default_factory=dict)


def _merchant(s, shop, status=MerchantStatus.ACTIVE, category="服饰"):
    m = Merchant(shop_id=shop, name=f"店铺 {shop}", category=category, status=status)
    s.add(m)
    s.flush()
    return m.id


def plant(ctx, *, seed: int = 7, extra: int = 14) -> Planted:
    rng = random.Random(seed)
    out = Planted()
    n = 0

    def wo(shop, kind, applied, hours, pickup_after=None):
        nonlocal n
        n += 1
        handled = None if hours is None else applied + timedelta(hours=hours)
        pickup = None if pickup_after is None else applied + timedelta(hours=pickup_after)
        out.work_orders.setdefault(shop, []).append((kind.value, applied, handled))
        out.pickups.setdefault(shop, []).append(pickup)
        s.add(WorkOrder(merchant_id=out.ids[shop], kind=kind, order_ref=f"W{n}",
                        applied_at=applied, first_handled_at=handled, duration_hours=hours,
                        pickup_at=pickup, source_key=f"{shop}|{kind.value}|W{n}"))

    def may(day, hour=10):
        return MAY_START + timedelta(days=day, hours=hour)

    with ctx.db.write() as s:
        out.ids["TOP"] = _merchant(s, "TOP", MerchantStatus.SUSPENDED)
        out.ids["SLOW"] = _merchant(s, "SLOW")
        for i in range(extra):
            status = MerchantStatus.WATCH if i % 5 == 4 else MerchantStatus.ACTIVE
            out.ids[f"R{i:02d}"] = _merchant(s, f"R{i:02d}", status,
                                             category="服饰" if i % 2 else "食品")
        out.ids["GONE"] = _merchant(s, "GONE", MerchantStatus.ELIMINATED)
        # TOP: failed purchases with findings, overdue cases, many complaints.
        for k in range(8):
            p = Purchase(merchant_id=out.ids["TOP"], order_number=f"TOP-{k}",
                         ordered_at=may(3 + k), status=PurchaseStatus.INSPECTED,
                         verdict=Verdict.FAIL)
            s.add(p)
            s.flush()
            s.add(Finding(purchase_id=p.id, category=FindingCategory.PRODUCT_QUALITY,
                          severity=Severity.MAJOR, title=f"缺陷 {k}"))
        out.findings["TOP"] = 8
        for k in range(3):
            s.add(RectificationCase(case_number=f"RC-2026-{k + 1:04d}", year=2026,
                                    sequence=k + 1, merchant_id=out.ids["TOP"],
                                    status=CaseStatus.NOTIFIED, due_date=date(2026, 4, 1)))
        for k in range(40):
            wo("TOP", WorkOrderKind.COMPLAINT, may(k % 28, 9), 5)
            wo("TOP", WorkOrderKind.AFTER_SALES, may(k % 28, 11), 60 + k % 30)
        # SLOW: every one of its 51 work orders handled after 90 h; 33 complaints in 25 days.
        for k in range(51):
            # Picked up 20-31 h after the application: the 24 h pickup limit passed for most.
            wo("SLOW", WorkOrderKind.AFTER_SALES, may(1 + k % 25, 8), 90 + k % 7,
               pickup_after=20 + k % 12)
        for k in range(33):
            wo("SLOW", WorkOrderKind.COMPLAINT, may(2 + k % 25, 12), 20)
        # Two inspected purchases that passed: SLOW is not failing our own checks.
        for k in range(6):
            s.add(Purchase(merchant_id=out.ids["SLOW"], order_number=f"SLOW-{k}",
                           ordered_at=may(5 + k), status=PurchaseStatus.INSPECTED,
                           verdict=Verdict.PASS))
        # Random merchants: work orders in May, in the history and after the month.
        for i in range(extra):
            shop = f"R{i:02d}"
            speed = rng.choice((10, 30, 60, 100))
            for _ in range(rng.randint(0, 20)):
                hours = None if rng.random() < 0.1 else rng.expovariate(1 / speed)
                wo(shop, WorkOrderKind.AFTER_SALES, may(rng.randint(0, 30), rng.randint(0, 23)),
                   hours, pickup_after=rng.choice((None, 3, 30)))
            for _ in range(rng.randint(0, 30)):
                wo(shop, WorkOrderKind.COMPLAINT, may(rng.randint(0, 30)), 3)
            for _ in range(rng.randint(0, 40)):
                applied = HISTORY_START + timedelta(hours=rng.randint(0, 24 * 180))
                kind = rng.choice((WorkOrderKind.COMPLAINT, WorkOrderKind.AFTER_SALES))
                wo(shop, kind, applied, 8)
            for _ in range(rng.randint(0, 3)):  # June, after the month: not counted
                wo(shop, WorkOrderKind.COMPLAINT, JUNE_START + timedelta(days=2), 3)
            # A purchase ordered on May's last evening, received and inspected in June:
            # its findings belong to May (the month it was ordered).
            if rng.random() < 0.6:
                p = Purchase(merchant_id=out.ids[shop], order_number=f"{shop}-edge",
                             ordered_at=JUNE_START - timedelta(hours=2),
                             received_at=JUNE_START + timedelta(days=3),
                             status=PurchaseStatus.INSPECTED, verdict=Verdict.FAIL)
                s.add(p)
                s.flush()
                k = rng.randint(1, 3)
                for j in range(k):
                    s.add(Finding(purchase_id=p.id, category=FindingCategory.OTHER,
                                  severity=Severity.MINOR, title=f"{shop} {j}"))
                out.findings[shop] = k
        # The first minute of June (local) is not May.
        wo("R00", WorkOrderKind.AFTER_SALES, JUNE_START, None)
        # The last minute before May is history.
        wo("R01", WorkOrderKind.COMPLAINT, MAY_START - timedelta(minutes=1), 1)
    return out
