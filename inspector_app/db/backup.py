"""Consistent online backups: SQLite's backup API for the database, hard copies for photos."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

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
    _fsync(tmp)
    os.replace(tmp, dest)
    return dest


def copy_tree_incremental(src: Path, dest: Path) -> int:
    """Copy files from src to dest that dest lacks (photos are immutable, named by hash)."""
    copied = 0
    if not src.exists():
        return 0
    for path in src.rglob("*"):
        if path.is_file() and not path.name.endswith(".tmp"):
            target = dest / path.relative_to(src)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                copied += 1
    return copied


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
