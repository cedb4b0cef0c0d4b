"""Checking the database and the photo store against each other, and repairing the store."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

from inspector_app.db.models import Photo
from inspector_app.domain.messages import t
from inspector_app.services.context import Context

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
    removed: list[Path] = field(default_factory=list)
    rows_checked: int = 0
    files_checked: int = 0
    server: object = None  # photo_server.ServerCheck on a team server

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
            t("Stored file {file} belongs to no photo (--repair removes it).", file=f)
            for f in self.unreferenced_files
        ]
        out += [
            t("Leftover temporary file {file} (--repair removes it).", file=f)
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
    with ctx.db.read() as s:
        lines = [str(r) for r in s.execute(text("PRAGMA integrity_check")).scalars()]
        for table, rowid, parent, _fk in s.execute(text("PRAGMA foreign_key_check")):
            lines.append(f"row {rowid} of {table} refers to a missing {parent} row")
    if lines != ["ok"] and "ok" in lines:
        lines.remove("ok")
    return lines


def check_store(
    ctx: Context, repair: bool = False, *, progress: Callable[[int, int], None] | None = None
) -> StoreCheck:
    """Check the database and the photo store; `repair` removes unreferenced and temp files.

    A file some photo row refers to (even a soft-deleted one) is never removed. Every
    stored file is re-hashed; `progress(done, total)` is called after each one.
    """
    store = ctx.photos
    report = StoreCheck(integrity=_integrity(ctx))
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
    report.temp_files = list(scan.temp_files)
    report.foreign_files = list(scan.foreign)
    if repair:
        if unreferenced:
            unreferenced = _remove_unreferenced(ctx, unreferenced, report)
        report.temp_files = [p for p in scan.temp_files if not _remove_temp(p, report)]
        store.prune_derived(stored - {p.name for p in report.removed})
    report.unreferenced_files = unreferenced
    return report


def _remove_unreferenced(ctx: Context, candidates: list[str], report: StoreCheck) -> list[str]:
    """Remove candidate files under the write lock, re-reading references first.

    Returns the candidates that are still unreferenced but could not be removed.
    """
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
                if store.remove(sha):
                    report.removed.append(path)
                    logger.info("removed unreferenced photo file %s", sha)
            except OSError as e:
                logger.warning("could not remove %s: %s", path, e)
                left.append(sha)
    return left


def _remove_temp(path: Path, report: StoreCheck) -> bool:
    from inspector_app.photos.store import remove_if_idle

    if remove_if_idle(path):
        report.removed.append(path)
        logger.info("removed leftover temporary file %s", path)
        return True
    return not path.exists()  # renamed into place, or still being written: not a leftover
