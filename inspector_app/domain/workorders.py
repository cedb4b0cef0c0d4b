"""After-sales work orders as the platform measures them: the service duration, its end point
by outcome, the stages and their warning limits (docs/domain.md, "After-sales service duration"
and "Work-order warnings"). Pure Python; services/workorders.py states the same in SQL."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from inspector_app.domain.enums import WorkOrderKind, WorkOrderResult, WorkOrderStage

logger = logging.getLogger(__name__)

#: Outcomes whose service duration ends at the merchant's first review (the platform's rule).
ENDS_AT_REVIEW = (WorkOrderResult.CANCELLED, WorkOrderResult.REJECTED)
#: Outcomes without a return parcel: the logistics stages do not apply.
NO_RETURN = (WorkOrderResult.CANCELLED, WorkOrderResult.REJECTED, WorkOrderResult.LIGHTNING_REFUND)
#: The statistics window: closed within this many days ...
FINISHED_DAYS = 30
#: ... and applied for within this many days.
APPLIED_DAYS = 180
#: How many of the longest work orders the platform lists.
LONGEST = 100
#: A shop whose service duration exceeds this many hours is flagged to consumers.
FLAG_HOURS = 60.0
#: Upper bounds (hours) of the duration bands of the statistics; the last band is open.
BANDS = (24.0, 48.0, 72.0)

#: Words of an outcome cell -> the result they name (compared without spaces, case-folded).
RESULT_WORDS: dict[str, WorkOrderResult] = {
    "completed": WorkOrderResult.COMPLETED,
    "complete": WorkOrderResult.COMPLETED,
    "done": WorkOrderResult.COMPLETED,
    "完成": WorkOrderResult.COMPLETED,
    "已完成": WorkOrderResult.COMPLETED,
    "完结": WorkOrderResult.COMPLETED,
    "已完结": WorkOrderResult.COMPLETED,
    "cancelled": WorkOrderResult.CANCELLED,
    "canceled": WorkOrderResult.CANCELLED,
    "取消": WorkOrderResult.CANCELLED,
    "已取消": WorkOrderResult.CANCELLED,
    "rejected": WorkOrderResult.REJECTED,
    "拒绝": WorkOrderResult.REJECTED,
    "已拒绝": WorkOrderResult.REJECTED,
    "驳回": WorkOrderResult.REJECTED,
    "已驳回": WorkOrderResult.REJECTED,
    "审核不通过": WorkOrderResult.REJECTED,
    "lightningrefund": WorkOrderResult.LIGHTNING_REFUND,
    "lightning_refund": WorkOrderResult.LIGHTNING_REFUND,
    "闪电退款": WorkOrderResult.LIGHTNING_REFUND,
    "闪退": WorkOrderResult.LIGHTNING_REFUND,
}


def parse_result(text: str) -> WorkOrderResult | None:
    """The result an outcome cell names; None when it names none (e.g. a remedy such as 换货)."""
    key = re.sub(r"[\s\-]+", "", (text or "").casefold())
    return RESULT_WORDS.get(key) or RESULT_WORDS.get(key.replace("_", ""))


@dataclass(frozen=True)
class StageRule:
    """A stage runs from the first present `starts` time to `end`; late past `limit_key` hours."""

    stage: WorkOrderStage
    starts: tuple[str, ...]
    end: str
    #: Team setting holding the limit in hours (services/team_settings.py).
    limit_key: str
    default_hours: float


#: The seed's warnings: pickup or dispatch within 24 h (of the review, or of the application
#: when there is no review time); reverse-logistics information within 48 h of pickup; the
#: parcel at the warehouse within 3 days of pickup; stocked in within 24 h of signing (the
#: alert; 12 h is the average to aim at) and at the latest within 48 h.
STAGES: tuple[StageRule, ...] = (
    StageRule(WorkOrderStage.PICKUP, ("first_reviewed_at", "applied_at"), "pickup_at",
              "workorders.pickup_hours", 24.0),
    StageRule(WorkOrderStage.RETURN_INFO, ("pickup_at",), "return_info_at",
              "workorders.return_info_hours", 48.0),
    StageRule(WorkOrderStage.ARRIVAL, ("pickup_at",), "arrived_at",
              "workorders.arrival_hours", 72.0),
    StageRule(WorkOrderStage.STOCK_IN_ALERT, ("signed_at",), "stocked_at",
              "workorders.stock_in_alert_hours", 24.0),
    StageRule(WorkOrderStage.STOCK_IN, ("signed_at",), "stocked_at",
              "workorders.stock_in_hours", 48.0),
)
#: The average signed -> stocked-in time to aim at (hours), shown beside the statistics.
STOCK_IN_AVERAGE_KEY = "workorders.stock_in_average_hours"
STOCK_IN_AVERAGE_HOURS = 12.0


def default_limits() -> dict[WorkOrderStage, float]:
    return {rule.stage: rule.default_hours for rule in STAGES}


def limits_from(settings: Mapping[str, object]) -> dict[WorkOrderStage, float]:
    """Stage -> limit in hours from the team settings (defaults where unset)."""
    return {
        rule.stage: float(settings.get(rule.limit_key, rule.default_hours))  # type: ignore[arg-type]
        for rule in STAGES
    }


def service_end(
    result: WorkOrderResult | str | None,
    first_reviewed_at: datetime | None,
    first_handled_at: datetime | None,
    closed_at: datetime | None = None,
) -> datetime | None:
    """Where the service duration ends: the first review for a cancelled or rejected work
    order, the first handling otherwise (lightning refunds, returns, exchanges, repairs).
    When a finished work order's file lacks that time the other one stands in (the merchant
    did act then); an open one without a result keeps counting until its first handling."""
    if result is not None and WorkOrderResult(result) in ENDS_AT_REVIEW:
        return first_reviewed_at or first_handled_at
    if result is None and closed_at is None:
        return first_handled_at
    return first_handled_at or first_reviewed_at


def service_duration(
    applied_at: datetime,
    result: WorkOrderResult | str | None,
    first_reviewed_at: datetime | None,
    first_handled_at: datetime | None,
    closed_at: datetime | None = None,
) -> float | None:
    """Hours from the application to the end point; None while it is still counting."""
    end = service_end(result, first_reviewed_at, first_handled_at, closed_at)
    return None if end is None else max(0.0, (end - applied_at).total_seconds() / 3600.0)


def stages_apply(kind: WorkOrderKind | str, result: WorkOrderResult | str | None) -> bool:
    """The logistics stages concern after-sales work orders with a return parcel."""
    return WorkOrderKind(kind) == WorkOrderKind.AFTER_SALES and (
        result is None or WorkOrderResult(result) not in NO_RETURN
    )


def whole_seconds(when: datetime) -> int:
    """Seconds since the epoch, fractions dropped: the stage limits compare whole seconds,
    exactly as the SQL does (services/workorders.py)."""
    return math.floor(when.timestamp())


def _start(times: Mapping[str, datetime | None], rule: StageRule) -> datetime | None:
    return next((times[c] for c in rule.starts if times.get(c) is not None), None)


def late_stages(
    times: Mapping[str, datetime | None],
    kind: WorkOrderKind | str,
    result: WorkOrderResult | str | None,
    limits: Mapping[WorkOrderStage, float],
    now: datetime,
) -> tuple[WorkOrderStage, ...]:
    """The stages that took longer than their limit, or (open work orders only) are still
    running past it. `times` holds the work order's columns (applied_at, pickup_at, ...,
    closed_at). A stage whose end is missing on a closed work order is not judged."""
    if not stages_apply(kind, result):
        return ()
    out = []
    for rule in STAGES:
        start = _start(times, rule)
        if start is None:
            continue
        end = times.get(rule.end)
        if end is None:
            if times.get("closed_at") is not None:
                continue
            end = now
        if whole_seconds(end) - whole_seconds(start) > limits[rule.stage] * 3600:
            out.append(rule.stage)
    return tuple(out)


def running_late(
    times: Mapping[str, datetime | None],
    kind: WorkOrderKind | str,
    result: WorkOrderResult | str | None,
    limits: Mapping[WorkOrderStage, float],
    now: datetime,
) -> tuple[WorkOrderStage, ...]:
    """The stages of an open work order that have started, not ended, and passed their limit."""
    if times.get("closed_at") is not None:
        return ()
    return tuple(
        s for s in late_stages(times, kind, result, limits, now)
        if times.get(next(r.end for r in STAGES if r.stage == s)) is None
    )


def band(hours: float) -> int:
    """Index of the duration band: 0 for <= 24 h, 1 for 24-48, 2 for 48-72, 3 for > 72."""
    return next((i for i, top in enumerate(BANDS) if hours <= top), len(BANDS))
