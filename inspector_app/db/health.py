"""Is this SQLite file a usable database? Cheap checks made every time one is opened.

Every command and the application open the database through `open_context`, which calls
`diagnose` first, so a missing, empty, truncated, damaged, foreign or read-only file is
refused with one sentence before anything reads or writes it (README, "Nothing is lost").
A full `PRAGMA integrity_check` reads every page; that is `inspector check`'s and the
backup's job, not every start's.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from pathlib import Path

from inspector_app.domain.errors import DatabaseUnusable
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: The first 16 bytes of every SQLite 3 database file.
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Size of the database header.
HEADER_SIZE = 100

#: Words in SQLite's own errors that mean the file itself is bad.
DAMAGE_WORDS = ("malformed", "not a database", "disk image", "file is encrypted", "corrupt")


def advice() -> str:
    return t("restore it from a backup with 'inspector restore DIR' (backups are in the data folder's backups folder)")


def damaged(path: Path | str, problem: str) -> DatabaseUnusable:
    """The one-line error for a damaged database file."""
    return DatabaseUnusable(t(
        "The database {path} is damaged ({problem}); {advice}.",
        path=path, problem=problem, advice=advice(),
    ))


def is_damage_error(exc: BaseException) -> bool:
    """True when an SQLite error says the file itself is damaged."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    return any(word in text for word in DAMAGE_WORDS)


def missing(path: Path) -> DatabaseUnusable:
    return DatabaseUnusable(t(
        "There is no database at {path}; check the path, create one with 'inspector init', "
        "or join a team server with 'inspector team join'.",
        path=path,
    ))


def diagnose(path: Path, *, writable: bool = True) -> None:
    """Raise DatabaseUnusable when `path` is missing, empty, not SQLite, truncated, damaged
    or (when `writable`) read-only; return quietly for a sound-looking database."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise missing(path) from None
    except OSError as exc:
        raise DatabaseUnusable(t(
            "The database {path} cannot be read: {problem}", path=path, problem=exc.strerror or exc
        )) from None
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseUnusable(t("The database {path} is not a regular file.", path=path))
    if st.st_size == 0:
        raise DatabaseUnusable(t(
            "The database {path} is an empty file; restore it from a backup, or remove it "
            "and create a new one with 'inspector init'.", path=path,
        ))
    try:
        with path.open("rb") as f:
            header = f.read(HEADER_SIZE)
    except OSError as exc:
        raise DatabaseUnusable(t(
            "The database {path} cannot be read: {problem}", path=path, problem=exc.strerror or exc
        )) from None
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseUnusable(t(
            "{path} is not an SQLite database (it may be another kind of file, or damaged "
            "from its first byte); {advice}.", path=path, advice=advice(),
        ))
    if len(header) < HEADER_SIZE:
        raise damaged(path, t("cut short at {size} bytes", size=st.st_size))
    _check_size(path, header, st.st_size)
    if writable and not _writable(path, st):
        raise DatabaseUnusable(t(
            "The database {path} is read-only; Inspector needs to write to it and to its "
            "folder (check the file's permissions, or copy it somewhere writable).", path=path,
        ))
    _check_schema(path)


def _check_size(path: Path, header: bytes, size: int) -> None:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise damaged(path, t("its header is invalid"))
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    wal_has_pages = wal.exists() and wal.stat().st_size > 0
    # The in-header size is trusted only when valid (SQLite's own rule); with a write-ahead
    # log holding pages the file may legitimately lag behind it.
    if counter_valid and pages and not wal_has_pages and size < pages * page_size:
        raise damaged(path, t(
            "cut short: {size} of {expected} bytes", size=f"{size:,}", expected=f"{pages * page_size:,}"
        ))


def _writable(path: Path, st: os.stat_result) -> bool:
    if os.name != "nt" and not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return False  # no write bit at all: read-only even for root, by the owner's intent
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_schema(path: Path) -> None:
    """Read the schema (page 1 and the pages it points to) without changing the file."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise damaged(path, str(exc)) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if is_damage_error(exc):
            raise damaged(path, str(exc)) from None
        raise DatabaseUnusable(t(
            "The database {path} cannot be opened: {problem}", path=path, problem=exc
        )) from None
    finally:
        conn.close()
