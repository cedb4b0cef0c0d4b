"""After-sales statistics of a month or a year (docs/domain.md, "After-sales statistics"): work
orders by type and result, the service-duration distribution, median and 90th percentile,
shops over 60 hours, the trend by month, and the after-sales and complaint rates per order
from the imported monthly order volumes (per month when there are none, and it says so).

Figures are plain data (JSON-able): stats.Figures carries them as `after_sales`, so the
monthly and annual reports archive and reproduce them with the rest.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.db.models import Merchant, OrderVolume, WorkOrder
from inspector_app.domain import workorders as rules
from inspector_app.domain.enums import WorkOrderKind
from inspector_app.domain.metrics import percentile, rate

logger = logging.getLogger(__name__)

#: How many months the trend shows for a monthly report (an annual one shows its own 12).
TREND_MONTHS = 12
#: Result key of closed work orders whose outcome named no known result.
OTHER = "other"
#: Rate basis: per order (order volumes imported) or per month (none imported).
PER_ORDER = "per_order"
PER_MONTH = "per_month"


@dataclass
class AfterSalesFigures:
    """The after-sales figures of a period. Durations: after-sales work orders closed in the
    period and applied for at most `applied_days - finished_days` days before it began (the
    platform's 30/180-day window, applied to a calendar period)."""

    after_sales: int = 0  # applied for in the period
    complaints: int = 0  # applied for in the period
    by_type: list[tuple[str, int]] = field(default_factory=list)  # after-sales, descending
    by_result: dict[str, int] = field(default_factory=dict)  # closed in the period
    timed: int = 0
    #: Counts in the bands <= 24 h, 24-48 h, 48-72 h, > 72 h.
    bands: list[int] = field(default_factory=lambda: [0, 0, 0, 0])
    median: float | None = None
    p90: float | None = None
    #: (shop id, name, timed work orders, mean hours) of shops whose mean exceeds 60 h.
    shops_over_60h: list[tuple[str, str, int, float]] = field(default_factory=list)
    #: Mean hours from signed to stocked in (returns that have both), against the 12-h aim.
    stock_in_mean: float | None = None
    #: (month, after-sales, complaints, median hours, after-sales rate per order or None).
    trend: list[tuple[str, int, int, float | None, float | None]] = field(default_factory=list)
    rate_basis: str = PER_MONTH
    #: Orders of the merchants with a volume for every month of the period.
    orders: int = 0
    after_sales_rate: float | None = None  # per order, or per month (rate_basis)
    complaint_rate: float | None = None
    #: Merchants with work orders in the period but no order volume for some month of it.
    merchants_without_volume: int = 0
    applied_from: str = ""  # ISO date: the durations' application bound

    def to_dict(self) -> dict:
        return asdict(self)


def _months(start: date, end: date) -> list[str]:
    out, d = [], date(start.year, start.month, 1)
    while d < end:
        out.append(f"{d.year:04d}-{d.month:02d}")
        d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return out


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    from inspector_app.services.stats import Period

    return Period(start, end, "").bounds()


def compute(s: Session, start: date, end: date, *, applied_days: int = rules.APPLIED_DAYS,
            finished_days: int = rules.FINISHED_DAYS, trend: bool = True) -> AfterSalesFigures:
    """The figures of [start, end) (local dates) in the caller's read transaction."""
    a, b = _bounds(start, end)
    fig = AfterSalesFigures()
    wo = WorkOrder
    applied_in = (wo.applied_at >= a, wo.applied_at < b)
    counts = dict(s.execute(select(wo.kind, func.count()).where(*applied_in)
                            .group_by(wo.kind)).all())
    fig.after_sales = int(counts.get(WorkOrderKind.AFTER_SALES, 0))
    fig.complaints = int(counts.get(WorkOrderKind.COMPLAINT, 0))
    fig.by_type = sorted(
        ((t or "", int(n)) for t, n in s.execute(
            select(wo.type, func.count()).where(*applied_in, wo.kind == WorkOrderKind.AFTER_SALES)
            .group_by(wo.type)).all()),
        key=lambda r: (-r[1], r[0]))
    applied_from = start - timedelta(days=max(0, applied_days - finished_days))
    fig.applied_from = applied_from.isoformat()
    closed = (wo.kind == WorkOrderKind.AFTER_SALES, wo.closed_at >= a, wo.closed_at < b,
              wo.applied_at >= _bounds(applied_from, end)[0])
    results: dict[str, int] = defaultdict(int)
    for result, n in s.execute(select(wo.result, func.count()).where(*closed)
                               .group_by(wo.result)).all():
        results[result.value if result is not None else OTHER] += int(n)
    fig.by_result = dict(results)
    per_shop: dict[int, list[float]] = defaultdict(list)
    hours: list[float] = []
    for mid, took in s.execute(select(wo.merchant_id, wo.duration_hours)
                               .where(*closed, wo.duration_hours.is_not(None))):
        h = float(took or 0.0)  # never None: the query's filter
        hours.append(h)
        per_shop[mid].append(h)
        fig.bands[rules.band(h)] += 1
    fig.timed = len(hours)
    fig.median, fig.p90 = percentile(hours, 50), percentile(hours, 90)
    over = {mid: sum(v) / len(v) for mid, v in per_shop.items()
            if sum(v) / len(v) > rules.FLAG_HOURS}
    if over:
        names = {m.id: (m.shop_id, m.name) for m in s.scalars(
            select(Merchant).where(Merchant.id.in_(over)))}
        fig.shops_over_60h = sorted(
            ((*names[mid], len(per_shop[mid]), round(mean, 2)) for mid, mean in over.items()),
            key=lambda r: (-r[3], r[0]))
    stock = [(st - sg).total_seconds() / 3600 for sg, st in s.execute(
        select(wo.signed_at, wo.stocked_at).where(*closed, wo.signed_at.is_not(None),
                                                  wo.stocked_at.is_not(None)))
             if sg is not None and st is not None]  # for the type checker: the filter says so
    fig.stock_in_mean = sum(stock) / len(stock) if stock else None
    _rates(s, fig, start, end, a, b)
    if trend:
        fig.trend = _trend(s, start, end, applied_days, finished_days)
    return fig


def _rates(s: Session, fig: AfterSalesFigures, start: date, end: date, a: datetime,
           b: datetime) -> None:
    """Per order over the merchants with a volume for every month of the period; per month
    when no merchant has one."""
    months = _months(start, end)
    covered: dict[int, int] = defaultdict(int)
    seen: dict[int, int] = defaultdict(int)
    for mid, orders in s.execute(select(OrderVolume.merchant_id, OrderVolume.orders)
                                 .where(OrderVolume.month.in_(months))):
        covered[mid] += int(orders)
        seen[mid] += 1
    full = {mid for mid, n in seen.items() if n == len(months)}
    by_merchant = s.execute(
        select(WorkOrder.merchant_id, WorkOrder.kind, func.count())
        .where(WorkOrder.applied_at >= a, WorkOrder.applied_at < b)
        .group_by(WorkOrder.merchant_id, WorkOrder.kind)).all()
    active = {mid for mid, _, _ in by_merchant}
    fig.merchants_without_volume = len(active - full)
    fig.orders = sum(covered[mid] for mid in full)
    if full and fig.orders:
        fig.rate_basis = PER_ORDER
        n = {k: sum(int(c) for mid, kind, c in by_merchant if mid in full and kind == k)
             for k in WorkOrderKind}
        fig.after_sales_rate = rate(n[WorkOrderKind.AFTER_SALES], fig.orders)
        fig.complaint_rate = rate(n[WorkOrderKind.COMPLAINT], fig.orders)
    else:
        fig.rate_basis = PER_MONTH
        fig.after_sales_rate = fig.after_sales / len(months)
        fig.complaint_rate = fig.complaints / len(months)


def _trend(s: Session, start: date, end: date, applied_days: int,
           finished_days: int) -> list[tuple[str, int, int, float | None, float | None]]:
    months = _months(start, end)
    if len(months) == 1:  # a month: the twelve months up to it
        d = start
        for _ in range(TREND_MONTHS - 1):
            d = date(d.year - (d.month == 1), (d.month - 2) % 12 + 1, 1)
        months = _months(d, end)
    out = []
    for month in months:
        y, m = int(month[:4]), int(month[5:])
        ms, me = date(y, m, 1), date(y + (m == 12), m % 12 + 1, 1)
        f = compute(s, ms, me, applied_days=applied_days, finished_days=finished_days,
                    trend=False)
        per_order = f.after_sales_rate if f.rate_basis == PER_ORDER else None
        out.append((month, f.after_sales, f.complaints, f.median, per_order))
    return out
