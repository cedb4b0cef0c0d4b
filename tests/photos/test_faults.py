"""Fault injection: every write from the Nth on fails (ENOSPC or EIO) during a photo import
and a backup; afterwards `check` is clean and nothing committed is gone."""

from __future__ import annotations

import errno
import os
import pathlib
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from inspector_app.db.models import Photo
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InspectorError
from inspector_app.services import backups
from inspector_app.services import photos as svc
from inspector_app.services.restore import verify_backup
from tests.photos import samples


class FailingWrites:
    """Counts writes (file writes, fsync, copies, links, renames); from the Nth on, raises."""

    def __init__(self, fail_at: int, code: int) -> None:
        self.fail_at, self.code, self.count, self.failed = fail_at, code, 0, 0

    def tick(self, what: object) -> None:
        self.count += 1
        print("tick", self.count, what)
        if self.count >= self.fail_at:
            self.failed += 1
            raise OSError(self.code, os.strerror(self.code), str(what))

    def file(self, f):
        return _FailingFile(f, self)


class _FailingFile:
    def __init__(self, f, faults: FailingWrites) -> None:
        self._f, self._faults = f, faults

    def write(self, data):
        self._faults.tick(getattr(self._f, "name", "file"))
        return self._f.write(data)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()

    def __getattr__(self, name):
        return getattr(self._f, name)


@contextmanager
def failing_writes(fail_at: int, code: int):
    faults = FailingWrites(fail_at, code)
    real_fdopen, real_open = os.fdopen, pathlib.Path.open
    real_fsync, real_write, real_link, real_replace = os.fsync, os.write, os.link, os.replace
    real_copy2, real_copyfile = shutil.copy2, shutil.copyfile

    def counted(real, what):
        def wrapper(*args, **kwargs):
            faults.tick(f"{what} {args[0] if args else ''}")
            return real(*args, **kwargs)

        return wrapper

    def fdopen(fd, mode="r", *args, **kwargs):
        f = real_fdopen(fd, mode, *args, **kwargs)
        return faults.file(f) if any(c in mode for c in "wa+") else f

    def path_open(self, mode="r", *args, **kwargs):
        f = real_open(self, mode, *args, **kwargs)
        return faults.file(f) if any(c in mode for c in "wa+") else f

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fdopen", fdopen)
        mp.setattr(pathlib.Path, "open", path_open)
        mp.setattr(os, "fsync", counted(real_fsync, "fsync"))
        mp.setattr(os, "write", counted(real_write, "write"))
        mp.setattr(os, "link", counted(real_link, "link"))
        mp.setattr(os, "replace", counted(real_replace, "rename"))
        mp.setattr(shutil, "copy2", counted(real_copy2, "copy"))
        mp.setattr(shutil, "copyfile", counted(real_copyfile, "copy"))
        yield faults


def _rows(ctx) -> set[tuple[int, str]]:
    with ctx.db.read() as s:
        return set(s.execute(select(Photo.id, Photo.sha256)).all())


def _assert_clean(ctx, committed: set[tuple[int, str]], label: str) -> set[tuple[int, str]]:
    report = svc.check_store(ctx)
    assert report.ok, (label, report.problems())
    rows = _rows(ctx)
    assert committed <= rows, label  # nothing committed is gone
    assert all(ctx.photos.verify(sha) for _id, sha in rows), label
    return rows


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4, 5, 6, 9, 12, 14, 22])
def test_failing_writes_during_import_and_backup_lose_nothing(ctx, users, owners, src, tmp_path, fail_at):
    code = errno.ENOSPC if fail_at % 2 else errno.EIO
    admin = ctx.as_actor(users[Role.ADMIN])
    first = [samples.write(src, f"a{n}.jpg", samples.jpeg_bytes((96, 72), noise=n)) for n in range(2)]
    list(svc.add_photos(admin, first, purchase_id=owners.purchase_id))
    dest = tmp_path / "usb"
    good = backups.backup_now(admin, dest)
    committed = _assert_clean(admin, _rows(admin), "before")

    more = [samples.write(src, f"b{n}.jpg", samples.jpeg_bytes((96, 72), noise=100 + n)) for n in range(4)]
    with failing_writes(fail_at, code) as faults:
        try:
            for result in svc.add_photos(admin, more, purchase_id=owners.purchase_id):
                assert result.photo_id is not None
        except InspectorError as exc:
            assert os.strerror(code) in str(exc)
    assert faults.failed, f"write {fail_at} was never reached ({faults.count} writes)"
    committed = _assert_clean(admin, committed, f"import, write {fail_at}")

    with failing_writes(fail_at, code) as faults:
        try:
            backups.backup_now(admin, dest)
        except (InspectorError, OSError) as exc:
            assert isinstance(exc, OSError) or os.strerror(code) in str(exc)
    if fail_at <= 6:  # a backup of six small photos makes about eight writes
        assert faults.failed, f"backup: write {fail_at} was never reached ({faults.count} writes)"
    _assert_clean(admin, committed, f"backup, write {fail_at}")
    # No half-made backup is left, and the good one is still good.
    for folder in dest.iterdir():
        assert (folder / backups.MANIFEST).is_file(), f"incomplete backup {folder} left"
        assert verify_backup(backups._read_backup(folder)).ok, folder
    assert good.is_dir()


def test_the_injector_fails_a_store_write(ctx, users, owners, src):
    """The wrapper reaches the store's writes: the first write of an import fails it."""
    admin = ctx.as_actor(users[Role.ADMIN])
    files = [samples.write(src, "x.jpg", samples.jpeg_bytes((96, 72), noise=5))]
    with failing_writes(1, errno.ENOSPC), pytest.raises(InspectorError, match="No space left"):
        list(svc.add_photos(admin, files, purchase_id=owners.purchase_id))
    assert _rows(admin) == set()
    assert [p for p in Path(admin.paths.photos).rglob("*") if p.is_file() and not p.name.startswith(".")] == []
