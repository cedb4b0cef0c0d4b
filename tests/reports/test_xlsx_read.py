"""Reading untrusted workbooks: bombs refused, broken files explained, rows read loosely."""

from __future__ import annotations

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from inspector_app.domain.errors import InspectorError
from inspector_app.reports.xlsx_read import (
    as_date,
    as_decimal,
    as_int,
    as_text,
    open_workbook,
    read_sheet,
)
from inspector_app.reports.xlsx_safe import Column, new_workbook, save_workbook, write_sheet

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>"""


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.xlsx"
    wb = new_workbook()
    write_sheet(
        wb,
        "Responses",
        [Column("Case number"), Column("Response"), Column("Date", kind="date")],
        [
            ["RC-2026-0001", "=fixed", date(2026, 10, 2)],
            [None, None, None],
            ["RC-2026-0002", "_x0041_ literal", "2026/10/03"],
        ],
    )
    return save_workbook(wb, path)


def _rewrite(src, dst, replace: dict[str, bytes]):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item.filename, replace.get(item.filename, zin.read(item.filename)))
    return dst


def test_defusedxml_is_active():
    assert openpyxl.DEFUSEDXML is True


def test_reads_rows_by_loose_header(good):
    with open_workbook(good) as wb:
        rows = list(read_sheet(wb, "responses", ["case NUMBER", "Response"], ["Date", "Nope"]))
    assert [r.number for r in rows] == [2, 4]
    assert rows[0].values == {
        "case NUMBER": "RC-2026-0001",
        "Response": "=fixed",
        "Date": datetime(2026, 10, 2),
    }
    assert rows[1].get("Response") == "_x0041_ literal"
    assert as_date(rows[1].get("Date")) == date(2026, 10, 3)


def test_missing_sheet_and_columns(good):
    with open_workbook(good) as wb:
        with pytest.raises(InspectorError, match="no sheet 'Findings'.*Responses"):
            list(read_sheet(wb, "Findings", ["x"]))
        with pytest.raises(InspectorError, match="lacks the column: Checksum"):
            list(read_sheet(wb, "Responses", ["Case number", "Checksum"]))
        with pytest.raises(InspectorError, match="lacks the columns: Checksum.*Digest"):
            list(read_sheet(wb, "Responses", ["Case number", "Checksum", "Digest"]))


def test_renamed_text_file(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("just some text, not a workbook\n")
    with pytest.raises(InspectorError, match="not an Excel workbook"), open_workbook(bad):
        pass


def test_old_xls_and_missing_file(tmp_path):
    xls = tmp_path / "old.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(InspectorError, match="old .xls"), open_workbook(xls):
        pass
    with pytest.raises(InspectorError, match="does not exist"), open_workbook(tmp_path / "no.xlsx"):
        pass


def test_truncated_file(good, tmp_path):
    cut = tmp_path / "cut.xlsx"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InspectorError, match="cut.xlsx"), open_workbook(cut) as wb:
        list(read_sheet(wb, "Responses", ["Case number"]))


def test_zip_of_something_else(tmp_path):
    z = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(InspectorError, match="not an Excel workbook"), open_workbook(z):
        pass


def test_zip_bomb_is_refused(good, tmp_path):
    bomb = _rewrite(good, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": b" " * 40_000_000})
    with pytest.raises(InspectorError, match="zip bomb"), open_workbook(bomb):
        pass


def test_entity_bomb_is_refused(good, tmp_path):
    bomb = _rewrite(
        good, tmp_path / "lol.xlsx", {"xl/worksheets/sheet1.xml": BILLION_LAUGHS.encode()}
    )
    with pytest.raises(InspectorError, match="entity"), open_workbook(bomb) as wb:
        list(read_sheet(wb, "Responses", ["Case number"]))


def test_converters():
    assert as_text(12345.0) == "12345" and as_text("  x ") == "x"
    with pytest.raises(ValueError, match="empty"):
        as_text(" ", required=True)
    assert as_int("42") == 42 and as_int(3.0) == 3 and as_int(None) is None
    with pytest.raises(ValueError, match="whole number"):
        as_int("4.5")
    with pytest.raises(ValueError, match="not a date"):
        as_date("tomorrow")
    assert str(as_decimal("1,234.50")) == "1234.50"
