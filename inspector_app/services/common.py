"""Small pieces every service shares: loading live rows, trimming input, event times."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from inspector_app.domain import clock
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.labels import field_label, thing_label
from inspector_app.domain.messages import t

T = TypeVar("T")

#: Longest single-line text (titles, names) accepted from a user.
MAX_LINE = 300
#: Longest multi-line text accepted from a user (descriptions, notes).
MAX_TEXT = 20_000


def now() -> datetime:
    """The current instant (aware, UTC) from the one clock (domain/clock.py)."""
    return clock.now()


def get_live(s: Session, model: type[T], row_id: int, what: str) -> T:
    """The row with this id that is not soft-deleted, else NotFound naming `what`."""
    row = s.get(model, row_id)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise NotFound(t("No {what} with id {id}", what=thing_label(what), id=row_id))
    return row


def clean_line(value: str | None, field: str, *, required: bool = False, limit: int = MAX_LINE) -> str:
    text = " ".join((value or "").split())
    if required and not text:
        raise ValidationError(t("{field} is required", field=field_label(field)), field=field)
    if len(text) > limit:
        raise _too_long(field, limit)
    return text


def clean_text(value: str | None, field: str, *, limit: int = MAX_TEXT) -> str:
    text = (value or "").replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise _too_long(field, limit)
    return text


def _too_long(field: str, limit: int) -> ValidationError:
    return ValidationError(
        t("{field} is longer than {limit} characters", field=field_label(field), limit=limit),
        field=field,
    )


def aware(value: datetime | None, field: str) -> datetime | None:
    """Accept aware datetimes only (the UI converts local input to aware)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValidationError(
            t("{field}: a time without a time zone", field=field_label(field)), field=field
        )
    return value.astimezone(UTC)


def as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
