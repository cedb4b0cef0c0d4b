"""Consistent online backups: SQLite's backup API for the database, hard copies for photos."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from inspector_app.durable import fsync_file

logger = logging.getLogger(__name__)


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy a live SQLite database to `dest` with the online backup API (safe while others write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    if tmp.exists():
        tmp.unlink()
    raw = engine.raw_connection()
    try:
        source: sqlite3.Connection = raw.driver_connection  # type: ignore[assignment]
        target = sqlite3.connect(tmp)
        try:
            source.backup(target, pages=4096)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    finally:
        raw.close()
    fsync_file(tmp)
    os.replace(tmp, dest)
    return dest


def is_hidden(path: Path) -> bool:
    """Files a copy of the photo folder leaves out: names starting with a dot, i.e. the
    store's half-written `.tmp-*` files and the folder's identity file."""
    return path.name.startswith(".")


def copy_tree_incremental(src: Path, dest: Path) -> int:
    """Copy files from src to dest that dest lacks (photos are immutable, named by hash).

    Half-written temporary files are left out, and a file that vanishes while we copy (a
    temporary file renamed, a stray set aside by a repair) is skipped, not an error.
    """
    copied = 0
    if not src.exists():
        return 0
    for path in src.rglob("*"):
        if is_hidden(path) or not path.is_file():
            continue
        target = dest / path.relative_to(src)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                shutil.copy2(path, target)
            except FileNotFoundError:
                if not path.exists():
                    continue
                raise
            copied += 1
    return copied


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What SQLite's integrity check says is wrong with the file at `path` ([] when sound)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        lines = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    return [] if lines == ["ok"] else lines


