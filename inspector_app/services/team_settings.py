"""Team-wide settings kept in the database: organisation, deadlines, risk and sampling."""

from __future__ import annotations

import json
import logging
import math
from typing import Any

from sqlalchemy import select

from inspector_app.db.models import AppSetting
from inspector_app.domain.enums import Role, Severity
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Every key with its default; unknown keys are refused.
DEFAULTS: dict[str, Any] = {
    "organisation_name": "Platform Quality Inspection",
    "organisation_logo": "",  # path of an image file, or ""
    "deadline_days.critical": 3,
    "deadline_days.major": 7,
    "deadline_days.minor": 15,
    # Days before its due date from which an active case is "due soon" (0: no warning).
    "cases.warning_days": 2,
    # Days from a notice's issue date a merchant gets to reply when the case's own date has
    # passed (the notice then says the case is overdue and gives this new reply-by date).
    "notices.reply_days": 3,
    "watch_threshold": 60.0,  # risk score at or above which a merchant is a watch candidate
    "eliminate_threshold": 80.0,  # ... an elimination candidate
    # The risk statistics window: complaints, work orders and our purchases of the last
    # `risk.window_days`; durations of work orders finished in the last `risk.finished_days`
    # (or still open).
    "risk.window_days": 180,
    "risk.finished_days": 30,
    # Sampling weight of a spotless merchant beside 1.0 added at risk 100 (domain/sampling.py).
    "sampling.weight_floor": 0.2,
    # Work-order stage limits in hours (domain/workorders.py STAGES; docs/domain.md,
    # "Work-order warnings"): past them a stage is late.
    "workorders.pickup_hours": 24.0,
    "workorders.return_info_hours": 48.0,
    "workorders.arrival_hours": 72.0,
    "workorders.stock_in_alert_hours": 24.0,
    "workorders.stock_in_hours": 48.0,
    # The average signed -> stocked-in time to aim at, shown beside the statistics.
    "workorders.stock_in_average_hours": 12.0,
}

#: Allowed range of the numeric settings (inclusive); others only need to be >= 0.
RANGES: dict[str, tuple[float, float]] = {
    "deadline_days.critical": (1, 365),
    "deadline_days.major": (1, 365),
    "deadline_days.minor": (1, 365),
    "cases.warning_days": (0, 30),
    "notices.reply_days": (1, 60),
    "watch_threshold": (0, 100),
    "eliminate_threshold": (0, 100),
    "risk.window_days": (30, 1095),
    "risk.finished_days": (1, 1095),
    "sampling.weight_floor": (0.01, 10),
    "workorders.pickup_hours": (1, 720),
    "workorders.return_info_hours": (1, 720),
    "workorders.arrival_hours": (1, 720),
    "workorders.stock_in_alert_hours": (1, 720),
    "workorders.stock_in_hours": (1, 720),
    "workorders.stock_in_average_hours": (1, 720),
}


def get(ctx: Context, key: str) -> Any:
    if key not in DEFAULTS:
        raise KeyError(key)
    with ctx.db.read() as s:
        raw = s.scalar(select(AppSetting.value_json).where(AppSetting.key == key))
    return DEFAULTS[key] if raw is None else json.loads(raw)


def get_all(ctx: Context) -> dict[str, Any]:
    with ctx.db.read() as s:
        stored = {k: json.loads(v) for k, v in s.execute(select(AppSetting.key, AppSetting.value_json))}
    return {k: stored.get(k, d) for k, d in DEFAULTS.items()}


def _validated(key: str, value: Any) -> Any:
    if key not in DEFAULTS:
        raise ValidationError(t("Unknown setting '{key}'", key=key))
    default = DEFAULTS[key]
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        try:
            value = type(default)(value)
        except (TypeError, ValueError, OverflowError):
            raise ValidationError(t("{key} must be a finite number", key=key), field=key) from None
        if not math.isfinite(value):
            raise ValidationError(t("{key} must be a finite number", key=key), field=key)
        if value < 0:
            raise ValidationError(t("{key} cannot be negative", key=key), field=key)
        low, high = RANGES.get(key, (0, math.inf))
        if not low <= value <= high:
            raise ValidationError(
                t("'{key}' must be between {low} and {high}, not {value}",
                  key=key, low=low, high=high, value=value),
                field=key,
            )
    elif isinstance(default, str):
        value = str(value).strip()
    return value


def put_many(ctx: Context, values: dict[str, Any]) -> None:
    """Save several settings in one transaction: all of them or none."""
    ctx.require(Role.QUALITY_MANAGER, Role.ADMIN, action=t("change team settings"))
    checked = {key: _validated(key, value) for key, value in values.items()}
    if {"watch_threshold", "eliminate_threshold"} & checked.keys():
        merged = {**get_all(ctx), **checked}
        if float(merged["eliminate_threshold"]) < float(merged["watch_threshold"]):
            raise ValidationError(
                t("The elimination threshold must be at or above the watch threshold"),
                field="eliminate_threshold",
            )
    with ctx.db.write() as s:
        rows = {r.key: r for r in s.scalars(select(AppSetting).where(AppSetting.key.in_(checked)))}
        for key, value in checked.items():
            if key in rows:
                rows[key].value_json = json.dumps(value)
            else:
                s.add(AppSetting(key=key, value_json=json.dumps(value), created_by_id=ctx.actor_id))


def put(ctx: Context, key: str, value: Any) -> None:
    put_many(ctx, {key: value})


def deadline_days(ctx: Context, severity: Severity | str) -> int:
    return int(get(ctx, f"deadline_days.{Severity(severity).value}"))


def warning_days(ctx: Context) -> int:
    """How many days before its due date a case counts as due soon (0: never); any role reads it."""
    return int(get(ctx, "cases.warning_days"))
