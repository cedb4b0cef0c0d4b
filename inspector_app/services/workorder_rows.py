"""One row of a work-order file checked into what is stored: the columns and their English and
Chinese headers, kind and result words, the stage times and the service duration
(domain/workorders.py). Every problem is one ValueError naming the column."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from inspector_app.domain import workorders as rules
from inspector_app.domain.enums import WorkOrderKind, WorkOrderResult
from inspector_app.domain.limits import EARLIEST, FIRST_YEAR, LAST_YEAR, LATEST
from inspector_app.domain.messages import t
from inspector_app.services.cell_times import key_time, parse_wall, to_utc

logger = logging.getLogger(__name__)

#: Canonical column -> the headers it is recognised by (compared case-insensitively).
COLUMNS: dict[str, tuple[str, ...]] = {
    "shop_id": ("shop_id", "shop id", "店铺id", "店铺编号"),
    "order_id": ("order_id", "order id", "订单号", "订单编号"),
    "kind": ("kind", "类别"),
    "type": ("type", "类型", "服务单类型"),
    "applied_at": ("applied_at", "applied at", "申请时间"),
    "first_reviewed_at": ("first_reviewed_at", "first reviewed at", "first review",
                          "首次审核时间"),
    "pickup_at": ("pickup_at", "pickup at", "picked up at", "dispatched at",
                  "pickup or dispatch", "取件时间", "上门取件时间", "发货时间", "取件/发货时间"),
    "return_info_at": ("return_info_at", "return info at", "reverse logistics at",
                       "reverse logistics info", "逆向物流时间", "逆向物流信息时间", "逆向信息时间"),
    "arrived_at": ("arrived_at", "arrived at", "arrival at warehouse", "warehouse arrival",
                   "到仓时间", "到货仓时间"),
    "signed_at": ("signed_at", "signed at", "签收时间"),
    "stocked_at": ("stocked_at", "stocked at", "stocked in at", "stock-in at", "入库时间"),
    "first_handled_at": ("first_handled_at", "first handled at", "首次处理时间"),
    "closed_at": ("closed_at", "closed at", "完结时间"),
    "outcome": ("outcome", "结果"),
    "result": ("result", "服务单结果", "完结方式"),
}
REQUIRED = ("shop_id", "order_id", "kind", "applied_at")
#: Chinese header of each column, for messages.
CHINESE = {
    "shop_id": "店铺ID",
    "order_id": "订单号",
    "kind": "类别",
    "type": "类型",
    "applied_at": "申请时间",
    "first_reviewed_at": "首次审核时间",
    "pickup_at": "取件/发货时间",
    "return_info_at": "逆向物流信息时间",
    "arrived_at": "到仓时间",
    "signed_at": "签收时间",
    "stocked_at": "入库时间",
    "first_handled_at": "首次处理时间",
    "closed_at": "完结时间",
    "outcome": "结果",
    "result": "服务单结果",
}
#: The time columns after the application, in the order they happen.
TIMES = ("first_reviewed_at", "pickup_at", "return_info_at", "arrived_at", "signed_at",
         "stocked_at", "first_handled_at", "closed_at")
#: Column -> the earlier column it may not precede (besides applied_at).
NOT_BEFORE = {"return_info_at": "pickup_at", "arrived_at": "pickup_at",
              "stocked_at": "signed_at"}
KINDS: dict[str, WorkOrderKind] = {
    "complaint": WorkOrderKind.COMPLAINT,
    "complaints": WorkOrderKind.COMPLAINT,
    "投诉": WorkOrderKind.COMPLAINT,
    "after_sales": WorkOrderKind.AFTER_SALES,
    "aftersales": WorkOrderKind.AFTER_SALES,
    "售后": WorkOrderKind.AFTER_SALES,
    "售后单": WorkOrderKind.AFTER_SALES,
}
_LIMITS = {"shop_id": 64, "order_id": 64, "type": 100, "outcome": 200}


def parse_kind(value: Any) -> WorkOrderKind:
    key = re.sub(r"[\s\-]+", "_", str(value or "").strip().casefold())
    if key in KINDS:
        return KINDS[key]
    raise ValueError(
        t("kind '{value}' is neither complaint/投诉 nor after_sales/售后", value=value or "")
    )


def _norm_header(h: Any) -> str:
    return " ".join(str(h or "").replace("\ufeff", "").replace("_", " ").split()).casefold()


def map_header(header: Iterable[Any]) -> tuple[dict[str, int], list[str]]:
    """Column positions by canonical name, and the required columns that are missing."""
    lookup = {_norm_header(alias): col for col, aliases in COLUMNS.items() for alias in aliases}
    positions: dict[str, int] = {}
    for idx, h in enumerate(header):
        col = lookup.get(_norm_header(h))
        if col and col not in positions:
            positions[col] = idx
    return positions, [c for c in REQUIRED if c not in positions]


def _text(values: list[Any], positions: dict[str, int], col: str) -> str:
    v = _cell(values, positions, col)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # an id typed into Excel as a number
    return " ".join(str(v).split())


def _cell(values: list[Any], positions: dict[str, int], col: str) -> Any:
    idx = positions.get(col)
    return values[idx] if idx is not None and idx < len(values) else None


@dataclass
class CheckedRow:
    number: int
    shop_id: str
    values: dict[str, Any]
    key: str


def named(col: str) -> str:
    """A column as messages name it: its English name with the Chinese one, as files have them."""
    return f"{col} ({CHINESE[col]})"


def _result(cells: dict[str, str]) -> WorkOrderResult | None:
    if cells["result"]:
        found = rules.parse_result(cells["result"])
        if found is None:
            raise ValueError(t(
                "{column} '{value}' is none of completed/已完成, cancelled/已取消, "
                "rejected/已驳回, lightning_refund/闪电退款",
                column=named("result"), value=cells["result"],
            ))
        return found
    return rules.parse_result(cells["outcome"])


def check_row(number: int, values: list[Any], pos: dict[str, int], tz: tzinfo | None) -> CheckedRow:
    """One row validated into insert values (merchant still unresolved); ValueError if bad."""
    from inspector_app.services.input_files import cell_problem

    for col, idx in pos.items():
        problem = cell_problem(values[idx] if idx < len(values) else None, multiline=False)
        if problem:
            raise ValueError(t("{column} {problem}", column=named(col), problem=problem))
    cells = {c: _text(values, pos, c) for c in ("shop_id", "order_id", "type", "outcome", "result")}
    for col in ("shop_id", "order_id"):
        if not cells[col]:
            raise ValueError(t("{column} is empty", column=named(col)))
    for col, limit in _LIMITS.items():
        if len(cells[col]) > limit:
            raise ValueError(
                t("{column} is longer than {limit} characters", column=col, limit=limit)
            )
    kind = parse_kind(_cell(values, pos, "kind"))
    result = _result(cells)
    walls: dict[str, datetime | None] = {}
    for col in ("applied_at", *TIMES):
        try:
            walls[col] = parse_wall(_cell(values, pos, col))
        except ValueError as exc:
            raise ValueError(t("{column}: {problem}", column=named(col), problem=exc)) from None
    applied_wall = walls["applied_at"]
    if applied_wall is None:
        raise ValueError(t("{column} is empty", column=named("applied_at")))
    for col, wall in walls.items():
        # Checked on the wall time first: converting year 9999 to UTC could overflow.
        if wall is not None and not (
            FIRST_YEAR <= wall.year <= LAST_YEAR and EARLIEST <= to_utc(wall, tz) <= LATEST
        ):
            raise ValueError(t(
                "{column}: {value} is outside the years {first}-{last}",
                column=named(col), value=wall, first=FIRST_YEAR, last=LAST_YEAR,
            ))
    times = {col: None if w is None else to_utc(w, tz) for col, w in walls.items()}
    applied = times["applied_at"]
    assert applied is not None
    for col in TIMES:
        when = times[col]
        if when is not None and when < applied:
            raise ValueError(t("{column} is before applied_at", column=named(col)))
        earlier = NOT_BEFORE.get(col)
        before = times[earlier] if earlier else None
        if when is not None and earlier and before is not None and when < before:
            raise ValueError(t("{column} is before {earlier}", column=named(col),
                               earlier=named(earlier)))
    key = f"{cells['shop_id']}|{kind.value}|{cells['order_id']}|{key_time(applied_wall)}"
    duration = rules.service_duration(
        applied, result, times["first_reviewed_at"], times["first_handled_at"], times["closed_at"])
    return CheckedRow(
        number,
        cells["shop_id"],
        {
            "kind": kind,
            "order_ref": cells["order_id"],
            "type": cells["type"],
            "outcome": cells["outcome"],
            **times,
            "result": result,
            "duration_hours": duration,
            "source_key": key,
        },
        key,
    )
