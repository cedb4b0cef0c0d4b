"""Pull: what changed on the server since the last pull, upserted by uid (docs/sync.md).

One REPEATABLE READ transaction on the server, as the login (its SELECT privileges and
row-level security decide what arrives); the watermark is the server's transaction horizon
`pg_snapshot_xmin`, so a transaction still running now is read by the next pull.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Table, delete, literal, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from inspector_app.db.engine import Database
from inspector_app.db.models import SyncOutbox, SyncWatermark
from inspector_app.services.context import Context
from inspector_app.services.sync import photos as sync_photos
from inspector_app.services.sync import pull_rows, visibility
from inspector_app.services.sync.binding import set_applying
from inspector_app.services.sync.tables import (
    PULLED,
    decode_rows,
    has_version,
    table,
)

logger = logging.getLogger(__name__)

#: The watermark's name in sync_watermarks.
WATERMARK = "server_xmin"

Progress = Callable[[str], None]


@dataclass
class PullResult:
    rows: int = 0
    photos: int = 0
    photo_bytes: int = 0
    skipped: list[str] = field(default_factory=list)
    #: Rows removed because the login no longer sees them (visibility.py).
    removed: int = 0
    #: Rows it no longer sees kept because they hold changes not sent, named.
    kept: list[str] = field(default_factory=list)


def watermark(ctx: Context) -> int | None:
    with ctx.db.read() as s:
        return s.scalar(select(SyncWatermark.value).where(SyncWatermark.name == WATERMARK))


def pull(ctx: Context, server: Database, *, progress: Progress | None = None,
         cancelled: Callable[[], bool] = lambda: False,
         own_xids: Sequence[int] = ()) -> PullResult:
    """`own_xids`: server transactions that only inserted this laptop's own new rows (this
    run's push, push_bulk): their log entries are not read back."""
    result = PullResult()
    mark = watermark(ctx)
    with server.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            horizon = conn.exec_driver_sql(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").scalar_one()
            shas: set[str] = set()
            readable = {name for name in PULLED if _may_read(conn, name)}
            for name in PULLED:
                if cancelled():
                    return result
                if progress:
                    progress(name)
                if name not in readable:  # the server sends nothing of it
                    continue
                _pull_table(ctx, conn, table(name), mark, result, shas, readable, own_xids)
            if mark is not None and not cancelled():  # a first pull took all it may see
                visibility.reconcile(
                    ctx, conn, readable, lambda tb, uids: _pull_table(
                        ctx, conn, tb, None, result, shas, readable, uids=uids), result, mark)
            result.photos, result.photo_bytes = sync_photos.fetch_missing(
                ctx, conn, sorted(shas), cancelled=cancelled)
    if cancelled():
        return result
    with ctx.db.write() as s:
        s.merge(SyncWatermark(name=WATERMARK, value=horizon))
    return result


def _may_read(conn: Connection, name: str) -> bool:
    """Whether the login may SELECT `name` as its search_path resolves it (a merchant
    manager reads the views of docs/team-server.md; sampling plans not at all)."""
    return bool(conn.execute(text("SELECT has_table_privilege(CAST(:t AS text), 'SELECT')"),
                             {"t": name}).scalar())


def _pull_table(ctx: Context, conn: Connection, t: Table, mark: int | None,
                result: PullResult, shas: set[str], readable: set[str],
                own_xids: Sequence[int] = (), uids: list[str] | None = None) -> None:
    """Pull what changed in `t` since `mark` (everything when None), or the rows `uids`."""
    result.rows += pull_rows.pull_table(ctx, conn, t, readable, mark, own_xids, uids,
                                        result.skipped, shas)


def apply_rows(ctx: Context, t: Table, wire: list[dict], skipped: list[str], *,
               force: bool = False) -> int:
    """Upsert wire rows into the replica in one transaction, leaving alone the rows with a
    pending local change (their push decides) and the ones whose parent is not here.
    `force` (a conflict taking the server's row) writes them whatever the local version."""
    if not wire:
        return 0
    key = "key" if t.name == "app_settings" else "uid"
    with ctx.db.write() as s:
        lconn = s.connection()
        uids = [w["uid"] for w in wire]
        dirty = set(lconn.execute(select(SyncOutbox.row_uid).where(
            SyncOutbox.table_name == t.name, SyncOutbox.row_uid.in_(uids))).scalars())
        # A row this replica already holds in the same version is not pulled again (a pull
        # may read a row twice, docs/sync.md); rows without versions are never changed.
        version = t.c.version if has_version(t) else literal(None)
        here = dict(lconn.execute(select(t.c.uid, version).where(t.c.uid.in_(uids))).all())
        values = []
        for w, d in zip(wire, decode_rows(lconn, t, wire), strict=True):
            if not isinstance(d, dict):
                skipped.append(f"{t.name} {w['uid']}: no {d.column} {d.uid} here")
            elif force or (w["uid"] not in dirty and not (
                    w["uid"] in here and here[w["uid"]] == w.get("version"))):
                values.append(d)
        if not values:
            return 0
        set_applying(lconn, True)
        try:
            _upsert(lconn, t, key, values)
        except IntegrityError:
            # One row clashes with a local one (a unique name made offline): the others go in.
            for v in values:
                try:
                    with s.begin_nested():
                        _upsert(lconn, t, key, [v])
                except IntegrityError as exc:
                    skipped.append(f"{t.name} {v['uid']}: {str(exc.orig).splitlines()[0]}")
        set_applying(lconn, False)
    return len(values)


def _upsert(lconn: Connection, t: Table, key: str, values: list[dict]) -> None:
    stmt = sqlite_insert(t)
    names = [n for n in values[0] if n != key]
    stmt = stmt.on_conflict_do_update(
        index_elements=[key], set_={n: getattr(stmt.excluded, n) for n in names})
    lconn.execute(stmt, values)


def forget_watermark(ctx: Context) -> None:
    with ctx.db.write() as s:
        s.execute(delete(SyncWatermark))
