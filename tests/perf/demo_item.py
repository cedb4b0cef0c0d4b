"""`inspector demo` at benchmark size beside raw sqlite3 inserting the same rows.

Ours: the command line, in a fresh data folder each run (wall-clock time of the process).
Baseline: the rows of every table the demo fills, read from the cached benchmark database
(untimed), inserted with executemany into a freshly migrated file in one transaction, with
the application's pragmas; the full-text index is built in one pass at the end as the demo
builds it, and the write-ahead log folded back in (as the demo finishes).
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.bigdb import SEED, database_file, demo_command, init_database, scratch
from tests.perf.harness import Result, diagnose, median, profile_dir, profile_path, runs, secs

#: Tables the baseline leaves alone: schema bookkeeping, the FTS index's own tables, and the
#: settings (the empty template has its own database id there, from `inspector init`).
_SKIP_PREFIXES = ("alembic_version", "app_settings", "findings_fts", "sqlite_")
#: The trigger that indexes each inserted finding (migration 0002); paused as the demo does.
_FTS_TRIGGER = "findings_fts_ai"


def _ours(sz) -> float:
    work = scratch("demo-ours")
    try:
        init_database(work)
        start = time.perf_counter()
        subprocess.run(
            demo_command(work, sz.demo_purchases, sz.demo_findings, sz.photos),
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        return time.perf_counter() - start
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _empty_template() -> Path:
    """A freshly migrated, empty database file (copied for each baseline run)."""
    from inspector_app.services.context import open_context

    work = scratch("demo-template")
    ctx = open_context(data_folder=str(work))
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.db.dispose()
    return database_file(work)


def _filled_tables(src: sqlite3.Connection) -> list[str]:
    """Tables holding rows, parents before children (the models' order)."""
    from inspector_app.db.models import Base

    names = [t.name for t in Base.metadata.sorted_tables]
    return [
        n for n in names
        if not n.startswith(_SKIP_PREFIXES)
        and src.execute(f'SELECT 1 FROM "{n}" LIMIT 1').fetchone() is not None
    ]


def _baseline(source_db: Path, template: Path) -> tuple[float, int]:
    """Seconds spent inserting (reading the source rows is not counted), rows inserted."""
    work = scratch("demo-raw")
    target = work / "inspector.sqlite3"
    shutil.copyfile(template, target)
    src = sqlite3.connect(source_db)
    dst = sqlite3.connect(target, isolation_level=None)
    spent, rows = 0.0, 0
    try:
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON",
                       "cache_size = -262144"):
            dst.execute(f"PRAGMA {pragma}").fetchall()
        trigger = dst.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_FTS_TRIGGER,)
        ).fetchone()[0]
        tables = _filled_tables(src)
        # Rows a new database starts with (its settings row) come from the source as well.
        for table in reversed(tables):
            dst.execute(f'DELETE FROM "{table}"')
        t0 = time.perf_counter()
        dst.execute("BEGIN IMMEDIATE")
        dst.execute(f"DROP TRIGGER {_FTS_TRIGGER}")
        spent += time.perf_counter() - t0
        for table in tables:
            cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
            select = f'SELECT {", ".join(cols)} FROM "{table}" ORDER BY rowid'
            insert = (f'INSERT INTO "{table}" ({", ".join(cols)}) '
                      f'VALUES ({", ".join("?" * len(cols))})')
            cursor = src.execute(select)
            while batch := cursor.fetchmany(50_000):
                t0 = time.perf_counter()
                dst.executemany(insert, batch)
                spent += time.perf_counter() - t0
                rows += len(batch)
        t0 = time.perf_counter()
        dst.execute("INSERT INTO findings_fts(rowid, title, description, observed) "
                    "SELECT id, title, description, observed FROM findings")
        dst.execute(trigger)
        dst.execute("COMMIT")
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        spent += time.perf_counter() - t0
    finally:
        src.close()
        dst.close()
        shutil.rmtree(work, ignore_errors=True)
    return spent, rows


def demo(folder: Path, sz) -> Result:
    template = _empty_template()
    source = database_file(folder)
    ours: list[float] = []
    base: list[float] = []
    rows = 0
    for _ in range(runs()):  # no warm-up: each run is minutes long and starts from nothing
        ours.append(_ours(sz))
        spent, rows = _baseline(source, template)
        base.append(spent)
    o, b = median(ours), median(base)
    r = o / b
    notes = [
        f"`inspector demo --seed {SEED} --purchases {sz.demo_purchases:,} --findings "
        f"{sz.demo_findings:,} --photos {sz.photos:,}` into a fresh folder, wall clock of the "
        "whole command (drawing the 300 photo files and ANALYZE included)",
        f"baseline: raw sqlite3 executemany of the same {rows:,} rows (all tables) in one "
        "transaction, same pragmas, FTS index built in one pass, WAL checkpointed",
    ]
    ok = r <= 3.0
    if diagnose(ok):
        _profile(sz)
        notes.append(f"profile: {profile_path('demo')}")
    return Result(
        "demo", "`inspector demo --purchases 100000` with 1,000,000 findings",
        secs(o), secs(b), f"{r:.2f}x", "<= 3x", ok, notes, {"ours": ours, "baseline": base},
    )


def _profile(sz) -> None:
    work = scratch("demo-profile")
    profile_dir().mkdir(parents=True, exist_ok=True)
    try:
        init_database(work)
        cmd = demo_command(work, sz.demo_purchases, sz.demo_findings, sz.photos)
        subprocess.run(
            [sys.executable, "-m", "pyinstrument", "-r", "text", "-o",
             str(profile_dir() / "demo.txt"), *cmd[1:]],
            check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
