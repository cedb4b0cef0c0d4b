"""The quarantine: what a repair would once have deleted, set aside in dated folders.

A repair never deletes a photo file; it moves it here, under the data folder, and it stays
until the user empties the quarantine (`inspector check --empty-quarantine`).
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain import clock
from inspector_app.durable import fsync_file, new_dated_folder
from inspector_app.services.context import Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class QuarantineFolder:
    path: Path
    files: int
    size: int  # bytes


def new_folder(ctx: Context) -> Path:
    """One repair's quarantine folder, named after now (UTC)."""
    return new_dated_folder(ctx.paths.quarantine, clock.now())


def set_aside(src: Path, folder: Path, rel: Path) -> Path:
    """Move `src` to `folder/rel` (renamed when on the same disk, else copied then removed)."""
    target = folder / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(src, target)
    except OSError as exc:
        if exc.errno != 18:  # EXDEV: another file system
            raise
        shutil.copy2(src, target)
        fsync_file(target)
        src.unlink()
    logger.info("set aside %s in %s", src, target)
    return target


def list_quarantine(ctx: Context) -> list[QuarantineFolder]:
    """The quarantine's dated folders, oldest first."""
    parent = ctx.paths.quarantine
    out: list[QuarantineFolder] = []
    if not parent.is_dir():
        return out
    for folder in sorted(p for p in parent.iterdir() if p.is_dir()):
        files = [p for p in folder.rglob("*") if p.is_file()]
        out.append(QuarantineFolder(folder, len(files), sum(p.stat().st_size for p in files)))
    return [q for q in out if q.files] + [q for q in out if not q.files and _drop_empty(q.path)]


def _drop_empty(folder: Path) -> bool:
    shutil.rmtree(folder, ignore_errors=True)
    return False


def empty_quarantine(ctx: Context) -> int:
    """Delete everything in the quarantine (the user asked); the number of files deleted."""
    removed = 0
    for q in list_quarantine(ctx):
        for path in q.path.rglob("*"):
            if path.is_file():
                path.chmod(0o644)  # originals are stored read-only
        shutil.rmtree(q.path)
        removed += q.files
        logger.info("emptied quarantine folder %s (%d files)", q.path, q.files)
    return removed

