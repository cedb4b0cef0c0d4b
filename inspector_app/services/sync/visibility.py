"""Rows that stop (or start) being visible to the login: the laptop's copy follows the server.

The change log says what changed, not what the login may now see: a planned purchase
claimed by another inspector is hidden by row-level security without changing for this
login, so no pull would remove it; a row that becomes visible without changing would never
arrive. So every pull compares, per table, the uids the server would send this login (its
own SELECT, so row-level security and views decide; a row whose parent the login cannot see
is not sent) with the laptop's: a count and an MD5 of the sorted uids on each side, so the
common case costs one aggregate per table. Only when they differ does the server's uid
list come: rows missing here are pulled, rows the login no longer sees are removed with
the rows that hang on them, unless one of them has a change not yet sent (the outbox):
then that row and its parents stay and the pull names it. docs/sync.md, "Visibility".
"""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy import delete, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from inspector_app.db.models import SyncOutbox
from inspector_app.domain.messages import t
from inspector_app.services.context import Context
from inspector_app.services.sync.binding import set_applying
from inspector_app.services.sync.tables import (
    PULLED,
    describe,
    foreign_table,
    read_local,
    table,
    wire_columns,
)

logger = logging.getLogger(__name__)

#: Not compared: users arrive as names only and are never removed; team settings are keyed
#: by name and the laptop keeps its own (the photo folder pairing).
NOT_COMPARED = ("users", "app_settings")
#: Uids per query when rows missing here are pulled.
CHUNK = 2000


def _sendable(name: str, alias: str, readable: set[str], depth: int = 0) -> str:
    """A condition on row `alias` of `name`: every parent it points at is one the login
    sees and would be sent (push/pull encode a foreign key as the parent's uid and leave out
    a row whose parent it cannot read)."""
    parts = []
    for col in wire_columns(table(name)):
        parent = foreign_table(col)
        if parent is None or parent == "users":
            continue
        ref = f'{alias}."{col.name}"'
        if parent not in readable or depth > 6:
            parts.append(f"{ref} IS NULL")
            continue
        p = f"p{depth}_{col.name}"
        inner = _sendable(parent, p, readable, depth + 1)
        parts.append(f"({ref} IS NULL OR EXISTS (SELECT 1 FROM {parent} {p} WHERE "
                     f"{p}.id = {ref}{' AND ' + inner if inner else ''}))")
    return " AND ".join(parts)


def _server_sql(name: str, readable: set[str], what: str) -> str:
    cond = _sendable(name, "t", readable)
    return f"SELECT {what} FROM {name} t" + (f" WHERE {cond}" if cond else "")


def _digest(uids: list[str]) -> tuple[int, str]:
    return len(uids), hashlib.md5(",".join(uids).encode()).hexdigest()  # noqa: S324 - a checksum


def _ancestors(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
    out: set[str] = set()
    for col in table(name).c:
        parent = foreign_table(col)
        if parent in PULLED and parent not in seen and parent != name:
            out |= {parent} | _ancestors(parent, seen | {name})
    return out


def reconcile(ctx: Context, conn: Connection, readable: set[str], pull_uids,
              result, mark: int) -> None:
    """Inside the pull's server transaction: bring the set of rows here in line with what
    the login sees. `pull_uids(table, uids)` pulls the given rows (pull._pull_table).

    A table is compared when the log has an entry since `mark` in it, in a table it
    points at (directly or not) or in users (a login's role): what row-level security
    decides follows from rows, so nothing logged, nothing newly hidden."""
    extra: dict[str, set[str]] = {}
    changed = set(conn.execute(text(
        "SELECT DISTINCT table_name FROM sync_log WHERE xid >= :mark"), {"mark": mark})
        .scalars())
    for name in PULLED:
        if name in NOT_COMPARED or name not in readable:
            continue
        if not changed & ({name, "users"} | _ancestors(name)):
            continue
        count, digest = conn.execute(text(_server_sql(
            name, readable, "count(*), md5(coalesce(string_agg(t.uid, ',' ORDER BY "
            't.uid COLLATE "C"), \'\'))'))).one()
        with ctx.db.read() as s:
            here = list(s.execute(text(f"SELECT uid FROM {name} ORDER BY uid")).scalars())
            made_here = set(s.scalars(select(SyncOutbox.row_uid).where(
                SyncOutbox.table_name == name, SyncOutbox.base_version.is_(None))))
            dirty = set(s.scalars(select(SyncOutbox.row_uid).where(
                SyncOutbox.table_name == name)))
        compared = [u for u in here if u not in made_here]  # not on the server yet
        if _digest(compared) == (count, digest):
            continue
        there = set(conn.execute(text(_server_sql(name, readable, "t.uid"))).scalars())
        missing = sorted(there - set(here))
        for i in range(0, len(missing), CHUNK):
            pull_uids(table(name), missing[i:i + CHUNK])
        gone = set(compared) - there - dirty
        if gone:
            extra[name] = gone
        logger.info("%s: %d rows became visible, %d no longer are", name, len(missing),
                    len(gone))
    if extra:
        result.removed += _withdraw(ctx, extra, result.kept)


def _children() -> dict[str, list[tuple[str, str]]]:
    """table -> [(child table, foreign-key column)] among the pulled tables."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name in PULLED:
        for col in table(name).c:
            parent = foreign_table(col)
            if parent in PULLED and parent != name:
                out.setdefault(parent, []).append((name, col.name))
    return out


def _withdraw(ctx: Context, extra: dict[str, set[str]], kept_notes: list[str]) -> int:
    """Remove the rows `extra` (table -> uids) and the rows hanging on them, in one local
    transaction, keeping every row with an unsent change and the rows it hangs on."""
    children = _children()
    with ctx.db.write() as s:
        conn = s.connection()
        dirty = {(e.table_name, e.row_uid) for e in s.execute(select(
            SyncOutbox.table_name, SyncOutbox.row_uid)).all()}
        ids: dict[str, dict[int, str]] = {}  # table -> {id: uid} to remove
        for name in PULLED:  # parents first: a row's children are found after it
            tb = table(name)
            want = extra.get(name, set())
            rows = dict(conn.execute(select(tb.c.id, tb.c.uid).where(
                tb.c.uid.in_(list(want)))).all()) if want else {}
            ids.setdefault(name, {}).update(rows)
        for name in PULLED:
            for child, column in children.get(name, []):
                parents = list(ids.get(name, {}))
                if not parents:
                    continue
                ct = table(child)
                for i in range(0, len(parents), 500):
                    ids.setdefault(child, {}).update(conn.execute(select(ct.c.id, ct.c.uid).where(
                        ct.c[column].in_(parents[i:i + 500]))).all())
        # A row with an unsent change stays, and so does everything it points at.
        keep: set[tuple[str, int]] = set()
        for name in reversed(PULLED):
            tb = table(name)
            for row_id, uid in ids.get(name, {}).items():
                if (name, uid) not in dirty and (name, row_id) not in keep:
                    continue
                if (name, uid) in dirty:
                    kept_notes.append(t(
                        "{record} is no longer visible to this login on the team server; "
                        "kept on this laptop because it has changes not sent",
                        record=describe(name, read_local(conn, tb, uid), uid)))
                keep.add((name, row_id))
                row = conn.execute(select(tb).where(tb.c.id == row_id)).mappings().one()
                for col in tb.c:
                    parent = foreign_table(col)
                    if parent in ids and row[col.name] in ids[parent]:
                        keep.add((parent, row[col.name]))
        # ... and so does what hangs on a row that stays (the user's work stays whole).
        for name in PULLED:
            kept = [i for (n, i) in keep if n == name]
            for child, column in children.get(name, []) if kept else []:
                ct = table(child)
                candidates = list(ids.get(child, {}))
                for i in range(0, len(candidates), 500):
                    keep.update((child, c) for c in conn.execute(select(ct.c.id).where(
                        ct.c.id.in_(candidates[i:i + 500]), ct.c[column].in_(kept))).scalars())
        removed = 0
        set_applying(conn, True)
        for name in reversed(PULLED):  # children first
            doomed = [i for i in ids.get(name, {}) if (name, i) not in keep]
            tb = table(name)
            for i in range(0, len(doomed), 500):
                try:
                    with s.begin_nested():
                        removed += conn.execute(delete(tb).where(
                            tb.c.id.in_(doomed[i:i + 500]))).rowcount or 0
                except IntegrityError as exc:  # a row of this laptop's own points at it
                    kept_notes.append(f"{name}: {str(exc.orig).splitlines()[0]}")
        set_applying(conn, False)
    return removed
