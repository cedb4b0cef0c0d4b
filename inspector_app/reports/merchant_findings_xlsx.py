"""The findings workbook a merchant may receive: notified findings only, nothing about the buyer.

Each finding is identified by its notice (the case number) and its number in the case;
there is no order number, order time, price paid, inspector, buyer, internal status or
flag. The writer takes the merchant's PrivacyGate: every text passes it, and the file is
published through it (scanned before it gets its name). See docs/privacy.md.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.reports import labels
from inspector_app.reports.privacy_gate import ExportedFile, PrivacyGate
from inspector_app.reports.xlsx_safe import assign, row_height, save_workbook

logger = logging.getLogger(__name__)

COLUMNS = [
    ("Notice (case) 通知/案件", 16),
    ("No. 编号", 7),
    ("Notified 通知日期", 12),
    ("Reply / rectify by 期限", 12),
    ("Case status 案件状态", 16),
    ("Product 商品", 30),
    ("Category 类别", 22),
    ("Severity 严重程度", 12),
    ("Title 标题", 32),
    ("Description 问题描述", 44),
    ("Expected 应为", 28),
    ("Observed 实际", 28),
    ("Rule broken 违反标准", 20),
]


@dataclass(frozen=True)
class MerchantFinding:
    case_number: str
    number: str  # the finding's number in its case, as the notice prints it
    notified_on: date | None
    due_date: date | None
    case_status: str
    product: str
    category: str
    severity: str
    title: str
    description: str
    expected: str
    observed: str
    rule_ref: str


@dataclass(frozen=True)
class MerchantFindings:
    organisation: str
    shop_id: str
    merchant_name: str
    generated_on: date
    findings: list[MerchantFinding]


def write_merchant_findings(
    data: MerchantFindings, out: Path | str, gate: PrivacyGate, *, force: bool = False
) -> ExportedFile:
    """Write the merchant's findings workbook through `gate`; returns the published path."""
    if not isinstance(gate, PrivacyGate):
        raise TypeError("a merchant-facing workbook needs the merchant's PrivacyGate")
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Findings 问题"
    wrap = Alignment(wrap_text=True, vertical="top")
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="2F4B6E")
    title = f"{gate.meta(data.merchant_name, 80)} ({gate.meta(data.shop_id, 40)})"
    assign(ws.cell(1, 1), f"Findings notified to {title} 已通知问题").font = Font(bold=True, size=12)
    assign(ws.cell(2, 1), f"{gate.meta(data.organisation)} · {data.generated_on.isoformat()}")
    widths = [w for _, w in COLUMNS]
    for col, (header, width) in enumerate(COLUMNS, 1):
        c = assign(ws.cell(4, col), header)
        c.font, c.fill, c.alignment = head_font, head_fill, wrap
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, f in enumerate(data.findings, 5):
        values: list[Any] = [
            f.case_number,
            f.number,
            f.notified_on,
            f.due_date,
            labels.case_status(f.case_status),
            gate.text(f.product),
            labels.category(f.category),
            labels.severity(f.severity),
            gate.text(f.title),
            gate.text(f.description),
            gate.text(f.expected),
            gate.text(f.observed),
            gate.text(f.rule_ref),
        ]
        for col, v in enumerate(values, 1):
            assign(ws.cell(r, col), v, "yyyy-mm-dd" if col in (3, 4) else None).alignment = wrap
        ws.row_dimensions[r].height = row_height(values, widths)
    ws.freeze_panes = "C5"
    ws.auto_filter.ref = f"A4:{get_column_letter(len(COLUMNS))}{max(5, len(data.findings) + 4)}"
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "4:4"
    wb.properties.creator = gate.meta(data.organisation)
    wb.properties.lastModifiedBy = gate.meta(data.organisation)
    wb.properties.title = gate.meta(f"Findings notified to {data.merchant_name}")
    return gate.publish(out, "xlsx", lambda tmp: save_workbook(wb, tmp, force=True), force=force)
