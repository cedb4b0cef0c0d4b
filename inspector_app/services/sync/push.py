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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from inspector_app.db.engine import Database
from inspector_app.db.models import SyncConflict, SyncOutbox, SyncReceipt
from inspector_app.domain.enums import Role
from inspector_app.domain.messages import t
from inspector_app.services.context import Context
from inspector_app.services.sync import photos as sync_photos
from inspector_app.services.sync import push_bulk, rules
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
    sqlite_payload_sql,
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
    #: The server's id <-> uid pairs seen in this push (tables.uid_maps).
    uid_cache: dict = field(default_factory=dict, repr=False)
    #: The server transactions that inserted this push's new rows (the pull skips them).
    xids: list[int] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Claim:
    entry_id: int
    table: str
    uid: str
    push_id: str
    base: int | None
    seq: int
    #: The payload as stored in the outbox (JSON text), sent as it is by the bulk path.
    raw: str
    #: The row's version when it was claimed (the payload's).
    version: int | None = None

    @cached_property
    def payload(self) -> dict:
        return json.loads(self.raw)


#: Outbox entries claimed, and finished, per local transaction (and per bulk statement):
#: a tenth of the push, within these bounds (progress moves; few server round trips).
CLAIM_BATCH = 5000
MIN_CLAIM_BATCH = 500
#: A version-4 UUID made by SQLite (a push id per claimed entry).
_NEW_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
             "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1)"
             " || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))")
#: The outbox entries of a claim, as a bound JSON list of ids.
_IN_IDS = "id IN (SELECT value FROM json_each(:ids))"


def push(ctx: Context, server: Database, role: Role, user_uid: str, *,
         progress: Progress | None = None,
         cancelled: Callable[[], bool] = lambda: False) -> PushResult:
    result = PushResult()
    with ctx.db.read() as s:
        entries = list(s.execute(select(SyncOutbox.id, SyncOutbox.table_name)).all())
    entries.sort(key=lambda e: (order(e.table_name), e.id))
    # A record refused before goes again: its parent may have reached the server since
    # (a purchase refused with its merchant), or the refusal may have been lifted; one
    # still refused is named again (docs/sync.md, "Push").
    todo = [e.id for e in entries]
    done = 0
    step = min(CLAIM_BATCH, max(MIN_CLAIM_BATCH, -(-len(todo) // 10)))
    batches = [todo[start:start + step] for start in range(0, len(todo), step)]
    # The laptop claims the next batch while the server applies this one (docs/sync.md,
    # "Push"): a claim is durable on its own, so one left unsent by a cancel or a kill is
    # sent by the next sync. Leaving the block waits for a claim under way.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-claim") as claimer:
        upcoming = claimer.submit(_claim, ctx, batches[0]) if batches else None
        for number in range(len(batches)):
            assert upcoming is not None
            claims = upcoming.result()
            upcoming = (claimer.submit(_claim, ctx, batches[number + 1])
                        if number + 1 < len(batches) else None)
            outcomes: list[tuple[Claim, object]] = []
            try:
                for group in _by_table(claims):
                    if cancelled():
                        result.cancelled = True
                        break
                    bulk = _bulk(ctx, server, group, role, user_uid, result)
                    for claim in group:
                        if claim.entry_id in bulk:
                            outcomes.append((claim, bulk[claim.entry_id]))
                            done += 1
                            continue
                        if cancelled():
                            result.cancelled = True
                            break
                        if progress:
                            progress(done, len(todo), claim.table)
                        done += 1
                        outcomes.append(
                            (claim, _push_one(ctx, server, claim, role, user_uid, result)))
                    if progress:
                        progress(done, len(todo), group[0].table)
            finally:  # what the server applied is finished here even when cancelled or failing
                _finish(ctx, outcomes, result)
            if result.cancelled:
                break
    return result


def _by_table(claims: list[Claim]) -> list[list[Claim]]:
    groups: list[list[Claim]] = []
    for c in claims:
        if groups and groups[-1][0].table == c.table:
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _bulk(ctx: Context, server: Database, group: list[Claim], role: Role, user_uid: str,
          result: PushResult) -> dict[int, object]:
    """New records of one table in one statement (push_bulk); photos' bytes go first."""
    ready = group
    if group[0].table == "photos":
        sent, failed = sync_photos.ensure_many(
            ctx, server, [c.payload["sha256"] for c in group])
        result.photo_bytes += sent
        ready = [c for c in group if c.payload["sha256"] not in failed]  # reported one by one
    applied = push_bulk.apply_new(server, ready, role, user_uid, xids=result.xids)
    versioned = has_version(table(group[0].table))
    return {k: (v if versioned and v is not None else _UNVERSIONED) for k, v in applied.items()}


def _push_one(ctx: Context, server: Database, claim: Claim, role: Role, user_uid: str,
              result: PushResult) -> object:
    try:
        if claim.table == "photos":
            result.photo_bytes += sync_photos.ensure_on_server(
                ctx, server, claim.payload["sha256"])
        return _apply(server, claim, role, user_uid, result.uid_cache)
    except rules.Refused as exc:
        return _Refusal(t("The server refused {record}: {reason}",
                          record=describe(claim.table, claim.payload, claim.uid),
                          reason=str(exc)))
    except sync_photos.PhotoTransferError as exc:
        result.refused.append(str(exc))
        return None


@dataclass(frozen=True)
class _Refusal:
    text: str


def _claim(ctx: Context, entry_ids: list[int]) -> list[Claim]:
    """The entries with their push ids and payloads, made durable before anything is sent
    (one local transaction)."""
    ids = json.dumps(entry_ids)
    unclaimed = f"{_IN_IDS} AND (push_id IS NULL OR payload IS NULL)"
    with ctx.db.write() as s:
        conn = s.connection()
        # New rows (the bulk of a first sync): SQLite writes their payloads itself, one
        # statement per table; a row gone since leaves its entry without one (below).
        for name in conn.execute(text(
                f"SELECT DISTINCT table_name FROM sync_outbox WHERE {unclaimed} "
                "AND base_version IS NULL"), {"ids": ids}).scalars().all():
            conn.execute(text(
                f"UPDATE sync_outbox SET payload = (SELECT {sqlite_payload_sql(table(name))} "
                f'FROM "{name}" r WHERE r.uid = sync_outbox.row_uid), push_id = {_NEW_UUID}, '
                f"claimed_seq = seq WHERE {unclaimed} AND base_version IS NULL "
                "AND table_name = :t"), {"ids": ids, "t": name})
        fresh: dict[str, list[SyncOutbox]] = {}
        for e in s.execute(select(SyncOutbox).where(
                SyncOutbox.id.in_(entry_ids),
                (SyncOutbox.push_id.is_(None)) | (SyncOutbox.payload.is_(None)))).scalars():
            fresh.setdefault(e.table_name, []).append(e)
        for name, group in fresh.items():
            tb = table(name)
            local = {r["uid"]: r for r in conn.execute(select(tb).where(
                tb.c.uid.in_([e.row_uid for e in group]))).mappings()}
            wire = {w["uid"]: w for w in encode_rows(conn, tb, [dict(r) for r in local.values()])}
            for e in group:
                if e.row_uid not in wire:  # gone, or pointing at a row that is gone
                    s.delete(e)
                    continue
                e.payload = dumps(wire[e.row_uid])
                e.push_id = str(uuid.uuid4())
                e.claimed_seq = e.seq
        s.flush()
        rows = conn.execute(text(
            "SELECT id, table_name, row_uid, push_id, base_version, claimed_seq, payload, "
            f"json_extract(payload, '$.version') FROM sync_outbox WHERE {_IN_IDS} "
            "AND push_id IS NOT NULL AND payload IS NOT NULL"), {"ids": ids}).all()
    by_id = {r[0]: Claim(r[0], r[1], r[2], r[3], r[4], r[5] or 0, r[6], r[7]) for r in rows}
    return [by_id[i] for i in entry_ids if i in by_id]


def _apply(server: Database, c: Claim, role: Role, user_uid: str,
           cache: dict | None = None) -> object:
    """Apply one claim in one server transaction. Returns the server's new version (None
    for a table without versions), or the server's row (wire form) on a conflict."""
    tb = table(c.table)
    try:
        with server.engine.begin() as conn:
            done = conn.execute(select(SyncReceipt.version)
                                .where(SyncReceipt.push_id == c.push_id)).first()
            if done is not None:
                return _UNVERSIONED if done[0] is None else done[0]
            # No lock: the UPDATE's "WHERE version = base" is the check (docs/sync.md).
            found = conn.execute(select(tb).where(tb.c.uid == c.uid)).mappings().first()
            # A row pointing at one the login cannot see is not seen either.
            seen = encode_rows(conn, tb, [dict(found)], cache=cache) if found else []
            current = seen[0] if seen else None
            if c.base is None and current is not None:
                return current  # made here and there with one uid: keep both
            if c.base is not None and current is None:
                raise rules.Refused(t("it is not on the server, or this login may not see it"))
            if current is not None and has_version(tb) and current["version"] != c.base:
                return current
            changed = {k for k, v in c.payload.items()
                       if k != "version" and (current is None or current.get(k) != v)}
            rules.check(role, user_uid, c.table, c.payload, current, changed)
            decoded = decode_rows(conn, tb, [c.payload], cache=cache)[0]
            if isinstance(decoded, MissingParent):
                raise rules.Refused(t("its {column} ({uid}) is not on the server",
                                      column=decoded.column, uid=decoded.uid))
            version = _write(conn, tb, c, decoded, changed, current)
            if version is _RACED:  # changed on the server since it was read: a conflict
                found = conn.execute(select(tb).where(tb.c.uid == c.uid)).mappings().one()
                return encode_rows(conn, tb, [dict(found)])[0]
            conn.execute(insert(SyncReceipt).values(
                push_id=c.push_id, row_uid=c.uid,
                version=None if version is _UNVERSIONED else version,
                login=func.current_user()))
            return version
    except DBAPIError as exc:
        raise rules.Refused(str(exc.orig).splitlines()[0]) from None


def _write(conn, tb, c: Claim, decoded: dict, changed: set[str], current: dict | None):
    if current is None:
        stmt = insert(tb).values({k: v for k, v in decoded.items() if k != "version"})
        if has_version(tb):
            return conn.execute(stmt.returning(tb.c.version)).scalar_one()
        conn.execute(stmt)
        return _UNVERSIONED
    if not changed:
        return current["version"] if has_version(tb) else _UNVERSIONED
    values = {k: decoded[k] for k in changed}
    change = update(tb).where(tb.c.uid == c.uid)
    if has_version(tb):
        change = change.where(tb.c.version == c.base).values(
            {**values, "version": tb.c.version + 1})
        row = conn.execute(change.returning(tb.c.version)).first()
        return _RACED if row is None else row[0]
    conn.execute(change.values(values))
    return _UNVERSIONED


#: _write's answer when the row's version moved between the read and the UPDATE.
_RACED = object()
#: Applied to a table without versions (append-only history).
_UNVERSIONED = object()


def _finish(ctx: Context, outcomes: list[tuple[Claim, object]], result: PushResult) -> None:
    """Record what the server answered, in one local transaction: applied rows take the
    server's version and leave the outbox (or go again when edited since the claim),
    refusals are kept with their sentence, conflicts keep the laptop's copy."""
    if not outcomes:
        return
    applied: dict[str, list[dict]] = {}
    with ctx.db.batch() as s:
        conn = s.connection()
        set_applying(conn, True)
        for c, outcome in outcomes:
            if outcome is None:
                continue
            if isinstance(outcome, _Refusal):
                refused = s.get(SyncOutbox, c.entry_id)
                if refused is not None:
                    refused.refused, refused.refused_seq = outcome.text, c.seq
                    refused.push_id = refused.payload = None
                s.flush()
                result.refused.append(outcome.text)
                logger.warning("%s", outcome.text)
            elif isinstance(outcome, dict):
                _conflict(ctx, s, c, outcome)
                set_applying(conn, True)  # apply_rows turned it off
                result.conflicts.append(describe(c.table, c.payload, c.uid))
            else:
                version = None if outcome is _UNVERSIONED else outcome
                applied.setdefault(c.table, []).append(
                    {"u": c.uid, "v": version, "i": c.entry_id, "c": c.version})
                result.applied += 1
        ids = [r["i"] for rows in applied.values() for r in rows]
        # Changed again since the claim (rare): the newer text goes on top of this version.
        edited = set(conn.execute(text(
            f"SELECT id FROM sync_outbox WHERE {_IN_IDS} AND seq <> claimed_seq"),
            {"ids": json.dumps(ids)}).scalars())
        for name, rows in applied.items():  # set-based: thousands per batch
            tb = table(name)
            # The local row already has the version the server gave (a new row's first).
            versioned = [r for r in rows if r["v"] is not None and (
                r["v"] != r["c"] or r["i"] in edited)]
            if versioned and has_version(tb):
                conn.execute(text(f"UPDATE {name} SET version = :v WHERE uid = :u"), versioned)
            rebased = [r for r in rows if r["i"] in edited]
            if rebased:
                conn.execute(text(
                    "UPDATE sync_outbox SET base_version = :v, push_id = NULL, payload = NULL, "
                    "claimed_seq = NULL WHERE id = :i"), rebased)
        conn.execute(text(f"DELETE FROM sync_outbox WHERE {_IN_IDS} AND seq = claimed_seq"),
                     {"ids": json.dumps(ids)})
        set_applying(conn, False)


def _conflict(ctx: Context, s, c: Claim, server_row: dict) -> None:
    """Keep the laptop's copy whole in sync_conflicts, take the server's into the row
    (inside _finish's transaction)."""
    tb = table(c.table)
    conn = s.connection()
    mine = read_local(conn, tb, c.uid)
    local = encode_rows(conn, tb, [mine])[0] if mine else c.payload
    conn.execute(insert(SyncConflict).values(
        table_name=c.table, row_uid=c.uid, base_version=c.base,
        server_version=server_row.get("version"), payload=dumps(local)))
    conn.execute(delete(SyncOutbox).where(SyncOutbox.id == c.entry_id))
    s.expire_all()
    apply_rows(ctx, tb, [server_row], [], force=True)
    logger.info("conflict on %s %s kept for a person to settle", c.table, c.uid)
