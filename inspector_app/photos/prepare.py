"""Reading and validating photo files one ahead of an import, on a worker thread.

An import spends most of each photo decoding it (validation and the thumbnail) and the rest
hashing it, writing it durably and committing its row. Pillow's decoder, file reads, hashing,
fsync and SQLite all release the GIL, so preparing photo n+1 on a worker thread while the
importer stores photo n runs the two side by side (on two cores, nearly the cost of the
decode alone). Preparing has no side effects: a prepared photo that is never stored (the
import was cancelled or failed) is simply dropped.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Generator, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.errors import PhotoRejected
from inspector_app.photos.imaging import CheckedPhoto, check_photo, read_photo_file

logger = logging.getLogger(__name__)

#: Files prepared beyond the one being stored: one keeps the decoder busy while the
#: importer stores, and bounds memory to two files (a photo may be 60 MB).
AHEAD = 1


@dataclass(frozen=True)
class PreparedPhoto:
    """A file read and validated (data and checked set), or refused (rejected set)."""

    path: Path
    name: str
    data: bytes = b""
    checked: CheckedPhoto | None = None
    rejected: PhotoRejected | None = None


def prepare_photo(path: Path, *, thumb_edge: int | None = None,
                  decode: bool = True) -> PreparedPhoto:
    """Read and validate one file (with its thumbnail when `thumb_edge` is given; see
    check_photo for `decode`)."""
    name = path.name or str(path)
    try:
        data = read_photo_file(path)
        checked = check_photo(data, name, thumb_edge=thumb_edge, decode=decode)
    except PhotoRejected as e:
        return PreparedPhoto(path, name, rejected=e)
    return PreparedPhoto(path, name, data, checked)


def prepared_ahead(
    paths: Iterable[str | os.PathLike[str]], *, thumb_edge: int | None = None,
    decode: bool = True,
) -> Generator[PreparedPhoto, None, None]:
    """prepare_photo of each path in order; the next one is prepared while the caller works.

    Close the iterator (or stop iterating) to stop: the file being prepared is dropped
    without waiting for it. Unexpected errors (not PhotoRejected) are raised in order.
    """
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="photo-prepare")
    pending: deque[Future[PreparedPhoto]] = deque()
    todo = iter(paths)

    def submit_next() -> None:
        while len(pending) < AHEAD:
            path = next(todo, None)
            if path is None:
                return
            pending.append(pool.submit(prepare_photo, Path(path), thumb_edge=thumb_edge,
                                       decode=decode))

    try:
        submit_next()
        while pending:
            prepared = pending.popleft().result()
            submit_next()
            yield prepared
    finally:
        # A running preparation finishes on its own and is dropped; queued ones never start.
        pool.shutdown(wait=False, cancel_futures=True)
