"""Push: each local change applied on the server in its own transaction, as the login.

Claim (local, durable) -> apply with a receipt (one server transaction) -> finish (local).
A kill between any two steps is safe: an unapplied claim is sent again, an applied one is
found by its receipt. docs/sync.md, "Push".
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError

from inspector_app.db.engine import Database
from inspector_app.db.models import SyncConflict, SyncOutbox, SyncReceipt
from inspector_app.domain.enums import Role
from inspector_app.domain.messages import t
from inspector_app.services.context import Context
from inspector_app.services.sync import photos as sync_photos
from inspector_app.services.sync import rules
from inspector_app.services.sync.binding import set_applying
from inspector_app.services.sync.pull import apply_rows
from inspector_app.services.sync.tables import (
    MissingParent,
    decode_rows,
    describe,
    dumps,
    encode_rows,
    has_version,
    order,
    read_local,
    table,
)

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass
class PushResult:
    applied: int = 0
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    photo_bytes: int = 0
    cancelled: bool = False


@dataclass(frozen=True)
class Claim:
    entry_id: int
    table: str
    uid: str
    push_id: str
    base: int | None
    seq: int
    payload: dict


def push(ctx: Context, server: Database, role: Role, user_uid: str, *,
         progress: Progress | None = None,
         cancelled: Callable[[], bool] = lambda: False) -> PushResult:
    result = PushResult()
    with ctx.db.read() as s:
        entries = s.execute(select(SyncOutbox.id, SyncOutbox.table_name, SyncOutbox.seq,
                                   SyncOutbox.refused_seq)).all()
    entries.sort(key=lambda e: (order(e.table_name), e.id))
    for done, entry in enumerate(entries):
        if cancelled():
            result.cancelled = True
            break
        if progress:
            progress(done, len(entries), entry.table_name)
        claim = _claim(ctx, entry.id)
        if claim is None:
            continue
        if claim.seq == _refused_seq(ctx, claim.entry_id):
            result.refused.append(_refused_text(ctx, claim.entry_id))
            continue
        try:
            if claim.table == "photos":
                result.photo_bytes += sync_photos.ensure_on_server(
                    ctx, server, claim.payload["sha256"])
            outcome = _apply(server, claim, role, user_uid)
        except rules.Refused as exc:
            text = t("The server refused {record}: {reason}",
                     record=describe(claim.table, claim.payload, claim.uid), reason=str(exc))
            _refuse(ctx, claim, text)
            result.refused.append(text)
            continue
        except sync_photos.PhotoTransferError as exc:
            result.refused.append(str(exc))
            continue
        if isinstance(outcome, dict):
            _conflict(ctx, claim, outcome)
            result.conflicts.append(describe(claim.table, claim.payload, claim.uid))
        else:
            _finish(ctx, claim, outcome)
            result.applied += 1
    return result


def _claim(ctx: Context, entry_id: int) -> Claim | None:
    """The entry with its push id and payload, made durable before anything is sent."""
    with ctx.db.write() as s:
        e = s.get(SyncOutbox, entry_id)
        if e is None:
            return None
        if e.push_id is None or e.payload is None:
            conn = s.connection()
            row = read_local(conn, table(e.table_name), e.row_uid)
            if row is None:  # a row that no longer exists has nothing to push
                s.delete(e)
                return None
            e.payload = dumps(encode_rows(conn, table(e.table_name), [row])[0])
            e.push_id = str(uuid.uuid4())
            e.claimed_seq = e.seq
        return Claim(e.id, e.table_name, e.row_uid, e.push_id, e.base_version,
                     e.claimed_seq or 0, json.loads(e.payload))


def _refused_seq(ctx: Context, entry_id: int) -> int | None:
    with ctx.db.read() as s:
        return s.scalar(select(SyncOutbox.refused_seq).where(SyncOutbox.id == entry_id))


def _refused_text(ctx: Context, entry_id: int) -> str:
    with ctx.db.read() as s:
        return s.scalar(select(SyncOutbox.refused).where(SyncOutbox.id == entry_id)) or ""


def _apply(server: Database, c: Claim, role: Role, user_uid: str) -> int | None | dict:
    """Apply one claim in one server transaction. Returns the server's new version (None
    for a table without versions), or the server's row (wire form) on a conflict."""
    tb = table(c.table)
    try:
        with server.engine.begin() as conn:
            done = conn.execute(select(SyncReceipt.version)
                                .where(SyncReceipt.push_id == c.push_id)).first()
            if done is not None:
                return done[0]
            # No lock: the UPDATE's "WHERE version = base" is the check (docs/sync.md).
            found = conn.execute(select(tb).where(tb.c.uid == c.uid)).mappings().first()
            current = encode_rows(conn, tb, [dict(found)])[0] if found else None
            if c.base is None and current is not None:
                return current  # made here and there with one uid: keep both
            if c.base is not None and current is None:
                raise rules.Refused(t("it is not on the server, or this login may not see it"))
            if current is not None and has_version(tb) and current["version"] != c.base:
                return current
            changed = {k for k, v in c.payload.items()
                       if k != "version" and (current is None or current.get(k) != v)}
            rules.check(role, user_uid, c.table, c.payload, current, changed)
            decoded = decode_rows(conn, tb, [c.payload])[0]
            if isinstance(decoded, MissingParent):
                raise rules.Refused(t("its {column} ({uid}) is not on the server",
                                      column=decoded.column, uid=decoded.uid))
            version = _write(conn, tb, c, decoded, changed, current)
            if version is _RACED:  # changed on the server since it was read: a conflict
                found = conn.execute(select(tb).where(tb.c.uid == c.uid)).mappings().one()
                return encode_rows(conn, tb, [dict(found)])[0]
            conn.execute(insert(SyncReceipt).values(
                push_id=c.push_id, row_uid=c.uid, version=version, login=func.current_user()))
            return version
    except DBAPIError as exc:
        raise rules.Refused(str(exc.orig).splitlines()[0]) from None


def _write(conn, tb, c: Claim, decoded: dict, changed: set[str], current: dict | None):
    if current is None:
        stmt = insert(tb).values({k: v for k, v in decoded.items() if k != "version"})
        if has_version(tb):
            return conn.execute(stmt.returning(tb.c.version)).scalar_one()
        conn.execute(stmt)
        return None
    if not changed:
        return current.get("version")
    values = {k: decoded[k] for k in changed}
    stmt = update(tb).where(tb.c.uid == c.uid)
    if has_version(tb):
        stmt = stmt.where(tb.c.version == c.base).values({**values, "version": tb.c.version + 1})
        row = conn.execute(stmt.returning(tb.c.version)).first()
        return _RACED if row is None else row[0]
    conn.execute(stmt.values(values))
    return None


#: _write's answer when the row's version moved between the read and the UPDATE.
_RACED = object()


def _finish(ctx: Context, c: Claim, version: int | None) -> None:
    with ctx.db.write() as s:
        conn = s.connection()
        tb = table(c.table)
        if version is not None and has_version(tb):
            set_applying(conn, True)
            conn.execute(update(tb).where(tb.c.uid == c.uid).values(version=version))
            set_applying(conn, False)
        e = s.get(SyncOutbox, c.entry_id)
        if e.seq == c.seq:
            s.delete(e)
        else:  # changed again since the claim: send the newer text on top of this version
            e.base_version, e.push_id, e.payload, e.claimed_seq = version, None, None, None


def _refuse(ctx: Context, c: Claim, text: str) -> None:
    with ctx.db.write() as s:
        e = s.get(SyncOutbox, c.entry_id)
        e.refused, e.refused_seq, e.push_id, e.payload = text, c.seq, None, None
    logger.warning("%s", text)


def _conflict(ctx: Context, c: Claim, server_row: dict) -> None:
    """Keep the laptop's copy whole in sync_conflicts, take the server's into the row."""
    tb = table(c.table)
    with ctx.db.batch() as s:  # one local transaction: the copy kept, the row replaced
        conn = s.connection()
        mine = read_local(conn, tb, c.uid)
        local = encode_rows(conn, tb, [mine])[0] if mine else c.payload
        conn.execute(insert(SyncConflict).values(
            table_name=c.table, row_uid=c.uid, base_version=c.base,
            server_version=server_row.get("version"), payload=dumps(local)))
        conn.execute(delete(SyncOutbox).where(SyncOutbox.id == c.entry_id))
        apply_rows(ctx, tb, [server_row], [], force=True)
    logger.info("conflict on %s %s kept for a person to settle", c.table, c.uid)

