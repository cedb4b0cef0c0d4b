"""Photos between a replica and its server: in chunks, each its own transaction, hashed by
PostgreSQL on arrival and by the laptop on receipt; a hash the server has is not sent.

The photo store never evicts an original (no cache limit), so a photo not yet pushed is
always on the laptop. docs/sync.md, "Photos".
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import delete, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Connection

from inspector_app.db.engine import Database
from inspector_app.db.models import PhotoBlob, SyncBlobChunk
from inspector_app.domain.messages import t
from inspector_app.services.context import Context
from inspector_app.services.sync.push_bulk import driver

logger = logging.getLogger(__name__)

#: Bytes per chunk, both ways.
CHUNK = 1024 * 1024


class PhotoTransferError(Exception):
    """A photo could not be moved whole (missing here, damaged on the way)."""


def on_server(conn: Connection, sha: str) -> bool:
    return conn.execute(select(PhotoBlob.sha256).where(PhotoBlob.sha256 == sha)).first() is not None


def ensure_on_server(ctx: Context, server: Database, sha: str) -> int:
    """Send the photo `sha` unless the server has it; the bytes sent (0 when it had it)."""
    with server.engine.connect() as conn:
        if on_server(conn, sha):
            return 0
        if not ctx.photos.has(sha):
            raise PhotoTransferError(t("The photo {sha} is not on this laptop", sha=sha[:12]))
        data = ctx.photos.path_for(sha).read_bytes()
        have = set(conn.execute(select(SyncBlobChunk.offset).where(
            SyncBlobChunk.sha256 == sha)).scalars())
        conn.commit()
        sent = 0
        for offset in range(0, max(len(data), 1), CHUNK):
            if offset in have:
                continue
            with conn.begin():  # one chunk, one transaction: a resumed upload goes on
                conn.execute(pg_insert(SyncBlobChunk).values(
                    sha256=sha, offset=offset, data=data[offset:offset + CHUNK])
                    .on_conflict_do_nothing())
            sent += len(data[offset:offset + CHUNK])
        with conn.begin():
            # PostgreSQL joins and hashes the chunks; only a whole, matching photo is kept.
            conn.execute(text(
                'INSERT INTO photo_blobs (sha256, byte_size, data, created_at) '
                'SELECT :sha, octet_length(b), b, (now() AT TIME ZONE \'utc\') FROM ('
                ' SELECT string_agg(data, \'\'::bytea ORDER BY "offset") AS b'
                ' FROM sync_blob_chunks WHERE sha256 = :sha) j'
                " WHERE encode(sha256(b), 'hex') = :sha"
                ' ON CONFLICT (sha256) DO NOTHING'), {"sha": sha})
            conn.execute(delete(SyncBlobChunk).where(SyncBlobChunk.sha256 == sha))
            if not on_server(conn, sha):
                raise PhotoTransferError(t(
                    "The photo {sha} arrived damaged on the server; it is sent again at the "
                    "next sync", sha=sha[:12]))
        return sent


#: Bytes of small photos sent (by COPY) or fetched per server transaction.
SMALL_BATCH_BYTES = 16 * 1024 * 1024
#: Where a transaction's small photos wait to be hashed into photo_blobs (per session).
_BLOB_STAGE = ("CREATE TEMP TABLE IF NOT EXISTS sync_blob_stage (sha256 text, data bytea) "
               "ON COMMIT DELETE ROWS")


def ensure_many(ctx: Context, server: Database, shas: list[str]) -> tuple[int, set[str]]:
    """Send the photos the server lacks: those of one chunk several per transaction (each
    hashed by PostgreSQL before it is kept), bigger ones chunk by chunk. Returns (bytes
    sent, the hashes that could not be sent)."""
    wanted = sorted(set(shas))
    with server.engine.connect() as conn:
        have = set(conn.execute(select(PhotoBlob.sha256).where(
            PhotoBlob.sha256.in_(wanted))).scalars())
    missing = [sha for sha in wanted if sha not in have]
    sent, failed = 0, set()
    small: list[tuple[str, bytes]] = []
    for sha in missing:
        path = ctx.photos.path_for(sha)
        if not path.is_file():
            failed.add(sha)
        elif path.stat().st_size > CHUNK:
            try:
                sent += ensure_on_server(ctx, server, sha)
            except PhotoTransferError:
                failed.add(sha)
        else:
            small.append((sha, path.read_bytes()))
    while small:
        batch: list[tuple[str, bytes]] = []
        size = 0
        while small and (not batch or size + len(small[0][1]) <= SMALL_BATCH_BYTES):
            batch.append(small.pop(0))
            size += len(batch[-1][1])
        with server.engine.begin() as conn:
            conn.exec_driver_sql(_BLOB_STAGE)
            with driver(conn).cursor() as cur, cur.copy(
                    "COPY sync_blob_stage (sha256, data) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(["text", "bytea"])
                for sha, data in batch:
                    copy.write_row((sha, data))
            # PostgreSQL hashes each one; only a whole, matching photo is kept.
            conn.execute(text(
                "INSERT INTO photo_blobs (sha256, byte_size, data, created_at) "
                "SELECT sha256, octet_length(data), data, (now() AT TIME ZONE 'utc') "
                "FROM sync_blob_stage WHERE encode(sha256(data), 'hex') = sha256 "
                "ON CONFLICT (sha256) DO NOTHING"))
            kept = set(conn.execute(select(PhotoBlob.sha256).where(
                PhotoBlob.sha256.in_([sha for sha, _ in batch]))).scalars())
        failed.update(sha for sha, _ in batch if sha not in kept)
        sent += sum(len(d) for sha, d in batch if sha in kept)
    return sent, failed


def fetch_missing(ctx: Context, conn: Connection, shas: list[str], *,
                  cancelled: Callable[[], bool] = lambda: False) -> tuple[int, int]:
    """Fetch the photos this laptop lacks, checking each hash (the store refuses bytes that
    do not match): photos of one chunk many per round trip, bigger ones chunk by chunk.
    Returns (photos, bytes)."""
    count = size = 0
    sizes: dict[str, int] = {}
    for i in range(0, len(shas), 1000):
        sizes.update(conn.execute(text(
            "SELECT sha256, octet_length(data) FROM photo_blobs WHERE sha256 = ANY(:s)"),
            {"s": shas[i:i + 1000]}).all())
    # A copy of the server's bytes is written whole but not fsynced (as a team server's
    # cache, docs/performance.md): a power cut can leave it empty, so its size is checked.
    wanted = [sha for sha in shas if not _have(ctx, sha, sizes.get(sha))]
    small = [sha for sha in wanted if sizes.get(sha, CHUNK + 1) <= CHUNK]
    while small and not cancelled():  # small photos: many per round trip
        batch: list[str] = []
        total = 0
        while small and (not batch or total + sizes[small[0]] <= SMALL_BATCH_BYTES):
            batch.append(small.pop(0))
            total += sizes[batch[-1]]
        for sha, data in conn.execute(text(
                "SELECT sha256, data FROM photo_blobs WHERE sha256 = ANY(:s)"), {"s": batch}):
            if _store(ctx, bytes(data), sha):
                count, size = count + 1, size + len(data)
    for sha in wanted:
        if cancelled():
            break
        if sha not in sizes:
            logger.warning("photo %s is not on the server", sha[:12])
            continue
        if sizes[sha] <= CHUNK:
            continue
        total = sizes[sha]
        parts = []
        for offset in range(0, max(total, 1), CHUNK):
            parts.append(bytes(conn.execute(
                select(func.substring(PhotoBlob.data, offset + 1, CHUNK))
                .where(PhotoBlob.sha256 == sha)).scalar_one()))
        if _store(ctx, b"".join(parts), sha):
            count, size = count + 1, size + total
    return count, size


def _have(ctx: Context, sha: str, size: int | None) -> bool:
    if size is None:  # not on the server: named below unless here
        return ctx.photos.has(sha)
    try:
        return ctx.photos.path_for(sha).stat().st_size == size
    except OSError:
        return False


def _store(ctx: Context, data: bytes, sha: str) -> bool:
    try:
        ctx.photos.put(data, sha, durable=False)
    except ValueError:
        logger.error("photo %s from the server does not match its hash", sha[:12])
        return False
    return True
