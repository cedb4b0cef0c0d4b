"""A write-only sheet that types its own rows: one prepared cell style per column, reused."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles.numbers import is_date_format
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from inspector_app.reports.xlsx_safe import FORMULA_TRIGGERS, clean_text, safe_value

logger = logging.getLogger(__name__)


class _Column:
    """The reusable cells of one column: a plain one for text, one carrying the column's
    number format for numbers and dates, one quote-prefixed for formula-like text."""

    __slots__ = ("text", "typed", "guarded", "fmt", "dates")

    def __init__(self, ws: WriteOnlyWorksheet, column: int, fmt: str | None) -> None:
        self.fmt = fmt
        self.text = Cell(ws, row=1, column=column)
        self.typed = Cell(ws, row=1, column=column)
        if fmt:
            self.typed.number_format = fmt
        # Dates take the typed cell only where its format shows a date; elsewhere they go
        # the general way (openpyxl then gives them its own date format, as before).
        self.dates = bool(fmt) and is_date_format(fmt)
        self.guarded = Cell(ws, row=1, column=column)
        self.guarded.quotePrefix = True


class TypedRowSheet(WriteOnlyWorksheet):
    """Rows of plain values in, typed and guarded cells out, without a cell object per value.

    openpyxl's write-only append binds each value through `Cell.value` (type sniffing, string
    checks) and makes a fresh cell for every styled one; a ready-made styled cell even
    passes through a raised ValueError first. That made our number-formatted exports a
    third slower than plain ones. Here each column's cells are made once, their style set
    once, and the common types (text, int, float, Decimal, date, datetime, enums) are bound
    straight to them; a row is written before the next is typed, so reusing is safe.
    Anything else goes through `safe_value`, the same rules `safe_row` applies.

    The result is the same as `safe_row`'s, except that text equal to an error code
    ("#N/A") stays text instead of becoming an error value.
    """

    def prepare(self, formats: Sequence[str | None]) -> None:
        self._formats = list(formats)
        self._columns: list[_Column] = []

    def _column(self, index: int) -> _Column:
        while len(self._columns) < index:
            i = len(self._columns)
            fmt = self._formats[i] if i < len(self._formats) else None
            self._columns.append(_Column(self, i + 1, fmt))
        return self._columns[index - 1]

    def _values_to_row(self, values: Sequence[Any], row_idx: int) -> Iterator[Cell]:
        columns = self._columns
        n = len(columns)
        triggers = FORMULA_TRIGGERS
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            col = columns[col_idx - 1] if col_idx <= n else self._column(col_idx)
            kind = type(value)
            if kind is str or (isinstance(value, Enum) and type(value.value) is str):
                value = clean_text(value if kind is str else value.value)
                cell = col.guarded if value.startswith(triggers) else col.text
                cell.data_type = "s"
            elif kind is int or kind is Decimal or kind is float:
                if kind is not int and not _finite(value):
                    continue  # NaN and infinities: an empty cell
                cell = col.typed
                cell.data_type = "n"
            elif (kind is datetime or kind is date) and col.dates:
                if kind is datetime and value.tzinfo is not None:
                    # Spreadsheets have no time zones: shown in local time.
                    value = value.astimezone().replace(tzinfo=None)
                cell = col.typed
                cell.data_type = "d"
            else:
                general = _general_cell(self, value, col_idx, col.fmt)
                if general is not None:
                    general.row = row_idx
                    yield general
                continue
            cell._value = value
            cell.row = row_idx
            yield cell


def _finite(value: float | Decimal) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


def _general_cell(ws: TypedRowSheet, raw: Any, col_idx: int, fmt: str | None) -> Cell | None:
    """A fresh cell for a value of another type, by safe_value's rules (None: no cell)."""
    value = safe_value(ws, raw, fmt)
    if value is None:
        return None
    cell = value if isinstance(value, Cell) else Cell(ws, value=value)
    cell.column = col_idx
    return cell


def add_typed_sheet(workbook: Any, title: str, formats: Sequence[str | None]) -> TypedRowSheet:
    """A new TypedRowSheet at the end of a write-only workbook; `formats` per column."""
    ws = TypedRowSheet(parent=workbook, title=title)
    workbook._add_sheet(ws)  # what create_sheet does with its own write-only class
    ws.prepare(formats)
    return ws
