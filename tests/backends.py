"""One fixture, both database engines: the service, browse, report and command-line suites run
on SQLite (the one-laptop file) and on PostgreSQL (the team server).

A test whose fixtures use ``backend`` (tests/services, tests/reports and tests/cli's ``ctx`` and
``cli``) runs twice, ``[sqlite]`` and ``[postgresql]``. The PostgreSQL variant carries the
``needs_postgres`` marker (tests/programs.py): without INSPECTOR_TEST_PG_URL it is skipped and
counted in the run's one summary line; under INSPECTOR_REQUIRE_SYSTEM_PROGRAMS=1 (``.ci/run``)
it fails instead.

Each PostgreSQL test starts on an empty database at head: one per session, a copy
(``CREATE DATABASE ... TEMPLATE``) of a database migrated once, emptied before each test by
deleting its rows and restarting its sequences (a few milliseconds, where creating and dropping
a database per test writes ~9 MB and forces a checkpoint each time: seconds on a busy server).
Fixtures wider than one test get a copy of their own (``fresh_database``). The test role needs
CREATEDB (``.ci/run`` grants it). A test that is about the SQLite file
itself (backups, WAL, damaged pages) says ``@pytest.mark.sqlite_only`` and runs once.

``INSPECTOR_TEST_BACKENDS=sqlite`` (or ``postgresql``) runs one variant only, for quick local
runs; the default is both.
"""

from __future__ import annotations

import contextlib
import gc
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable

import pytest

from tests import programs

PG_URL_ENV = "INSPECTOR_TEST_PG_URL"
BACKENDS_ENV = "INSPECTOR_TEST_BACKENDS"
SQLITE, POSTGRESQL = "sqlite", "postgresql"
#: Every database this plugin makes starts with this (and a per-run id), so a crashed run's
#: leftovers are recognisable and never collide with another run's.
PREFIX = "itest_"


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about the SQLite file itself; runs on the sqlite backend only"
    )


def wanted_backends() -> list[str]:
    raw = os.environ.get(BACKENDS_ENV, "").strip()
    chosen = [b.strip() for b in raw.split(",") if b.strip()] if raw else [SQLITE, POSTGRESQL]
    return [b for b in (SQLITE, POSTGRESQL) if b in chosen]


def backend_params(names: list[str] | None = None) -> list:
    """pytest params for the wanted backends, the PostgreSQL one marked needs_postgres (also
    for a fixture of wider scope: ``@pytest.fixture(scope="module", params=backend_params())``)."""
    return [
        pytest.param(n, marks=pytest.mark.needs_postgres, id=n) if n == POSTGRESQL
        else pytest.param(n, id=n)
        for n in (wanted_backends() if names is None else names)
    ]


def pytest_generate_tests(metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    names = wanted_backends()
    if metafunc.definition.get_closest_marker("sqlite_only"):
        names = [n for n in names if n == SQLITE] or [SQLITE]
    metafunc.parametrize("backend", backend_params(names), indirect=True)


class PgServer:
    """The test PostgreSQL server: templates built once per session, a copy per test."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        self.url = make_url(url)
        self.run = uuid.uuid4().hex[:8]
        self._templates: dict[str, str] = {}
        self._made: list[str] = []
        # Dropping a database takes 50 ms to seconds on a busy server: a thread does it while
        # the next test runs.
        self._drops: queue.Queue[str | None] = queue.Queue()
        self._dropper = threading.Thread(target=self._drop_loop, name="drop-test-databases",
                                         daemon=True)
        self._dropper.start()

    def _conninfo(self) -> str:
        import psycopg

        u = self.url
        return psycopg.conninfo.make_conninfo(
            host=u.host or "localhost", port=u.port or 5432, user=u.username,
            password=u.password or "", dbname=u.database or "postgres")

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self._conninfo(), autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)

    def problem(self) -> str | None:
        import psycopg

        try:
            with psycopg.connect(self._conninfo(), connect_timeout=3) as conn:
                row = conn.execute(
                    "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user").fetchone()
        except psycopg.Error as exc:
            return f"PostgreSQL unavailable: {str(exc).splitlines()[0]}"
        return None if row and row[0] else f"the role of {PG_URL_ENV} needs CREATEDB (.ci/run)"

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def new_name(self, kind: str) -> str:
        return f"{PREFIX}{self.run}_{kind}_{uuid.uuid4().hex[:8]}"

    def template(self, key: str, build: Callable[[str], None]) -> str:
        """The name of a database that `build(url)` filled, built on first use."""
        if key not in self._templates:
            name = self.new_name(key)
            self.admin(f'CREATE DATABASE "{name}"{_locale_clause()}')
            self._made.append(name)
            build(self.url_of(name))
            gc.collect()
            self._templates[key] = name
        return self._templates[key]

    def copy(self, template: str) -> str:
        """A new database with the template's contents; returns its name."""
        name = self.new_name("t")
        for attempt in range(50):
            try:
                self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                return name
            except Exception as exc:  # a subprocess's session on the template still closing
                if "being accessed by other users" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.1)
        raise AssertionError("unreachable")

    def drop(self, name: str) -> None:
        """Drop the database soon (in the background); FORCE ends the test's sessions."""
        self._drops.put(name)

    def _drop_now(self, name: str) -> None:
        for attempt in range(100):
            try:
                self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except Exception:  # noqa: BLE001 - a session of another role (autovacuum...)
                if attempt == 99:
                    raise
                time.sleep(0.1)

    def _drop_loop(self) -> None:
        while (name := self._drops.get()) is not None:
            with contextlib.suppress(Exception):  # else left behind, named by the prefix
                self._drop_now(name)

    def close(self) -> None:
        self._drops.put(None)
        self._dropper.join(timeout=120)
        gc.collect()
        for name in self._made:
            with contextlib.suppress(Exception):  # best effort at the end of the run
                self._drop_now(name)


def _locale_clause() -> str:
    """INSPECTOR_TEST_PG_ICU=zh-CN (say) makes the test databases sort text by that ICU
    locale, as a team server created with a linguistic collation does."""
    icu = os.environ.get("INSPECTOR_TEST_PG_ICU", "").strip()
    if not icu:
        return ""
    return f" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '{icu}' LOCALE 'C.UTF-8'"


def _migrate(url: str) -> None:
    from inspector_app.db import migrate
    from inspector_app.db.engine import Database

    db = Database(url)
    try:
        migrate.upgrade(db, None)
    finally:
        db.dispose()


@pytest.fixture(scope="session")
def pg_server():
    """The PgServer, or a failure/skip saying why the server cannot be used."""
    url = os.environ.get(PG_URL_ENV)
    if not url:  # programs.py skipped (or failed) the test before this
        pytest.skip(f"{PG_URL_ENV} not set")
    server = PgServer(url)
    problem = server.problem()
    if problem and programs.required():
        pytest.fail(f"{problem}; {programs.REQUIRE_ENV} is set", pytrace=False)
    if problem:
        pytest.skip(problem)
    yield server
    server.close()


@pytest.fixture
def backend(request) -> str:
    """"sqlite" or "postgresql" (parametrised by pytest_generate_tests above)."""
    return request.param


class Scratch:
    """The session's database that every test empties and reuses (see the module's text)."""

    def __init__(self, server: PgServer, name: str) -> None:
        import psycopg

        self.name = name
        self.conn = psycopg.connect(
            psycopg.conninfo.make_conninfo(server._conninfo(), dbname=name), autocommit=True)
        q = self.conn.execute
        tables = [t for (t,) in q("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                                  " AND tablename <> 'alembic_version' ORDER BY 1")]
        parents = {t: set() for t in tables}
        for child, parent in q(
                "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
                " WHERE contype = 'f' AND conrelid <> confrelid"):
            if child in parents and parent in parents:
                parents[child].add(parent)
        self.order: list[str] = []  # children before their parents
        while parents:
            leaves = sorted(t for t in parents if not any(t in ps for ps in parents.values()))
            assert leaves, f"foreign keys in a cycle: {parents}"
            self.order += leaves
            for t in leaves:
                del parents[t]
        # Append-only tables refuse DELETE with a row trigger; TRUNCATE fires none.
        self.truncate = {t for (t,) in q(
            "SELECT DISTINCT tgrelid::regclass::text FROM pg_trigger"
            " WHERE NOT tgisinternal AND tgtype & 8 <> 0")}
        self.sequences = [s for (s,) in q(
            "SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n"
            " ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = 'public'")]

    def reset(self) -> None:
        """Every row gone, every sequence back at 1, no session of an earlier test left."""
        q = self.conn.execute
        others = ("FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
                  " AND backend_type = 'client backend'")
        q(f"SELECT pg_terminate_backend(pid, 5000) {others}", (self.name,))
        for _ in range(100):  # pg_terminate_backend's wait gives up quietly after 5 s
            if not q(f"SELECT count(*) {others}", (self.name,)).fetchone()[0]:
                break
            time.sleep(0.05)
        probe = " UNION ALL ".join(
            f"SELECT '{t}' WHERE EXISTS (SELECT 1 FROM \"{t}\")" for t in self.order)
        full = {t for (t,) in q(probe)}
        with self.conn.transaction():
            for t in self.order:
                if t in full:
                    q(f'TRUNCATE "{t}"' if t in self.truncate else f'DELETE FROM "{t}"')
            for seq in self.sequences:
                q("SELECT setval(%s, 1, false)", (seq,))


def fresh_database(request, backend: str):
    """(a generator) None for SQLite (the data folder's file), else the URL of a new PostgreSQL
    database migrated to head, dropped when the fixture ends."""
    if backend == SQLITE:
        yield None
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.copy(server.template("head", _migrate))
    yield server.url_of(name)
    server.drop(name)


@pytest.fixture(scope="session")
def _scratch(pg_server) -> Scratch:
    scratch = Scratch(pg_server, pg_server.copy(pg_server.template("head", _migrate)))
    yield scratch
    scratch.conn.close()


@pytest.fixture
def database_url(request, backend, monkeypatch) -> str | None:
    """None for SQLite (the data folder's file), else the URL of an empty PostgreSQL database
    at head, and INSPECTOR_DB_URL naming it (for what the test runs in this process without a
    URL: a command's Invocation, open_context())."""
    if backend == SQLITE:
        return None
    scratch: Scratch = request.getfixturevalue("_scratch")
    scratch.reset()
    url = request.getfixturevalue("pg_server").url_of(scratch.name)
    monkeypatch.setenv("INSPECTOR_DB_URL", url)
    return url


class PlainSQL:
    """A plain DB-API connection to a test's database (sqlite3 or psycopg; no SQLAlchemy, no
    model), for reading back what the services wrote. Placeholders are ``?`` on both."""

    def __init__(self, url) -> None:
        from sqlalchemy.engine import make_url

        url = make_url(url)
        self.is_sqlite = url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            import sqlite3

            self.conn = sqlite3.connect(url.database)
        else:
            import psycopg

            self.conn = psycopg.connect(psycopg.conninfo.make_conninfo(
                host=url.host or "localhost", port=url.port or 5432, user=url.username,
                password=url.password or "", dbname=url.database))

    def _sql(self, sql: str) -> str:
        return sql if self.is_sqlite else sql.replace("%", "%%").replace("?", "%s")

    def rows(self, sql: str, params=()) -> list[tuple]:
        return self.conn.execute(self._sql(sql), params).fetchall()

    def one(self, sql: str, params=()):
        return self.conn.execute(self._sql(sql), params).fetchone()

    def run(self, sql: str, params=()) -> None:
        """Execute and commit."""
        self.conn.execute(self._sql(sql), params)
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PlainSQL:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def plain_sql(ctx) -> PlainSQL:
    """PlainSQL on the database of a context (use it in a ``with`` block)."""
    return PlainSQL(ctx.db.url)
