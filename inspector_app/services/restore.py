"""Verifying a backup, and restoring one: check it, then swap the database atomically,
keeping the current database (and a list of its photo files) aside, never deleting it."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from inspector_app.db.backup import copy_tree_incremental, integrity_problems
from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import NotFound, StoreMismatch, ValidationError
from inspector_app.domain.messages import t
from inspector_app.durable import fsync_dir, fsync_file, new_dated_folder
from inspector_app.paths import DB_FILE_NAME
from inspector_app.services.backups import (
    MANIFEST,
    SAFETY,
    BackupInfo,
    _live_db,
    _read_backup,
    _write_durably,
    check_database,
)
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

#: In a folder set aside by a restore: the photo files the photo folder held then.
PHOTO_LIST = "photos.txt"


@dataclass
class Verification:
    backup: Path
    problems: list[str] = field(default_factory=list)
    photos_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def find_backup(path: Path | str) -> BackupInfo:
    """The backup at `path` (a backup folder or a database file), else NotFound."""
    path = Path(os.path.expanduser(str(path))).absolute()
    if not path.exists():
        raise NotFound(t("There is no backup at {path}", path=path))
    info = _read_backup(path)
    if info is None:
        raise NotFound(t(
            "{backup} is not an Inspector backup (no {file} inside)", backup=path, file=DB_FILE_NAME
        ))
    return info


def refuse_when_open_elsewhere(live: Path) -> None:
    """Refuse (ValidationError) while another process has the database open: swapping the
    file under it would leave it writing to the set-aside copy (db/in_use.py)."""
    from inspector_app.db.in_use import held_elsewhere

    how = held_elsewhere(live)
    if how is not None:
        raise ValidationError(t(
            "The database {path} is in use by another program or Inspector window ({how}); "
            "close it and run the restore again. Nothing was restored.",
            path=live, how=t("writing") if how == "writing" else t("open"),
        ))


def backups_in(folder: Path | str) -> list[BackupInfo]:
    """The backups directly inside `folder` (a parent of backups), newest first; sets
    aside by earlier restores (kind "safety") last."""
    from inspector_app.services.backups import list_backups

    found = list_backups(None, Path(os.path.expanduser(str(folder))).absolute())  # type: ignore[arg-type]
    return sorted(found, key=lambda b: b.kind == SAFETY)  # stable: newest first within each


def is_backup(path: Path | str) -> bool:
    """Whether `path` is one backup (a backup folder or a database file), not a parent."""
    path = Path(os.path.expanduser(str(path))).absolute()
    return path.exists() and _read_backup(path) is not None


def newest_good_backup(found: list[BackupInfo]) -> tuple[BackupInfo | None, list[str]]:
    """The newest backup (not a safety copy) that passes verify_backup, and one line for
    each newer one passed over."""
    passed: list[str] = []
    for info in found:
        if info.kind == SAFETY:
            continue
        if info.verified is False:
            passed.append(t("{path}: failed its check when written", path=info.path))
            continue
        result = verify_backup(info)
        if result.ok:
            return info, passed
        passed.append(t("{path}: {problem}", path=info.path, problem=result.problems[0]))
    return None, passed


def verify_backup(info: BackupInfo) -> Verification:
    """Check a backup: its database's integrity and schema, and every photo it refers to
    (present, and its content still hashing to its name)."""
    result = Verification(info.path)
    problems = integrity_problems(info.database)
    if problems:
        result.problems += [t("database: {problem}", problem=p) for p in problems[:20]]
        return result
    try:
        check_database(info.database)
    except (ValidationError, NotFound) as exc:
        result.problems.append(str(exc))
        return result
    photos = info.photos_dir
    if photos is None:
        return result  # a lone database file: the photos are wherever it came from
    conn = sqlite3.connect(f"{info.database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        hashes = [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM photos")]
    finally:
        conn.close()
    for sha in hashes:
        file = photos / sha[:2] / sha
        try:
            with file.open("rb") as f:
                good = hashlib.file_digest(f, "sha256").hexdigest() == sha
        except FileNotFoundError:
            result.problems.append(t("photo file {sha} is missing", sha=sha))
            continue
        if not good:
            result.problems.append(t("photo file {sha} is damaged", sha=sha))
        result.photos_checked += 1
    return result


def restore(ctx: Context, backup: Path | BackupInfo) -> Path:
    """Replace the database from a backup; returns the folder the current one was set aside in.

    The backup is verified first (nothing changes when it fails). The current database file
    (with its write-ahead log) is moved, not copied, into a dated folder among the backups,
    kind "safety", with the list of photo files present; the backup's database then takes
    its place with one rename, and photos the backup has that the folder lacks are copied
    back. Photo files are never removed.
    """
    from inspector_app.db.migrate import upgrade
    from inspector_app.services.store_identity import ids_in_sqlite_file, read_marker

    ctx.require(Role.ADMIN, action=t("restore a backup"))
    live = _live_db(ctx)
    info = backup if isinstance(backup, BackupInfo) else find_backup(backup)
    check_database(info.database)
    verification = verify_backup(info)
    if not verification.ok:
        raise ValidationError(t(
            "The backup {path} failed its check ({problem}); nothing was restored.",
            path=info.path, problem=verification.problems[0],
        ))
    marker = read_marker(ctx.paths.photos)
    backup_store, _db_id = ids_in_sqlite_file(info.database)
    if marker is not None and backup_store and backup_store != marker.store_id:
        raise StoreMismatch(t(
            "The backup {path} belongs to another photo folder than {photos}; nothing was restored.",
            path=info.path, photos=ctx.paths.photos,
        ))
    ctx.db.dispose()  # every pooled connection closed before the file changes under it
    refuse_when_open_elsewhere(live)
    staged = live.with_name(live.name + ".restoring")
    shutil.copyfile(info.database, staged)
    fsync_file(staged)
    aside = _set_current_aside(ctx, live)
    try:
        os.replace(staged, live)
    except OSError:
        # Put the current database back where it was: the restore did not happen.
        for suffix in ("", "-wal", "-shm", "-journal"):
            kept = aside / (DB_FILE_NAME + suffix)
            if kept.exists():
                os.replace(kept, live.with_name(live.name + suffix))
        staged.unlink(missing_ok=True)
        raise
    fsync_dir(live.parent)
    logger.info("Restored %s over %s; the previous database is in %s", info.path, live, aside)
    if info.photos_dir is not None:
        copy_tree_incremental(info.photos_dir, ctx.paths.photos)
    upgrade(ctx.db, ctx.paths.backups)
    return aside


def _set_current_aside(ctx: Context, live: Path) -> Path:
    """Move the live database and its -wal/-shm into a new "safety" backup folder."""
    folder = new_dated_folder(ctx.paths.backups, clock.now())
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            src = live.with_name(live.name + suffix)
            if src.exists():
                dest = folder / (DB_FILE_NAME + suffix)
                os.replace(src, dest)
                moved.append((src, dest))
    except OSError:
        for src, dest in reversed(moved):  # put back what moved; the restore did not happen
            os.replace(dest, src)
        raise
    _fold_wal(folder / DB_FILE_NAME)
    photos = sorted(str(p.relative_to(ctx.paths.photos)) for p in ctx.photos.root.rglob("*")
                    if p.is_file() and not p.name.startswith("."))
    _write_durably(folder / PHOTO_LIST, ("\n".join(photos) + "\n").encode("utf-8"))
    manifest = {
        "format": 1, "created_at": clock.now().isoformat(), "kind": SAFETY,
        "photos": None, "photo_list": PHOTO_LIST, "source": ctx.db.describe(),
        "verified": not integrity_problems(folder / DB_FILE_NAME, quick=True),
    }
    _write_durably(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    fsync_dir(folder)
    return folder


def _fold_wal(database: Path) -> None:
    """Write the set-aside database's log into it, so the one file holds every commit."""
    try:
        conn = sqlite3.connect(database)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
    except sqlite3.Error as exc:  # damaged: keep its -wal beside it as it was
        logger.warning("could not fold the log into %s: %s", database, exc)


