"""The typed write-only sheet writes the same cells as the general safe_row path, faster."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime, time
from decimal import Decimal
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from inspector_app.domain.enums import CaseStatus, Severity
from inspector_app.reports.xlsx_safe import (
    NUMBER_FORMATS,
    Column,
    SheetWriter,
    new_workbook,
    safe_row,
    save_workbook,
)

COLUMNS = [
    Column("Id", 8, "int"),
    Column("When", 17, "datetime"),
    Column("Day", 12, "date"),
    Column("Text", 30),
    Column("Price", 10, "number"),
    Column("Hours", 8, "hours"),
    Column("Share", 8, "percent"),
]
WHEN = datetime(2026, 10, 3, 8, 30, tzinfo=UTC)
ROWS = [
    [1, WHEN, date(2026, 10, 1), "中文 文本", Decimal("12.50"), 1.25, 0.5],
    [2, datetime(2026, 1, 2, 3, 4), date(2026, 1, 2), "=1+1", Decimal("0"), 0.0, 1],
    [3, None, None, "+SUM(A1)", Decimal("NaN"), float("nan"), float("inf")],
    [4, WHEN, WHEN, Severity.CRITICAL, 7, 3, Decimal("0.25")],
    [5, date(2026, 2, 3), "2026-02-03", CaseStatus.CLOSED, 1.5, None, None],
    # Values of unexpected types and places: the general path decides.
    [True, "text in a number column", date(2026, 3, 4), time(8, 15), "12", -1, False],
    [date(2026, 4, 5), 7, 8.5, WHEN, None, "@x", "\uff1d1"],
    [6, None, None, "", '=HYPERLINK("http://evil.example")', None, None, "extra", 9, WHEN],
    [7, None, None, "bell\x07 _x0041_ ok", None, None, None],
]


def _reference(path, rows):
    """The same sheet through openpyxl's own write-only append and safe_row (the old path)."""
    wb = new_workbook()
    ws = wb.create_sheet("Findings")
    ws.append([c.header for c in COLUMNS])
    formats = [NUMBER_FORMATS.get(c.kind) for c in COLUMNS]
    for row in rows:
        ws.append(safe_row(ws, row, formats))
    save_workbook(wb, path)


def _typed(path, rows):
    wb = new_workbook()
    writer = SheetWriter(wb, "Findings", COLUMNS)
    for row in rows:
        writer.append(row)
    writer.close()
    save_workbook(wb, path)


def _cells(path):
    ws = load_workbook(path)["Findings"]
    return {
        c.coordinate: (c.value, c.data_type, c.number_format, bool(c.quotePrefix))
        for row in ws.iter_rows(min_row=2)
        for c in row
        if c.value is not None or c.has_style
    }


def test_typed_rows_match_the_general_path(tmp_path):
    _reference(tmp_path / "ref.xlsx", ROWS)
    _typed(tmp_path / "typed.xlsx", ROWS)
    ref, typed = _cells(tmp_path / "ref.xlsx"), _cells(tmp_path / "typed.xlsx")
    assert typed == ref
    # And what they hold, read back.
    assert typed["A2"] == (1, "n", "0", False)
    assert typed["B2"] == (WHEN.astimezone().replace(tzinfo=None), "d", "yyyy-mm-dd hh:mm", False)
    assert typed["C2"][1:3] == ("d", "yyyy-mm-dd")
    assert typed["D2"] == ("中文 文本", "s", "General", False)
    assert typed["E2"] == (12.5, "n", "#,##0.00", False)
    assert typed["D3"] == ("=1+1", "s", "General", True)
    assert typed["D4"] == ("+SUM(A1)", "s", "General", True)
    assert "E4" not in typed and "F4" not in typed and "G4" not in typed  # NaN, inf: empty
    assert typed["D5"] == ("critical", "s", "General", False)
    assert typed["G8"] == ("＝1", "s", "General", True)
    assert typed["J9"][1] == "d" and typed["H9"] == ("extra", "s", "General", False)
    assert typed["D10"] == ("bell _x005F_x0041_ ok", "s", "General", False)


def test_typed_sheet_keeps_header_style_and_error_code_text(tmp_path):
    out = tmp_path / "typed.xlsx"
    wb = new_workbook()
    writer = SheetWriter(wb, "Findings", [Column("Text", 20), Column("N", 8, "int")])
    bold = WriteOnlyCell(writer.ws, value="made by hand")
    bold.font = Font(italic=True)
    writer.append(["#N/A", 3])
    writer.append([bold, None])
    writer.close()
    save_workbook(wb, out)
    ws = load_workbook(out)["Findings"]
    assert ws["A1"].font.b and ws["A1"].value == "Text"
    assert ws["A3"].font.i and ws["A3"].value == "made by hand"
    assert ws.auto_filter.ref == "A1:B3"
    # A user's "#N/A" is text, not Excel's error value (openpyxl's own append makes it one).
    with zipfile.ZipFile(out) as z:
        sheet = ElementTree.fromstring(z.read("xl/worksheets/sheet1.xml"))
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    a2 = sheet.find(".//m:c[@r='A2']", ns)
    assert a2.get("t") == "inlineStr" and a2.find(".//m:t", ns).text == "#N/A"


def test_typed_sheet_streams_many_rows_with_few_styles(tmp_path):
    out = tmp_path / "many.xlsx"
    wb = new_workbook()
    writer = SheetWriter(wb, "Findings", COLUMNS)
    for i in range(3000):
        writer.append([i, WHEN, date(2026, 1, 1), f"=row {i}", Decimal(i) / 100, i / 7, 0.1])
    writer.close()
    save_workbook(wb, out)
    ws = load_workbook(out, read_only=True)["Findings"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 3000 and rows[-1][0] == 2999 and rows[-1][3] == "=row 2999"
    assert rows[1234][4] == 12.34
    # One cell style per column format (plus header and guard), not one per cell.
    assert len(wb._cell_styles) < 12
