"""EXIF facts a photo import keeps: the orientation and when the photo was taken."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta, timezone

from PIL import ExifTags, Image

from inspector_app.domain import clock

logger = logging.getLogger(__name__)

_EXIF_TIME = re.compile(r"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET = re.compile(r"^\s*([+\-])(\d{2}):?(\d{2})\s*$")


def orientation(exif: Image.Exif | None) -> int:
    """The EXIF orientation, 1..8; 1 (as stored) when there is none or it is garbage."""
    try:
        value = int(exif.get(ExifTags.Base.Orientation, 1)) if exif else 1
    except (TypeError, ValueError):
        return 1
    return value if 1 <= value <= 8 else 1


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if isinstance(value, tuple) and value:
        value = value[0]
    return value.replace("\x00", " ").strip() if isinstance(value, str) else None


def parse_exif_time(value: object, offset: object = None) -> datetime | None:
    """An EXIF 'YYYY:MM:DD HH:MM:SS' time as aware UTC; naive times are the local time zone.

    `offset` is the EXIF OffsetTime* tag ('+08:00') when the camera wrote one. Garbage
    (blank, zeros, impossible dates, years outside 1970..next year) gives None.
    """
    text = _text(value)
    m = _EXIF_TIME.match(text) if text else None
    if not m:
        return None
    try:
        year, month, day, hour, minute, second = (int(g) for g in m.groups())
        dt = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if not 1970 <= dt.year <= clock.local_now().year + 1:
        return None
    off = _text(offset)
    om = _EXIF_OFFSET.match(off) if off else None
    if om and int(om.group(2)) < 24 and int(om.group(3)) < 60:
        delta = timedelta(hours=int(om.group(2)), minutes=int(om.group(3)))
        tz = timezone(-delta if om.group(1) == "-" else delta)
        return dt.replace(tzinfo=tz).astimezone(UTC)
    try:
        return dt.astimezone(UTC)  # a naive datetime is taken as local time here
    except (OverflowError, OSError, ValueError):
        return None


def taken_at_from_exif(exif: Image.Exif | None) -> datetime | None:
    """When the photo was taken: DateTimeOriginal, else DateTimeDigitized; None if unusable."""
    if not exif:
        return None
    try:
        ifd = exif.get_ifd(ExifTags.IFD.Exif)
    except Exception:  # noqa: BLE001 - broken sub-IFD
        return None
    for tag, offset_tag in (
        (ExifTags.Base.DateTimeOriginal, ExifTags.Base.OffsetTimeOriginal),
        (ExifTags.Base.DateTimeDigitized, ExifTags.Base.OffsetTimeDigitized),
    ):
        when = parse_exif_time(ifd.get(tag), ifd.get(offset_tag))
        if when is not None:
            return when
    return None
