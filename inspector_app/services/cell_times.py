"""Timestamps in imported cells: Excel serial numbers, datetimes and the ways people type them,
stored as aware UTC (a naive time is local time, or in the zone the import names)."""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Excel's day 0 (serial 1 = 1900-01-01, counting its phantom 1900-02-29).
EXCEL_EPOCH = datetime(1899, 12, 30)
_DATETIME = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.(\d{1,6})\d*)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?"
)
_SERIAL = re.compile(r"\d{1,7}(?:\.\d+)?")


def parse_wall(value: Any) -> datetime | None:
    """A timestamp from a cell as written: naive unless the text carries an offset.

    Accepts datetimes and dates, Excel serial numbers (also as text), and text such as
    2026-10-03 14:05, 2026/10/03 14:05:00, 2026-10-03T14:05+08:00, 2026年10月3日 14:05.
    Blank gives None; anything else raises ValueError. Excel times are rounded to the second.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return (value + timedelta(microseconds=500_000)).replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_serial(float(value))
    if isinstance(value, str):
        text = value.strip()
        return _from_serial(float(text)) if _SERIAL.fullmatch(text) else _from_text(text)
    raise ValueError(t("'{value}' is not a date and time", value=value))


def to_utc(wall: datetime, tz: tzinfo | None = None) -> datetime:
    """Aware UTC; a naive time is local time (or in `tz`)."""
    if wall.tzinfo is None:
        wall = wall.replace(tzinfo=tz) if tz is not None else wall.astimezone()
    return wall.astimezone(UTC)


def parse_time(value: Any, tz: tzinfo | None = None) -> datetime | None:
    """parse_wall, then to_utc: aware UTC or None."""
    wall = parse_wall(value)
    return None if wall is None else to_utc(wall, tz)


def key_time(wall: datetime) -> str:
    """The application time as the file states it: re-importing with another --tz adds nothing."""
    return (wall.astimezone(UTC) if wall.tzinfo else wall).isoformat()


def _from_serial(x: float) -> datetime:
    if not 1 <= x < 2_958_466:  # 9999-12-31
        raise ValueError(t("'{value}' is not an Excel date", value=f"{x:g}"))
    # Rounded to the second: Excel keeps days as binary fractions.
    return EXCEL_EPOCH + timedelta(seconds=round(x * 86_400))


def _from_text(text: str) -> datetime:
    m = _DATETIME.fullmatch(text)
    if not m:
        raise ValueError(t("'{value}' is not a date and time (use 2026-10-03 14:05)", value=text))
    y, mo, d, h, mi, sec, frac, off = m.groups()
    try:
        out = datetime(
            int(y),
            int(mo),
            int(d),
            int(h or 0),
            int(mi or 0),
            int(sec or 0),
            int((frac or "0").ljust(6, "0")),
        )
        if off:
            off = "+00:00" if off == "Z" else off
            out = datetime.fromisoformat(out.isoformat() + off[:3] + ":" + off[-2:])
    except ValueError:
        raise ValueError(t("'{value}' is not a real date and time", value=text)) from None
    return out
