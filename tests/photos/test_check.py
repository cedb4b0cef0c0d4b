"""`check_store`: the database integrity check and the photo store against the photo rows."""

from __future__ import annotations

import pytest

from inspector_app.photos.store import TEMP_PREFIX
from inspector_app.services import photos as svc
from tests.photos import samples


@pytest.fixture
def imported(ictx, owners, src):
    files = [
        samples.write(src, f"{i}.jpg", samples.jpeg_bytes((80, 60), noise=i)) for i in range(3)
    ]
    results = list(svc.add_photos(ictx, files, purchase_id=owners.purchase_id))
    assert [r.status for r in results] == ["stored"] * 3
    return results


def test_clean_store_passes(ictx, imported):
    progress = []
    report = svc.check_store(ictx, progress=lambda done, total: progress.append((done, total)))
    assert report.ok and report.problems() == []
    assert report.integrity == ["ok"]
    assert (report.rows_checked, report.files_checked) == (3, 3)
    assert progress == [(1, 3), (2, 3), (3, 3)]


def test_problems_are_found_and_only_leftovers_repaired(ictx, owners, src, imported):
    store = ictx.photos
    missing, damaged, deleted = imported
    store.path_for(missing.sha256).unlink()
    damaged_path = store.path_for(damaged.sha256)
    damaged_path.chmod(0o644)
    damaged_path.write_bytes(b"not what it was")
    svc.delete_photo(ictx, deleted.photo_id)  # soft-deleted: its file is still referenced
    stray = store.put(samples.webp_bytes((50, 40))).sha256  # a file no row refers to
    store.thumbnail(stray, 64)
    leftover = store.path_for(deleted.sha256).parent / f"{TEMP_PREFIX}crash"
    leftover.write_bytes(b"half a photo")
    foreign = store.root / "holiday.jpg"
    foreign.write_bytes(b"someone's file")

    report = svc.check_store(ictx)
    assert not report.ok
    assert report.missing_files == [(missing.photo_id, missing.sha256)]
    assert report.corrupt_files == [damaged.sha256]
    assert report.unreferenced_files == [stray]
    assert report.temp_files == [leftover] and report.foreign_files == [foreign]
    assert len(report.problems()) == 5 and all(p.endswith(".") for p in report.problems())
    assert leftover.exists() and store.has(stray)  # a plain check changes nothing

    repaired = svc.check_store(ictx, repair=True)
    assert sorted(repaired.removed) == sorted([store.path_for(stray), leftover])
    assert repaired.unreferenced_files == [] and repaired.temp_files == []
    assert not list(store.thumbs.rglob(f"{stray}.jpg"))
    # Referenced files are never removed, damaged or not; foreign files are left alone.
    assert damaged_path.exists() and store.verify(deleted.sha256) and foreign.exists()

    after = svc.check_store(ictx)
    assert after.missing_files == report.missing_files
    assert after.corrupt_files == report.corrupt_files
    assert after.foreign_files == [foreign] and not after.ok

    foreign.unlink()
    # Importing the lost photo again brings its file back.
    (again,) = svc.add_photos(ictx, [src / "0.jpg"], purchase_id=owners.purchase_id)
    assert again.status == "already stored" and store.verify(missing.sha256)


def test_repair_racing_an_import_never_loses_the_file(ictx, owners, src, monkeypatch):
    """A repair between "file stored" and "row committed" sees an unreferenced file and
    removes it; the import, holding the write lock afterwards, notices and stores it again."""
    store = ictx.photos
    real_put = store.put
    removed = []

    def put_then_repair(data, sha=None, **kw):
        stored = real_put(data, sha, **kw)
        if not removed:
            removed.extend(svc.check_store(ictx, repair=True).removed)
        return stored

    monkeypatch.setattr(store, "put", put_then_repair)
    f = samples.write(src, "a.jpg", samples.jpeg_bytes((80, 60)))
    (result,) = svc.add_photos(ictx, [f], purchase_id=owners.purchase_id)
    assert removed == [store.path_for(result.sha256)]  # the race really happened
    assert result.status == "stored" and store.verify(result.sha256)
    assert svc.check_store(ictx).ok
