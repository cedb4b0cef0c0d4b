"""The content-addressed photo store: originals named by SHA-256, cached thumbnails and copies.

Layout under the data folder:

    photos/ab/ab12...(64 hex)             the original, byte for byte, no file extension
    thumbnails/256/ab/ab12....jpg         a thumbnail fitting 256 x 256 (a cache)
    thumbnails/clean-1200/ab/ab12....jpg  the metadata-free copy for documents (a cache)

Originals carry no extension: the name is exactly the hash, so `check` can verify every file
from its name alone, and the media type lives in the photo's database row. Every file is
written to a `.tmp-*` file in its destination folder, then renamed into place with
`os.replace`; originals are also fsynced, as is their folder, before `put` returns. While a
temporary file is being written it is locked (flock), so a concurrent repair never deletes it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from inspector_app.domain.errors import NotFound
from inspector_app.domain.messages import t
from inspector_app.durable import fsync_dir
from inspector_app.paths import STORE_MARKER

try:
    import fcntl
except ImportError:  # Windows: open files cannot be deleted there, which protects them anyway
    fcntl = None  # type: ignore[assignment]

logger = logging.getLogger(__name__)

#: Name prefix of files being written; leftovers of a crash are removed by a repair.
TEMP_PREFIX = ".tmp-"
#: Default thumbnail box, in pixels.
THUMB_SIZE = 256
#: Default longest edge of the clean copy, in pixels (imaging.CLEAN_MAX_EDGE).
CLEAN_EDGE = 1200
#: File mode of stored originals: evidence is never edited in place.
ORIGINAL_MODE = 0o444

_SHA = re.compile(r"^[0-9a-f]{64}$")
_SHARD = re.compile(r"^[0-9a-f]{2}$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    """The result of putting bytes into the store."""

    sha256: str
    path: Path
    created: bool  # False when the same content was already stored


@dataclass
class StoreScan:
    """Everything found under the photos folder."""

    stored: list[str] = field(default_factory=list)  # sha256 of well-named originals
    temp_files: list[Path] = field(default_factory=list)  # leftovers, not being written now
    busy_temp_files: list[Path] = field(default_factory=list)  # being written right now
    foreign: list[Path] = field(default_factory=list)  # anything else (never removed)


def check_sha(sha: str) -> str:
    """The hash if it is 64 lowercase hex digits, else ValueError (never a path fragment)."""
    if not isinstance(sha, str) or not _SHA.match(sha):
        raise ValueError(f"not a SHA-256 hex digest: {sha!r}")
    return sha


def hash_file(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()




def _drop_cached(fd: int) -> None:
    # Clean (fsynced) pages only: nothing unwritten is ever dropped. An import writes
    # hundreds of 5 MB originals; keeping them cached evicts what is read again and, on a
    # virtual machine, makes every write take fresh memory (measured: 8 ms more CPU each).
    if hasattr(os, "posix_fadvise"):
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError as e:  # only advice
            logger.debug("posix_fadvise: %s", e)


def _lock(fd: int, *, wait: bool) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def atomic_write(
    dest: Path, data: bytes, *, durable: bool, mode: int | None = None, keep_cached: bool = True
) -> None:
    """Write `data` to `dest` all or nothing; `durable` fsyncs the file and its folder.

    `keep_cached=False` (with `durable`) lets the OS drop the file's pages from its cache
    once they are on disk, for files written once and seldom read.
    """
    parent = dest.parent
    for attempt in (1, 2):
        if not parent.is_dir():
            parent.mkdir(parents=True, exist_ok=True)
            if durable:
                fsync_dir(parent.parent)
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=parent)
        try:
            with os.fdopen(fd, "wb") as f:
                _lock(f.fileno(), wait=True)
                f.write(data)
                f.flush()
                if durable:
                    os.fsync(f.fileno())
                    if not keep_cached:
                        _drop_cached(f.fileno())
                if mode is not None and os.name != "nt":
                    os.fchmod(f.fileno(), mode)
                if os.name != "nt":  # rename while locked: a repair cannot take it meanwhile
                    os.replace(tmp, dest)
            if os.name == "nt":
                os.replace(tmp, dest)
        except FileNotFoundError:
            # A repair removed our temp file between mkstemp and flock: write it again.
            if attempt == 2:
                raise
            logger.info("temporary file %s vanished; writing %s again", tmp, dest.name)
            continue
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        if durable:
            fsync_dir(parent)
        return


def remove_if_idle(path: Path) -> bool:
    """Delete a leftover temp file unless a writer still holds it; True when removed."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        if not _lock(fd, wait=False):
            return False
        path.unlink()
        return True
    except (FileNotFoundError, PermissionError):
        return False  # renamed into place meanwhile, or open by a writer (Windows)
    finally:
        os.close(fd)


@contextmanager
def lock_if_idle(path: Path) -> Iterator[bool]:
    """Hold a leftover temp file's lock (True) unless a writer holds it or it is gone (False),
    so it can be moved away without taking a file from under a writer."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        yield False
        return
    try:
        yield _lock(fd, wait=False)
    finally:
        os.close(fd)


def _is_idle(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        idle = _lock(fd, wait=False)
        if idle and fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        return idle
    finally:
        os.close(fd)


class PhotoStore:
    """Originals under `photos_dir` by SHA-256; derived JPEGs cached under `thumbs_dir`."""

    def __init__(
        self,
        photos_dir: str | os.PathLike[str],
        thumbs_dir: str | os.PathLike[str],
        fetch: Callable[[str], bytes | None] | None = None,
    ):
        self.root = Path(photos_dir)
        self.thumbs = Path(thumbs_dir)
        #: On a team server: the bytes of an original this machine lacks (its hash checked
        #: by `put` again), so the folder is a cache of the server's photos.
        self.fetch = fetch

    def _ensure(self, sha: str) -> bool:
        """True when the original is here, fetched first from the server if need be."""
        if self.path_for(sha).is_file():
            return True
        data = self.fetch(sha) if self.fetch is not None else None
        if data is None:
            return False
        self.put(data, sha)
        logger.info("fetched photo %s from the team server", sha[:12])
        return True

    # ---- originals -------------------------------------------------------------------

    def path_for(self, sha: str) -> Path:
        """Where the original with this hash lives (whether or not it is there)."""
        check_sha(sha)
        return self.root / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path_for(sha).is_file()

    def put(
        self, data: bytes, sha: str | None = None, *, trust_sha: bool = False,
        durable: bool = True,
    ) -> StoredFile:
        """Store bytes durably (fsynced, renamed, folder fsynced) unless already stored.

        A given `sha` is checked against the content, unless `trust_sha` says the caller
        has just hashed these very bytes (an import hashes each file once). `durable=False`
        for a copy of bytes kept elsewhere (a team server's: this folder is its cache),
        written whole or not at all but not fsynced.
        """
        if sha is not None and trust_sha:
            digest = check_sha(sha)
        else:
            digest = hashlib.sha256(data).hexdigest()
            if sha is not None and sha != digest:
                raise ValueError(f"content hash {digest} does not match the expected {sha}")
        dest = self.path_for(digest)
        if dest.is_file():
            if hash_file(dest) == digest:
                return StoredFile(digest, dest, created=False)
            logger.warning("stored photo %s was damaged; writing it again", digest)
        # Originals are evidence, written once and seldom read back: leave them out of the
        # OS cache (thumbnails are what screens show).
        atomic_write(dest, data, durable=durable, mode=ORIGINAL_MODE, keep_cached=False)
        logger.debug("stored photo %s (%d bytes)", digest, len(data))
        return StoredFile(digest, dest, created=True)

    def put_file(self, src: str | os.PathLike[str]) -> StoredFile:
        return self.put(Path(src).read_bytes())

    def open(self, sha: str) -> BinaryIO:
        self._ensure(sha)
        try:
            return self.path_for(sha).open("rb")
        except FileNotFoundError:
            raise self._missing(sha) from None

    def read(self, sha: str) -> bytes:
        with self.open(sha) as f:
            return f.read()

    def verify(self, sha: str) -> bool:
        """True when the original is there and its content still hashes to its name."""
        path = self.path_for(sha)
        try:
            return hash_file(path) == sha
        except FileNotFoundError:
            return False

    def iter_stored(self) -> Iterator[str]:
        """The hashes of all well-named originals, in order."""
        yield from self.scan().stored

    def scan(self) -> StoreScan:
        """Classify every entry under the photos folder (two levels, as the layout has)."""
        out = StoreScan()
        if not self.root.is_dir():
            return out
        for top in sorted(self.root.iterdir()):
            if top.name == STORE_MARKER:
                continue  # the folder's identity, not a photo
            if top.name.startswith(TEMP_PREFIX) and top.is_file():
                (out.temp_files if _is_idle(top) else out.busy_temp_files).append(top)
            elif not (top.is_dir() and _SHARD.match(top.name)):
                out.foreign.append(top)
                continue
            else:
                for entry in sorted(top.iterdir()):
                    if entry.name.startswith(TEMP_PREFIX) and entry.is_file():
                        idle = _is_idle(entry)
                        (out.temp_files if idle else out.busy_temp_files).append(entry)
                    elif _SHA.match(entry.name) and entry.name[:2] == top.name and entry.is_file():
                        out.stored.append(entry.name)
                    else:
                        out.foreign.append(entry)
        return out

    def remove(self, sha: str) -> bool:
        """Delete an original and its cached derivatives; True when the original existed.

        Only `check --repair` calls this, for files no photo row refers to.
        """
        path = self.path_for(sha)
        for cached in self.thumbs.glob(f"*/{sha[:2]}/{sha}.jpg"):
            cached.unlink(missing_ok=True)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        fsync_dir(path.parent)
        return True

    def _missing(self, sha: str) -> NotFound:
        return NotFound(t(
            "The photo file {sha}... is missing from the photo store; "
            "run 'inspector check' to see what else is missing.", sha=sha[:12],
        ))

    # ---- derived, cached copies ------------------------------------------------------

    def thumbnail(self, sha: str, size: int = THUMB_SIZE) -> Path:
        """A cached JPEG thumbnail fitting size x size, oriented as displayed."""
        from inspector_app.photos.imaging import make_thumbnail

        if not 16 <= size <= 4096:
            raise ValueError(f"thumbnail size {size} is outside 16..4096")
        return self._derived(str(size), sha, lambda src: make_thumbnail(src, size))

    def clean_copy(self, sha: str, max_edge: int = CLEAN_EDGE) -> Path:
        """A cached metadata-free JPEG, oriented, longest edge at most max_edge."""
        from inspector_app.photos.imaging import make_clean_copy

        if not 64 <= max_edge <= 8192:
            raise ValueError(f"clean copy edge {max_edge} is outside 64..8192")
        return self._derived(f"clean-{max_edge}", sha, lambda src: make_clean_copy(src, max_edge))

    def add_thumbnail(self, sha: str, size: int, jpeg: bytes) -> Path:
        """Cache a thumbnail made elsewhere (at import, from the decode that validated it)."""
        dest = self._derived_path(str(size), sha)
        if not dest.is_file():
            atomic_write(dest, jpeg, durable=False)  # a cache, as in _derived
        return dest

    def _derived_path(self, kind: str, sha: str) -> Path:
        check_sha(sha)
        return self.thumbs / kind / sha[:2] / f"{sha}.jpg"

    def _derived(self, kind: str, sha: str, make: Callable[[Path], bytes]) -> Path:
        original = self.path_for(sha)
        dest = self._derived_path(kind, sha)
        try:
            if dest.stat().st_size > 0:
                return dest
        except FileNotFoundError:
            pass
        if not self._ensure(sha):
            raise self._missing(sha)
        # A cache: atomic but not fsynced; an empty file after a power cut is remade above.
        atomic_write(dest, make(original), durable=False)
        return dest

    def prune_derived(self, keep: set[str]) -> int:
        """Remove cached copies of originals not in `keep`, and idle temp files; the count."""
        removed = 0
        if not self.thumbs.is_dir():
            return 0
        for path in self.thumbs.glob("*/*/*"):
            if path.name.startswith(TEMP_PREFIX):
                removed += remove_if_idle(path)
            elif path.suffix == ".jpg" and path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
