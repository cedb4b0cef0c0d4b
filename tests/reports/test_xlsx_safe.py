"""Spreadsheet-safe cell values: formula-like text stays text, types stay typed."""

from __future__ import annotations

import csv
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from inspector_app.domain.enums import Severity
from inspector_app.reports.xlsx_safe import (
    EXCEL_MAX_CHARS,
    TRUNCATION_MARK,
    Column,
    clean_text,
    new_workbook,
    save_workbook,
    write_sheet,
)

HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "=cmd|' /C calc'!A0",
    "＝1+1",
]
COLUMNS = [
    Column("Text", 30),
    Column("Date", 12, "date"),
    Column("When", 18, "datetime"),
    Column("Count", 8, "int"),
    Column("Price", 10, "number"),
    Column("Severity", 10),
]


def _write(path, rows):
    wb = new_workbook()
    n = write_sheet(wb, "Findings: [all]", COLUMNS, rows)
    save_workbook(wb, path)
    return n


def test_formula_like_text_stays_text_and_types_stay_typed(tmp_path):
    when = datetime(2026, 10, 3, 8, 30, tzinfo=UTC)
    rows = [[s, date(2026, 10, 1), when, 3, Decimal("12.50"), Severity.MAJOR] for s in HOSTILE]
    rows.append(["bell\x07 null\x00 ok", None, None, 0, 1.5, None])
    rows.append(["x" * 40_000, None, None, None, float("nan"), None])
    out = tmp_path / "safe.xlsx"
    assert _write(out, rows) == len(rows)

    ws = load_workbook(out)["Findings   all"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:F{len(rows) + 1}"
    assert ws["A1"].font.b
    for i, s in enumerate(HOSTILE, start=2):
        c = ws.cell(i, 1)
        assert c.value == s and c.data_type == "s", s
        assert c.quotePrefix
        assert isinstance(ws.cell(i, 2).value, datetime)  # openpyxl reads dates as datetimes
        assert ws.cell(i, 2).number_format == "yyyy-mm-dd"
        assert ws.cell(i, 3).value == when.astimezone().replace(tzinfo=None)
        assert ws.cell(i, 4).value == 3 and ws.cell(i, 4).data_type == "n"
        assert ws.cell(i, 5).value == 12.5 and ws.cell(i, 5).data_type == "n"
        assert ws.cell(i, 6).value == "major"
    n = len(HOSTILE) + 2
    assert ws.cell(n, 1).value == "bell null ok"
    long = ws.cell(n + 1, 1).value
    assert len(long) == EXCEL_MAX_CHARS and long.endswith(TRUNCATION_MARK)
    assert ws.cell(n + 1, 5).value is None


def test_clean_text_protects_ooxml_escapes():
    assert clean_text("_x0041_") == "_x005F_x0041_"
    assert clean_text("a\x0bb\x1fc") == "abc"


@pytest.mark.slow
@pytest.mark.needs_soffice
def test_libreoffice_shows_formula_like_text_without_computing(tmp_path):
    out = tmp_path / "safe.xlsx"
    _write(out, [[s, date(2026, 10, 1), None, 7, 2.25, "中文 文本"] for s in HOSTILE])
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (tmp_path / "safe.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:2] == ["Text", "Date"]
    for s, row in zip(HOSTILE, rows[1:], strict=True):
        assert row[0] == s  # shown as typed, not computed ("2") nor an error
        assert row[1] == "2026-10-01" and row[3] == "7" and row[4] == "2.25"
        assert row[5] == "中文 文本"
