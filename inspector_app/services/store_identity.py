"""A database and its photo folder know each other: one id written in both.

The photo folder holds `.inspector-store.json`: the folder's id and every database it has
been paired with (id and path). Each database holds the folder's id and its own id in
`app_settings`. A command on a database paired with another folder is refused, so a
repair can never mistake one data set's photos for another's strays; and a repair keeps
every original that any database the folder has known still refers to (README, "Nothing
is lost").
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

try:
    import fcntl
except ImportError:  # Windows: open files cannot be deleted there anyway
    fcntl = None  # type: ignore[assignment]

from inspector_app.domain import clock
from inspector_app.domain.errors import StoreMismatch
from inspector_app.domain.messages import t
from inspector_app.paths import STORE_MARKER
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: The marker file in the photo folder (its name starts with a dot: not a photo).
MARKER = STORE_MARKER
#: app_settings key: the id of the photo folder this database belongs to.
STORE_ID_KEY = "storage.photo_store_id"
#: app_settings key: this database's own id.
DATABASE_ID_KEY = "storage.database_id"


@dataclass
class StoreMarker:
    store_id: str
    databases: list[dict] = field(default_factory=list)  # {"id", "path", "paired_at"}

    def knows(self, db_id: str, path: str) -> bool:
        return any(d.get("id") == db_id and d.get("path") == path for d in self.databases)


def marker_path(photos: Path) -> Path:
    return photos / MARKER


def read_marker(photos: Path) -> StoreMarker | None:
    """The photo folder's marker, or None when it has none yet."""
    path = marker_path(photos)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreMismatch(t(
            "The photo folder's identity file {path} cannot be read ({problem}); "
            "restore it from a backup's photos folder.", path=path, problem=exc,
        )) from None
    return StoreMarker(str(raw.get("store_id", "")), list(raw.get("databases", [])))


def write_marker(photos: Path, marker: StoreMarker) -> None:
    """Write the marker all or nothing (temporary file, fsync, rename)."""
    photos.mkdir(parents=True, exist_ok=True)
    data = json.dumps(
        {"format": 1, "store_id": marker.store_id, "databases": marker.databases}, indent=1
    ).encode("utf-8")
    # The photo store's temporary-file prefix and lock: a crash leaves a file `check`
    # knows, and a concurrent repair leaves a file being written alone.
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=photos)
    try:
        with os.fdopen(fd, "wb") as f:
            if fcntl is not None:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, marker_path(photos))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def database_ids(ctx: Context) -> tuple[str | None, str | None]:
    """(photo-folder id, database id) as stored in the database."""
    # Plain SQL: this runs at every start, before the first paint, which loads no ORM model.
    with ctx.db.read() as s:
        rows: dict[str, str] = dict(s.execute(
            text("SELECT key, value_json FROM app_settings WHERE key IN (:store, :db)"),
            {"store": STORE_ID_KEY, "db": DATABASE_ID_KEY},
        ).all())
    return (
        json.loads(rows[STORE_ID_KEY]) if STORE_ID_KEY in rows else None,
        json.loads(rows[DATABASE_ID_KEY]) if DATABASE_ID_KEY in rows else None,
    )


def ids_in_sqlite_file(path: Path) -> tuple[str | None, str | None]:
    """(photo-folder id, database id) of an SQLite file, read without changing it."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None, None
    try:
        rows = dict(conn.execute(
            "SELECT key, value_json FROM app_settings WHERE key IN (?, ?)",
            (STORE_ID_KEY, DATABASE_ID_KEY),
        ).fetchall())
    except sqlite3.Error:
        return None, None
    finally:
        conn.close()
    return (
        json.loads(rows[STORE_ID_KEY]) if STORE_ID_KEY in rows else None,
        json.loads(rows[DATABASE_ID_KEY]) if DATABASE_ID_KEY in rows else None,
    )


def mismatch(ctx: Context, db_store: str, marker: StoreMarker) -> StoreMismatch:
    return StoreMismatch(t(
        "The database {database} belongs to another photo folder than {photos} "
        "(folder id {db_store}, this folder's id {folder_store}); check --db and --data-dir.",
        database=ctx.db.describe(), photos=ctx.paths.photos,
        db_store=db_store[:8], folder_store=marker.store_id[:8],
    ))


def pair(ctx: Context) -> StoreMarker:
    """Make sure the database and the photo folder know each other; refuse a mismatch
    (an SQLite database paired with another folder).

    A database or folder without an id (made before ids existed, or just created) gets one
    here, in one transaction; the folder's marker is written atomically first.
    """
    marker = read_marker(ctx.paths.photos)
    db_store, db_id = database_ids(ctx)
    # A team server keeps its photos' bytes itself; every machine's folder is a cache of
    # them (docs/team-server.md, "Photos"), also the folder of a laptop copy of that server,
    # which logs in to the server directly when it is online (docs/sync.md): such a
    # folder keeps its own id and notes the server among its databases.
    if (db_store and marker is not None and marker.store_id != db_store
            and ctx.db.is_sqlite):
        raise mismatch(ctx, db_store, marker)
    where = _where(ctx)
    if db_store and db_id and marker is not None and marker.knows(db_id, where):
        return marker  # the usual case: nothing to write
    store_id = db_store or (marker.store_id if marker else str(uuid.uuid4()))
    missing_ids = db_store is None or db_id is None
    db_id = db_id or str(uuid.uuid4())
    marker = marker or StoreMarker(store_id)
    if not marker.knows(db_id, where):
        marker.databases.append({"id": db_id, "path": where, "paired_at": clock.now().isoformat()})
        write_marker(ctx.paths.photos, marker)
        logger.info("Photo folder %s paired with database %s (%s)", ctx.paths.photos, where, db_id)
    if missing_ids:
        _store_ids(ctx, store_id, db_id)
    return marker


def _where(ctx: Context) -> str:
    """How the marker names a database: an SQLite file's absolute path, else its URL."""
    path = ctx.db.sqlite_path
    return str(path.resolve()) if path is not None else ctx.db.describe()


def _store_ids(ctx: Context, store_id: str, db_id: str) -> None:
    from inspector_app.db.models import AppSetting  # first open only

    with ctx.db.write() as s:
        have = set(s.scalars(select(AppSetting.key).where(
            AppSetting.key.in_((STORE_ID_KEY, DATABASE_ID_KEY))
        )))
        for key, value in ((STORE_ID_KEY, store_id), (DATABASE_ID_KEY, db_id)):
            if key not in have:
                s.add(AppSetting(key=key, value_json=json.dumps(value)))


def known_database_files(ctx: Context) -> list[Path]:
    """The SQLite files (other than the open one) this photo folder has been paired with."""
    marker = read_marker(ctx.paths.photos)
    current = ctx.db.sqlite_path.resolve() if ctx.db.sqlite_path else None
    out: list[Path] = []
    for entry in marker.databases if marker else []:
        path = Path(str(entry.get("path", "")))
        if path.is_absolute() and path.resolve() != current and path not in out:
            out.append(path)
    return out
