"""Checking the database and the photo store against each other, and repairing the store."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from inspector_app.db.models import Photo
from inspector_app.domain.messages import t

if TYPE_CHECKING:
    from inspector_app.services.photo_server import ServerCheck
from inspector_app.services.context import Context
from inspector_app.services.quarantine import new_folder, set_aside

logger = logging.getLogger(__name__)


@dataclass
class StoreCheck:
    """What `check_store` found still wrong, and what a repair removed."""

    integrity: list[str] | None = None  # None when the database is not SQLite
    missing_files: list[tuple[int, str]] = field(default_factory=list)  # (photo id, sha256)
    corrupt_files: list[str] = field(default_factory=list)  # referenced, content != name
    unreferenced_files: list[str] = field(default_factory=list)
    temp_files: list[Path] = field(default_factory=list)
    foreign_files: list[Path] = field(default_factory=list)  # never removed automatically
    #: Files this database does not refer to but another database the photo folder has
    #: known, or a backup, does: kept where they are, never a repair's to move.
    kept_for_others: list[str] = field(default_factory=list)
    #: What a repair moved (from where it was) into `quarantine`.
    removed: list[Path] = field(default_factory=list)
    quarantine: Path | None = None
    rows_checked: int = 0
    files_checked: int = 0
    server: ServerCheck | None = None  # on a team server

    @property
    def database_ok(self) -> bool:
        return self.integrity is None or self.integrity == ["ok"]

    @property
    def ok(self) -> bool:
        return self.database_ok and not (
            (self.server is not None and self.server.problems())
            or self.missing_files
            or self.corrupt_files
            or self.unreferenced_files
            or self.temp_files
            or self.foreign_files
        )

    def problems(self) -> list[str]:
        """One sentence per problem, for `inspector check`."""
        out = [
            t("Database integrity: {problem}", problem=line)
            for line in self.integrity or []
            if line != "ok"
        ]
        out += self.server.problems() if self.server is not None else []
        out += [
            t("Photo {id} has no file in the photo store ({sha}).", id=i, sha=sha)
            for i, sha in self.missing_files
        ]
        out += [
            t("Stored photo {file} is damaged: its content no longer matches.", file=f)
            for f in self.corrupt_files
        ]
        out += [
            t("Stored file {file} belongs to no photo (--repair sets it aside in the quarantine).", file=f)
            for f in self.unreferenced_files
        ]
        out += [
            t("Leftover temporary file {file} (--repair sets it aside in the quarantine).", file=f)
            for f in self.temp_files
        ]
        out += [
            t("Unexpected file {file} in the photo folder; remove it by hand.", file=f)
            for f in self.foreign_files
        ]
        return out


def _integrity(ctx: Context) -> list[str] | None:
    if not ctx.db.is_sqlite:
        return None
    try:
        with ctx.db.read() as s:
            lines = [str(r) for r in s.execute(text("PRAGMA integrity_check")).scalars()]
            for table, rowid, parent, _fk in s.execute(text("PRAGMA foreign_key_check")):
                lines.append(f"row {rowid} of {table} refers to a missing {parent} row")
    except DBAPIError as exc:  # so damaged that the check itself stops
        return [" ".join(str(exc.orig).split())]
    if lines != ["ok"] and "ok" in lines:
        lines.remove("ok")
    return lines


def check_store(
    ctx: Context, repair: bool = False, *, progress: Callable[[int, int], None] | None = None
) -> StoreCheck:
    """Check the database and the photo store; `repair` sets aside unreferenced and temp files.

    Nothing is deleted: a repair moves what it would once have removed into a dated folder
    of the quarantine. A file some photo row refers to (even a soft-deleted one), or that
    another database the photo folder has known or any backup refers to, stays where it
    is. Every stored file is re-hashed; `progress(done, total)` is called after each one.
    """
    store = ctx.photos
    report = StoreCheck(integrity=_integrity(ctx))
    if not report.database_ok:
        return report  # rows of a damaged database cannot say what is referenced
    # Rows first, then files: a row is committed only after its file is durable, so a
    # file we do not see belongs to no row we saw, and "missing" is never a false alarm.
    with ctx.db.read() as s:
        rows = s.execute(select(Photo.id, Photo.sha256).order_by(Photo.id)).all()
    scan = store.scan()
    stored = set(scan.stored)
    report.rows_checked = len(rows)
    report.missing_files = [(pid, sha) for pid, sha in rows if sha not in stored]
    if not ctx.db.is_sqlite:
        # A team server holds the photos; this folder is only a cache (services/photo_server).
        from inspector_app.services.photo_server import check_server

        report.server = check_server(ctx, repair)
        report.missing_files = []
    referenced = {sha for _pid, sha in rows}
    corrupt: list[str] = []
    for i, sha in enumerate(scan.stored, 1):
        if not store.verify(sha):
            corrupt.append(sha)
        if progress:
            progress(i, len(scan.stored))
    report.files_checked = len(scan.stored)
    report.corrupt_files = [sha for sha in corrupt if sha in referenced]
    unreferenced = [sha for sha in scan.stored if sha not in referenced]
    if unreferenced:
        others = references_elsewhere(ctx)
        report.kept_for_others = [sha for sha in unreferenced if sha in others]
        unreferenced = [sha for sha in unreferenced if sha not in others]
    report.unreferenced_files = unreferenced
    report.temp_files = list(scan.temp_files)
    report.foreign_files = list(scan.foreign)
    if repair:
        repair_store(ctx, report)
    return report


def repair_store(ctx: Context, report: StoreCheck) -> StoreCheck:
    """Move the unreferenced and leftover files `report` found into a new quarantine folder.

    Done under the write lock with the references read again, so a photo imported since
    the check stays. `report` is updated: `removed` lists what moved, the lists of
    unreferenced and temporary files keep what could not be moved.
    """
    if not (report.unreferenced_files or report.temp_files):
        return report
    folder = new_folder(ctx)
    report.quarantine = folder
    report.unreferenced_files = _set_aside_unreferenced(ctx, report.unreferenced_files, report, folder)
    report.temp_files = [p for p in report.temp_files if not _set_aside_temp(ctx, p, report, folder)]
    ctx.photos.prune_derived(set(ctx.photos.iter_stored()))
    return report


def _set_aside_unreferenced(
    ctx: Context, candidates: list[str], report: StoreCheck, folder: Path
) -> list[str]:
    """Returns the candidates that are still unreferenced but could not be moved."""
    store = ctx.photos
    left: list[str] = []
    with ctx.db.write() as s:
        if not ctx.db.is_sqlite:  # SQLite's BEGIN IMMEDIATE already excludes importers
            s.execute(text("LOCK TABLE photos IN SHARE ROW EXCLUSIVE MODE"))
        referenced = set(s.scalars(select(Photo.sha256).distinct()))
        for sha in candidates:
            if sha in referenced:
                continue  # imported meanwhile: no longer unreferenced
            path = store.path_for(sha)
            try:
                set_aside(path, folder, path.relative_to(ctx.paths.photos.parent))
            except FileNotFoundError:
                continue
            except OSError as e:
                logger.warning("could not set aside %s: %s", path, e)
                left.append(sha)
                continue
            report.removed.append(path)
    return left


def _set_aside_temp(ctx: Context, path: Path, report: StoreCheck, folder: Path) -> bool:
    from inspector_app.photos.store import lock_if_idle

    with lock_if_idle(path) as idle:
        if not idle:
            return not path.exists()  # renamed into place, or still being written
        try:
            set_aside(path, folder, path.relative_to(ctx.paths.root))
        except OSError as e:
            logger.warning("could not set aside %s: %s", path, e)
            return False
    report.removed.append(path)
    return True


def references_elsewhere(ctx: Context) -> set[str]:
    """Photo hashes referred to by the other databases the photo folder has known and by
    every backup in the backups folder (read-only; a file that cannot be read adds none)."""
    from inspector_app.services.backups import list_backups
    from inspector_app.services.store_identity import known_database_files

    files = known_database_files(ctx) + [b.database for b in list_backups(ctx)]
    found: set[str] = set()
    for path in files:
        found |= _photo_hashes(path)
    return found


def _photo_hashes(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return set()
    try:
        return {r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM photos")}
    except sqlite3.Error as exc:
        logger.warning("cannot read the photos of %s: %s", path, exc)
        return set()
    finally:
        conn.close()
