"""The fast path of a push: new records of one table inserted in one statement and one
server transaction (with their receipts), over the login's own connection.

Grants, row-level security and the server's triggers check every row of the statement
as they do a single INSERT; if anything in the batch is refused (a rule, a missing parent,
PostgreSQL), nothing of it is applied and each of its records goes alone through
push._apply, in its own transaction, so the refused one is named. docs/sync.md, "Push".
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import Table, select, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError

from inspector_app.db.engine import Database
from inspector_app.db.models import SyncReceipt
from inspector_app.domain.enums import Role
from inspector_app.services.sync import rules
from inspector_app.services.sync.tables import foreign_table, has_version, table, wire_columns

logger = logging.getLogger(__name__)

#: Fewer new records than this go one by one (the statement is not worth building).
MIN_BULK = 8
_PG = postgresql.dialect()


def _sql(tb: Table) -> str:
    cols = [c for c in wire_columns(tb) if c.name != "version"]
    record = ", ".join(
        f'"{c.name}" ' + ("text" if foreign_table(c) else c.type.compile(dialect=_PG))
        for c in cols)
    values = ", ".join(
        f'(SELECT p.id FROM {foreign_table(c)} p WHERE p.uid = r."{c.name}")'
        if foreign_table(c) else f'r."{c.name}"' for c in cols)
    names = ", ".join(f'"{c.name}"' for c in cols)
    returning = "uid, version" if has_version(tb) else "uid, NULL"
    return (f"INSERT INTO {tb.name} ({names}) SELECT {values} FROM "
            f"jsonb_to_recordset(CAST(:rows AS jsonb)) AS r({record}) RETURNING {returning}")


def _parents_present(conn, tb: Table, claims: list) -> bool:
    for col in wire_columns(tb):
        parent = foreign_table(col)
        if parent is None:
            continue
        wanted = {c.payload.get(col.name) for c in claims} - {None}
        if not wanted:
            continue
        ptable = table(parent)
        found = set(conn.execute(select(ptable.c.uid).where(ptable.c.uid.in_(list(wanted))))
                    .scalars())
        if found != wanted:
            return False
    return True


def apply_new(server: Database, claims: list, role: Role, user_uid: str) -> dict[int, object]:
    """Insert the new records among `claims` (one table) in bulk; entry id -> the server's
    version for each one applied (or found applied by its receipt). The others are left
    to the caller's one-by-one path."""
    fresh = [c for c in claims if c.base is None]
    if len(fresh) < MIN_BULK:
        return {}
    tb = table(fresh[0].table)
    for c in fresh:
        try:
            rules.check(role, user_uid, c.table, c.payload, None, set(c.payload))
        except rules.Refused:
            return {}  # named by the one-by-one path
    done: dict[int, object] = {}
    try:
        with server.engine.begin() as conn:
            receipts = dict(conn.execute(select(SyncReceipt.push_id, SyncReceipt.version).where(
                SyncReceipt.push_id.in_([c.push_id for c in fresh]))).all())
            for c in fresh:
                if c.push_id in receipts:
                    done[c.entry_id] = receipts[c.push_id]
            todo = [c for c in fresh if c.push_id not in receipts]
            if not todo:
                return done
            taken = set(conn.execute(select(tb.c.uid).where(
                tb.c.uid.in_([c.uid for c in todo]))).scalars())
            if taken or not _parents_present(conn, tb, todo):
                return done
            rows = [{k: v for k, v in c.payload.items() if k != "version"} for c in todo]
            inserted = conn.execute(text(_sql(tb)), {"rows": json.dumps(rows)}).all()
            versions: dict[str, int | None] = {uid: v for uid, v in inserted}
            conn.execute(text(
                "INSERT INTO sync_receipts (push_id, row_uid, version, login, at) "
                "SELECT r.push_id, r.row_uid, r.version, current_user, "
                "(now() AT TIME ZONE 'utc') FROM jsonb_to_recordset(CAST(:rows AS jsonb)) "
                "AS r(push_id text, row_uid text, version integer)"),
                {"rows": json.dumps([{"push_id": c.push_id, "row_uid": c.uid,
                                      "version": versions.get(c.uid)} for c in todo])})
            for c in todo:
                done[c.entry_id] = versions.get(c.uid)
    except DBAPIError as exc:
        logger.info("bulk insert into %s refused (%s); one by one", tb.name,
                    str(exc.orig).splitlines()[0])
        return {}  # the one-by-one path finds any receipt again
    return done
