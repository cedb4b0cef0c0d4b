"""Cell values no spreadsheet evaluates, and a write-only sheet writer with a styled header."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

logger = logging.getLogger(__name__)

#: First characters that make a spreadsheet program read text as a formula (or DDE).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Excel's limit on the characters in one cell.
EXCEL_MAX_CHARS = 32_767
#: Appended to text that was cut at EXCEL_MAX_CHARS.
TRUNCATION_MARK = "…[truncated]"
#: Characters XML 1.0 forbids (openpyxl refuses them), lone surrogates and non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Text that OOXML readers would decode as an escaped character (_x0041_ -> "A").
_OOXML_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
#: Number formats per column kind.
NUMBER_FORMATS = {
    "int": "0",
    "number": "#,##0.00",
    "hours": "0.0",
    "percent": "0.0%",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
HEADER_FILL = "2F4B6E"


#: Anything clean_text would change (checked first: most text needs nothing).
_NEEDS_CLEANING = re.compile(f"{_ILLEGAL.pattern}|{_OOXML_ESCAPE.pattern}")


def clean_text(text: str) -> str:
    """Text without XML-forbidden characters, OOXML escapes protected, cut to Excel's limit."""
    if len(text) <= EXCEL_MAX_CHARS and not _NEEDS_CLEANING.search(text):
        return text
    s = _ILLEGAL.sub("", text)
    s = _OOXML_ESCAPE.sub(r"_x005F_\1", s)
    if len(s) > EXCEL_MAX_CHARS:
        s = s[: EXCEL_MAX_CHARS - len(TRUNCATION_MARK)]
        # Do not leave half an escape sequence at the cut.
        cut = s.rfind("_x005F_", len(s) - 13)
        if cut != -1:
            s = s[:cut]
        s += TRUNCATION_MARK
    return s


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could evaluate `text` (or its start) as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def plain_value(value: Any) -> Any:
    """A value openpyxl stores with its real type: numbers, dates, booleans, text.

    Aware datetimes are shown in local time (spreadsheets have no time zones); enums become
    their value; NaN and infinities become empty cells.
    """
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value
    if isinstance(value, (date, time)):
        return value
    if isinstance(value, Enum):
        value = value.value
    return clean_text(value if isinstance(value, str) else str(value))


def guard_cell(cell: Cell) -> Cell:
    """Make a cell whose text looks like a formula a plain string, kept as text when edited."""
    if isinstance(cell.value, str) and (cell.data_type == "f" or looks_like_formula(cell.value)):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def assign(cell: Cell, value: Any, number_format: str | None = None) -> Cell:
    """Put `value` into a (normal-mode) cell safely: typed, cleaned, never a formula."""
    cell.value = plain_value(value)
    guard_cell(cell)
    if number_format and cell.value is not None and not isinstance(cell.value, str):
        cell.number_format = number_format
    return cell


def safe_value(ws: Any, raw: Any, fmt: str | None = None) -> Any:
    """One value for a write-only row: typed, formula-like text guarded, `fmt` applied.

    Plain values go through as they are (cheap); a cell object is made only for values that
    need a number format or a guard. A cell object passed in is kept as it is.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell

    if raw is None or (type(raw) is int and not fmt) or isinstance(raw, Cell):
        return raw
    value = clean_text(raw) if type(raw) is str else plain_value(raw)
    if isinstance(value, str):
        return guard_cell(WriteOnlyCell(ws, value=value)) if looks_like_formula(value) else value
    if fmt and value is not None:
        c = WriteOnlyCell(ws, value=value)
        c.number_format = fmt
        return c
    return value


def safe_row(ws: Any, values: Sequence[Any], formats: Sequence[str | None] = ()) -> list[Any]:
    """A row for a write-only sheet: `safe_value` of each value with its column's format."""
    n_formats = len(formats)
    return [
        safe_value(ws, raw, formats[i] if i < n_formats else None) for i, raw in enumerate(values)
    ]


@dataclass(frozen=True)
class Column:
    """One column of an exported sheet: header, width in characters, kind of value."""

    header: str
    width: float = 14
    kind: str = "text"  # text, int, number, hours, percent, date, datetime


class SheetWriter:
    """Rows into a write-only sheet: header styled and frozen, autofilter over the data."""

    def __init__(self, workbook: Workbook, title: str, columns: Sequence[Column]) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font, PatternFill
        from openpyxl.utils import get_column_letter

        from inspector_app.reports.xlsx_rows import add_typed_sheet

        self.columns = list(columns)
        self._formats = [NUMBER_FORMATS.get(c.kind) for c in self.columns]
        self.ws = add_typed_sheet(workbook, sheet_title(title), self._formats)
        for i, col in enumerate(self.columns, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = col.width
        self.ws.freeze_panes = "A2"
        # Printed: landscape, all columns across one page width, the header on every page.
        self.ws.page_setup.orientation = "landscape"
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.print_title_rows = "1:1"
        header = []
        for col in self.columns:
            c = WriteOnlyCell(self.ws, value=plain_value(col.header))
            c.font = Font(bold=True, color="FFFFFF")
            c.fill = PatternFill("solid", fgColor=HEADER_FILL)
            c.alignment = Alignment(vertical="center", wrap_text=True)
            header.append(guard_cell(c))
        self.ws.append(header)
        self.rows = 0

    def append(self, values: Sequence[Any]) -> None:
        # The sheet types and guards the values itself (see xlsx_rows.TypedRowSheet).
        self.ws.append(values if isinstance(values, (list, tuple)) else list(values))
        self.rows += 1

    def close(self) -> None:
        """Set the autofilter over the header and every row written."""
        from openpyxl.utils import get_column_letter

        last = get_column_letter(max(len(self.columns), 1))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def sheet_title(title: str) -> str:
    """A valid sheet name: no []:*?/\\, at most 31 characters, never empty."""
    s = re.sub(r"[\[\]:*?/\\]", " ", clean_text(title)).strip("' ")[:31]
    return s or "Sheet"


def new_workbook() -> Workbook:
    """A write-only workbook (rows stream to disk; memory stays flat)."""
    from openpyxl import Workbook

    return Workbook(write_only=True)


def write_sheet(
    workbook: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]]
) -> int:
    """Write all `rows` into a new sheet; returns how many were written."""
    writer = SheetWriter(workbook, title, columns)
    for row in rows:
        writer.append(row)
    writer.close()
    return writer.rows


def stamp_workbook(workbook: Workbook) -> None:
    """Name the program and its version in the workbook's properties (docProps/core.xml)."""
    from inspector_app.version import app_version, producer

    props = workbook.properties
    props.creator = producer()
    props.lastModifiedBy = producer()
    props.version = app_version()


def save_workbook(workbook: Workbook, out: Path | str, *, force: bool = False) -> Path:
    """Save through a temporary file renamed into place (see output_file): never half a file.

    An existing `out` is refused unless `force`.
    """
    from inspector_app.reports.output_file import output_file

    stamp_workbook(workbook)
    with output_file(out, force=force) as tmp:
        workbook.save(tmp)
    return Path(out).expanduser()


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: East Asian wide characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def row_height(values: Sequence[Any], widths: Sequence[float], line_points: float = 15) -> float:
    """A row height (points) that shows every wrapped text cell whole, at most Excel's 409."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and value:
            per_line = max(1.0, width * 1.1)
            n = sum(
                max(1, math.ceil(_display_width(part) / per_line)) for part in value.split("\n")
            )
            lines = max(lines, n)
    return min(409.0, lines * line_points)
