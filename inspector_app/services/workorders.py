"""The Work orders table and `inspector workorders`: filters (merchant, type, kind, late stage,
statistics window), sorting and pages in SQL; open work orders running late per stage; the
longest work orders of the statistics window, platform-wide and per merchant.

The stage rules are domain/workorders.py; the SQL here states the same comparisons on whole
seconds so a row is late in the list exactly when the domain says so (docs/domain.md,
"Work-order warnings").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    cast,
    false,
    func,
    or_,
    select,
)

from inspector_app.db.base import UTCDateTime
from inspector_app.db.models import Merchant, WorkOrder
from inspector_app.domain import clock
from inspector_app.domain import workorders as rules
from inspector_app.domain.enums import WorkOrderKind, WorkOrderResult, WorkOrderStage
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services import team_settings
from inspector_app.services.browse.common import count, order, page
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: The stage columns, in the order the stages happen.
STAGE_COLUMNS = ("first_reviewed_at", "pickup_at", "return_info_at", "arrived_at",
                 "signed_at", "stocked_at", "first_handled_at", "closed_at")


@dataclass(frozen=True)
class Window:
    """The statistics window: closed within `finished_days`, applied within `applied_days`."""

    applied_days: int = rules.APPLIED_DAYS
    finished_days: int = rules.FINISHED_DAYS

    @classmethod
    def from_settings(cls, ctx: Context) -> Window:
        """The team's window (the same settings as the risk ranking's)."""
        values = team_settings.get_all(ctx)
        return cls(int(values["risk.window_days"]), int(values["risk.finished_days"]))

    def clause(self, now: datetime) -> ColumnElement[bool]:
        return and_(WorkOrder.closed_at >= now - timedelta(days=self.finished_days),
                    WorkOrder.applied_at >= now - timedelta(days=self.applied_days))


@dataclass
class WorkOrderFilter:
    merchant: str | None = None  # shop id
    merchant_id: int | None = None
    type: str | None = None
    kind: WorkOrderKind | str | None = None
    #: Only work orders late at this stage (took too long, or open and running past it).
    stage: WorkOrderStage | str | None = None
    #: Only open work orders running late (at `stage` when given, else at any stage).
    late: bool = False
    #: Only the statistics window (closed lately, applied within the window).
    window: bool = False


@dataclass(frozen=True)
class WorkOrderRow:
    id: int
    merchant_id: int
    shop_id: str
    merchant: str
    order_id: str
    kind: WorkOrderKind
    type: str
    result: WorkOrderResult | None
    outcome: str
    applied_at: datetime
    first_reviewed_at: datetime | None
    pickup_at: datetime | None
    return_info_at: datetime | None
    arrived_at: datetime | None
    signed_at: datetime | None
    stocked_at: datetime | None
    first_handled_at: datetime | None
    closed_at: datetime | None
    #: The service duration; for a work order the merchant has not acted on yet, the hours
    #: so far (`running`); None for one closed without a review or handling time.
    duration_hours: float | None
    running: bool
    late_stages: tuple[WorkOrderStage, ...]

    @property
    def hours_so_far(self) -> tuple[float | None, bool]:
        """(duration_hours, running): what a table shows as '52.3' or, still counting, '52.3+'."""
        return self.duration_hours, self.running


#: Sortable columns by name (the names the table model and the CLI use).
SORTS: dict[str, Any] = {
    "applied_at": WorkOrder.applied_at,
    "duration_hours": WorkOrder.duration_hours,
    "closed_at": WorkOrder.closed_at,
    "type": WorkOrder.type,
    "merchant_id": WorkOrder.merchant_id,
    "id": WorkOrder.id,
}


def stage_limits(ctx: Context) -> dict[WorkOrderStage, float]:
    """Stage -> hours from the team settings (workorders.*_hours)."""
    return rules.limits_from(team_settings.get_all(ctx))


def _seconds(col: Any, dialect: str) -> ColumnElement[int]:
    """Whole seconds since the epoch of a stored (naive UTC) time, as domain.whole_seconds."""
    if dialect == "postgresql":
        return cast(func.floor(func.extract("epoch", col)), Integer)
    return cast(func.strftime("%s", col), Integer)


def _applies() -> ColumnElement[bool]:
    return and_(
        WorkOrder.kind == WorkOrderKind.AFTER_SALES,
        or_(WorkOrder.result.is_(None), WorkOrder.result.not_in(list(rules.NO_RETURN))),
    )


def late_clause(stage: WorkOrderStage, limit_hours: float, now: datetime, dialect: str, *,
                running_only: bool = False) -> ColumnElement[bool]:
    """SQL for domain.late_stages / running_late at one stage."""
    rule = next(r for r in rules.STAGES if r.stage == stage)
    starts = [getattr(WorkOrder, c) for c in rule.starts]
    start = func.coalesce(*starts) if len(starts) > 1 else starts[0]
    end = getattr(WorkOrder, rule.end)
    limit_s = limit_hours * 3600
    now_param = bindparam(f"now_{stage.value}", now, type_=UTCDateTime())
    running = and_(end.is_(None), WorkOrder.closed_at.is_(None), start.is_not(None),
                   _seconds(now_param, dialect) - _seconds(start, dialect) > limit_s)
    if running_only:
        return and_(_applies(), running)
    breached = and_(end.is_not(None), start.is_not(None),
                    _seconds(end, dialect) - _seconds(start, dialect) > limit_s)
    return and_(_applies(), or_(breached, running))


def _conditions(ctx: Context, flt: WorkOrderFilter, now: datetime, dialect: str) -> list:
    cond: list[ColumnElement[bool]] = []
    if flt.merchant_id:
        cond.append(WorkOrder.merchant_id == flt.merchant_id)
    if flt.merchant:
        cond.append(WorkOrder.merchant_id == _merchant_id(ctx, flt.merchant))
    if flt.type:
        cond.append(WorkOrder.type == flt.type)
    if flt.kind:
        cond.append(WorkOrder.kind == WorkOrderKind(flt.kind))
    if flt.window:
        cond.append(Window.from_settings(ctx).clause(now))
    if flt.stage or flt.late:
        limits = stage_limits(ctx)
        stages = [_stage(flt.stage)] if flt.stage else list(WorkOrderStage)
        clauses = [late_clause(s, limits[s], now, dialect, running_only=flt.late) for s in stages]
        cond.append(or_(*clauses) if clauses else false())
        if flt.late:
            # Said once more outside the OR: the planner can then read only the open work
            # orders from ix_work_orders_closed_at instead of testing every row.
            cond.append(WorkOrder.closed_at.is_(None))
    return cond


def _stage(value: WorkOrderStage | str) -> WorkOrderStage:
    try:
        return WorkOrderStage(value)
    except ValueError:
        names = ", ".join(s.value for s in WorkOrderStage)
        raise ValidationError(t("Unknown stage '{stage}' (one of {names})", stage=value,
                                names=names), field="stage") from None


def _merchant_id(ctx: Context, shop_id: str) -> int:
    with ctx.db.read() as s:
        mid = s.scalar(select(Merchant.id).where(Merchant.shop_id == shop_id))
    if mid is None:
        raise NotFound(t("No merchant with shop id '{shop_id}'", shop_id=shop_id))
    return mid


def _columns() -> list:
    return [WorkOrder.id, WorkOrder.merchant_id, Merchant.shop_id, Merchant.name,
            WorkOrder.order_ref, WorkOrder.kind, WorkOrder.type, WorkOrder.result,
            WorkOrder.outcome, WorkOrder.applied_at,
            *(getattr(WorkOrder, c) for c in STAGE_COLUMNS), WorkOrder.duration_hours]


def count_work_orders(ctx: Context, flt: WorkOrderFilter, cap: int | None = None) -> int:
    """How many work orders match; with `cap`, at most that many."""
    now = clock.now()
    with ctx.db.read() as s:
        q = select(WorkOrder.id).where(*_conditions(ctx, flt, now, ctx.db.engine.dialect.name))
        return count(s, q, cap)


def fetch_work_orders(
    ctx: Context, flt: WorkOrderFilter, *, sort: str | None = None, desc: bool = True,
    offset: int = 0, limit: int = 200,
) -> list[WorkOrderRow]:
    """A page of matching work orders, newest application first unless sorted otherwise."""
    now = clock.now()
    dialect = ctx.db.engine.dialect.name
    q = (select(*_columns()).join(Merchant, Merchant.id == WorkOrder.merchant_id)
         .where(*_conditions(ctx, flt, now, dialect)))
    q = page(order(q, SORTS, sort, desc, WorkOrder.id, "applied_at"), offset, limit)
    return _rows(ctx, q, now)


def longest(ctx: Context, n: int = rules.LONGEST, *, merchant: str | None = None,
            merchant_id: int | None = None, type: str | None = None) -> list[WorkOrderRow]:
    """The `n` after-sales work orders of the statistics window with the longest service
    duration (platform-wide, or one merchant's), longest first."""
    now = clock.now()
    dialect = ctx.db.engine.dialect.name
    window = Window.from_settings(ctx)
    # SQLite walks the duration index from the longest and stops after n only when no other
    # index answers a condition: without statistics for it, it preferred (kind, applied_at)
    # and sorted half the table (1,000,000 rows: 3 s instead of 20 ms; docs/performance.md).
    # coalesce(c, c) is c to any database and no index to SQLite's planner.
    hide = (lambda c: func.coalesce(c, c)) if dialect == "sqlite" else (lambda c: c)
    cond = [hide(WorkOrder.kind) == WorkOrderKind.AFTER_SALES,
            hide(WorkOrder.closed_at) >= now - timedelta(days=window.finished_days),
            hide(WorkOrder.applied_at) >= now - timedelta(days=window.applied_days),
            WorkOrder.duration_hours.is_not(None)]
    if merchant_id:
        cond.append(WorkOrder.merchant_id == merchant_id)
    if merchant:
        cond.append(WorkOrder.merchant_id == _merchant_id(ctx, merchant))
    if type:
        cond.append(hide(WorkOrder.type) == type)
    q = (select(*_columns()).join(Merchant, Merchant.id == WorkOrder.merchant_id)
         .where(*cond)
         .order_by(WorkOrder.duration_hours.desc(), WorkOrder.id.desc())
         .limit(max(0, n)))
    return _rows(ctx, q, now)


def _rows(ctx: Context, q: Select, now: datetime) -> list[WorkOrderRow]:
    limits = stage_limits(ctx)
    with ctx.db.read() as s:
        found = s.execute(q).all()
    out = []
    for r in found:
        times = dict(zip(STAGE_COLUMNS, r[10:18], strict=True))
        times["applied_at"] = r[9]
        stored = r[18]
        running = stored is None and times["closed_at"] is None
        hours = ((now - r[9]).total_seconds() / 3600.0) if running else stored
        kind = WorkOrderKind(r[5])
        result = None if r[7] is None else WorkOrderResult(r[7])
        out.append(WorkOrderRow(
            id=r[0], merchant_id=r[1], shop_id=r[2], merchant=r[3], order_id=r[4], kind=kind,
            type=r[6] or "", result=result, outcome=r[8] or "", applied_at=r[9],
            **{c: times[c] for c in STAGE_COLUMNS},
            duration_hours=hours, running=running,
            late_stages=rules.late_stages(times, kind, result, limits, now),
        ))
    return out
