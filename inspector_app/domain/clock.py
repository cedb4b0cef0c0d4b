"""The one clock: every "now" and "today" in the application comes from here.

Nothing else calls ``datetime.now()``, ``date.today()`` or ``time.time()`` for a moment that
ends up in data or on screen (docs/architecture.md, "The clock"). Tests anchor it with
:func:`set_clock` (the ``clock`` fixture in tests/conftest.py); a child process started by a
test inherits the anchor through the ``INSPECTOR_CLOCK`` environment variable, an ISO 8601
instant with an offset (``2026-06-15T10:30:00+08:00``).

An anchored clock keeps ticking from its anchor by default, so times taken one after the
other stay ordered; ``ticking=False`` stops it exactly at the anchor.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, date, datetime, timedelta, tzinfo

logger = logging.getLogger(__name__)

#: Environment variable that anchors the clock of a process (used by tests for child processes).
CLOCK_ENV = "INSPECTOR_CLOCK"

#: (anchor instant in UTC, monotonic reading at anchoring, ticking) or None for the wall clock.
_anchor: tuple[datetime, float, bool] | None = None
_env_read = False


def parse_instant(text: str) -> datetime:
    """An aware datetime from ISO 8601 text with an offset; ValueError otherwise."""
    value = datetime.fromisoformat(text.strip())
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{text!r} has no UTC offset")
    return value.astimezone(UTC)


def set_clock(instant: datetime | None, *, ticking: bool = True) -> None:
    """Anchor the clock at `instant` (aware), or give it back to the wall clock with None."""
    global _anchor, _env_read
    _env_read = True  # an explicit setting wins over the environment
    if instant is None:
        _anchor = None
        return
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("the clock needs an aware datetime")
    _anchor = (instant.astimezone(UTC), time.monotonic(), ticking)


def _read_env() -> None:
    global _env_read, _anchor
    _env_read = True
    text = os.environ.get(CLOCK_ENV)
    if not text:
        return
    try:
        _anchor = (parse_instant(text), time.monotonic(), True)
    except ValueError:
        logger.warning("%s=%r is not an ISO instant with an offset; using the wall clock",
                       CLOCK_ENV, text)


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    if not _env_read:
        _read_env()
    if _anchor is None:
        return datetime.now(UTC)
    at, mono, ticking = _anchor
    if not ticking:
        return at
    return at + timedelta(seconds=time.monotonic() - mono)


def local_now() -> datetime:
    """The current instant in the machine's local time zone (aware)."""
    return now().astimezone()


def today() -> date:
    """Today's date in the machine's local time zone."""
    return local_now().date()


def local_zone() -> tzinfo:
    """The machine's local time zone at this instant."""
    tz = local_now().tzinfo
    assert tz is not None
    return tz


def is_anchored() -> bool:
    """Whether the clock is anchored (tests), rather than the wall clock."""
    if not _env_read:
        _read_env()
    return _anchor is not None
