"""Photos on a team server: their bytes in `photo_blobs` (migration 0007), each machine's
photo store a cache of them.

A photo's bytes are written once per SHA-256, in the same transaction as the photo row, so
a row never exists on the server without its bytes; a machine that lacks a file fetches it
(and checks its hash) when it is first shown or exported.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from sqlalchemy import Connection, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from inspector_app.db.engine import Database
from inspector_app.db.models import Photo, PhotoBlob
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)


def put_blob(s: Session | Connection, sha: str, data: bytes) -> None:
    """Store the bytes once (a second photo with the same content adds nothing)."""
    s.execute(pg_insert(PhotoBlob).values(sha256=sha, byte_size=len(data), data=data)
              .on_conflict_do_nothing(index_elements=["sha256"]))


def fetch_blob(db: Database, sha: str) -> bytes | None:
    """The bytes of `sha` from the server, if it has them and they still match the hash."""
    with db.read() as s:
        data = s.scalar(select(PhotoBlob.data).where(PhotoBlob.sha256 == sha))
    if data is None:
        return None
    data = bytes(data)
    if hashlib.sha256(data).hexdigest() != sha:
        logger.error("photo %s on the server does not match its hash", sha)
        return None
    return data


@dataclass
class ServerCheck:
    """`inspector check` on a team server: the bytes of every photo row, hashed there."""

    missing: list[tuple[int, str]] = field(default_factory=list)  # rows without bytes
    corrupt: list[str] = field(default_factory=list)
    uploaded: list[str] = field(default_factory=list)  # repaired from this machine's cache
    checked: int = 0

    def problems(self) -> list[str]:
        out = [t("Photo {id} has no copy on the team server ({sha}).", id=i, sha=sha)
               for i, sha in self.missing]
        out += [t("The team server's copy of photo {sha} is damaged: its content no longer "
                  "matches.", sha=sha) for sha in self.corrupt]
        return out


def check_server(ctx, repair: bool = False) -> ServerCheck:
    """Hash every photo's bytes on the server; with `repair`, upload the ones missing there
    from this machine's cache (checked against their hash first)."""
    report = ServerCheck()
    with ctx.db.read() as s:
        rows = s.execute(select(Photo.id, Photo.sha256).order_by(Photo.id)).all()
        present: set[str] = set()
        # One row at a time: a million photos must not be in memory at once.
        for sha, data in s.execute(select(PhotoBlob.sha256, PhotoBlob.data)
                                   .execution_options(yield_per=20)):
            report.checked += 1
            present.add(sha)
            if hashlib.sha256(bytes(data)).hexdigest() != sha:
                report.corrupt.append(sha)
    report.missing = [(pid, sha) for pid, sha in rows if sha not in present]
    if repair:
        upload_missing(ctx, report)
    return report


def upload_missing(ctx, report: ServerCheck) -> list[str]:
    """Put back on the server the photos it lacks that this machine's cache holds intact
    (nothing is removed anywhere); returns their hashes."""
    store = ctx.photos
    for sha in sorted({sha for _pid, sha in report.missing}):
        if store.verify(sha):
            with ctx.db.write() as s:
                put_blob(s, sha, store.read(sha))
            report.uploaded.append(sha)
            logger.info("uploaded photo %s to the team server", sha)
    report.missing = [(pid, sha) for pid, sha in report.missing if sha not in report.uploaded]
    return report.uploaded
