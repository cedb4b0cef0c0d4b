"""Engine and session set-up: SQLite pragmas and BEGIN IMMEDIATE, PostgreSQL as is.

The only module that knows SQLite's connection quirks. Services open sessions with
`db.write()` (one write transaction) or `db.read()` (a read-only snapshot).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from inspector_app.domain.errors import DatabaseUnusable
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Milliseconds a connection waits for another process's write lock before giving up.
BUSY_TIMEOUT_MS = 30_000


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 driver, emit BEGIN (see the "begin" hook below).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        # A deferred BEGIN that later writes fails at once with "database is locked" when
        # another process holds the lock; BEGIN IMMEDIATE waits (busy_timeout) instead.
        if conn.get_execution_options().get("inspector_write", False):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def make_engine(url, **kwargs) -> Engine:
    """`create_engine`, with one sentence when the server's driver (psycopg) is missing
    from this installation instead of an ImportError."""
    try:
        return create_engine(url, **kwargs)
    except ModuleNotFoundError as exc:
        url = make_url(url)
        raise DatabaseUnusable(t(
            "This installation cannot reach {database}: the Python package {package} is "
            "missing (install it with: pip install 'psycopg[binary]')",
            database=url.render_as_string(hide_password=True),
            package=exc.name or url.get_driver_name())) from None


#: Seconds to wait for a team server to answer a new connection.
CONNECT_TIMEOUT_S = 10


class Database:
    """One database: its engine and the two kinds of session the services use."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
            if self.url.database:
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
        else:
            kwargs["pool_pre_ping"] = True
            # No JIT: a findings page (LIMIT 200 over a million rows) carries a plan cost
            # in the millions, above jit_above_cost, and spent ~340 ms compiling a query
            # that runs in 20 ms (docs/performance.md).
            kwargs["connect_args"] = {"options": "-c jit=off"}
            # A server behind a dead network answers nothing: give up after this many
            # seconds with "timeout expired" (db/server_errors: unreachable) instead of
            # the operating system's minutes. A URL's own connect_timeout wins.
            if "connect_timeout" not in self.url.query:
                kwargs["connect_args"]["connect_timeout"] = CONNECT_TIMEOUT_S
        self.engine: Engine = make_engine(self.url, **kwargs)
        if self.is_sqlite:
            _install_sqlite_hooks(self.engine)
        write_engine = self.engine.execution_options(inspector_write=True)
        self._write = sessionmaker(bind=write_engine, expire_on_commit=False)
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        #: The session of the batch() running in this thread (or asyncio task), if any.
        self._batch: ContextVar[Session | None] = ContextVar(f"batch-{id(self)}", default=None)

    @property
    def sqlite_path(self) -> Path | None:
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def describe(self) -> str:
        """Where the data lives, for the status bar and `inspector init` (no password)."""
        if self.sqlite_path:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on error.

        Inside `batch()` it is a savepoint of the batch's transaction instead: an error
        undoes only what this block did, and nothing is committed before the batch ends.
        """
        outer = self._batch.get()
        if outer is not None:
            with outer.begin_nested():
                yield outer
            return
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """One write transaction that every write() and read() in this thread joins.

        For imports: the whole file commits when the block ends, or nothing of it does
        (an error, a full disk, Ctrl+C). Reads inside see the batch's own changes.

        Inside another batch (the user interface runs every change as one, ui/ops.py) it is
        a savepoint of it: an error leaving this block undoes this block, as it would alone.
        """
        outer = self._batch.get()
        if outer is not None:
            with outer.begin_nested():
                yield outer
            return
        with self._write() as session, session.begin():
            token = self._batch.set(session)
            try:
                yield session
            finally:
                self._batch.reset(token)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session; nothing it does is committed (inside batch(): the batch's)."""
        outer = self._batch.get()
        if outer is not None:
            yield outer
            return
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
