"""Bulk writing for the demo: Core executemany in chunks inside a few write transactions."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Enum, Table, func, select

from inspector_app.db.base import UTCDateTime
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: Rows per executemany: large enough to amortise the call, small enough to keep memory flat.
CHUNK_ROWS = 10_000
#: SQLite page cache for the bulk load, in KiB (negative = KiB): index building needs room.
BULK_CACHE_KIB = 256 * 1024


@contextmanager
def write_transaction(ctx: Context) -> Iterator[Connection]:
    """One write transaction (BEGIN IMMEDIATE on SQLite) on a connection tuned for bulk inserts."""
    engine = ctx.db.engine.execution_options(inspector_write=True)
    with engine.connect() as conn:
        if ctx.db.is_sqlite:
            _pragma(conn, f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            with conn.begin():
                yield conn
        finally:
            if ctx.db.is_sqlite:
                _pragma(conn, "PRAGMA cache_size = -2000")


def _pragma(conn: Connection, sql: str) -> None:
    """Run a PRAGMA outside any transaction (the driver connection is in autocommit mode)."""
    conn.connection.driver_connection.execute(sql).fetchall()  # type: ignore[union-attr]


def next_id(conn: Connection, table: Table) -> int:
    """The first free primary key of `table` (ids are assigned up front so rows can refer to them)."""
    return (conn.scalar(select(func.max(table.c.id))) or 0) + 1


def insert_rows(conn: Connection, table: Table, rows: Iterable[dict]) -> Iterator[int]:
    """Insert row dicts (all with the same keys) in chunks; yields the count after each chunk.

    On SQLite the values are converted here, the way the column types would store them, and
    handed to the driver's executemany: SQLAlchemy's per-value bind processing would cost
    more than the insert itself.
    """
    it = iter(rows)
    first = next(it, None)
    if first is None:
        return
    keys = list(first)
    if conn.dialect.name == "sqlite":
        quote = conn.dialect.identifier_preparer.quote
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
            f"VALUES ({', '.join('?' * len(keys))})"
        )
        convert = _row_converter(table, keys)
        for chunk in _chunks(itertools.chain([first], it)):
            conn.exec_driver_sql(sql, [convert(r) for r in chunk])
            yield len(chunk)
    else:
        for chunk in _chunks(itertools.chain([first], it)):
            conn.execute(table.insert(), chunk)
            yield len(chunk)


def _chunks(rows: Iterator[dict]) -> Iterator[list[dict]]:
    while chunk := list(itertools.islice(rows, CHUNK_ROWS)):
        yield chunk


def _row_converter(table: Table, keys: list[str]) -> Callable[[dict], tuple]:
    """row -> tuple of the values as SQLite stores them (what the column types' binds make)."""
    converters: list[Callable[[Any], Any] | None] = []
    for key in keys:
        t = table.c[key].type
        if isinstance(t, UTCDateTime):
            converters.append(_utc_text)
        elif isinstance(t, Enum):
            converters.append(_enum_value)
        elif isinstance(t, Date):
            converters.append(_date_text)
        elif isinstance(t, Boolean):
            converters.append(_bool_int)
        else:
            converters.append(None)
    plan = [(k, c) for k, c in zip(keys, converters, strict=True)]

    def convert(row: dict) -> tuple:
        return tuple(row[k] if c is None or row[k] is None else c(row[k]) for k, c in plan)

    return convert


def _utc_text(value: datetime) -> str:
    # UTCDateTime stores naive UTC; SQLite's DATETIME text has microseconds always.
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


def _enum_value(value: Any) -> Any:
    return getattr(value, "value", value)


def _date_text(value: date) -> str:
    return value.isoformat()


def _bool_int(value: bool) -> int:
    return 1 if value else 0


def advance_sequences(conn: Connection, tables: Iterable[Table]) -> None:
    """After inserting explicit ids, move PostgreSQL's id sequences past them (SQLite needs not)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
        )


def finish(ctx: Context) -> None:
    """Refresh the query planner's statistics and fold the write-ahead log back into the file."""
    if not ctx.db.is_sqlite:
        with ctx.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        return
    engine = ctx.db.engine.execution_options(inspector_write=True)
    with engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql("ANALYZE")
        _pragma(conn, "PRAGMA wal_checkpoint(TRUNCATE)")
