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

from inspector_app.db.backup import (
    backup_sqlite,
    copy_tree_incremental,
    integrity_problems,
    is_hidden,
)
from inspector_app.domain import clock
from inspector_app.domain.errors import (
    DatabaseTooNew,
    DatabaseUnusable,
    InspectorError,
    NotFound,
    ValidationError,
)
from inspector_app.domain.messages import t
from inspector_app.durable import STAMP_FORMAT, new_dated_folder
from inspector_app.paths import DB_FILE_NAME
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)

# Layout: <backups>/<YYYYmmddTHHMMSSZ>/inspector.sqlite3 + photos/ + backup.json; the
# folder is named by durable.new_dated_folder (a suffix -2, -3 ... if two fall in one second).

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
    verified: bool | None = None  # the copy passed its checks when written; None: unknown

    @property
    def good(self) -> bool:
        """Not known to be bad: verified when written, or older than verification."""
        return self.verified is not False

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


def backup_steps(
    ctx: Context, dest_dir: Path | None = None, *, kind: str = MANUAL
) -> Generator[tuple[int, int, str], None, Path]:
    """Take a folder backup, yielding (done, total, "") progress; returns the folder.

    Closing the generator early removes the unfinished folder.
    """
    live = _live_db(ctx)
    parent = backup_parent(ctx, dest_dir)
    # A damaged database is not backed up: its copy would be as damaged, and a bad copy
    # must never take the place of a good one in the rotation.
    problems = _live_integrity(ctx)
    if problems:
        raise damaged_source(ctx, live, problems[0])
    when = clock.now()
    previous = _latest_folder(parent)
    folder = new_dated_folder(parent, when)
    complete = False
    try:
        # The database first, then the photos: a photo's file is durable before its row is
        # committed, so every row in the copy finds its file below.
        sources = _photo_files(ctx.paths.photos)
        total = len(sources) + 1
        yield 0, total, ""
        backup_sqlite(ctx.db.engine, folder / DB_FILE_NAME)
        yield 1, total, ""
        photos = folder / "photos"
        photos.mkdir()
        done = 1
        for src in sources:
            _copy_photo(src, photos / src.relative_to(ctx.paths.photos), previous, ctx.paths.photos)
            done += 1
            if done % 20 == 0:
                yield done, total, ""
        # Anything that appeared while we copied.
        copy_tree_incremental(ctx.paths.photos, photos)
        problems = integrity_problems(folder / DB_FILE_NAME) + _missing_photos(folder, ctx.paths.photos)
        if problems:
            raise InspectorError(t(
                "The backup in {path} failed its check ({problem}); it was removed and the "
                "earlier backups are kept.", path=folder, problem=problems[0],
            ))
        count = sum(1 for p in photos.rglob("*") if p.is_file())
        manifest = {
            "format": 1,
            "created_at": when.isoformat(),
            "kind": kind,
            "schema": _schema_revision(folder / DB_FILE_NAME),
            "photos": count,
            "source": ctx.db.describe(),
            "verified": True,  # integrity_check of the copy passed, every photo present
        }
        _write_durably(folder / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
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
    if any(b.created_at.astimezone().date() == today and b.good for b in dailies):
        return None
    # Raises (and removes nothing) when the database or the copy is damaged.
    folder = backup_now(ctx, kind=DAILY)
    # Keep the newest `keep` good ones; an old one goes only when that many newer good
    # backups exist, so bad copies can never push the last good one out.
    good = [b for b in list_backups(ctx) if b.kind == DAILY and b.good]
    for old in good[max(keep, 1) :]:
        logger.info("Removing old daily backup %s", old.path)
        shutil.rmtree(old.path, ignore_errors=True)
    return folder


def restore(ctx: Context, backup: Path | BackupInfo) -> Path:
    """Replace the database from a verified backup; see services/restore.py."""
    from inspector_app.services.restore import restore as _restore

    return _restore(ctx, backup)


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
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
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
        return BackupInfo(
            entry, database, created, str(manifest.get("kind", MANUAL)), manifest.get("photos"),
            manifest.get("verified"),
        )
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


def backup_parent(ctx: Context, dest_dir: Path | str | None) -> Path:
    """Where backups go: any folder the user names (relative, `~`, a removable drive)."""
    if not dest_dir:
        return ctx.paths.backups
    parent = Path(os.path.expanduser(str(dest_dir))).absolute()
    if parent.exists() and not parent.is_dir():
        raise ValidationError(t("{path} is a file; --to takes a folder", path=dest_dir))
    return parent


def damaged_source(ctx: Context, live: Path, problem: str) -> DatabaseUnusable:
    newest = newest_good_backup(ctx)
    then = (
        t("restore the newest good backup with 'inspector restore {path}'", path=newest.path)
        if newest else t("no good backup was found; keep this file and ask for help")
    )
    return DatabaseUnusable(t(
        "The database {path} is damaged ({problem}); it was not backed up and the existing "
        "backups are kept. Next: {then}.", path=live, problem=problem, then=then,
    ))


def newest_good_backup(ctx: Context, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup whose database passes SQLite's quick check, if any."""
    for info in list_backups(ctx, folder):
        if info.good and info.database.is_file() and not integrity_problems(info.database, quick=True):
            return info
    return None


def _live_integrity(ctx: Context) -> list[str]:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with ctx.db.read() as s:
            lines = [str(r) for r in s.execute(text("PRAGMA integrity_check")).scalars()]
    except DBAPIError as exc:
        return [" ".join(str(exc.orig).split())]
    return [] if lines == ["ok"] else lines


def _photo_files(photos: Path) -> list[Path]:
    if not photos.is_dir():
        return []
    return [p for p in photos.rglob("*") if not is_hidden(p) and p.is_file()]


def _copy_photo(src: Path, target: Path, previous: Path | None, photos: Path) -> None:
    """Copy one photo; photos are immutable and named by their hash, so an equal-sized
    copy in the previous backup is shared (hard link). A file gone meanwhile is skipped."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prior = previous / "photos" / src.relative_to(photos) if previous else None
    try:
        if prior is not None and prior.is_file() and prior.stat().st_size == src.stat().st_size:
            try:
                os.link(prior, target)
                return
            except OSError:
                pass  # another file system, or links not supported
        shutil.copy2(src, target)
    except FileNotFoundError:
        if src.exists():
            raise
        logger.info("%s vanished while backing up; skipped", src)


def _missing_photos(folder: Path, live_photos: Path | None = None) -> list[str]:
    """Photo rows of the backup's database without a file in its photos folder (leaving out
    files the live photo folder lacks too: `check` reports those; the copy is as good as
    its source)."""
    conn = sqlite3.connect(f"{(folder / DB_FILE_NAME).resolve().as_uri()}?mode=ro", uri=True)
    try:
        hashes = [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM photos")]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()
    missing = [
        h for h in hashes
        if not (folder / "photos" / h[:2] / h).is_file()
        and (live_photos is None or (live_photos / h[:2] / h).is_file())
    ]
    return [t("{count} photo files missing, e.g. {sha}", count=len(missing), sha=missing[0])] if missing else []


def _write_durably(path: Path, data: bytes) -> None:
    with path.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _latest_folder(parent: Path) -> Path | None:
    if not parent.is_dir():
        return None
    folders = [p for p in parent.iterdir() if p.is_dir() and _STAMP_RE.match(p.name) and (p / MANIFEST).is_file()]
    return max(folders, key=lambda p: p.name) if folders else None
