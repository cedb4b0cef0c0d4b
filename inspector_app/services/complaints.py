"""Import complaints and after-sales work orders from CSV (UTF-8 or GB18030) or Excel, idempotently.

All or nothing per file: every refused row is listed with its reason (one line each) and
then nothing of the file is stored; a file that cannot be read to the end (a cell over the
limit, too many rows, a damaged file, a full disk) changes nothing either. A row already
imported (same shop, kind, order and application time) is brought up to date when the file
says more about it (a later stage, its closing). The file is streamed: memory stays flat.
Reading a row is services/workorder_rows.py; its times, services/cell_times.py.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError

from inspector_app.db.models import Merchant, WorkOrder
from inspector_app.domain import workorders as rules
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.labels import join_list
from inspector_app.domain.limits import MAX_IMPORT_ROWS
from inspector_app.domain.messages import t
from inspector_app.services.cell_times import parse_time, parse_wall, to_utc
from inspector_app.services.complaint_files import FileProblem as _FileProblem
from inspector_app.services.complaint_files import csv_rows as _csv_rows
from inspector_app.services.complaint_files import xlsx_rows as _xlsx_rows
from inspector_app.services.context import MANAGERS, Context
from inspector_app.services.workorder_rows import (
    COLUMNS,
    TIMES,
    CheckedRow,
    check_row,
    map_header,
    named,
    parse_kind,
)

__all__ = ["COLUMNS", "ImportResult", "import_work_orders", "map_header", "parse_kind",
           "parse_time", "parse_wall", "to_utc"]

logger = logging.getLogger(__name__)

#: Rows checked and written per bulk insert (all inside the file's one transaction).
CHUNK_ROWS = 5_000

#: At most this many row errors are kept (the count of all of them is in `error_count`).
MAX_ERRORS = 1_000
#: Who may import the platform's work orders.
IMPORTERS = (*MANAGERS, Role.MERCHANT_MANAGER)
#: Columns a re-imported row may fill in when they were empty (never overwritten: a
#: re-import under another --tz must not move times).
UPDATABLE = (*TIMES, "type", "outcome", "result")


class _Refused(Exception):
    """Some row was refused: the file's transaction is rolled back."""


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
    #: Rows already imported that the file brought up to date (a later stage, its closing).
    updated: int = 0
    #: True when some row was refused and therefore nothing of the file was stored.
    refused: bool = False
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0

    def error(self, row: int, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(row, reason))


def import_work_orders(
    ctx: Context,
    path: Path | str,
    *,
    tz: tzinfo | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import a CSV or .xlsx file of work orders: all of it, or (some row refused) none of it.

    Rows already imported (same shop, kind, order and application time) add nothing; when
    the file has newer times or outcome for them, they are updated. The whole file is one
    transaction: a refused row (listed in `errors`, `refused` set, `added` and `updated` 0)
    or a file that cannot be read to the end (InspectorError saying at which row) stores
    nothing.
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
            if result.error_count:
                raise _Refused
    except _Refused:
        result.refused, result.added, result.updated = True, 0, 0
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
        "imported %s: %d added, %d updated, %d duplicates, %d errors",
        path.name,
        result.added,
        result.updated,
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
    chunk: list[CheckedRow] = []
    for number, values in rows:
        if not any(v is not None and str(v).strip() for v in values):
            continue
        if positions is None:
            positions, missing = map_header(values)
            if missing:
                names = join_list(named(c) for c in missing)
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
            chunk.append(check_row(number, values, positions, tz))
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


def _write(ctx: Context, chunk: list[CheckedRow], result: ImportResult) -> None:
    """One write (a savepoint of the file's transaction): resolve shops, insert new keys,
    update known ones the file says more about."""
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
        cols = [getattr(WorkOrder, c) for c in (*UPDATABLE, "applied_at", "duration_hours")]
        known = {
            row.source_key: row
            for row in s.execute(
                select(WorkOrder.id, WorkOrder.source_key, *cols).where(
                    WorkOrder.source_key.in_([r.key for r in chunk]))
            )
        }
        seen: set[str] = set()
        new: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for r in chunk:
            found = merchants.get(r.shop_id)
            if found is None:
                result.error(r.number, t("unknown shop id '{shop_id}'", shop_id=r.shop_id))
            elif found[1] is not None:
                result.error(r.number, t("merchant '{shop_id}' is deleted", shop_id=r.shop_id))
            elif r.key in seen:
                result.duplicates += 1
            elif r.key in known:
                seen.add(r.key)
                result.duplicates += 1
                diff = _filled_in(known[r.key], r.values)
                if diff:
                    changed.append(diff)
            else:
                seen.add(r.key)
                new.append({**r.values, "merchant_id": found[0], "created_by_id": ctx.actor_id})
        if new:
            s.execute(insert(WorkOrder), new)
        for values in changed:
            s.execute(update(WorkOrder).where(WorkOrder.id == values.pop("id")).values(**values))
        result.added += len(new)
        result.updated += len(changed)


def _filled_in(old: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The columns the file fills in (empty before), with the service duration they give."""
    diff = {c: values[c] for c in UPDATABLE
            if getattr(old, c) in (None, "") and values[c] not in (None, "")}
    if not diff:
        return {}
    merged = {c: diff.get(c, getattr(old, c)) for c in UPDATABLE}
    duration = rules.service_duration(old.applied_at, merged["result"], merged["first_reviewed_at"],
                                      merged["first_handled_at"], merged["closed_at"])
    if duration != old.duration_hours:
        diff["duration_hours"] = duration
    return {"id": old.id, **diff}
