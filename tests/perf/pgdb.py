"""The benchmark database on PostgreSQL: the cached SQLite benchmark database, copied with COPY.

The PostgreSQL rows of `make bench` run when INSPECTOR_BENCH_PG_URL (or, failing that,
INSPECTOR_TEST_PG_URL) names a database on a server; its role needs CREATEDB. The given
database is never changed: the benchmark's own database `<that name>_bench_<size>` is made
next to it, migrated to head, filled from the SQLite benchmark database (tests/perf/bigdb.py,
the same demo rows) with psycopg's COPY, its secondary indexes built after the rows are in,
and ANALYZEd. It is kept between runs; a comment on the database records what it was built
from (sizes and migration hashes), and a different one rebuilds it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from tests.perf.bigdb import database_file, migration_hashes, schema_still_matches
from tests.perf.harness import Sizes, cache_dir, is_quick

#: The bench's PostgreSQL server (a database on it; the bench makes its own next to it).
BENCH_ENV = "INSPECTOR_BENCH_PG_URL"
TEST_ENV = "INSPECTOR_TEST_PG_URL"
#: Rows per COPY progress line.
_REPORT_EVERY = 250_000
#: Tables never copied (SQLite's full-text tables, Alembic's bookkeeping).
_SKIP = ("alembic_version", "findings_fts", "sqlite_")


def server_url() -> str | None:
    """The URL the PostgreSQL rows run against, or None (then they are not measured)."""
    return os.environ.get(BENCH_ENV) or os.environ.get(TEST_ENV) or None


def why_not() -> str:
    return f"not measured: set {BENCH_ENV} (or {TEST_ENV}) to a PostgreSQL database URL"


def bench_url(sz: Sizes) -> str:
    """The benchmark's own database on the same server (SQLAlchemy URL); a quick run's is
    named after its cache folder (several may run at once) and dropped at its end."""
    url = make_url(server_url() or "")
    name = f"{url.database}_bench_{sz.name}"
    if is_quick():
        name += "_" + hashlib.sha256(str(cache_dir()).encode()).hexdigest()[:8]
    return url.set(database=name).render_as_string(hide_password=False)


def drop(sz: Sizes) -> None:
    """Remove the benchmark database (a quick run's, at its end)."""
    import psycopg

    name = make_url(bench_url(sz)).database
    with psycopg.connect(_libpq(server_url() or ""), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: str) -> str:
    """A SQLAlchemy `postgresql+psycopg://` URL as psycopg's conninfo."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _stamp(sz: Sizes) -> str:
    return json.dumps({"purchases": sz.purchases, "findings": sz.findings,
                       "photos": sz.photos, "migrations": migration_hashes()}, sort_keys=True)


def ensure(sqlite_folder: Path, sz: Sizes, *, log=print) -> str:
    """The benchmark database's URL, built from `sqlite_folder` when missing or stale."""
    import psycopg

    url = bench_url(sz)
    name = make_url(url).database
    stamp = _stamp(sz)
    with psycopg.connect(_libpq(server_url() or ""), autocommit=True) as conn:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (name,)).fetchone()
        if row is not None and row[0] == stamp:
            return url
        if row is not None and _only_new_migrations(row[0], sz):
            _upgrade(url, log)
            conn.execute(f"COMMENT ON DATABASE \"{name}\" IS {_quote(stamp)}")
            return url
        log(f"building the PostgreSQL benchmark database {name} (COPY from "
            f"{database_file(sqlite_folder)}) ...")
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    start = time.perf_counter()
    _fill(url, database_file(sqlite_folder), log)
    with psycopg.connect(_libpq(server_url() or ""), autocommit=True) as conn:
        conn.execute(f"COMMENT ON DATABASE \"{name}\" IS {_quote(stamp)}")
    log(f"built in {time.perf_counter() - start:.0f} s")
    return url


def _only_new_migrations(recorded: str | None, sz: Sizes) -> bool:
    """The database was built at these sizes and only migrations added since differ."""
    try:
        built = json.loads(recorded or "")
    except ValueError:
        return False
    same_size = {k: built.get(k) for k in ("purchases", "findings", "photos")} == {
        "purchases": sz.purchases, "findings": sz.findings, "photos": sz.photos}
    return same_size and schema_still_matches(built.get("migrations"))


def _upgrade(url: str, log) -> None:
    from inspector_app.db import migrate
    from inspector_app.db.engine import Database

    db = Database(url)
    try:
        log(f"upgrading {make_url(url).database} to {migrate.head_revision()} ...")
        migrate.upgrade(db, None)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    finally:
        db.dispose()


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _fill(url: str, sqlite_path: Path, log) -> None:
    import psycopg

    from inspector_app.db import migrate
    from inspector_app.db.base import Base
    from inspector_app.db.engine import Database

    db = Database(url)
    try:
        migrate.upgrade(db, None)
    finally:
        db.dispose()
    src = sqlite3.connect(sqlite_path)
    src_tables = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    order = [t.name for t in Base.metadata.sorted_tables
             if t.name in src_tables and not t.name.startswith(_SKIP)]
    with psycopg.connect(_libpq(url)) as conn:
        conn.execute("SET maintenance_work_mem = '256MB'")
        indexes = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
        ).fetchall()
        for index_name, _ in indexes:  # built after the rows are in: much quicker
            conn.execute(f'DROP INDEX "{index_name}"')
        for table in order:
            _copy_table(conn, src, table, log)
        t0 = time.perf_counter()
        for _, definition in indexes:
            conn.execute(definition)
        log(f"  {len(indexes)} indexes in {time.perf_counter() - t0:.0f} s")
        for table in order:  # explicit ids were copied: move each sequence past them
            seq = conn.execute("SELECT pg_get_serial_sequence(%s, 'id') FROM "
                               "information_schema.columns WHERE table_schema = 'public' "
                               "AND table_name = %s AND column_name = 'id'",
                               (table, table)).fetchone()
            if seq and seq[0]:
                conn.execute(f'SELECT setval(%s, max(id)) FROM "{table}" '
                             "HAVING max(id) IS NOT NULL", (seq[0],))
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE")
    src.close()


def _copy_table(conn, src: sqlite3.Connection, table: str, log) -> None:
    pg_cols = [r[0] for r in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'"
        " AND table_name = %s ORDER BY ordinal_position", (table,))]
    src_cols = {r[1] for r in src.execute(f'PRAGMA table_info("{table}")')}
    cols = [c for c in pg_cols if c in src_cols]
    names = ", ".join(f'"{c}"' for c in cols)
    t0 = time.perf_counter()
    n = 0
    conn.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER USER')  # the team triggers (0005)
    with conn.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in src.execute(f'SELECT {names} FROM "{table}"'):
            copy.write_row(row)
            n += 1
            if n % _REPORT_EVERY == 0:
                log(f"  {table}: {n:,} rows")
    conn.execute(f'ALTER TABLE "{table}" ENABLE TRIGGER USER')
    if n:
        log(f"  {table}: {n:,} rows in {time.perf_counter() - t0:.1f} s")
