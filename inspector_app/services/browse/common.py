"""Shared pieces of the read-side queries: date bounds, sort resolution, paging."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t

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
        raise ValidationError(t("Cannot sort by '{key}'", key=key), field="sort")
    col = columns[key]
    if desc:
        return q.order_by(col.desc(), id_col.desc())
    return q.order_by(col.asc(), id_col.asc())


def page(q: Select, offset: int, limit: int) -> Select:
    if limit < 0 or limit > MAX_PAGE:
        raise ValidationError(t("Page size must be 0..{most}", most=MAX_PAGE))
    return q.offset(max(0, offset)).limit(limit)


def count(s: Session, q: Select, cap: int | None = None) -> int:
    """How many rows `q` returns; with `cap`, at most `cap` (the scan stops there).

    A capped count lets a screen say "10,000+" in milliseconds where counting every one
    of a million rows takes a second.
    """
    q = q.order_by(None)
    if cap is not None:
        q = q.limit(max(0, cap))
    return s.scalar(select(func.count()).select_from(q.subquery())) or 0


def nulls_first(dialect: str, desc: bool) -> bool:
    """Where the database's ORDER BY puts NULLs: first when ascending on SQLite, last on
    PostgreSQL (and the other way round when descending)."""
    return desc if dialect == "postgresql" else not desc


def page_of_two(
    s: Session, first: Select, second: Select, offset: int, limit: int
) -> Sequence[Any]:
    """Rows `offset`..`offset+limit` of `first` followed by `second` (each already ordered).

    Sorting by a column that is NULL for most rows (a finding's product, its open case)
    cannot walk one index: the rows with a value come from an index on that value, the
    NULL ones in id order. Two ordered queries paged one after the other give the same
    order as the single ORDER BY, and each stops after the rows it is asked for.
    """
    if limit < 0 or limit > MAX_PAGE:
        raise ValidationError(t("Page size must be 0..{most}", most=MAX_PAGE))
    offset = max(0, offset)
    if limit == 0:
        return []
    rows = list(s.execute(first.offset(offset).limit(limit)).all())
    if len(rows) == limit:
        return rows
    # `first` ran out inside this page, or before it: find how many rows it has.
    n_first = offset + len(rows) if rows else count(s, first, cap=offset)
    rest = s.execute(second.offset(max(0, offset - n_first)).limit(limit - len(rows))).all()
    return rows + list(rest)
