"""The records import template (merchants, products, purchases, findings) and its reader."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.enums import FindingCategory, Severity, Verdict
from inspector_app.domain.labels import join_list
from inspector_app.domain.messages import t
from inspector_app.reports.xlsx_read import SheetRow, open_workbook, read_sheet
from inspector_app.reports.xlsx_safe import assign, save_workbook

logger = logging.getLogger(__name__)

README = "README"
MERCHANTS, PRODUCTS, PURCHASES, FINDINGS = "Merchants", "Products", "Purchases", "Findings"
#: The order sheets are imported in: each may refer to rows of the sheets before it.
SHEET_ORDER = (MERCHANTS, PRODUCTS, PURCHASES, FINDINGS)


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    required: bool = False
    width: float = 16
    help: str = ""
    choices: tuple[str, ...] = ()
    kind: str = "text"  # text, date, datetime, money


YES_NO = ("yes", "no")
COLUMNS: dict[str, list[TemplateColumn]] = {
    MERCHANTS: [
        TemplateColumn("Shop id", True, 16, "the platform's shop id; one row per merchant"),
        TemplateColumn("Name", True, 28, "the shop's name"),
        TemplateColumn("Category", False, 16, "main product category"),
        TemplateColumn("Contact", False, 24, "contact person or channel"),
        TemplateColumn("Key merchant", False, 12, "yes or no", YES_NO),
    ],
    PRODUCTS: [
        TemplateColumn("Listing id", False, 16, "the platform's listing id; unique when given"),
        TemplateColumn("Name", True, 30, "product (style) name"),
        TemplateColumn("Brand", False, 16, "brand name; created when new"),
        TemplateColumn("Category", False, 16, "product category"),
        TemplateColumn("List price", False, 12, "e.g. 129.90", kind="money"),
    ],
    PURCHASES: [
        TemplateColumn("Order number", True, 18, "the platform order number; the import key"),
        TemplateColumn("Shop id", True, 16, "a merchant of the Merchants sheet or already known"),
        TemplateColumn("Product listing id", False, 16, "a product by listing id"),
        TemplateColumn("Product name", False, 26, "or by name (created when new)"),
        TemplateColumn("Ordered at", True, 17, "date or date and time, local", kind="datetime"),
        TemplateColumn("Price paid", False, 11, "e.g. 129.90", kind="money"),
        TemplateColumn("Received at", False, 17, "date or date and time", kind="datetime"),
        TemplateColumn("Verdict", False, 9, "pass, fail or empty", tuple(v.value for v in Verdict)),
        TemplateColumn("Inspector", False, 18, "display name of an Inspector user"),
        TemplateColumn("Buyer alias", False, 16, "private: never shown to merchants"),
        TemplateColumn("Delivery address", False, 28, "private: never shown to merchants"),
        TemplateColumn("Notes", False, 30, ""),
    ],
    FINDINGS: [
        TemplateColumn("Order number", True, 18, "the purchase the finding belongs to"),
        TemplateColumn(
            "Category",
            True,
            18,
            "one of the listed categories",
            tuple(c.value for c in FindingCategory),
        ),
        TemplateColumn(
            "Severity", True, 10, "critical, major or minor", tuple(s.value for s in Severity)
        ),
        TemplateColumn("Title", True, 32, "short name of the defect"),
        TemplateColumn("Description", False, 40, ""),
        TemplateColumn("Expected", False, 26, "what the listing or standard promises"),
        TemplateColumn("Observed", False, 26, "what arrived"),
        TemplateColumn("Rule broken", False, 20, "standard clause or platform rule"),
    ],
}

README_LINES = [
    "Inspector records import template",
    "",
    "Fill in the sheets Merchants, Products, Purchases and Findings (one row per record) and "
    "import the file with 'inspector import records FILE.xlsx' or from the Reports screen.",
    "Columns marked * are required. Keep the header row as it is; extra columns are ignored.",
    "Importing the same file again adds nothing: merchants are matched by shop id, products by "
    "listing id (or name and brand), purchases by order number, findings by order number, "
    "category and title.",
    "A file is imported whole or not at all: rows with a problem are listed with their sheet, "
    "row number and reason, and then nothing of the file is kept. Fix the listed rows and "
    "import the file again.",
    "A purchase with verdict 'fail' needs at least one row in the Findings sheet.",
    "Dates: use real dates (2026-10-31 or 2026-10-31 14:30), read as local time.",
    "",
]


def write_template(out: Path | str, *, force: bool = False) -> Path:
    """The empty template with a README, styled headers and drop-down lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from inspector_app.reports.output_file import claim_output

    claim_output(out, force=force)
    wb = Workbook()
    readme = wb.active
    readme.title = README
    readme.column_dimensions["A"].width = 24
    readme.column_dimensions["B"].width = 100
    row = 1
    for line in README_LINES:
        assign(readme.cell(row, 1), line).alignment = Alignment(wrap_text=False)
        row += 1
    readme["A1"].font = Font(bold=True, size=14)
    for sheet in SHEET_ORDER:
        assign(readme.cell(row, 1), sheet).font = Font(bold=True)
        row += 1
        for col in COLUMNS[sheet]:
            assign(readme.cell(row, 1), col.header + (" *" if col.required else ""))
            text = col.help + (f" ({', '.join(col.choices)})" if col.choices else "")
            assign(readme.cell(row, 2), text)
            row += 1
        row += 1
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="2F4B6E")
    for sheet in SHEET_ORDER:
        ws = wb.create_sheet(sheet)
        for i, col in enumerate(COLUMNS[sheet], 1):
            letter = get_column_letter(i)
            cell = assign(ws.cell(1, i), col.header)
            cell.font, cell.fill = head_font, head_fill
            ws.column_dimensions[letter].width = col.width
            if col.choices:
                dv = DataValidation(
                    type="list",
                    formula1='"' + ",".join(col.choices) + '"',
                    allow_blank=not col.required,
                    showErrorMessage=True,
                    errorTitle=col.header,
                    error=f"Choose one of: {', '.join(col.choices)}",
                )
                dv.add(f"{letter}2:{letter}10000")
                ws.add_data_validation(dv)
            if col.kind == "datetime":
                for r in range(2, 502):
                    ws.cell(r, i).number_format = "yyyy-mm-dd hh:mm"
        ws.freeze_panes = "A2"
    return save_workbook(wb, out, force=force)


def iter_records(path: Path | str) -> Iterator[tuple[str, Iterator[SheetRow]]]:
    """Each template sheet present, in order, with its rows streamed (a missing sheet is
    skipped). A workbook with none of the four sheets is refused; a present sheet without a
    required column raises InspectorError naming it."""
    from inspector_app.domain.errors import InspectorError

    with open_workbook(path, streaming=True) as wb:
        names = {n.strip().casefold() for n in wb.sheetnames}
        present = [s for s in SHEET_ORDER if s.casefold() in names]
        if not present:
            raise InspectorError(t(
                "{file} has none of the sheets {sheets}; "
                "start from the template ('inspector import template FILE.xlsx')",
                file=Path(path).name, sheets=join_list(SHEET_ORDER),
            ))
        for sheet in present:
            cols = COLUMNS[sheet]
            yield sheet, read_sheet(
                wb,
                sheet,
                [c.header for c in cols if c.required],
                [c.header for c in cols if not c.required],
            )


def read_records(path: Path | str) -> dict[str, list[SheetRow]]:
    """The rows of each template sheet present in the workbook (a missing sheet is empty).

    A workbook with none of the four sheets is refused; a present sheet without a required
    column raises InspectorError naming it.
    """
    from inspector_app.domain.errors import InspectorError

    out: dict[str, list[SheetRow]] = {}
    with open_workbook(path) as wb:
        names = {n.strip().casefold() for n in wb.sheetnames}
        present = [s for s in SHEET_ORDER if s.casefold() in names]
        if not present:
            raise InspectorError(t(
                "{file} has none of the sheets {sheets}; "
                "start from the template ('inspector import template FILE.xlsx')",
                file=Path(path).name, sheets=join_list(SHEET_ORDER),
            ))
        for sheet in SHEET_ORDER:
            if sheet not in present:
                out[sheet] = []
                continue
            cols = COLUMNS[sheet]
            out[sheet] = list(
                read_sheet(
                    wb,
                    sheet,
                    [c.header for c in cols if c.required],
                    [c.header for c in cols if not c.required],
                )
            )
    return out
