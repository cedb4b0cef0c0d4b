"""The benchmark database: built once with `inspector demo` at the issue's size, then cached.

A data folder under tests/perf/.cache/db-<size>/ with the SQLite file and the demo's photo
store. The build runs the real command line (Core bulk inserts, one transaction); later
runs only bring the schema to head when a migration was added since.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.perf.harness import Sizes, cache_dir

logger = logging.getLogger(__name__)

#: The demo's seed: the same data every build.
SEED = 1
#: Marks a finished build (a half-built folder is never used).
STAMP = "built.json"


def demo_command(data_dir: Path, purchases: int, findings: int, photos: int) -> list[str]:
    return [
        sys.executable, "-m", "inspector_app.cli.main", "--data-dir", str(data_dir), "demo",
        "--seed", str(SEED), "--purchases", str(purchases), "--findings", str(findings),
        "--photos", str(photos),
    ]


def init_database(data_dir: Path) -> None:
    """`inspector init`: only init creates a database (every other command refuses a missing one)."""
    subprocess.run(
        [sys.executable, "-m", "inspector_app.cli.main", "--data-dir", str(data_dir), "init"],
        check=True, stdout=subprocess.DEVNULL,
    )


def migration_hashes() -> dict[str, str]:
    """Each migration file's content hash: a cache built before one of them changed is stale."""
    from inspector_app.db.migrate import MIGRATIONS_DIR

    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16]
        for p in sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    }


def schema_still_matches(recorded: dict[str, str] | None) -> bool:
    """True when no migration the cache was built with has changed since (new ones may exist;
    opening the cache applies them)."""
    if not recorded:
        return False
    now = migration_hashes()
    return all(now.get(name) == digest for name, digest in recorded.items())


def folder_for(sz: Sizes) -> Path:
    return cache_dir() / f"db-{sz.name}"


def database_file(folder: Path) -> Path:
    return folder / "inspector.sqlite3"


def ensure(sz: Sizes, *, rebuild: bool = False, log=print) -> Path:
    """The cached data folder at these sizes (built when missing), its schema at head."""
    folder = folder_for(sz)
    stamp = folder / STAMP
    wanted = {"purchases": sz.purchases, "findings": sz.findings, "photos": sz.photos}
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    if stamp.exists():
        built = json.loads(stamp.read_text())
        if {k: built.get(k) for k in wanted} != wanted:
            log(f"cached database {folder} has other sizes; rebuilding")
            shutil.rmtree(folder)
        elif not schema_still_matches(built.get("migrations")):
            log(f"a migration changed since {folder} was built; rebuilding")
            shutil.rmtree(folder)
    if not stamp.exists():
        _build(folder, sz, wanted, log)
    _upgrade(folder, log)
    built = json.loads(stamp.read_text())
    if built.get("migrations") != migration_hashes():  # new migrations applied: remember them
        built["migrations"] = migration_hashes()
        stamp.write_text(json.dumps(built))
    return folder


def cached_world(name: str, build) -> Path:
    """A small cached data folder under .cache/<name>, made by `build(folder)` when missing
    or when a migration it was made with has changed since."""
    folder = cache_dir() / name
    stamp = folder / STAMP
    if stamp.exists() and schema_still_matches(json.loads(stamp.read_text()).get("migrations")):
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    extra = build(folder) or {}
    stamp.write_text(json.dumps({**extra, "migrations": migration_hashes()}))
    return folder


def _build(folder: Path, sz: Sizes, wanted: dict, log) -> None:
    tmp = folder.with_name(folder.name + ".building")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    log(f"building the benchmark database ({sz.purchases:,} purchases, {sz.findings:,} "
        f"findings, {sz.photos:,} photos) in {folder} ...")
    init_database(tmp)
    start = time.perf_counter()
    subprocess.run(
        demo_command(tmp, sz.purchases, sz.findings, sz.photos),
        check=True, stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    (tmp / STAMP).write_text(json.dumps(
        {**wanted, "seconds": round(seconds, 1), "migrations": migration_hashes()}
    ))
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    log(f"built in {seconds:.0f} s")


def _upgrade(folder: Path, log) -> None:
    from inspector_app.db import migrate
    from inspector_app.db.engine import Database

    db = Database(f"sqlite:///{database_file(folder)}")
    try:
        current, head = migrate.current_revision(db), migrate.head_revision()
        if current != head:
            log(f"upgrading the cached database from {current} to {head} ...")
            migrate.upgrade(db, None)  # a cache: no backup
            with db.engine.connect() as conn:
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
    finally:
        db.dispose()
    # A checkpoint cannot run inside a transaction ("database table is locked"): plain sqlite3.
    raw = raw_connection(folder)
    try:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def raw_connection(folder: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection to the cached database (the baselines' tool)."""
    return sqlite3.connect(database_file(folder))


def scratch(name: str) -> Path:
    """An empty scratch folder under the cache (removed first if it exists)."""
    path = cache_dir() / "scratch" / name
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path
