"""Record the SQL an action sends and replay it on a plain sqlite3 connection (baselines).

"The same query in raw sqlite3" is taken literally: the statements and parameters the
product's code sent (as SQLAlchemy handed them to the driver), timed without Python,
SQLAlchemy or Qt around them.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event

Statement = tuple[str, tuple]


@contextmanager
def capture(engine: Engine) -> Iterator[list[Statement]]:
    """Every SELECT sent through `engine` inside the block, with its parameters."""
    seen: list[Statement] = []

    def before(_conn, _cursor, statement, parameters, _context, executemany) -> None:
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, tuple(parameters or ())))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def replay(conn: sqlite3.Connection, statements: list[Statement]) -> float:
    """Seconds to run the statements and fetch every row, in one read transaction."""
    start = time.perf_counter()
    conn.execute("BEGIN")
    try:
        for sql, params in statements:
            conn.execute(sql, params).fetchall()
    finally:
        conn.execute("ROLLBACK")
    return time.perf_counter() - start


def page_queries(statements: list[Statement]) -> list[Statement]:
    """The statements that read a page of rows (they end with LIMIT/OFFSET)."""
    return [s for s in statements if "LIMIT" in s[0].upper() and "count(" not in s[0].lower()]
