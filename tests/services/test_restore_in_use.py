"""Restore refuses while another process has the database open; a folder of backups.

The other process is real: a Python child holding an sqlite3 connection (idle after a read,
or inside a write transaction) until told to let go.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ValidationError
from inspector_app.services import backups, restore
from inspector_app.services import users as user_service

#: Restore replaces the SQLite file; a team server is restored with pg_restore (README).
pytestmark = pytest.mark.sqlite_only

HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("SELECT count(*) FROM users").fetchone()
if sys.argv[2] == "writing":
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE users SET display_name = display_name")
print("ready", flush=True)
sys.stdin.readline()
conn.close()
"""


def _holder(database, how: str) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(database), how],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _let_go(proc: subprocess.Popen) -> None:
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.wait(timeout=30) == 0


@pytest.mark.parametrize("how", ["open", "writing"])
def test_restore_refuses_while_another_process_holds_the_database(admin, how):
    folder = backups.backup_now(admin)
    user_service.create_user(admin, "After backup", Role.INSPECTOR)
    live = admin.db.sqlite_path
    proc = _holder(live, how)
    try:
        with pytest.raises(ValidationError) as refused:
            backups.restore(admin, folder)
        message = str(refused.value)
        assert "in use by another program" in message and "Nothing was restored" in message
        assert "\n" not in message
        assert [b.kind for b in backups.list_backups(admin)] == ["manual"]  # nothing set aside
        assert not live.with_name(live.name + ".restoring").exists()
    finally:
        _let_go(proc)
    # Still the same database, and usable; with the other process gone the restore runs.
    assert "After backup" in [u.display_name for u in user_service.list_users(admin)]
    backups.restore(admin, folder)
    assert "After backup" not in [u.display_name for u in user_service.list_users(admin)]


def test_this_process_own_connections_do_not_count(admin):
    folder = backups.backup_now(admin)
    with admin.db.read() as s:  # the app's own pool (Settings' Restore... runs in-process)
        s.connection()
    backups.restore(admin, folder)


def test_a_folder_of_backups_gives_the_newest_good_one(admin, tmp_path):
    parent = tmp_path / "usb"
    older = backups.backup_now(admin, parent)
    user_service.create_user(admin, "Second", Role.INSPECTOR)
    newer = backups.backup_now(admin, parent)
    assert [b.path for b in restore.backups_in(parent)] == [newer, older]
    assert not restore.is_backup(parent) and restore.is_backup(newer)
    info, passed = restore.newest_good_backup(restore.backups_in(parent))
    assert info.path == newer and passed == []
    with sqlite3.connect(newer / "inspector.sqlite3") as conn:  # break the newer one
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = 'garbage' WHERE name = 'users'")
    info, passed = restore.newest_good_backup(restore.backups_in(parent))
    assert info.path == older and len(passed) == 1 and str(newer) in passed[0]
