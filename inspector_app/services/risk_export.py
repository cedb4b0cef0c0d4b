"""The merchant risk ranking as an Excel workbook (formula-safe), written as a progress generator."""

from __future__ import annotations

import logging
from collections.abc import Generator, Sequence
from pathlib import Path

from inspector_app.domain.risk import WEIGHTS, Factor, weights_markdown
from inspector_app.services.risk import RiskRow

logger = logging.getLogger(__name__)

#: (header, RiskRow attribute, width, kind) of each exported column.
COLUMNS: tuple[tuple[str, str, float, str], ...] = (
    ("Shop ID", "shop_id", 14, "text"),
    ("Merchant", "name", 28, "text"),
    ("Category", "category", 12, "text"),
    ("Key merchant", "key_merchant", 8, "text"),
    ("Status", "status", 10, "text"),
    ("Risk score", "score", 10, "number"),
    ("Candidate", "candidate", 11, "text"),
    ("Why", "reason", 48, "text"),
    ("Complaints", "complaints", 10, "int"),
    ("Complaints / month", "complaint_rate", 11, "number"),
    ("After-sales", "after_sales", 10, "int"),
    ("After-sales / month", "after_sales_rate", 11, "number"),
    ("Timed work orders", "timed", 10, "int"),
    ("Median handling (h)", "duration_median", 11, "hours"),
    ("P90 handling (h)", "duration_p90", 11, "hours"),
    ("Over 24 h", "share_over_24h", 9, "percent"),
    ("Over 48 h", "share_over_48h", 9, "percent"),
    ("Over 72 h", "share_over_72h", 9, "percent"),
    ("Inspected purchases", "inspected", 10, "int"),
    ("Failed", "failed", 8, "int"),
    ("Defect rate", "defect_rate", 9, "percent"),
    ("Overdue rectifications", "overdue_cases", 11, "int"),
)
#: Rows between two progress reports.
STEP = 500


def export_ranking(
    rows: Sequence[RiskRow], out: Path | str, *, force: bool = False
) -> Generator[tuple[int, int, str], None, Path]:
    """Write the ranking (and a sheet explaining the weights) to `out`; yields (done, total, label)."""
    from inspector_app.reports.output_file import claim_output
    from inspector_app.reports.xlsx_safe import Column, SheetWriter, new_workbook, save_workbook

    claim_output(out, force=force)
    wb = new_workbook()
    sheet = SheetWriter(wb, "Risk", [Column(h, w, kind) for h, _, w, kind in COLUMNS])
    total = len(rows)
    for i, row in enumerate(rows, 1):
        sheet.append(
            [
                ("yes" if getattr(row, attr) else "no")
                if attr == "key_merchant"
                else getattr(row, attr)
                for _, attr, _, _ in COLUMNS
            ]
        )
        if i % STEP == 0:
            yield i, total, f"{i} / {total}"
    sheet.close()
    weights = SheetWriter(wb, "Weights", [Column("Factor", 24), Column("Weight", 8, "int")])
    for factor in Factor:
        weights.append([factor.value, WEIGHTS[factor]])
    weights.close()
    notes = SheetWriter(wb, "How the score is built", [Column("", 140)])
    for line in weights_markdown().splitlines():
        notes.append([line])
    notes.close()
    path = save_workbook(wb, out, force=force)
    yield total, total, str(path)
    return path
