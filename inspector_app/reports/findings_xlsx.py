"""The findings workbook: Summary, Findings, Cases and Merchants sheets, streamed write-only."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.messages import t
from inspector_app.reports.progress import Job, Progress
from inspector_app.reports.xlsx_safe import (
    Column,
    SheetWriter,
    new_workbook,
    save_workbook,
    sheet_title,
)

logger = logging.getLogger(__name__)

#: Rows written between two progress reports.
PROGRESS_EVERY = 5_000
#: The mark of the internal workbook, in its file name and on every sheet: it holds order
#: numbers, prices and inspectors' merchants, and is never sent to a merchant.
INTERNAL = "内部"
#: Sheet titles of the internal workbook.
SUMMARY_SHEET = f"Summary {INTERNAL}"
FINDINGS_SHEET = f"Findings {INTERNAL}"
CASES_SHEET = f"Cases {INTERNAL}"
MERCHANTS_SHEET = f"Merchants {INTERNAL}"
#: Printed at the top of every page of every sheet.
INTERNAL_HEADER = "INTERNAL 内部 — not for merchants 不得发给商家"


def internal_name(out: Path | str) -> Path:
    """`out` with the internal mark in its file name ("findings.xlsx" -> "findings-内部.xlsx")."""
    out = Path(out)
    if INTERNAL in out.stem:
        return out
    return out.with_name(f"{out.stem}-{INTERNAL}{out.suffix or '.xlsx'}")


def _mark_internal(ws: Any) -> None:
    ws.HeaderFooter.oddHeader.center.text = INTERNAL_HEADER
    ws.sheet_properties.tabColor = "C00000"

FINDING_COLUMNS = [
    Column("Finding id", 10, "int"),
    Column("Recorded", 17, "datetime"),
    Column("Shop id", 14),
    Column("Merchant", 26),
    Column("Order number", 18),
    Column("Ordered", 12, "date"),
    Column("Product", 30),
    Column("Brand", 16),
    Column("Product category", 16),
    Column("Category", 18),
    Column("Severity", 10),
    Column("Title", 36),
    Column("Description", 50),
    Column("Expected", 30),
    Column("Observed", 30),
    Column("Rule broken", 22),
    Column("Case number", 15),
    Column("Case status", 14),
    Column("Price paid", 11, "number"),
]
CASE_COLUMNS = [
    Column("Case number", 15),
    Column("Shop id", 14),
    Column("Merchant", 26),
    Column("Status", 14),
    Column("Opened", 17, "datetime"),
    Column("Due date", 12, "date"),
    Column("Overdue", 9),
    Column("Findings", 9, "int"),
    Column("Notified", 17, "datetime"),
    Column("First response", 17, "datetime"),
    Column("Closed", 17, "datetime"),
    Column("Hours to response", 10, "hours"),
    Column("Hours to closure", 10, "hours"),
    Column("Response", 40),
    Column("Root cause", 30),
    Column("Corrective action", 30),
    Column("Preventive action", 30),
    Column("Response date", 12, "date"),
    Column("Re-check result", 12),
    Column("Summary", 36),
]
MERCHANT_COLUMNS = [
    Column("Shop id", 14),
    Column("Merchant", 28),
    Column("Category", 16),
    Column("Key merchant", 10),
    Column("Status", 12),
    Column("Findings", 10, "int"),
    Column("Critical", 9, "int"),
    Column("Open cases", 10, "int"),
    Column("Overdue cases", 10, "int"),
    Column("Closed cases", 10, "int"),
    Column("Orders, last 12 months 近12个月订单量", 14, "int"),
    Column("After-sales rate 售后率", 10, "percent"),
]


@dataclass
class FindingsSummary:
    """The Summary sheet's figures (label, value) and breakdowns (heading, [(label, n)])."""

    figures: list[tuple[str, Any]]
    breakdowns: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)


@dataclass
class FindingsExport:
    """What to write: filter description for the Summary, row sources and their counts.

    Each `*_rows` is an iterable of row sequences in column order; the services hand
    generators that read the database in chunks, so the rows are never all in memory.
    The counts only drive the progress bar. `summary` is called once every row has been
    written: the services tally the figures from the rows as they pass, so the Summary
    always agrees with the sheets (and needs no queries of its own).
    """

    title: str
    filters: list[tuple[str, Any]]
    finding_count: int
    finding_rows: Iterable[Sequence[Any]]
    case_count: int
    case_rows: Iterable[Sequence[Any]]
    merchant_rows: Iterable[Sequence[Any]]
    summary: Callable[[], FindingsSummary]


def _summary(ws: Any, export: FindingsExport) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from inspector_app.reports.xlsx_safe import plain_value, safe_row

    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 24
    summary = export.summary()

    def bold(text: str) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=plain_value(text))
        c.font = Font(bold=True, size=12)
        return c

    ws.append([bold(export.title)])
    ws.append([bold(INTERNAL_HEADER)])
    ws.append([])
    for label, value in [*export.filters, (None, None), *summary.figures]:
        if label is None:
            ws.append([])
            continue
        ws.append(safe_row(ws, [label, value]))
    for heading, items in summary.breakdowns:
        ws.append([])
        ws.append([bold(heading)])
        for label, n in items:
            ws.append(safe_row(ws, [label, n]))


def _rows(
    writer: SheetWriter,
    rows: Iterable[Sequence[Any]],
    total: int,
    base: int,
    grand: int,
    label: str,
) -> Iterator[Progress]:
    for i, row in enumerate(rows, 1):
        writer.append(row)
        if i % PROGRESS_EVERY == 0:
            yield Progress(base + min(i, total), grand, t(
                "{sheet}: {done} of {total} rows", sheet=label, done=f"{i:,}", total=f"{total:,}"
            ))
    writer.close()


def write_findings_workbook(
    export: FindingsExport, out: Path | str, *, force: bool = False
) -> Job[Path]:
    """Stream the four sheets into a write-only workbook; yields Progress, returns the path."""
    wb = new_workbook()
    grand = export.finding_count + export.case_count + 1
    # The Summary stays the first tab but is filled last, from the figures tallied while the
    # rows streamed (each write-only sheet streams to its own file, in any order).
    summary = wb.create_sheet(sheet_title(SUMMARY_SHEET))
    _mark_internal(summary)
    yield Progress(0, grand, t("Findings"))
    findings = SheetWriter(wb, FINDINGS_SHEET, FINDING_COLUMNS)
    _mark_internal(findings.ws)
    yield from _rows(findings, export.finding_rows, export.finding_count, 0, grand, t("Findings"))
    cases = SheetWriter(wb, CASES_SHEET, CASE_COLUMNS)
    _mark_internal(cases.ws)
    yield from _rows(
        cases, export.case_rows, export.case_count, export.finding_count, grand, t("Cases")
    )
    merchants = SheetWriter(wb, MERCHANTS_SHEET, MERCHANT_COLUMNS)
    _mark_internal(merchants.ws)
    yield from _rows(merchants, export.merchant_rows, 0, grand - 1, grand, t("Merchants"))
    yield Progress(grand - 1, grand, t("Summary"))
    _summary(summary, export)
    yield Progress(grand - 1, grand, t("Saving the workbook"))
    wb.properties.title = "Findings export (internal 内部)"
    wb.properties.keywords = "internal 内部"
    path = save_workbook(wb, out, force=force)
    logger.info("Findings workbook: %d findings, %d cases", findings.rows, cases.rows)
    yield Progress(grand, grand, t("Done"))
    return path
