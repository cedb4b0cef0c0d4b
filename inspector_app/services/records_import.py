"""Importing existing records from the template workbook: all or nothing, idempotent.

The whole file is one transaction (Database.batch): every row is checked and written, and
if any row is refused, or the file cannot be read to the end, nothing of the file is kept;
the report lists every refused row (sheet, row, reason). Sheets are streamed and written a
chunk of rows at a time (services/records_bulk.py; docs/performance.md).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from inspector_app.db.models import Finding
from inspector_app.db.search import findings_search_paused
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.limits import MAX_CELL_CHARS, MAX_IMPORT_ROWS
from inspector_app.domain.messages import t, tc
from inspector_app.services.context import RECORDERS, Context
from inspector_app.services.records_bulk import SheetWriter, chunks
from inspector_app.services.workbooks import RowError

if TYPE_CHECKING:
    from inspector_app.reports.xlsx_read import SheetRow

logger = logging.getLogger(__name__)


#: At most this many refused rows are listed (all are counted in `error_count`).
MAX_ERRORS = 1_000


class _Refused(Exception):
    """Raised inside the batch to roll the whole file back when rows were refused."""


@dataclass
class RecordsReport:
    created: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.error_count:
            count = self.error_count
            return tc("clause separator", "; ").join([
                t("1 row with problems")
                if count == 1
                else t("{count} rows with problems", count=f"{count:,}"),
                t("nothing was imported (fix the rows listed and import the file again)"),
            ])
        parts = [
            t(
                "{sheet}: {new} new, {unchanged} already there",
                sheet=sheet, new=self.created[sheet], unchanged=self.unchanged[sheet],
            )
            for sheet in ("Merchants", "Products", "Purchases", "Findings")
        ]
        count = len(self.errors)
        parts.append(
            t("1 row with problems")
            if count == 1
            else t("{count} rows with problems", count=f"{count:,}")
        )
        return tc("clause separator", "; ").join(parts)


class _Importer:
    """Streams each sheet through the bulk writer in chunks, keeping the report."""

    def __init__(self, report: RecordsReport) -> None:
        self.report = report
        #: Where the import is, for the message when it stops half-way.
        self.at: tuple[str, int] = ("", 0)

    def error(self, sheet: str, row: SheetRow | int, reason: str) -> None:
        self.report.error_count += 1
        if len(self.report.errors) < MAX_ERRORS:
            number = row if isinstance(row, int) else row.number
            self.report.errors.append(RowError(sheet, number, reason))

    def checked(self, sheet: str, rows: Iterator[SheetRow]) -> Iterator[SheetRow]:
        """The rows whose cells can be stored at all (length, control characters)."""
        from inspector_app.services.input_files import cell_problem

        for count, row in enumerate(rows, 1):
            self.at = (sheet, row.number)
            if count > MAX_IMPORT_ROWS:
                raise InspectorError(t(
                    "Sheet '{sheet}' has more than {limit} rows; split the file",
                    sheet=sheet, limit=f"{MAX_IMPORT_ROWS:,}",
                ))
            for col, v in row.values.items():
                # Plain short ASCII text (nearly every cell) needs no closer look.
                if v.__class__ is str and not (
                    v.isascii() and v.isprintable() and len(v) <= MAX_CELL_CHARS
                ) and (p := cell_problem(v)):
                    self.error(sheet, row, t("{column} {problem}", column=col, problem=p))
                    break
            else:
                yield row

    def run(self, writer: SheetWriter, sheet: str, rows: Iterator[SheetRow]) -> None:
        handle = {
            "Merchants": writer.merchants_chunk,
            "Products": writer.products_chunk,
            "Purchases": writer.purchases_chunk,
            "Findings": writer.findings_chunk,
        }[sheet]
        counts = {True: self.report.created, False: self.report.unchanged}

        def refuse(row: SheetRow, reason: str) -> None:
            self.error(sheet, row, reason)

        def done(row: SheetRow, created: bool) -> None:
            counts[created][sheet] += 1

        for chunk in chunks(self.checked(sheet, rows)):
            handle(chunk, refuse, done)

    def verdicts(self, ctx: Context, writer: SheetWriter) -> None:
        """Failed purchases without findings refused; verdicts for earlier purchases set."""
        from inspector_app.services import purchases

        for row in writer.failed_without_findings():
            self.error("Purchases", row, t(
                "verdict not recorded: {problem}",
                problem=t("Record at least one finding before failing a purchase"),
            ))
        for row, purchase_id, verdict in writer.later_verdict_ids():
            self.at = ("Purchases", row)
            try:
                purchases.set_verdict(ctx, purchase_id, verdict)
            except InspectorError as exc:
                self.error("Purchases", row, t("verdict not recorded: {problem}", problem=exc))


def import_records(ctx: Context, path: Path | str) -> RecordsReport:
    """Import the template's sheets in order, all or nothing (see the module docstring)."""
    from inspector_app.reports.records_xlsx import SHEET_ORDER, iter_records
    from inspector_app.services.input_files import check_input_file

    ctx.require(*RECORDERS, action=t("import records"))
    path = check_input_file(path)
    report = RecordsReport()
    imp = _Importer(report)
    try:
        with ctx.db.batch() as session:
            conn = session.connection()
            first_finding = (conn.execute(select(func.max(Finding.id))).scalar() or 0) + 1
            writer = SheetWriter(conn, ctx.actor_id, ctx.actor.role if ctx.actor else None)
            with findings_search_paused(conn, first_finding):
                for sheet, rows in iter_records(path):
                    imp.run(writer, sheet, rows)
                imp.verdicts(ctx, writer)
            if report.error_count:
                raise _Refused
    except _Refused:
        report.created.clear()  # rolled back: nothing of the file was kept
        report.unchanged.clear()
    except (OSError, DBAPIError) as exc:
        sheet, row = imp.at
        problem = getattr(exc, "strerror", None) or getattr(exc, "orig", None) or exc
        raise InspectorError(t(
            "{file}: stopped at {sheet} row {row}: {problem}; nothing was imported",
            file=path.name, sheet=sheet or "-", row=row, problem=problem,
        )) from exc
    order = list(SHEET_ORDER)
    report.errors.sort(key=lambda e: (order.index(e.sheet) if e.sheet in order else 9, e.row))
    logger.info("Imported records from %s: %s", path.name, report.summary())
    return report


def write_template(ctx: Context, out: Path | str, *, force: bool = False) -> Path:
    """The empty records template (anyone may ask for it)."""
    from inspector_app.reports.records_xlsx import write_template as write

    return write(out, force=force)
