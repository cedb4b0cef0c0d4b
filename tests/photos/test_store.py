"""The content-addressed store: atomic durable writes, one copy per content, cached derivatives."""

from __future__ import annotations

import hashlib
import io
import os
import stat

import pytest
from PIL import Image

from inspector_app.domain.errors import NotFound
from inspector_app.photos import store as store_mod
from inspector_app.photos.store import TEMP_PREFIX, PhotoStore
from tests.photos import samples

fcntl = pytest.importorskip("fcntl") if os.name != "nt" else None


@pytest.fixture
def store(tmp_path) -> PhotoStore:
    return PhotoStore(tmp_path / "photos", tmp_path / "thumbs")


def _all_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_put_stores_byte_for_byte_once(store, monkeypatch):
    data = samples.jpeg_bytes((320, 240))
    sha = hashlib.sha256(data).hexdigest()
    fsynced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (fsynced.append(fd), real_fsync(fd)))
    first = store.put(data)
    assert first.created and first.sha256 == sha
    assert first.path == store.root / sha[:2] / sha  # no extension: the name is the hash
    assert first.path.read_bytes() == data
    assert len(fsynced) >= 2  # the file, then its folder
    second = store.put(data)
    assert not second.created and second.path == first.path
    assert _all_files(store.root) == [first.path]  # no temp files, one copy
    assert store.has(sha) and store.verify(sha)
    assert list(store.iter_stored()) == [sha]
    if os.name != "nt":
        assert not stat.S_IMODE(first.path.stat().st_mode) & 0o222  # read-only evidence


def test_put_rejects_a_wrong_expected_hash(store):
    with pytest.raises(ValueError):
        store.put(b"abc", "0" * 64)
    with pytest.raises(ValueError):  # a trusted hash must still be a hash, never a path
        store.put(b"abc", "../../etc", trust_sha=True)
    assert _all_files(store.root) == []


def test_put_with_the_callers_hash_does_not_hash_again(store, monkeypatch):
    data = samples.jpeg_bytes((320, 240))
    sha = hashlib.sha256(data).hexdigest()
    monkeypatch.setattr(hashlib, "sha256", lambda *_a, **_k: pytest.fail("hashed again"))
    stored = store.put(data, sha, trust_sha=True)
    monkeypatch.undo()
    assert stored.created and stored.path.read_bytes() == data and store.verify(sha)


def test_a_thumbnail_made_at_import_is_cached_as_the_store_would_make_it(store):
    data = samples.jpeg_bytes((1600, 1200), orientation=6)
    sha = store.put(data).sha256
    made = store.add_thumbnail(sha, 256, b"jpeg bytes")
    assert made == store.thumbnail(sha, 256) and made.read_bytes() == b"jpeg bytes"
    store.add_thumbnail(sha, 256, b"other")  # the first one stays
    assert made.read_bytes() == b"jpeg bytes"
    assert [p for p in made.parent.iterdir() if p.name.startswith(".tmp")] == []


def test_verify_detects_damage_and_put_heals_it(store):
    data = samples.png_bytes((64, 64))
    stored = store.put(data)
    stored.path.chmod(0o644)
    stored.path.write_bytes(data[:-10] + b"0123456789")
    assert not store.verify(stored.sha256)
    again = store.put(data)
    assert again.created and store.verify(stored.sha256)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "ABC", "g" * 64, "A" * 64, ""])
def test_path_for_accepts_only_hex_digests(store, bad):
    with pytest.raises(ValueError):
        store.path_for(bad)


def test_failed_write_leaves_no_temp_file(store, monkeypatch):
    def boom(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError, match="No space"):
        store.put(b"some bytes")
    assert _all_files(store.root) == []


def test_scan_classifies_leftovers(store):
    sha = store.put(b"photo").sha256
    shard = store.root / sha[:2]
    (shard / f"{TEMP_PREFIX}crash").write_bytes(b"half")
    (shard / "notes.txt").write_text("x")
    (store.root / "stray.jpg").write_bytes(b"x")
    scan = store.scan()
    assert scan.stored == [sha]
    assert [p.name for p in scan.temp_files] == [f"{TEMP_PREFIX}crash"]
    assert sorted(p.name for p in scan.foreign) == ["notes.txt", "stray.jpg"]


@pytest.mark.skipif(fcntl is None, reason="POSIX file locks")
def test_temp_file_being_written_is_never_removed(store):
    store.root.mkdir(parents=True)
    busy = store.root / "ab"
    busy.mkdir()
    path = busy / f"{TEMP_PREFIX}busy"
    with path.open("wb") as f:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        assert store.scan().busy_temp_files == [path]
        assert not store_mod.remove_if_idle(path)
        assert path.exists()
    assert store_mod.remove_if_idle(path) and not path.exists()


def test_put_survives_its_temp_file_being_removed(store, monkeypatch):
    """A repair may delete a temp file between mkstemp and flock: the write is redone."""
    real = store_mod._lock
    calls = []

    def lock_after_removal(fd, *, wait):
        if wait and not calls:
            calls.append(fd)
            for p in store.root.rglob(f"{TEMP_PREFIX}*"):
                p.unlink()
        return real(fd, wait=wait)

    monkeypatch.setattr(store_mod, "_lock", lock_after_removal)
    stored = store.put(b"precious")
    assert calls and stored.path.read_bytes() == b"precious"
    assert _all_files(store.root) == [stored.path]


def test_thumbnail_is_cached_on_disk(store, monkeypatch):
    sha = store.put(samples.jpeg_bytes((1600, 1200), orientation=6)).sha256
    thumb = store.thumbnail(sha, 128)
    with Image.open(thumb) as im:
        assert im.size == (96, 128) and im.format == "JPEG"
    from inspector_app.photos import imaging

    monkeypatch.setattr(imaging, "make_thumbnail", lambda *a: pytest.fail("not cached"))
    assert store.thumbnail(sha, 128) == thumb
    assert not list(store.thumbs.rglob(f"{TEMP_PREFIX}*"))


def test_empty_cached_file_is_made_again(store):
    sha = store.put(samples.webp_bytes((300, 200))).sha256
    thumb = store.thumbnail(sha, 64)
    thumb.write_bytes(b"")  # as after a power cut before the cache reached the disk
    assert store.thumbnail(sha, 64).stat().st_size > 0


def test_clean_copy_is_cached_and_clean(store):
    sha = store.put(samples.jpeg_bytes((3000, 2000), orientation=1)).sha256
    path = store.clean_copy(sha, 1000)
    assert path == store.clean_copy(sha, 1000)
    data = path.read_bytes()
    assert samples.SECRET not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (1000, 667) and not im.getexif()


def test_missing_original_is_not_found(store):
    with pytest.raises(NotFound, match="missing from the photo store"):
        store.thumbnail("ab" * 32)
    with pytest.raises(NotFound):
        store.read("ab" * 32)


def test_remove_and_prune(store):
    a = store.put(samples.webp_bytes((100, 80))).sha256
    b = store.put(samples.png_bytes((100, 80))).sha256
    store.thumbnail(a, 64)
    tb = store.thumbnail(b, 64)
    assert store.remove(a) and not store.has(a) and not store.remove(a)
    assert not list(store.thumbs.rglob(f"{a}.jpg"))
    assert store.prune_derived(keep=set()) == 1 and not tb.exists()


@pytest.mark.skipif(not hasattr(os, "posix_fadvise"), reason="needs posix_fadvise")
def test_originals_leave_the_os_cache_only_once_on_disk(store, monkeypatch):
    events = []
    real_fsync, real_fadvise = os.fsync, os.posix_fadvise
    monkeypatch.setattr(os, "fsync", lambda fd: (events.append(("fsync", fd)), real_fsync(fd)))
    monkeypatch.setattr(
        os, "posix_fadvise",
        lambda fd, off, n, advice: (events.append(("drop", fd, advice)), real_fadvise(fd, off, n, advice)),
    )  # fmt: skip
    data = samples.jpeg_bytes((320, 240))
    stored = store.put(data)
    drops = [e for e in events if e[0] == "drop"]
    assert len(drops) == 1 and drops[0][2] == os.POSIX_FADV_DONTNEED
    assert events.index(("fsync", drops[0][1])) < events.index(drops[0])  # clean pages only
    assert stored.path.read_bytes() == data
    events.clear()
    store.add_thumbnail(stored.sha256, 256, b"thumb")  # a cache, read soon: stays cached
    assert not [e for e in events if e[0] == "drop"]
