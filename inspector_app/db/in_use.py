"""Whether another process has an SQLite database file open (before it is swapped or moved).

Two probes, both harmless to the other process:

- `BEGIN EXCLUSIVE` with a short timeout on a connection of our own: fails while another
  connection writes or holds a transaction (in WAL mode readers do not block it).
- In WAL mode every connection that has read the database holds a shared POSIX lock on one
  byte of the `-shm` file (SQLite's "dead man switch", byte 128) for as long as it is open,
  idle or not. If an exclusive lock on that byte cannot be taken, another process has the
  database open. POSIX locks never conflict within one process, so the caller's own
  connections must be closed first (closing any descriptor of the file would also drop
  them: see docs/architecture.md, "Restore").
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

logger = logging.getLogger(__name__)

#: How long to wait for another connection's write transaction to end.
BUSY_TIMEOUT_S = 0.5
#: The byte of the -shm file every open WAL connection holds a shared lock on (SQLite's
#: unix VFS: UNIX_SHM_BASE 120 + SQLITE_SHM_NLOCK 8).
SHM_DMS_BYTE = 128


def held_elsewhere(database: Path, *, timeout: float = BUSY_TIMEOUT_S) -> str | None:
    """Why another process is using `database` ("writing", "open"), or None when none is.

    Call with every connection of this process to the file closed.
    """
    if not database.exists():
        return None
    try:
        conn = sqlite3.connect(database, timeout=timeout, isolation_level=None)
    except sqlite3.Error:
        return None  # cannot even open it: the restore's own checks say why
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return "writing"
        logger.info("exclusive probe of %s: %s", database, exc)
    finally:
        conn.close()
    return "open" if _shm_in_use(database.with_name(database.name + "-shm")) else None


def _shm_in_use(shm: Path) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: the file itself cannot be renamed while open there
        return False
    try:
        fd = os.open(shm, os.O_RDWR)
    except FileNotFoundError:
        return False  # no connection has the write-ahead log open
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
    except OSError:
        return True
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, SHM_DMS_BYTE)
        return False
    finally:
        os.close(fd)
