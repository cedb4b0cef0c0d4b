"""Folder backups: layout, shared photo copies, daily rotation, listing and restore."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import datetime, timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import DatabaseTooNew, NotFound, PermissionDenied, ValidationError
from inspector_app.services import backups
from inspector_app.services import users as user_service

#: Backups copy the SQLite file; a team server is backed up with pg_dump (README).
pytestmark = pytest.mark.sqlite_only


def _photo(ctx, name: str, data: bytes = b"jpeg bytes") -> None:
    path = ctx.paths.photos / name[:2] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_backup_now_writes_the_folder_layout(admin):
    _photo(admin, "abcdef.jpg")
    folder = backups.backup_now(admin)
    assert folder.parent == admin.paths.backups
    assert datetime.strptime(folder.name, backups.STAMP_FORMAT)
    assert (folder / "inspector.sqlite3").is_file()
    assert (folder / "photos" / "ab" / "abcdef.jpg").read_bytes() == b"jpeg bytes"
    manifest = json.loads((folder / backups.MANIFEST).read_text())
    assert manifest["kind"] == "manual" and manifest["photos"] == 1 and manifest["schema"]
    with sqlite3.connect(folder / "inspector.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 4


def test_backup_to_another_folder_keeps_the_layout(admin, tmp_path):
    folder = backups.backup_now(admin, tmp_path / "usb")
    assert folder.parent == tmp_path / "usb"
    assert backups.list_backups(admin, tmp_path / "usb")[0].path == folder


def test_photos_are_shared_with_the_previous_backup(admin):
    _photo(admin, "abcdef.jpg")
    first = backups.backup_now(admin)
    _photo(admin, "123456.jpg", b"new")
    second = backups.backup_now(admin)
    assert second.name != first.name
    shared = second / "photos" / "ab" / "abcdef.jpg"
    assert os.stat(shared).st_ino == os.stat(first / "photos" / "ab" / "abcdef.jpg").st_ino
    assert (second / "photos" / "12" / "123456.jpg").read_bytes() == b"new"


def test_an_interrupted_backup_leaves_nothing_behind(admin):
    _photo(admin, "abcdef.jpg")
    steps = backups.backup_steps(admin)
    next(steps)
    next(steps)
    steps.close()
    assert list(admin.paths.backups.iterdir()) == []


def test_rotate_daily_takes_one_a_day_and_keeps_the_last_n(admin):
    assert backups.rotate_daily(admin) is not None
    assert backups.rotate_daily(admin) is None  # today's exists
    # Pretend older dailies exist.
    for days in range(1, 10):
        folder = backups.backup_now(admin, kind=backups.DAILY)
        manifest = json.loads((folder / backups.MANIFEST).read_text())
        manifest["created_at"] = (clock.now() - timedelta(days=days)).isoformat()
        (folder / backups.MANIFEST).write_text(json.dumps(manifest))
    manual = backups.backup_now(admin)
    today = [b for b in backups.list_backups(admin) if b.kind == backups.DAILY][0]
    import shutil

    shutil.rmtree(today.path)  # yesterday's machine was off: a new day
    assert backups.rotate_daily(admin, keep=7) is not None
    dailies = [b for b in backups.list_backups(admin) if b.kind == backups.DAILY]
    assert len(dailies) == 7
    assert manual.exists()  # manual backups are never rotated away


def test_list_backups_includes_upgrade_copies_and_skips_incomplete(admin):
    earlier = (clock.now() - timedelta(days=1)).strftime(backups.STAMP_FORMAT)
    (admin.paths.backups / f"before-upgrade-0001-{earlier}.sqlite3").write_bytes(b"")
    (admin.paths.backups / earlier).mkdir()  # no manifest: unfinished
    folder = backups.backup_now(admin)
    listed = backups.list_backups(admin)
    assert [b.kind for b in listed] == ["manual", "upgrade"]
    assert listed[0].path == folder


def test_restore_replaces_data_after_a_safety_backup(admin):
    _photo(admin, "abcdef.jpg")
    folder = backups.backup_now(admin)
    user_service.create_user(admin, "After backup", Role.INSPECTOR)
    (admin.paths.photos / "ab" / "abcdef.jpg").unlink()
    backups.restore(admin, folder)
    assert "After backup" not in [u.display_name for u in user_service.list_users(admin)]
    assert (admin.paths.photos / "ab" / "abcdef.jpg").exists()
    safety = [b for b in backups.list_backups(admin) if b.kind == backups.SAFETY]
    assert len(safety) == 1
    with sqlite3.connect(safety[0].database) as conn:
        names = [r[0] for r in conn.execute("SELECT display_name FROM users")]
    assert "After backup" in names
    # The database still works for writing after the swap.
    user_service.create_user(admin, "After restore", Role.INSPECTOR)


def test_restore_from_a_lone_database_file(admin, tmp_path):
    folder = backups.backup_now(admin)
    lone = tmp_path / "copy.sqlite3"
    lone.write_bytes((folder / "inspector.sqlite3").read_bytes())
    backups.restore(admin, lone)
    assert user_service.count_users(admin) == 4


def test_restore_refuses_bad_input_before_touching_anything(admin, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(ValidationError):
        backups.restore(admin, junk)
    with pytest.raises(NotFound):
        backups.restore(admin, tmp_path / "nothing-here")
    future = backups.backup_now(admin)
    with sqlite3.connect(future / "inspector.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    with pytest.raises(DatabaseTooNew):
        backups.restore(admin, future)
    assert [b.kind for b in backups.list_backups(admin)] == ["manual"]  # no safety copy taken


def test_only_an_administrator_restores(qm):
    folder = backups.backup_now(qm)
    with pytest.raises(PermissionDenied):
        backups.restore(qm, folder)
