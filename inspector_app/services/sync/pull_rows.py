"""The pull's reading and writing of rows, shaped for tens of thousands of them.

PostgreSQL gives each row already in the form SQLite stores (a foreign key as the parent's
uid, timestamps as the text SQLAlchemy writes on SQLite, booleans as 0/1), through a
server-side cursor in batches of BATCH rows, under the login's own SELECT (row-level
security, column privileges and the merchant views decide; a row pointing at a parent the
login cannot see is not sent). Each batch is written into the replica with one
`executemany` upsert in one local transaction; foreign keys are turned into local ids by a
lookup per batch. No row goes through SQLAlchemy's ORM or per-value Python encoding.
docs/sync.md, "Pull".
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import Boolean, Column, Date, Table, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from inspector_app.db.base import UTCDateTime
from inspector_app.services.context import Context
from inspector_app.services.sync.binding import set_applying
from inspector_app.services.sync.tables import (
    LOCAL_SETTING_PREFIX,
    foreign_table,
    has_version,
    wire_columns,
)

#: Rows read from the server and written locally per transaction.
BATCH = 5000


def _server_value(col: Column, readable: set[str]) -> str:
    ref = f't."{col.name}"'
    parent = foreign_table(col)
    if parent is not None:
        if parent not in readable:
            return "NULL::text"
        return f"(SELECT p.uid FROM {parent} p WHERE p.id = {ref})"
    if isinstance(col.type, UTCDateTime):
        return f"to_char({ref}, 'YYYY-MM-DD HH24:MI:SS.US')"
    if isinstance(col.type, Date):
        return f"to_char({ref}, 'YYYY-MM-DD')"
    if isinstance(col.type, Boolean):
        return f"{ref}::integer"
    return ref


def server_query(t: Table, readable: set[str], *, since: bool, uids: bool,
                 own_xids: bool) -> str:
    """The SELECT of `t`'s rows in SQLite's form; binds :mark, :xids, :uids as asked."""
    cols = wire_columns(t)
    values = ", ".join(_server_value(c, readable) for c in cols)
    where = []
    for c in cols:
        parent = foreign_table(c)
        if parent is not None:  # as encode_rows: a parent it cannot see, the row not sent
            seen = (f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = t.\"{c.name}\")"
                    if parent in readable else "false")
            where.append(f't."{c.name}" IS NULL OR {seen}')
    if since:
        logged = ("SELECT row_id FROM sync_log WHERE table_name = :name AND xid >= :mark"
                  + (" AND xid <> ALL(:xids)" if own_xids else ""))
        where.append(f"t.id IN ({logged})")
    if uids:
        where.append("t.uid = ANY(:uids)")
    if t.name == "app_settings":
        where.append(f"t.key NOT LIKE '{LOCAL_SETTING_PREFIX}%'")
    sql = f"SELECT {values} FROM {t.name} t"
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    return sql + " ORDER BY t.id"


def pull_table(ctx: Context, conn: Connection, t: Table, readable: set[str],
               mark: int | None, own_xids: Sequence[int], uids: list[str] | None,
               skipped: list[str], shas: set[str]) -> int:
    """Pull `t`'s rows changed since `mark` (all when None), or the rows `uids`; the
    number written here."""
    sql = server_query(t, readable, since=mark is not None, uids=uids is not None,
                       own_xids=bool(own_xids))
    params = {"name": t.name, "mark": mark, "xids": list(own_xids), "uids": uids}
    names = [c.name for c in wire_columns(t)]
    rows = conn.execute(text(sql).execution_options(yield_per=BATCH), params)
    written = 0
    for part in rows.partitions(BATCH):
        batch = [tuple(r) for r in part]
        written += write_rows(ctx, t, names, batch, skipped)
        if t.name == "photos":
            sha, deleted = names.index("sha256"), names.index("deleted_at")
            shas.update(r[sha] for r in batch if r[deleted] is None)
    return written


def write_rows(ctx: Context, t: Table, names: list[str], rows: list[tuple],
               skipped: list[str]) -> int:
    """Upsert `rows` (SQLite's form, foreign keys as uids) in one local transaction, leaving
    alone rows with a pending local change (their push decides), rows this replica holds
    in the same version, and rows whose parent is not here (named in `skipped`)."""
    key = "key" if t.name == "app_settings" else "uid"
    k = names.index(key)
    uid_at = names.index("uid")
    version_at = names.index("version") if has_version(t) else None
    fks = [(i, foreign_table(t.c[n])) for i, n in enumerate(names) if foreign_table(t.c[n])]
    with ctx.db.write() as s:
        lconn = s.connection()
        uids = json.dumps([r[uid_at] for r in rows])
        dirty = set(lconn.execute(text(
            "SELECT row_uid FROM sync_outbox WHERE table_name = :t AND row_uid IN "
            "(SELECT value FROM json_each(:u))"), {"t": t.name, "u": uids}).scalars())
        version = "version" if version_at is not None else "NULL"
        here: dict[str, int | None] = dict(lconn.execute(text(
            f"SELECT uid, {version} FROM {t.name} WHERE uid IN "
            "(SELECT value FROM json_each(:u))"), {"u": uids}).all())
        parents: dict[int, dict[str, int]] = {}
        for i, parent in fks:
            wanted = json.dumps(list({r[i] for r in rows if r[i] is not None}))
            parents[i] = dict(lconn.execute(text(
                f"SELECT uid, id FROM {parent} WHERE uid IN (SELECT value FROM json_each(:u))"),
                {"u": wanted}).all())
        values = []
        for r in rows:
            uid = r[uid_at]
            if uid in dirty or (uid in here and version_at is not None
                                and here[uid] == r[version_at]):
                continue
            if version_at is None and uid in here:  # rows without versions never change
                continue
            row = list(r)
            for i, _parent in fks:
                if row[i] is not None:
                    local = parents[i].get(row[i])
                    if local is None:
                        skipped.append(f"{t.name} {uid}: no {names[i]} {row[i]} here")
                        break
                    row[i] = local
            else:
                values.append(tuple(row))
        if not values:
            return 0
        cols = ", ".join(f'"{n}"' for n in names)
        sets = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != key)
        sql = (f"INSERT INTO {t.name} ({cols}) VALUES ({', '.join('?' * len(names))}) "
               f'ON CONFLICT ("{names[k]}") DO UPDATE SET {sets}')
        set_applying(lconn, True)
        try:
            with s.begin_nested():
                lconn.exec_driver_sql(sql, values)
        except IntegrityError:
            # One row clashes with a local one (a unique name made offline): the others go in.
            for v in values:
                try:
                    with s.begin_nested():
                        lconn.exec_driver_sql(sql, v)
                except IntegrityError as exc:
                    skipped.append(f"{t.name} {v[uid_at]}: {str(exc.orig).splitlines()[0]}")
                    values = [x for x in values if x is not v]
        set_applying(lconn, False)
    return len(values)
