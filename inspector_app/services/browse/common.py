"""Shared pieces of the read-side queries: date bounds, sort resolution, paging."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from inspector_app.domain.errors import ValidationError

#: Largest page a caller may ask for at once.
MAX_PAGE = 10_000


def start_of(d: date | None) -> datetime | None:
    """Local midnight at the start of `d`, as an aware datetime (None passes through)."""
    if d is None:
        return None
    if isinstance(d, datetime):
        return d if d.tzinfo else d.astimezone()
    return datetime.combine(d, time.min).astimezone()


def end_of(d: date | None) -> datetime | None:
    """Local midnight after `d`: `until` is inclusive of the whole day."""
    if d is None:
        return None
    if isinstance(d, datetime):
        return d if d.tzinfo else d.astimezone()
    return datetime.combine(d + timedelta(days=1), time.min).astimezone()


def order(q: Select, columns: dict, sort: str | None, desc: bool, id_col, default: str) -> Select:
    """ORDER BY a named sortable column, ties broken by id so pages are stable."""
    key = sort or default
    if key not in columns:
        raise ValidationError(f"Cannot sort by '{key}'", field="sort")
    col = columns[key]
    if desc:
        return q.order_by(col.desc(), id_col.desc())
    return q.order_by(col.asc(), id_col.asc())


def page(q: Select, offset: int, limit: int) -> Select:
    if limit < 0 or limit > MAX_PAGE:
        raise ValidationError(f"Page size must be 0..{MAX_PAGE}")
    return q.offset(max(0, offset)).limit(limit)


def count(s: Session, q: Select) -> int:
    return s.scalar(select(func.count()).select_from(q.order_by(None).subquery())) or 0
