"""The import pipeline: the next file is validated while this one is stored; hash once;
thumbnails made at import; cancel and failure leave nothing half done (real files)."""

from __future__ import annotations

import hashlib
import threading
import time

import pytest
from PIL import Image
from sqlalchemy import func, select

from inspector_app.db.models import Photo
from inspector_app.domain.errors import InspectorError
from inspector_app.photos import imaging
from inspector_app.photos import prepare as prep
from inspector_app.photos.store import THUMB_SIZE
from inspector_app.services import photos as svc
from tests.photos import samples


def _rows(ctx) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Photo))


def _files(src, n, size=(320, 240)):
    return [
        samples.write(src, f"{i}.jpg", samples.jpeg_bytes(size, noise=i)) for i in range(n)
    ]


def test_next_file_is_validated_on_another_thread_while_this_one_is_stored(
    ictx, owners, src, monkeypatch
):
    files = _files(src, 3)
    started: dict[str, threading.Event] = {f.name: threading.Event() for f in files}
    threads = set()
    real_prepare = prep.prepare_photo

    def prepare(path, **kw):
        threads.add(threading.get_ident())
        started[path.name].set()
        return real_prepare(path, **kw)

    monkeypatch.setattr(prep, "prepare_photo", prepare)
    store = ictx.photos
    real_put = store.put
    overlapped = []

    def put(data, sha=None, **kw):
        # While file n is being stored, file n+1 is already being prepared.
        n = next(i for i, f in enumerate(files) if f.read_bytes() == data)
        if n + 1 < len(files):
            overlapped.append(started[files[n + 1].name].wait(timeout=10))
        return real_put(data, sha, **kw)

    monkeypatch.setattr(store, "put", put)
    results = list(svc.add_photos(ictx, files, purchase_id=owners.purchase_id))
    assert [r.status for r in results] == ["stored"] * 3
    assert overlapped == [True, True]
    assert threads and threading.get_ident() not in threads


def test_each_file_is_hashed_once(ictx, owners, src, monkeypatch):
    files = _files(src, 3)
    contents = {f.read_bytes() for f in files}
    real_sha = hashlib.sha256
    hashed = []

    def sha256(data=b"", **kw):
        if data in contents:
            hashed.append(data)
        return real_sha(data, **kw)

    monkeypatch.setattr(hashlib, "sha256", sha256)
    results = list(svc.add_photos(ictx, files, purchase_id=owners.purchase_id))
    assert [r.status for r in results] == ["stored"] * 3
    assert len(hashed) == 3 and set(hashed) == contents
    monkeypatch.undo()
    for r, f in zip(results, files, strict=True):  # stored under the right name all the same
        assert r.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()
        assert ictx.photos.verify(r.sha256)


def test_import_caches_the_thumbnail_the_photo_grid_shows(ictx, owners, src, monkeypatch):
    from inspector_app.ui.photos.images import THUMB_EDGE

    data = samples.jpeg_bytes((4000, 3000), orientation=6)
    f = samples.write(src, "IMG_1.jpg", data)
    (result,) = svc.add_photos(ictx, [f], finding_id=owners.finding_id)
    assert THUMB_EDGE == THUMB_SIZE  # the size the grid asks for is the one made at import

    def no_decoding(*_a, **_k):
        raise AssertionError("the thumbnail should be cached already")

    monkeypatch.setattr(imaging, "make_thumbnail", no_decoding)
    path = ictx.photos.thumbnail(result.sha256, THUMB_EDGE)
    monkeypatch.undo()
    assert path.read_bytes() == imaging.make_thumbnail(data, THUMB_EDGE)
    with Image.open(path) as im:
        assert im.format == "JPEG" and im.size == (192, 256)  # turned as displayed
    assert svc.check_store(ictx).ok


def test_closing_the_import_while_the_next_file_is_validated_stores_nothing_more(
    ictx, owners, src, monkeypatch
):
    files = _files(src, 4)
    release = threading.Event()
    preparing = threading.Event()
    real_prepare = prep.prepare_photo

    def prepare(path, **kw):
        if path.name != files[0].name:
            preparing.set()
            release.wait(timeout=10)  # a slow decode (a huge photo)
        return real_prepare(path, **kw)

    monkeypatch.setattr(prep, "prepare_photo", prepare)
    gen = svc.add_photos(ictx, files, purchase_id=owners.purchase_id)
    first = next(gen)
    assert first.status == "stored"
    assert preparing.wait(timeout=10)
    start = time.perf_counter()
    gen.close()  # the UI's cancel
    assert time.perf_counter() - start < 1.0  # does not wait for the slow decode
    release.set()
    time.sleep(0.2)
    assert _rows(ictx) == 1 and list(ictx.photos.iter_stored()) == [first.sha256]
    assert svc.check_store(ictx).ok


def test_a_store_failure_stops_the_import_and_reports_the_file(ictx, owners, src, monkeypatch):
    files = _files(src, 3)
    store = ictx.photos
    real_put = store.put

    def put(data, sha=None, **kw):
        if data == files[1].read_bytes():
            raise OSError(28, "No space left on device")
        return real_put(data, sha, **kw)

    monkeypatch.setattr(store, "put", put)
    gen = svc.add_photos(ictx, files, purchase_id=owners.purchase_id)
    assert next(gen).status == "stored"
    with pytest.raises(InspectorError, match="Could not save '1.jpg'.*No space left"):
        next(gen)
    assert _rows(ictx) == 1 and len(list(store.iter_stored())) == 1


def test_rejected_files_keep_their_place_among_good_ones(ictx, owners, src):
    good = _files(src, 3)
    files = [
        samples.write(src, "cut.jpg", samples.truncated_jpeg()),
        good[0],
        samples.write(src, "bomb.png", samples.png_bomb()),
        good[1],
        src / "missing.jpg",
        good[2],
    ]
    results = list(svc.add_photos(ictx, iter(files), purchase_id=owners.purchase_id))
    assert [r.path for r in results] == files
    assert [r.status for r in results] == ["rejected", "stored"] * 3
    assert "ends before the picture" in results[0].reason
    assert "decompression bomb" in results[2].reason
    assert "was not found" in results[4].reason
