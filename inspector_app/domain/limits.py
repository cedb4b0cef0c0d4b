"""Limits every input is held to, stated in the messages that enforce them (README: Limits)."""

from __future__ import annotations

from datetime import UTC, datetime

#: Dates before FIRST_YEAR or after LAST_YEAR are refused (a typo, not a real inspection).
FIRST_YEAR = 2000
LAST_YEAR = 2100
#: The earliest and latest instants accepted, as aware UTC datetimes.
EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
LATEST = datetime(LAST_YEAR, 12, 31, 23, 59, 59, tzinfo=UTC)
#: Longest cell of an imported file, in characters (a response text is the longest field).
MAX_CELL_CHARS = 32_767
#: Most data rows one imported file may have (an Excel sheet's row limit, minus its header).
MAX_IMPORT_ROWS = 1_048_575
#: Largest file an import reads (a CSV of MAX_IMPORT_ROWS full rows stays well below).
MAX_IMPORT_BYTES = 2_000_000_000
#: Largest real UTC offset, in minutes (UTC+14:00, Kiribati); the smallest is -12:00.
MAX_OFFSET_MINUTES = 14 * 60
MIN_OFFSET_MINUTES = -12 * 60


def in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR
