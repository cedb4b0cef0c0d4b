"""Import complaints and after-sales work orders from CSV (UTF-8 or GB18030) or Excel, idempotently.

Per row, in one transaction: a refused row is listed and nothing of it is stored, the other
rows are; a file that cannot be read to the end (a cell over the limit, too many rows, a
damaged file, a full disk) changes nothing at all. The file is streamed: memory stays flat.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError

from inspector_app.db.models import Merchant, WorkOrder
from inspector_app.domain.enums import Role, WorkOrderKind
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import join_list
from inspector_app.domain.limits import (
    EARLIEST,
    FIRST_YEAR,
    LAST_YEAR,
    LATEST,
    MAX_IMPORT_ROWS,
)
from inspector_app.domain.messages import t
from inspector_app.services.complaint_files import FileProblem as _FileProblem
from inspector_app.services.complaint_files import csv_rows as _csv_rows
from inspector_app.services.complaint_files import xlsx_rows as _xlsx_rows
from inspector_app.services.context import MANAGERS, Context

logger = logging.getLogger(__name__)

#: Rows checked and written per bulk insert (all inside the file's one transaction).
CHUNK_ROWS = 5_000

#: At most this many row errors are kept (the count of all of them is in `error_count`).
MAX_ERRORS = 1_000
#: Who may import the platform's work orders.
IMPORTERS = (*MANAGERS, Role.MERCHANT_MANAGER)

#: Canonical column -> the headers it is recognised by (compared case-insensitively).
COLUMNS: dict[str, tuple[str, ...]] = {
    "shop_id": ("shop_id", "shop id", "店铺id", "店铺编号"),
    "order_id": ("order_id", "order id", "订单号", "订单编号"),
    "kind": ("kind", "类别"),
    "type": ("type", "类型"),
    "applied_at": ("applied_at", "applied at", "申请时间"),
    "first_handled_at": ("first_handled_at", "first handled at", "首次处理时间"),
    "closed_at": ("closed_at", "closed at", "完结时间"),
    "outcome": ("outcome", "结果"),
}
REQUIRED = ("shop_id", "order_id", "kind", "applied_at")
#: Chinese header of each column, for messages.
CHINESE = {
    "shop_id": "店铺ID",
    "order_id": "订单号",
    "kind": "类别",
    "type": "类型",
    "applied_at": "申请时间",
    "first_handled_at": "首次处理时间",
    "closed_at": "完结时间",
    "outcome": "结果",
}
KINDS: dict[str, WorkOrderKind] = {
    "complaint": WorkOrderKind.COMPLAINT,
    "complaints": WorkOrderKind.COMPLAINT,
    "投诉": WorkOrderKind.COMPLAINT,
    "after_sales": WorkOrderKind.AFTER_SALES,
    "aftersales": WorkOrderKind.AFTER_SALES,
    "售后": WorkOrderKind.AFTER_SALES,
    "售后单": WorkOrderKind.AFTER_SALES,
}
#: Excel's day 0 (serial 1 = 1900-01-01, counting its phantom 1900-02-29).
EXCEL_EPOCH = datetime(1899, 12, 30)
_DATETIME = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.(\d{1,6})\d*)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
_SERIAL = re.compile(r"\d{1,7}(?:\.\d+)?")
_LIMITS = {"shop_id": 64, "order_id": 64, "type": 100, "outcome": 200}


@dataclass(frozen=True)
class RowError:
    """A rejected row: its number as a spreadsheet shows it (the header is row 1)."""

    row: int
    reason: str


@dataclass
class ImportResult:
    file: str
    source_format: str = ""  # utf-8, utf-8-sig, gb18030, xlsx
    rows: int = 0
    added: int = 0
    duplicates: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0

    def error(self, row: int, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(row, reason))


def parse_wall(value: Any) -> datetime | None:
    """A timestamp from a cell as written: naive unless the text carries an offset.

    Accepts datetimes and dates, Excel serial numbers (also as text), and text such as
    2026-10-03 14:05, 2026/10/03 14:05:00, 2026-10-03T14:05+08:00, 2026年10月3日 14:05.
    Blank gives None; anything else raises ValueError. Excel times are rounded to the second.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return (value + timedelta(microseconds=500_000)).replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value))
    if isinstance(value, str):
        text = value.strip()
        return _from_serial(float(text)) if _SERIAL.fullmatch(text) else _from_text(text)
    raise ValueError(t("'{value}' is not a date and time", value=value))


def to_utc(wall: datetime, tz: tzinfo | None = None) -> datetime:
    """Aware UTC; a naive time is local time (or in `tz`)."""
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=tz) if tz is not None else wall.astimezone()
    return wall.astimezone(UTC)


def parse_time(value: Any, tz: tzinfo | None = None) -> datetime | None:
    """parse_wall, then to_utc: aware UTC or None."""
    wall = parse_wall(value)
    return None if wall is None else to_utc(wall, tz)


def _key_time(wall: datetime) -> str:
    """The application time as the file states it: re-importing with another --tz adds nothing."""
    return (wall.astimezone(UTC) if wall.tzinfo else wall).isoformat()


def _from_serial(x: float) -> datetime:
    if not 1 <= x < 2_958_466:  # 9999-12-31
        raise ValueError(t("'{value}' is not an Excel date", value=f"{x:g}"))
    # Rounded to the second: Excel keeps days as binary fractions.
    return EXCEL_EPOCH + timedelta(seconds=round(x * 86_400))


def _from_text(text: str) -> datetime:
    m = _DATETIME.fullmatch(text)
    if not m:
        raise ValueError(t("'{value}' is not a date and time (use 2026-10-03 14:05)", value=text))
    y, mo, d, h, mi, sec, frac, off = m.groups()
    try:
        out = datetime(
            int(y),
            int(mo),
            int(d),
            int(h or 0),
            int(mi or 0),
            int(sec or 0),
            int((frac or "0").ljust(6, "0")),
        )
        if off:
            off = "+00:00" if off == "Z" else off
            out = datetime.fromisoformat(out.isoformat() + off[:3] + ":" + off[-2:])
    except ValueError:
        raise ValueError(t("'{value}' is not a real date and time", value=text)) from None
    return out


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
    idx = positions.get(col)
    v = values[idx] if idx is not None and idx < len(values) else None
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)  # an id typed into Excel as a number
    return " ".join(str(v).split())


def _cell(values: list[Any], positions: dict[str, int], col: str) -> Any:
    idx = positions.get(col)
    return values[idx] if idx is not None and idx < len(values) else None


@dataclass
class _Row:
    number: int
    shop_id: str
    values: dict[str, Any]
    key: str


def _named(col: str) -> str:
    """A column as messages name it: its English name with the Chinese one, as files have them."""
    return f"{col} ({CHINESE[col]})"


def _check(number: int, values: list[Any], pos: dict[str, int], tz: tzinfo | None) -> _Row:
    """One row validated into insert values (merchant still unresolved); ValueError if bad."""
    from inspector_app.services.input_files import cell_problem

    for col, idx in pos.items():
        problem = cell_problem(values[idx] if idx < len(values) else None, multiline=False)
        if problem:
            raise ValueError(t("{column} {problem}", column=_named(col), problem=problem))
    cells = {c: _text(values, pos, c) for c in ("shop_id", "order_id", "type", "outcome")}
    for col in ("shop_id", "order_id"):
        if not cells[col]:
            raise ValueError(t("{column} is empty", column=_named(col)))
    for col, limit in _LIMITS.items():
        if len(cells[col]) > limit:
            raise ValueError(
                t("{column} is longer than {limit} characters", column=col, limit=limit)
            )
    kind = parse_kind(_cell(values, pos, "kind"))
    walls: dict[str, datetime | None] = {}
    for col in ("applied_at", "first_handled_at", "closed_at"):
        try:
            walls[col] = parse_wall(_cell(values, pos, col))
        except ValueError as exc:
            raise ValueError(t("{column}: {problem}", column=_named(col), problem=exc)) from None
    applied_wall = walls["applied_at"]
    if applied_wall is None:
        raise ValueError(t("{column} is empty", column=_named("applied_at")))
    for col, wall in walls.items():
        # Checked on the wall time first: converting year 9999 to UTC could overflow.
        if wall is not None and not (
            FIRST_YEAR <= wall.year <= LAST_YEAR and EARLIEST <= to_utc(wall, tz) <= LATEST
        ):
            raise ValueError(t(
                "{column}: {value} is outside the years {first}-{last}",
                column=_named(col), value=wall, first=FIRST_YEAR, last=LAST_YEAR,
            ))
    times = {col: None if w is None else to_utc(w, tz) for col, w in walls.items()}
    applied = to_utc(applied_wall, tz)
    for col in ("first_handled_at", "closed_at"):
        when = times[col]
        if when is not None and when < applied:
            raise ValueError(t("{column} is before applied_at", column=_named(col)))
    key = f"{cells['shop_id']}|{kind.value}|{cells['order_id']}|{_key_time(applied_wall)}"
    return _Row(
        number,
        cells["shop_id"],
        {
            "kind": kind,
            "order_ref": cells["order_id"],
            "type": cells["type"],
            "outcome": cells["outcome"],
            "applied_at": applied,
            "first_handled_at": times["first_handled_at"],
            "closed_at": times["closed_at"],
            "source_key": key,
        },
        key,
    )


def import_work_orders(
    ctx: Context,
    path: Path | str,
    *,
    tz: tzinfo | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import a CSV or .xlsx file of work orders; bad rows are reported, good rows kept.

    Rows already imported (same shop, kind, order and application time) are skipped, so
    importing a file twice adds nothing. The whole file is one transaction: when it cannot
    be read to the end, InspectorError says at which row and nothing is stored.
    """
    from inspector_app.services.input_files import check_input_file

    ctx.require(*IMPORTERS, action=t("import complaints and work orders"))
    path = check_input_file(path)
    result = ImportResult(file=path.name)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        result.source_format, rows = "xlsx", _xlsx_rows(path)
    else:
        try:
            result.source_format, rows = _csv_rows(path)
        except ValueError as exc:
            result.error(1, str(exc))
            return result
    try:
        with ctx.db.batch():
            _import_rows(ctx, rows, result, tz, progress)
    except _FileProblem as exc:
        raise InspectorError(t(
            "{file}, row {row}: {problem}; nothing was imported",
            file=path.name, row=exc.row, problem=exc,
        )) from None
    except (OSError, DBAPIError) as exc:  # a full disk, an I/O error
        problem = getattr(exc, "strerror", None) or getattr(exc, "orig", None) or exc
        raise InspectorError(t(
            "{file}: {problem}; nothing was imported", file=path.name, problem=problem
        )) from exc
    result.errors.sort(key=lambda e: e.row)
    logger.info(
        "imported %s: %d added, %d duplicates, %d errors",
        path.name,
        result.added,
        result.duplicates,
        result.error_count,
    )
    return result


def _import_rows(
    ctx: Context,
    rows: Iterator[tuple[int, list[Any]]],
    result: ImportResult,
    tz: tzinfo | None,
    progress: Callable[[int], None] | None,
) -> None:
    positions: dict[str, int] | None = None
    chunk: list[_Row] = []
    for number, values in rows:
        if not any(v is not None and str(v).strip() for v in values):
            continue
        if positions is None:
            positions, missing = map_header(values)
            if missing:
                names = join_list(_named(c) for c in missing)
                result.error(number, (
                    t("missing column: {columns}", columns=names)
                    if len(missing) == 1
                    else t("missing columns: {columns}", columns=names)
                ))
                return
            continue
        result.rows += 1
        if result.rows > MAX_IMPORT_ROWS:
            raise _FileProblem(number, t(
                "more than {limit} rows; split the file", limit=f"{MAX_IMPORT_ROWS:,}"
            ))
        try:
            chunk.append(_check(number, values, positions, tz))
        except ValueError as exc:
            result.error(number, str(exc))
        if len(chunk) >= CHUNK_ROWS:
            _write(ctx, chunk, result)
            chunk = []
            if progress:
                progress(result.rows)
    if positions is None:
        result.error(1, t("the file has no header row"))
    if chunk:
        _write(ctx, chunk, result)
    if progress:
        progress(result.rows)


def _write(ctx: Context, chunk: list[_Row], result: ImportResult) -> None:
    """One write transaction: resolve shops, drop known keys, bulk-insert the rest."""
    with ctx.db.write() as s:
        shops = {r.shop_id for r in chunk}
        merchants = {
            shop: (mid, deleted)
            for mid, shop, deleted in s.execute(
                select(Merchant.id, Merchant.shop_id, Merchant.deleted_at).where(
                    Merchant.shop_id.in_(shops)
                )
            )
        }
        known = set(
            s.scalars(
                select(WorkOrder.source_key).where(WorkOrder.source_key.in_([r.key for r in chunk]))
            )
        )
        new: list[dict[str, Any]] = []
        for r in chunk:
            found = merchants.get(r.shop_id)
            if found is None:
                result.error(r.number, t("unknown shop id '{shop_id}'", shop_id=r.shop_id))
            elif found[1] is not None:
                result.error(r.number, t("merchant '{shop_id}' is deleted", shop_id=r.shop_id))
            elif r.key in known:
                result.duplicates += 1
            else:
                known.add(r.key)
                new.append({**r.values, "merchant_id": found[0], "created_by_id": ctx.actor_id})
        if new:
            s.execute(insert(WorkOrder), new)
        result.added += len(new)
