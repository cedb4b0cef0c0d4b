"""Monthly order volumes per merchant (imported from the platform): the base of the per-order
after-sales and complaint rates (docs/domain.md, "After-sales statistics").

A file (CSV in UTF-8 or GB18030, or .xlsx) has the columns shop_id, month, orders (or 店铺ID,
月份, 订单量). All or nothing: every refused row is listed with its reason and then nothing is
stored. A month already imported for a merchant takes the file's figure.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from inspector_app.db.models import Merchant, OrderVolume, WorkOrder
from inspector_app.domain.enums import WorkOrderKind
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t
from inspector_app.services.complaint_files import FileProblem, csv_rows, xlsx_rows
from inspector_app.services.complaints import IMPORTERS, RowError
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Canonical column -> recognised headers (case-insensitive).
COLUMNS = {
    "shop_id": ("shop_id", "shop id", "店铺id", "店铺编号"),
    "month": ("month", "月份", "月"),
    "orders": ("orders", "order count", "order volume", "订单量", "订单数"),
}
_CHINESE = {"shop_id": "店铺ID", "month": "月份", "orders": "订单量"}
#: Most orders a merchant may have in a month (a platform handles ~213 million in all).
MAX_ORDERS = 1_000_000_000
_MONTH = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*\d{1,2}\s*日?)?")


@dataclass
class VolumeImport:
    file: str
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: bool = False
    errors: list[RowError] = field(default_factory=list)


def _named(col: str) -> str:
    return f"{col} ({_CHINESE[col]})"


def parse_month(value: Any) -> str:
    """'2026-10' from 2026-10, 2026/10, 2026年10月, a date or datetime; ValueError otherwise."""
    if isinstance(value, (datetime, date)):
        return f"{value.year:04d}-{value.month:02d}"
    text = str(value or "").strip()
    m = _MONTH.fullmatch(text)
    if not m or not 1 <= int(m.group(2)) <= 12 or not 2000 <= int(m.group(1)) <= 2100:
        raise ValueError(t("{column}: '{value}' is not a month (use 2026-10)",
                           column=_named("month"), value=text))
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


def parse_orders(value: Any) -> int:
    text = str(value if value is not None else "").strip().replace(",", "")
    try:
        n = float(text) if text else None
    except ValueError:
        n = None
    if n is None or not n.is_integer() or not 0 <= n <= MAX_ORDERS:
        raise ValueError(t("{column}: '{value}' is not a whole number of orders",
                           column=_named("orders"), value=text))
    return int(n)


def import_volumes(ctx: Context, path: Path | str) -> VolumeImport:
    """Import monthly order volumes; nothing is stored when any row is refused."""
    from inspector_app.services.input_files import check_input_file

    ctx.require(*IMPORTERS, action=t("import order volumes"))
    path = check_input_file(path)
    result = VolumeImport(file=path.name)
    try:
        rows = xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else csv_rows(path)[1]
        parsed = _parse(rows, result)
    except ValueError as exc:  # not UTF-8 nor GB18030
        result.errors.append(RowError(1, str(exc)))
    except FileProblem as exc:
        raise InspectorError(t("{file}, row {row}: {problem}; nothing was imported",
                               file=path.name, row=exc.row, problem=exc)) from None
    if result.errors:
        result.refused = True
        return result
    with ctx.db.write() as s:
        shops = {shop for _, shop, _, _ in parsed}
        merchants = dict(s.execute(select(Merchant.shop_id, Merchant.id).where(
            Merchant.shop_id.in_(shops), Merchant.deleted_at.is_(None))).all())
        for number, shop, _, _ in parsed:
            if shop not in merchants:
                result.errors.append(RowError(number, t("unknown shop id '{shop_id}'",
                                                        shop_id=shop)))
        if result.errors:
            result.refused = True
            return result
        existing = {(v.merchant_id, v.month): v for v in s.scalars(select(OrderVolume).where(
            OrderVolume.merchant_id.in_(merchants.values())))}
        for _, shop, month, orders in parsed:
            key = (merchants[shop], month)
            old = existing.get(key)
            if old is None:
                existing[key] = OrderVolume(merchant_id=key[0], month=month, orders=orders,
                                            created_by_id=ctx.actor_id)
                s.add(existing[key])
                result.added += 1
            elif old.orders != orders:
                old.orders = orders
                result.updated += 1
            else:
                result.unchanged += 1
    logger.info("order volumes %s: %d added, %d updated", path.name, result.added, result.updated)
    return result


def _parse(rows, result: VolumeImport) -> list[tuple[int, str, str, int]]:
    from inspector_app.services.input_files import cell_problem

    lookup = {alias: col for col, aliases in COLUMNS.items() for alias in aliases}
    positions: dict[str, int] | None = None
    out: list[tuple[int, str, str, int]] = []
    seen: dict[tuple[str, str], int] = {}
    for number, values in rows:
        if not any(v is not None and str(v).strip() for v in values):
            continue
        if positions is None:
            positions = {}
            for i, h in enumerate(values):
                col = lookup.get(" ".join(str(h or "").replace("\ufeff", "").split()).casefold())
                if col and col not in positions:
                    positions[col] = i
            missing = [c for c in COLUMNS if c not in positions]
            if missing:
                result.errors.append(RowError(number, t(
                    "missing columns: {columns}", columns=join_list(_named(c) for c in missing))))
                return []
            continue
        result.rows += 1
        cells = {c: values[i] if i < len(values) else None for c, i in positions.items()}
        try:
            for col, value in cells.items():
                problem = cell_problem(value, multiline=False)
                if problem:
                    raise ValueError(t("{column} {problem}", column=_named(col), problem=problem))
            shop = " ".join(str(cells["shop_id"] if cells["shop_id"] is not None else "").split())
            if isinstance(cells["shop_id"], float) and cells["shop_id"].is_integer():
                shop = str(int(cells["shop_id"]))
            if not shop:
                raise ValueError(t("{column} is empty", column=_named("shop_id")))
            month, orders = parse_month(cells["month"]), parse_orders(cells["orders"])
        except ValueError as exc:
            result.errors.append(RowError(number, str(exc)))
            continue
        if (shop, month) in seen:
            result.errors.append(RowError(number, t(
                "{shop_id} {month} is already on row {row}", shop_id=shop, month=month,
                row=seen[(shop, month)])))
            continue
        seen[(shop, month)] = number
        out.append((number, shop, month, orders))
    if positions is None:
        result.errors.append(RowError(1, t("the file has no header row")))
    return out


def last_months(today: date, n: int = 12) -> list[str]:
    """The n months up to and including today's, oldest first ('2026-01' ...)."""
    y, m, out = today.year, today.month, []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def after_sales_per_order(s: Session, merchant_ids: list[int], months: list[str]
                          ) -> dict[int, tuple[int, int]]:
    """merchant id -> (orders, after-sales work orders applied in the months that have an order
    volume for that merchant): the merchant's after-sales rate per order is their ratio."""
    from inspector_app.services.stats import Period

    have: dict[str, dict[int, int]] = {}
    for i in range(0, len(merchant_ids), 500):
        for mid, month, n_orders in s.execute(select(
                OrderVolume.merchant_id, OrderVolume.month, OrderVolume.orders).where(
                OrderVolume.merchant_id.in_(merchant_ids[i:i + 500]),
                OrderVolume.month.in_(months))):
            have.setdefault(month, {})[mid] = n_orders
    out: dict[int, list[int]] = {}
    for month, orders in have.items():
        a, b = Period.parse(month).bounds()
        counts = dict(s.execute(
            select(WorkOrder.merchant_id, func.count()).where(
                WorkOrder.merchant_id.in_(list(orders)), WorkOrder.applied_at >= a,
                WorkOrder.applied_at < b, WorkOrder.kind == WorkOrderKind.AFTER_SALES)
            .group_by(WorkOrder.merchant_id)).all())
        for mid, n in orders.items():
            got = out.setdefault(mid, [0, 0])
            got[0] += n
            got[1] += int(counts.get(mid, 0))
    return {mid: (v[0], v[1]) for mid, v in out.items()}


def volumes(ctx: Context, months: list[str]) -> dict[int, dict[str, int]]:
    """merchant id -> {month: orders} for the given months (only what was imported)."""
    with ctx.db.read() as s:
        out: dict[int, dict[str, int]] = {}
        for mid, month, n_orders in s.execute(select(
                OrderVolume.merchant_id, OrderVolume.month, OrderVolume.orders).where(
                OrderVolume.month.in_(months))):
            out.setdefault(mid, {})[month] = n_orders
    return out
