"""Backups check what they copy: a damaged database is refused and never rotates out a good backup."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta

import pytest

from inspector_app.domain import clock
from inspector_app.domain.errors import DatabaseUnusable
from inspector_app.services import backups

#: Backups copy the SQLite file; a team server is backed up with pg_dump (README).
pytestmark = pytest.mark.sqlite_only


def _age(folder, days: int, *, verified: bool | None = True) -> None:
    manifest = json.loads((folder / backups.MANIFEST).read_text())
    manifest["created_at"] = (clock.now() - timedelta(days=days)).isoformat()
    manifest["verified"] = verified
    (folder / backups.MANIFEST).write_text(json.dumps(manifest))


def _zero_a_leaf_of(ctx, table: str) -> None:
    ctx.db.dispose()
    db = ctx.paths.database
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno LIMIT 1", (table,)
        ).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\0" * size)


def test_a_damaged_database_is_not_backed_up_and_no_daily_is_rotated_out(admin):
    for days in range(1, 8):
        _age(backups.backup_now(admin, kind=backups.DAILY), days)
    before = sorted(b.path for b in backups.list_backups(admin))
    _zero_a_leaf_of(admin, "users")
    with pytest.raises(DatabaseUnusable, match="not backed up") as refused:
        backups.rotate_daily(admin, keep=7)
    newest = max(before, key=lambda p: json.loads((p / backups.MANIFEST).read_text())["created_at"])
    assert f"inspector restore {newest}" in str(refused.value)
    assert sorted(b.path for b in backups.list_backups(admin)) == before


def test_rotation_keeps_the_last_good_dailies_and_counts_no_bad_one(admin):
    good = [backups.backup_now(admin, kind=backups.DAILY) for _ in range(7)]
    for days, folder in enumerate(good, start=3):
        _age(folder, days)
    bad = [backups.backup_now(admin, kind=backups.DAILY) for _ in range(2)]
    for days, folder in enumerate(bad, start=1):
        _age(folder, days, verified=False)  # as if their check had failed
    assert backups.rotate_daily(admin, keep=7) is not None
    kept = {b.path for b in backups.list_backups(admin) if b.kind == backups.DAILY}
    # Today's and the six newest good ones; the bad ones never pushed a good one out.
    assert kept >= set(good[:6]) and good[6] not in kept
    assert set(bad) <= kept


def test_a_photo_missing_from_the_store_does_not_stop_the_backup(ctx, users, tmp_path):
    """The copy is as good as its source: `check` reports the missing file, not the backup."""
    from inspector_app.domain.enums import Role
    from inspector_app.services import photos as svc
    from tests.photos import samples
    from tests.photos.conftest import make_owners

    admin = ctx.as_actor(users[Role.ADMIN])
    owners = make_owners(admin)
    files = [samples.write(tmp_path, f"{n}.jpg", samples.jpeg_bytes((64, 48), noise=n)) for n in range(2)]
    [gone, kept] = [r.sha256 for r in svc.add_photos(admin, files, purchase_id=owners.purchase_id)]
    admin.photos.path_for(gone).unlink()
    folder = backups.backup_now(admin)
    assert (folder / "photos" / kept[:2] / kept).is_file()
    assert backups._read_backup(folder).verified
