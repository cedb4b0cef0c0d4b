"""A generated work-order file with known stage times, and the figures computed from it
independently of the application (plain Python over the generated values)."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

CST = timezone(timedelta(hours=8))
#: The seed article's limits, written out here again (not read from the application).
LIMITS = {"pickup": 24, "return_info": 48, "arrival": 72, "stock_in_alert": 24, "stock_in": 48}
EN = ["shop_id", "order_id", "kind", "type", "applied_at", "first_reviewed_at", "pickup_at",
      "return_info_at", "arrived_at", "signed_at", "stocked_at", "first_handled_at",
      "closed_at", "outcome"]
ZH = ["店铺ID", "订单号", "类别", "类型", "申请时间", "首次审核时间", "上门取件时间",
      "逆向物流信息时间", "到仓时间", "签收时间", "入库时间", "首次处理时间", "完结时间", "结果"]
OUTCOMES = {
    "completed": ["已完成", "completed"],
    "cancelled": ["已取消", "Cancelled"],
    "rejected": ["驳回", "rejected"],
    "lightning_refund": ["闪电退款", "lightning refund"],
    None: ["换货", "补发"],
}
TYPES = ["质量问题", "尺码不符", "物流破损", "少件"]
TIMES = EN[5:13]


@dataclass
class Row:
    shop: str
    order: str
    kind: str
    type: str
    result: str | None
    outcome: str
    t: dict[str, datetime | None] = field(default_factory=dict)  # UTC, incl. applied_at

    # -- the platform's definitions, computed here on their own ---------------------------

    def duration(self) -> float | None:
        review, handled = self.t["first_reviewed_at"], self.t["first_handled_at"]
        if self.result in ("cancelled", "rejected"):
            end = review if review is not None else handled
        elif self.result is None and self.t["closed_at"] is None:
            end = handled  # still open: counting until the first handling
        else:
            end = handled if handled is not None else review
        return None if end is None else (end - self.t["applied_at"]).total_seconds() / 3600

    def late(self, now: datetime) -> set[str]:
        if self.kind != "after_sales" or self.result in ("cancelled", "rejected",
                                                         "lightning_refund"):
            return set()
        t = self.t
        spans = {
            "pickup": (t["first_reviewed_at"] or t["applied_at"], t["pickup_at"]),
            "return_info": (t["pickup_at"], t["return_info_at"]),
            "arrival": (t["pickup_at"], t["arrived_at"]),
            "stock_in_alert": (t["signed_at"], t["stocked_at"]),
            "stock_in": (t["signed_at"], t["stocked_at"]),
        }
        out = set()
        for stage, (start, end) in spans.items():
            if start is None or (end is None and t["closed_at"] is not None):
                continue
            if ((end or now) - start) > timedelta(hours=LIMITS[stage]):
                out.add(stage)
        return out

    def running_late(self, now: datetime) -> set[str]:
        ends = {"pickup": "pickup_at", "return_info": "return_info_at", "arrival": "arrived_at",
                "stock_in_alert": "stocked_at", "stock_in": "stocked_at"}
        if self.t["closed_at"] is not None:
            return set()
        return {s for s in self.late(now) if self.t[ends[s]] is None}

    def in_window(self, now: datetime) -> bool:
        closed = self.t["closed_at"]
        return (self.kind == "after_sales" and closed is not None
                and closed >= now - timedelta(days=30)
                and self.t["applied_at"] >= now - timedelta(days=180))


def generate(now: datetime, n: int = 400, seed: int = 15) -> list[Row]:
    """Work orders over the last 220 days; S3 handles everything after 90 hours or more."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        shop = f"S{1 + i % 5}"
        kind = "after_sales" if rnd.random() < 0.85 else "complaint"
        result = rnd.choice(["completed", "completed", "cancelled", "rejected",
                             "lightning_refund", None])
        applied = (now - timedelta(minutes=rnd.randrange(0, 220 * 24 * 60))).replace(
            second=0, microsecond=0)
        h = lambda lo, hi: timedelta(minutes=rnd.randrange(int(lo * 60), int(hi * 60)))  # noqa: E731
        t: dict[str, datetime | None] = {"applied_at": applied}
        t["first_reviewed_at"] = applied + h(0.5, 30) if rnd.random() < 0.9 else None
        slow = shop == "S3"
        t["first_handled_at"] = (applied + (h(90, 200) if slow else h(1, 110))
                                 if rnd.random() < 0.9 else None)
        base = t["first_reviewed_at"] or applied
        t["pickup_at"] = base + h(1, 40) if rnd.random() < 0.85 else None
        p = t["pickup_at"]
        t["return_info_at"] = p + h(1, 70) if p and rnd.random() < 0.9 else None
        t["arrived_at"] = p + h(10, 110) if p and rnd.random() < 0.9 else None
        t["signed_at"] = t["arrived_at"] + h(0, 5) if t["arrived_at"] else None
        t["stocked_at"] = t["signed_at"] + h(1, 70) if t["signed_at"] and rnd.random() < 0.9 else None
        for k in list(t):
            if t[k] is not None and t[k] > now:
                t[k] = None
        last = max(v for v in t.values() if v is not None)
        t["closed_at"] = last + h(1, 10) if rnd.random() < 0.8 else None
        if t["closed_at"] is not None and t["closed_at"] > now:
            t["closed_at"] = None
        if t["closed_at"] is None:
            result = None  # an open work order has no final result yet
        rows.append(Row(shop, f"WO-{i:04d}", kind, rnd.choice(TYPES), result,
                        rnd.choice(OUTCOMES[result]), t))
    # Boundaries: exactly at the limit is on time, one second over is late.
    a = (now - timedelta(days=5)).replace(second=0, microsecond=0)
    for j, extra in enumerate((timedelta(0), timedelta(seconds=1))):
        t = dict.fromkeys(TIMES)
        t.update(applied_at=a, first_reviewed_at=a + timedelta(hours=1),
                 pickup_at=a + timedelta(hours=25) + extra, first_handled_at=a + timedelta(hours=2),
                 closed_at=a + timedelta(hours=30))
        rows.append(Row("S1", f"EDGE-{j}", "after_sales", "质量问题", "completed", "completed", t))
    return rows


def wall(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(CST).replace(tzinfo=None)


def cells(r: Row) -> list:
    kind = {"after_sales": "售后", "complaint": "投诉"}[r.kind]
    return [r.shop, r.order, kind, r.type, wall(r.t["applied_at"]),
            *(wall(r.t[c]) for c in TIMES), r.outcome]


def write_csv(path, rows: list[Row], *, chinese: bool, encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ZH if chinese else EN)
        for r in rows:
            w.writerow(["" if v is None else (v.strftime("%Y-%m-%d %H:%M:%S")
                                              if isinstance(v, datetime) else v)
                        for v in cells(r)])


def write_xlsx(path, rows: list[Row]) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(ZH)
    for r in rows:
        ws.append(cells(r))
    wb.save(path)


def utc(value: datetime) -> datetime:
    return value.astimezone(UTC)
