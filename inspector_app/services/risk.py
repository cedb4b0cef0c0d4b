"""Merchant risk ranking from SQL aggregates, watch/elimination candidates, the slowest work orders."""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session

from inspector_app.db.base import UTCDateTime
from inspector_app.db.models import Merchant, Purchase, RectificationCase, WorkOrder
from inspector_app.domain import clock
from inspector_app.domain import risk as model
from inspector_app.domain.enums import MerchantStatus, PurchaseStatus, Verdict, WorkOrderKind
from inspector_app.domain.errors import NotFound
from inspector_app.domain.messages import t
from inspector_app.domain.workflow import ACTIVE_STATUSES
from inspector_app.services import team_settings
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Work orders whose first-handling time is the service duration (docs/domain.md, "After-sales service duration").
TIMED_KINDS = (WorkOrderKind.AFTER_SALES,)
#: Days per month of the complaint and after-sales rates.
DAYS_PER_MONTH = 30.0
#: Merchant statuses that are ranked (an eliminated merchant is off the platform).
RANKED_STATUSES = (MerchantStatus.ACTIVE, MerchantStatus.WATCH, MerchantStatus.SUSPENDED)
#: How far each status already is along watch -> eliminate, to tell new candidates apart.
_STATUS_LEVEL = {
    MerchantStatus.ACTIVE: 0,
    MerchantStatus.WATCH: 1,
    MerchantStatus.SUSPENDED: 1,
    MerchantStatus.ELIMINATED: 2,
}
_CANDIDATE_LEVEL = {model.Candidate.NONE: 0, model.Candidate.WATCH: 1, model.Candidate.ELIMINATE: 2}


@dataclass(frozen=True)
class RiskWindow:
    """The statistics window: work orders applied within `applied_days` and, for durations,
    finished within `finished_days` or not finished yet (None: any); purchases ordered
    within `purchase_days`."""

    applied_days: int = 180
    finished_days: int | None = 30
    purchase_days: int = 180

    @property
    def months(self) -> float:
        return self.applied_days / DAYS_PER_MONTH

    @classmethod
    def from_settings(cls, ctx: Context) -> RiskWindow:
        """The window the team set (risk.window_days, risk.finished_days)."""
        values = team_settings.get_all(ctx)
        days = int(values["risk.window_days"])
        return cls(applied_days=days, finished_days=int(values["risk.finished_days"]),
                   purchase_days=days)


@dataclass(frozen=True)
class RiskRow:
    merchant_id: int
    shop_id: str
    name: str
    category: str
    key_merchant: bool
    status: str
    score: float
    #: none / watch / eliminate, by the team's thresholds.
    candidate: str
    reason: str
    complaints: int
    after_sales: int
    complaint_rate: float | None  # per month
    after_sales_rate: float | None  # per month
    timed: int
    duration_median: float | None  # hours
    duration_p90: float | None
    share_over_24h: float | None
    share_over_48h: float | None
    share_over_72h: float | None
    inspected: int
    failed: int
    defect_rate: float | None
    overdue_cases: int
    evidence: int
    points: dict[str, float] = field(default_factory=dict)
    #: The factors that push the score up most (domain.risk.Factor values), for "why".
    main_factors: tuple[str, ...] = ()

    @property
    def is_new_candidate(self) -> bool:
        """The thresholds suggest more than the merchant's current status already is."""
        return (
            _CANDIDATE_LEVEL[model.Candidate(self.candidate)]
            > _STATUS_LEVEL[MerchantStatus(self.status)]
        )


@dataclass(frozen=True)
class SlowWorkOrder:
    id: int
    order_ref: str
    kind: str
    type: str
    applied_at: datetime
    first_handled_at: datetime | None
    closed_at: datetime | None
    hours: float
    #: True when the merchant has not handled it yet (its hours are still counting).
    open: bool
    outcome: str


def _hours(dialect: str, start, end) -> ColumnElement[float]:
    if dialect == "postgresql":
        return func.extract("epoch", end - start) / 3600.0
    return (func.julianday(end) - func.julianday(start)) * 24.0


def _timed(dialect: str, window: RiskWindow, now: datetime) -> Select:
    """The timing population with each work order's hours (still counting when unhandled)."""
    wo = WorkOrder
    # The stored service duration (first review for cancelled/rejected work orders, first
    # handling otherwise; docs/domain.md); without one, to the first handling or, still
    # counting, to now.
    end = func.coalesce(wo.first_handled_at, bindparam("now", now, type_=UTCDateTime()))
    running = _hours(dialect, wo.applied_at, end)
    conds = [
        wo.kind.in_([k.value for k in TIMED_KINDS]),
        wo.applied_at >= now - timedelta(days=window.applied_days),
        # Bounded on both sides: a ranking as of an earlier day (the monthly review) leaves
        # later work orders out, and SQLite then reads the range from the index.
        wo.applied_at < now,
    ]
    if window.finished_days is not None:
        conds.append(
            or_(wo.closed_at.is_(None), wo.closed_at >= now - timedelta(days=window.finished_days))
        )
    return select(
        wo.id, wo.merchant_id.label("mid"),
        func.coalesce(wo.duration_hours, running).label("hours")
    ).where(*conds)


@dataclass(frozen=True)
class _Timing:
    n: int
    median: float | None
    p90: float | None
    #: Work orders over each of model.LATE_HOURS.
    late: tuple[int, ...]


def _timing_of(hours: list[float]) -> _Timing:
    """n, median, p90 (linear interpolation between ranks, as metrics.percentile) and the
    late counts of one merchant's (or the platform's) hours."""
    hours.sort()
    n = len(hours)
    return _Timing(n, _ranked_percentile(hours, 50), _ranked_percentile(hours, 90),
                   tuple(n - bisect_right(hours, h) for h in model.LATE_HOURS))


def _ranked_percentile(ranked: list[float], q: float) -> float | None:
    """metrics.percentile of an already sorted list, without copying it."""
    n = len(ranked)
    if n == 0:
        return None
    k = (n - 1) * q / 100.0
    lo = int(k)
    return ranked[lo] if lo + 1 >= n else ranked[lo] + (ranked[lo + 1] - ranked[lo]) * (k - lo)


def _timings(s: Session, timed: Select) -> tuple[dict[int, _Timing], _Timing | None]:
    """({merchant id: its timing}, the platform's timing) from one pass over the timing
    population's (merchant, hours) pairs, read from ix_work_orders_kind_applied alone.

    Ranking by window functions (row_number/count over each merchant) cost SQLite 5-7 s at
    1,000,000 work orders (180 days: ~250,000 rows sorted twice); fetching the pairs and
    sorting them here takes a fraction of that (docs/performance.md, "The monthly review").
    """
    t = timed.subquery()
    by_merchant: dict[int, list[float]] = defaultdict(list)
    everyone: list[float] = []
    for mid, hours in s.connection().execute(select(t.c.mid, t.c.hours)).all():
        hours = float(hours)  # PostgreSQL's epoch arithmetic is numeric
        by_merchant[mid].append(hours)
        everyone.append(hours)
    platform = _timing_of(everyone) if everyone else None
    return {m: _timing_of(h) for m, h in by_merchant.items()}, platform


def _evidence(ctx: Context, window: RiskWindow, now: datetime, today: date):
    """(merchant rows, evidence by merchant id, platform timing) in one read snapshot."""
    dialect = ctx.db.engine.dialect.name
    wo = WorkOrder
    with ctx.db.read() as s:
        merchants = s.execute(
            select(
                Merchant.id,
                Merchant.shop_id,
                Merchant.name,
                Merchant.category,
                Merchant.key_merchant,
                Merchant.status,
            )
            .where(
                Merchant.deleted_at.is_(None),
                Merchant.status.in_([st.value for st in RANKED_STATUSES]),
            )
            .order_by(Merchant.id)
        ).all()
        # One grouped count per kind: each is a range of ix_work_orders_kind_applied. With
        # both kinds in one query SQLite walked a merchant index and read every row (4 s at
        # 1,000,000 work orders; docs/performance.md, "The monthly review").
        per_kind: dict[WorkOrderKind, dict[int, int]] = {}
        for kind in (WorkOrderKind.COMPLAINT, WorkOrderKind.AFTER_SALES):
            per_kind[kind] = dict(s.execute(
                select(wo.merchant_id, func.count())
                .where(wo.kind == kind.value,
                       wo.applied_at >= now - timedelta(days=window.applied_days),
                       wo.applied_at < now)
                .group_by(wo.merchant_id)
            ).all())
        counts = {
            mid: (int(per_kind[WorkOrderKind.COMPLAINT].get(mid, 0)),
                  int(per_kind[WorkOrderKind.AFTER_SALES].get(mid, 0)))
            for mid in per_kind[WorkOrderKind.COMPLAINT].keys()
            | per_kind[WorkOrderKind.AFTER_SALES].keys()
        }
        timing, platform = _timings(s, _timed(dialect, window, now))
        p = Purchase
        bought = {
            mid: (int(i or 0), int(f or 0))
            for mid, i, f in s.execute(
                select(
                    p.merchant_id,
                    func.sum(case((p.status == PurchaseStatus.INSPECTED.value, 1), else_=0)),
                    func.sum(
                        case(
                            (
                                and_(
                                    p.status == PurchaseStatus.INSPECTED.value,
                                    p.verdict == Verdict.FAIL.value,
                                ),
                                1,
                            ),
                            else_=0,
                        )
                    ),
                )
                .where(
                    p.deleted_at.is_(None),
                    p.ordered_at >= now - timedelta(days=window.purchase_days),
                )
                .group_by(p.merchant_id)
            )
        }
        rc = RectificationCase
        overdue = dict(
            s.execute(
                select(rc.merchant_id, func.count())
                .where(rc.status.in_([st.value for st in ACTIVE_STATUSES]), rc.due_date < today)
                .group_by(rc.merchant_id)
            ).all()
        )
    evidence = {}
    for m in merchants:
        tm = timing.get(m.id, _Timing(0, None, None, (0, 0, 0)))
        o24, o48, o72 = tm.late
        inspected, failed = bought.get(m.id, (0, 0))
        complaints, after = counts.get(m.id, (0, 0))
        evidence[m.id] = model.MerchantEvidence(
            merchant_id=m.id,
            category=m.category or "",
            complaints=complaints,
            after_sales=after,
            exposure=window.months,
            timed=tm.n,
            duration_median=tm.median,
            duration_p90=tm.p90,
            over_24h=o24,
            over_48h=o48,
            over_72h=o72,
            inspected=inspected,
            failed=failed,
            overdue_cases=int(overdue.get(m.id, 0)),
        )
    return merchants, evidence, platform


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def ranking(
    ctx: Context,
    *,
    window: RiskWindow | None = None,
    params: model.RiskParams | None = None,
    now: datetime | None = None,
    today: date | None = None,
) -> list[RiskRow]:
    """Every ranked merchant with its factors and score, riskiest first."""
    window = window or RiskWindow.from_settings(ctx)
    now = (now or clock.now()).astimezone(UTC)
    today = today or now.astimezone().date()
    watch = float(team_settings.get(ctx, "watch_threshold"))
    eliminate = max(float(team_settings.get(ctx, "eliminate_threshold")), watch)
    merchants, evidence, platform = _evidence(ctx, window, now, today)
    p_med, p_p90 = (platform.median, platform.p90) if platform else (None, None)
    results = model.score_all(evidence.values(), params, duration_median=p_med, duration_p90=p_p90)
    by_id = {m.id: m for m in merchants}
    rows = []
    for r in results:
        m, e = by_id[r.merchant_id], evidence[r.merchant_id]
        rows.append(
            RiskRow(
                merchant_id=m.id,
                shop_id=m.shop_id,
                name=m.name,
                category=m.category or "",
                key_merchant=bool(m.key_merchant),
                status=MerchantStatus(m.status).value,
                score=round(r.score, 1),
                candidate=model.classify(r.score, watch, eliminate).value,
                reason=r.explain(),
                complaints=e.complaints,
                after_sales=e.after_sales,
                complaint_rate=r.observed[model.Factor.COMPLAINT_RATE],
                after_sales_rate=r.observed[model.Factor.AFTER_SALES_RATE],
                timed=e.timed,
                duration_median=e.duration_median,
                duration_p90=e.duration_p90,
                share_over_24h=_share(e.over_24h, e.timed),
                share_over_48h=_share(e.over_48h, e.timed),
                share_over_72h=_share(e.over_72h, e.timed),
                inspected=e.inspected,
                failed=e.failed,
                defect_rate=r.observed[model.Factor.DEFECT_RATE],
                overdue_cases=e.overdue_cases,
                evidence=r.evidence,
                points={f.value: round(v, 2) for f, v in r.points.items()},
                main_factors=tuple(f.value for f in r.main_factors()),
            )
        )
    return rows


def candidates(ctx: Context, **kw) -> list[RiskRow]:
    """Merchants the thresholds suggest watching or eliminating, beyond their current status."""
    return [r for r in ranking(ctx, **kw) if r.is_new_candidate]


def slowest_work_orders(
    ctx: Context,
    merchant_id: int,
    limit: int = 100,
    *,
    window: RiskWindow | None = None,
    now: datetime | None = None,
) -> list[SlowWorkOrder]:
    """The merchant's slowest work orders in the timing population (docs/domain.md: the 100 slowest)."""
    window = window or RiskWindow.from_settings(ctx)
    now = (now or clock.now()).astimezone(UTC)
    timed = _timed(ctx.db.engine.dialect.name, window, now).subquery()
    wo = WorkOrder
    with ctx.db.read() as s:
        if s.get(Merchant, merchant_id) is None:
            raise NotFound(t("No merchant with id {id}", id=merchant_id))
        rows = s.execute(
            select(
                wo.id,
                wo.order_ref,
                wo.kind,
                wo.type,
                wo.applied_at,
                wo.first_handled_at,
                wo.closed_at,
                timed.c.hours,
                wo.outcome,
            )
            .join(timed, timed.c.id == wo.id)
            .where(timed.c.mid == merchant_id)
            .order_by(timed.c.hours.desc(), wo.id)
            .limit(max(0, limit))
        ).all()
    return [
        SlowWorkOrder(
            id=r.id,
            order_ref=r.order_ref,
            kind=WorkOrderKind(r.kind).value,
            type=r.type,
            applied_at=r.applied_at,
            first_handled_at=r.first_handled_at,
            closed_at=r.closed_at,
            hours=round(float(r.hours), 2),
            open=r.first_handled_at is None,
            outcome=r.outcome,
        )
        for r in rows
    ]
