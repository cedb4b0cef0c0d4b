"""Fault injection: OSError(ENOSPC or EIO) from the Nth write, as a full or failing disk gives.

Writes counted: every write() to a file opened for writing through open()/io.open() (what
zipfile, openpyxl's workbook and ReportLab use), and every database statement that writes
(INSERT, UPDATE, DELETE) and COMMIT, seen through SQLAlchemy's events.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import hashlib
import io
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import event

_real_open = builtins.open


class InjectedFault(OSError):
    """The OSError the injector raises (a subclass, so tests can tell it from a real one)."""


class FaultInjector:
    """Counts writes; the `fail_at`-th raises OSError(`code`)."""

    def __init__(self, fail_at: int, code: int = errno.ENOSPC) -> None:
        self.fail_at = fail_at
        self.code = code
        self.count = 0

    @property
    def fired(self) -> bool:
        return self.count >= self.fail_at

    def tick(self) -> None:
        self.count += 1
        if self.count == self.fail_at:
            raise InjectedFault(self.code, os.strerror(self.code))


class _FailingFile:
    """A file object whose write() goes through the injector."""

    def __init__(self, raw, injector: FaultInjector) -> None:
        self._raw = raw
        self._injector = injector

    def write(self, data):
        self._injector.tick()
        return self._raw.write(data)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def __getattr__(self, name):
        return getattr(self._raw, name)

    def __iter__(self):
        return iter(self._raw)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._raw.close()
        return False


@contextlib.contextmanager
def failing_writes(injector: FaultInjector, engine=None) -> Iterator[FaultInjector]:
    """Install the injector on file writes and (given `engine`) on database writes."""

    def fake_open(file, mode="r", *args, **kwargs):
        raw = _real_open(file, mode, *args, **kwargs)
        if any(c in mode for c in "wax+") and not isinstance(file, int):
            return _FailingFile(raw, injector)
        return raw

    def on_execute(conn, cursor, statement, params, context, executemany):
        if statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            injector.tick()

    def on_commit(conn):
        injector.tick()

    saved = builtins.open, io.open
    builtins.open = io.open = fake_open
    if engine is not None:
        event.listen(engine, "before_cursor_execute", on_execute)
        event.listen(engine, "commit", on_commit)
    try:
        yield injector
    finally:
        builtins.open, io.open = saved
        if engine is not None:
            event.remove(engine, "before_cursor_execute", on_execute)
            event.remove(engine, "commit", on_commit)


def dump_digest(db) -> str:
    """SHA-256 of the database's contents (schema and every row), read with plain SQL: the
    SQL dump of a SQLite file (a path), every table's rows in order on PostgreSQL (a URL)."""
    h = hashlib.sha256()
    if isinstance(db, Path):
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            for line in conn.iterdump():
                h.update(line.encode("utf-8", "surrogatepass"))
                h.update(b"\n")
            return h.hexdigest()
        finally:
            conn.close()
    from tests.backends import PlainSQL

    with PlainSQL(db) as con:
        tables = [t for (t,) in con.rows(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            " ORDER BY table_name")]
        for table in tables:
            h.update(f"{table}\n".encode())
            for row in con.rows(f'SELECT * FROM "{table}" ORDER BY 1'):
                h.update(repr(row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


#: The Nth writes tried: every one of the first 30, then spaced out (a run stops at success).
FAIL_POINTS = [*range(1, 31), *range(35, 200, 9), *range(250, 3000, 97)]
