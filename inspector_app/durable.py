"""Durable files: flush a file or a folder entry to disk, and make a new dated folder.

Every writer that promises "nothing is lost" (the photo store, backups, restore, exports,
quarantine) uses these, so a file is on disk before the rename or the row that names it
(docs/architecture.md, "The write path").
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

#: How a dated folder is named (UTC, sorts by time).
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


def fsync_file(path: Path) -> None:
    """Flush `path`'s content to disk (opened for reading and writing: Windows needs that)."""
    with open(path, "rb" if os.name != "nt" else "rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(directory: Path) -> None:
    """Flush a folder's entries (a rename, a new file) to disk; nothing to do on Windows."""
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_dated_folder(parent: Path, when: datetime) -> Path:
    """A new, empty folder in `parent` named after `when` (UTC), -2, -3... when taken."""
    parent.mkdir(parents=True, exist_ok=True)
    stamp = when.strftime(STAMP_FORMAT)
    folder, n = parent / stamp, 1
    while folder.exists():
        n += 1
        folder = parent / f"{stamp}-{n}"
    folder.mkdir()
    return folder
