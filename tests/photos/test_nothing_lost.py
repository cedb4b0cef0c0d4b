"""Repair never destroys, and backups taken while photos are imported are whole."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.db.backup import backup_sqlite, integrity_problems
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import StoreMismatch
from inspector_app.services import backups
from inspector_app.services import photos as svc
from inspector_app.services.context import open_context
from tests.photos import samples

REPO = Path(__file__).resolve().parents[2]


def _import(ctx, owners, src: Path, tag: str, count: int = 3) -> set[str]:
    files = [
        samples.write(src, f"{tag}{n}.jpg", samples.jpeg_bytes((96, 72), noise=ord(tag[0]) * 1000 + n))
        for n in range(count)
    ]
    results = list(svc.add_photos(ctx, files, purchase_id=owners.purchase_id))
    assert all(r.photo_id for r in results), results
    return {r.sha256 for r in results}


def _everywhere(root: Path) -> dict[str, int]:
    """Every original under the photo folder and the quarantine: hash -> copies, content checked."""
    found: dict[str, int] = {}
    for folder in (root / "photos", root / "quarantine"):
        for p in folder.rglob("*"):
            if p.is_file() and len(p.name) == 64:
                assert hashlib.sha256(p.read_bytes()).hexdigest() == p.name
                found[p.name] = found.get(p.name, 0) + 1
    return found


def test_repair_on_a_hand_restored_older_copy_deletes_nothing(ictx, owners, src, tmp_path):
    first = _import(ictx, owners, src, "a")
    old = backup_sqlite(ictx.db.engine, tmp_path / "old.sqlite3")
    second = _import(ictx, owners, src, "b")
    before = _everywhere(ictx.paths.root)
    assert set(before) == first | second
    # The user copies an older database over the current one by hand.
    live = ictx.paths.database
    ictx.db.dispose()
    shutil.copyfile(old, live)
    again = open_context(data_folder=str(ictx.paths.root))
    report = svc.check_store(again, repair=True)
    assert sorted(p.name for p in report.removed) == sorted(second)  # set aside, not deleted
    assert report.quarantine is not None and report.quarantine.is_relative_to(again.paths.quarantine)
    assert _everywhere(again.paths.root) == before
    again.db.dispose()


def test_repair_after_a_restore_keeps_the_photos_of_the_database_set_aside(
    ictx, users, owners, src
):
    _import(ictx, owners, src, "a")
    admin = ictx.as_actor(users[Role.ADMIN])
    older = backups.backup_now(admin)
    second = _import(ictx, owners, src, "b")
    before = _everywhere(ictx.paths.root)
    backups.restore(admin, older)
    report = svc.check_store(admin, repair=True)
    assert report.removed == [] and report.quarantine is None
    assert sorted(report.kept_for_others) == sorted(second)
    assert _everywhere(ictx.paths.root) == before


def test_a_database_paired_with_another_photo_folder_is_refused(ictx, owners, src, tmp_path):
    _import(ictx, owners, src, "a")
    before = _everywhere(ictx.paths.root)
    other = open_context(data_folder=str(tmp_path / "other"))
    other_db = other.paths.database
    other.db.dispose()
    with pytest.raises(StoreMismatch, match="another photo folder"):
        open_context(f"sqlite:///{other_db}", str(ictx.paths.root))
    assert _everywhere(ictx.paths.root) == before


@pytest.mark.slow
def test_fifty_backups_while_another_process_imports_are_whole(ctx, tmp_path):
    """Each backup passes integrity_check, holds no temporary file and every photo its
    database refers to, while a second process imports small photos without pause."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.photos.import_loop", str(ctx.paths.root), str(tmp_path / "in"), "1"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    dest = tmp_path / "usb"
    made: list[Path] = []
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        proc.stdout.readline()  # the first photo is in
        for _ in range(50):
            made.append(backups.backup_now(ctx, dest))
        assert proc.poll() is None, proc.stderr.read()
    finally:
        proc.kill()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
    photo_counts = []
    for folder in made:
        db = folder / "inspector.sqlite3"
        assert integrity_problems(db) == [], folder
        assert not [p for p in folder.rglob("*") if p.name.startswith(".tmp-")], folder
        photo_counts.append(backups._read_backup(folder).photos)
        assert backups._missing_photos(folder) == [], folder
    assert photo_counts[-1] > photo_counts[0], "the importer kept importing meanwhile"


def test_a_database_named_by_a_relative_path_is_remembered_absolutely(
    ictx, owners, src, tmp_path, monkeypatch
):
    from inspector_app.services.store_identity import known_database_files, read_marker

    monkeypatch.chdir(tmp_path)
    other = open_context("sqlite:///second.sqlite3", str(ictx.paths.root))
    assert str(tmp_path / "second.sqlite3") in [d["path"] for d in read_marker(ictx.paths.photos).databases]
    assert ictx.paths.database in known_database_files(other)
    other.db.dispose()
    assert tmp_path / "second.sqlite3" in known_database_files(ictx)
