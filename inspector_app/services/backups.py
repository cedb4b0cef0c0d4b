"""Folder backups of the SQLite database and photos: now, daily with rotation, list, restore."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Generator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from inspector_app.db.backup import backup_sqlite, copy_tree_incremental
from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import DatabaseTooNew, InspectorError, NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.paths import DB_FILE_NAME
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

# Layout: <backups>/<YYYYmmddTHHMMSSZ>/inspector.sqlite3 + photos/ + backup.json

#: Folder-name format of a backup (UTC); a suffix -2, -3 ... if two fall in one second.
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
#: Description of the backup, written last (a folder without it is incomplete).
MANIFEST = "backup.json"
#: Kinds of backup; only "daily" ones are rotated away.
MANUAL, DAILY, SAFETY, UPGRADE = "manual", "daily", "safety", "upgrade"
#: Daily backups kept by default.
KEEP_DAILY = 7

_STAMP_RE = re.compile(r"^(\d{8}T\d{6}Z)(?:-\d+)?$")
_FILE_STAMP_RE = re.compile(r"-(\d{8}T\d{6}Z)$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path  # the backup folder, or a lone .sqlite3 file (taken before a schema upgrade)
    database: Path
    created_at: datetime  # UTC
    kind: str
    photos: int | None  # photo files in the backup; None when unknown

    @property
    def photos_dir(self) -> Path | None:
        folder = self.path / "photos" if self.path.is_dir() else None
        return folder if folder is not None and folder.is_dir() else None


def _live_db(ctx: Context) -> Path:
    path = ctx.db.sqlite_path
    if path is None:
        raise InspectorError(t(
            "Backups here cover the embedded SQLite database only; back up a server "
            "database with its own tools (e.g. pg_dump)."
        ))
    return path


def _new_folder(parent: Path, when: datetime) -> Path:
    parent.mkdir(parents=True, exist_ok=True)
    stamp = when.strftime(STAMP_FORMAT)
    folder, n = parent / stamp, 1
    while folder.exists():
        n += 1
        folder = parent / f"{stamp}-{n}"
    folder.mkdir()
    return folder


def backup_steps(
    ctx: Context, dest_dir: Path | None = None, *, kind: str = MANUAL
) -> Generator[tuple[int, int, str], None, Path]:
    """Take a folder backup, yielding (done, total, "") progress; returns the folder.

    Closing the generator early removes the unfinished folder.
    """
    _live_db(ctx)
    parent = Path(dest_dir) if dest_dir else ctx.paths.backups
    when = clock.now()
    previous = _latest_folder(parent)
    folder = _new_folder(parent, when)
    complete = False
    try:
        sources = [p for p in ctx.paths.photos.rglob("*") if p.is_file()] if ctx.paths.photos.exists() else []
        total = len(sources) + 1
        yield 0, total, ""
        backup_sqlite(ctx.db.engine, folder / DB_FILE_NAME)
        yield 1, total, ""
        photos = folder / "photos"
        photos.mkdir()
        done = 1
        for src in sources:
            if src.name.endswith(".tmp"):
                continue
            rel = src.relative_to(ctx.paths.photos)
            target = photos / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            # Photos are immutable and named by their hash: share the previous backup's copy.
            prior = previous / "photos" / rel if previous else None
            try:
                if prior is not None and prior.is_file() and prior.stat().st_size == src.stat().st_size:
                    os.link(prior, target)
                else:
                    shutil.copy2(src, target)
            except OSError:
                if not target.exists():
                    shutil.copy2(src, target)
            done += 1
            if done % 20 == 0:
                yield done, total, ""
        # Anything that appeared while we copied.
        copy_tree_incremental(ctx.paths.photos, photos)
        count = sum(1 for p in photos.rglob("*") if p.is_file())
        manifest = {
            "format": 1,
            "created_at": when.isoformat(),
            "kind": kind,
            "schema": _schema_revision(folder / DB_FILE_NAME),
            "photos": count,
            "source": ctx.db.describe(),
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        yield total, total, ""
        complete = True
        logger.info("Backup (%s) written to %s: %d photos", kind, folder, count)
        return folder
    finally:
        if not complete:
            logger.info("Backup to %s not completed; removing it", folder)
            shutil.rmtree(folder, ignore_errors=True)


def backup_now(ctx: Context, dest_dir: Path | None = None, *, kind: str = MANUAL) -> Path:
    """Back up the database and photos to `<dest_dir or backups>/<stamp>/`; returns that folder."""
    steps = backup_steps(ctx, dest_dir, kind=kind)
    try:
        while True:
            next(steps)
    except StopIteration as stop:
        return stop.value


def list_backups(ctx: Context, folder: Path | None = None) -> list[BackupInfo]:
    """The backups in the backups folder (or `folder`), newest first."""
    parent = Path(folder) if folder else ctx.paths.backups
    found: list[BackupInfo] = []
    if not parent.is_dir():
        return found
    for entry in parent.iterdir():
        try:
            info = _read_backup(entry)
        except (OSError, ValueError) as exc:
            logger.warning("Skipping unreadable backup %s: %s", entry, exc)
            continue
        if info is not None:
            found.append(info)
    found.sort(key=lambda b: (b.created_at, b.path.name), reverse=True)
    return found


def rotate_daily(ctx: Context, keep: int = KEEP_DAILY) -> Path | None:
    """Take today's daily backup unless there is one, then keep only the newest `keep`."""
    if ctx.db.sqlite_path is None:
        return None
    today = clock.today()
    dailies = [b for b in list_backups(ctx) if b.kind == DAILY]
    if any(b.created_at.astimezone().date() == today for b in dailies):
        return None
    folder = backup_now(ctx, kind=DAILY)
    dailies = [b for b in list_backups(ctx) if b.kind == DAILY]
    for old in dailies[max(keep, 1) :]:
        logger.info("Removing old daily backup %s", old.path)
        shutil.rmtree(old.path, ignore_errors=True)
    return folder


def restore(ctx: Context, backup: Path | BackupInfo) -> None:
    """Replace the database (and add missing photos) from a backup, after a safety backup.

    `backup` is a backup folder, a `.sqlite3` file, or a BackupInfo. The backup is checked
    first; the current data is backed up (kind "safety") before anything is replaced; the
    restored database is then upgraded to this version's schema.
    """
    from inspector_app.db.migrate import upgrade

    ctx.require(Role.ADMIN, action=t("restore a backup"))
    live = _live_db(ctx)
    info = backup if isinstance(backup, BackupInfo) else _read_backup(Path(backup))
    if info is None:
        raise NotFound(t(
            "{backup} is not an Inspector backup (no {file} inside)", backup=backup, file=DB_FILE_NAME
        ))
    check_database(info.database)
    safety = backup_now(ctx, kind=SAFETY)
    logger.info("Restoring %s over %s (safety backup %s)", info.path, live, safety)
    staged = live.with_name(live.name + ".restoring")
    shutil.copy2(info.database, staged)
    # Every pooled connection must be closed before the file changes under it, and a stale
    # write-ahead log must not be replayed into the restored file.
    ctx.db.dispose()
    for suffix in ("-wal", "-shm", "-journal"):
        leftover = live.with_name(live.name + suffix)
        if leftover.exists():
            leftover.unlink()
    os.replace(staged, live)
    if info.photos_dir is not None:
        copy_tree_incremental(info.photos_dir, ctx.paths.photos)
    upgrade(ctx.db, ctx.paths.backups)
    logger.info("Restored %s", info.path)


def check_database(path: Path) -> str:
    """Check that `path` is a sound Inspector database this version can open; its schema."""
    if not path.is_file():
        raise NotFound(t("No database file at {path}", path=path))
    revision = _schema_revision(path)
    if revision is None:
        raise ValidationError(t("{path} is not an Inspector database", path=path))
    from alembic.script import ScriptDirectory

    from inspector_app.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    if revision not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseTooNew(t(
            "The backup {path} was written by a newer version of Inspector (schema {revision})",
            path=path, revision=revision,
        ))
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ValidationError(t("{path} is damaged: {problem}", path=path, problem=exc)) from None
    finally:
        conn.close()
    if not result or result[0] != "ok":
        raise ValidationError(t(
            "{path} is damaged: {problem}", path=path, problem=result[0] if result else t("no answer")
        ))
    return revision


def _schema_revision(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


def _read_backup(entry: Path) -> BackupInfo | None:
    if entry.is_dir():
        match = _STAMP_RE.match(entry.name)
        database = entry / DB_FILE_NAME
        if not database.is_file() or not (entry / MANIFEST).is_file():
            return None  # incomplete, or not ours
        manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
        created = (
            datetime.fromisoformat(manifest["created_at"])
            if "created_at" in manifest
            else datetime.strptime(match.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
            if match
            else datetime.fromtimestamp(entry.stat().st_mtime, UTC)
        )
        return BackupInfo(entry, database, created, str(manifest.get("kind", MANUAL)), manifest.get("photos"))
    if entry.is_file() and entry.suffix in (".sqlite3", ".sqlite", ".db"):
        # An upgrade copy's name ends with the moment it was taken (db/migrate.py).
        stamp = _FILE_STAMP_RE.search(entry.stem)
        created = (
            datetime.strptime(stamp.group(1), STAMP_FORMAT).replace(tzinfo=UTC)
            if stamp
            else datetime.fromtimestamp(entry.stat().st_mtime, UTC)
        )
        kind = UPGRADE if entry.name.startswith("before-upgrade-") else MANUAL
        return BackupInfo(entry, entry, created, kind, None)
    return None


def _latest_folder(parent: Path) -> Path | None:
    if not parent.is_dir():
        return None
    folders = [p for p in parent.iterdir() if p.is_dir() and _STAMP_RE.match(p.name) and (p / MANIFEST).is_file()]
    return max(folders, key=lambda p: p.name) if folders else None
