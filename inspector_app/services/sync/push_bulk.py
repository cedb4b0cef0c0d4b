"""The fast path of a push: new records of one table inserted in one statement and one
server transaction (with their receipts), over the login's own connection.

The claimed payloads (JSON text, as SQLite wrote them) go by COPY into a per-session
temporary staging table; one `INSERT ... SELECT` from it writes the table and one more the
receipts. Grants, row-level security and the server's triggers check every row of the
statement as they do a single INSERT (nothing bypasses them: no SECURITY DEFINER, no
superuser). If anything in the batch is refused (a rule, a missing parent, PostgreSQL),
nothing of it is applied and each of its records goes alone through push._apply, in its
own transaction, so the refused one is named. docs/sync.md, "Push".
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import Table, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from inspector_app.db.engine import Database
from inspector_app.domain.enums import Role
from inspector_app.services.sync import rules
from inspector_app.services.sync.tables import foreign_table, has_version, table, wire_columns

if TYPE_CHECKING:
    import psycopg

logger = logging.getLogger(__name__)

#: Fewer new records than this go one by one (the statement is not worth building).
MIN_BULK = 8
_PG = postgresql.dialect()
#: The staging table: one per server session, emptied at every commit.
_STAGE = ("CREATE TEMP TABLE IF NOT EXISTS sync_stage (push_id text PRIMARY KEY, "
          "uid text NOT NULL UNIQUE, payload jsonb NOT NULL) ON COMMIT DELETE ROWS")


def driver(conn: Connection) -> psycopg.Connection:
    """The psycopg connection under `conn` (for COPY)."""
    import psycopg

    raw = conn.connection.driver_connection
    if not isinstance(raw, psycopg.Connection):
        raise TypeError("the team server is reached through psycopg")
    return raw


class _Abandon(Exception):
    """The batch cannot go as one statement: roll it back, each record goes alone."""


def _insert_sql(tb: Table) -> str:
    """INSERT the staged rows into `tb` and their receipts, or nothing when a staged row
    points at a parent the server lacks (or the login cannot see); answers how many, and
    the (push id, version) pairs whose version is not the one the laptop sent."""
    cols = [c for c in wire_columns(tb) if c.name != "version"]
    fks = [c for c in cols if foreign_table(c)]
    record = ", ".join(
        f'"{c.name}" ' + ("text" if foreign_table(c) else c.type.compile(dialect=_PG))
        for c in cols)
    values = ", ".join(
        f'(SELECT p.id FROM {foreign_table(c)} p WHERE p.uid = r."{c.name}") AS "{c.name}"'
        if foreign_table(c) else f'r."{c.name}"' for c in cols)
    sent = "".join(f', r."{c.name}" AS "{c.name} uid"' for c in fks)
    orphan = " OR ".join(f'("{c.name} uid" IS NOT NULL AND "{c.name}" IS NULL)'
                         for c in fks) or "false"
    names = ", ".join(f'"{c.name}"' for c in cols)
    returning = "uid, version" if has_version(tb) else "uid, NULL::integer AS version"
    return (
        f"WITH src AS MATERIALIZED (SELECT {values}{sent} FROM sync_stage s "
        f"CROSS JOIN LATERAL jsonb_to_record(s.payload) AS r({record})), "
        f"ins AS (INSERT INTO {tb.name} ({names}) SELECT {names} FROM src "
        f"WHERE NOT EXISTS (SELECT 1 FROM src WHERE {orphan}) RETURNING {returning}), "
        "rec AS (INSERT INTO sync_receipts (push_id, row_uid, version, login, at) "
        "SELECT s.push_id, ins.uid, ins.version, current_user, (now() AT TIME ZONE 'utc') "
        "FROM ins JOIN sync_stage s ON s.uid = ins.uid RETURNING push_id, version) "
        "SELECT count(*), coalesce(json_agg(json_build_array(rec.push_id, rec.version)) "
        "FILTER (WHERE rec.version IS DISTINCT FROM (s.payload->>'version')::integer), '[]') "
        "FROM rec JOIN sync_stage s ON s.push_id = rec.push_id")


def _inexact_sql(tb: Table) -> str:
    """A staged row the server's author triggers store otherwise than the laptop holds it
    (docs/team-server.md, "Who did it"): such a batch is read back by the pull."""
    names = {c.name for c in wire_columns(tb)}
    checks = [f"coalesce(s.payload->>'{c}', '') <> :me" for c in ("created_by_id", "actor_id")
              if c in names]
    if "deleted_by_id" in names:
        checks.append("coalesce(s.payload->>'deleted_by_id', '') <> CASE WHEN "
                      "s.payload->>'deleted_at' IS NULL THEN '' ELSE :me END")
    return ("SELECT EXISTS (SELECT 1 FROM sync_stage s WHERE "
            + (" OR ".join(checks) or "false") + ")")


def apply_new(server: Database, claims: list, role: Role, user_uid: str, *,
              xids: list[int] | None = None) -> dict[int, object]:
    """Insert the new records among `claims` (one table) in bulk; entry id -> the server's
    version for each one applied (or found applied by its receipt). The others are left
    to the caller's one-by-one path. The server transaction's id goes into `xids` (the
    pull does not read back what this push wrote, docs/sync.md "Pull")."""
    fresh = [c for c in claims if c.base is None]
    if len(fresh) < MIN_BULK:
        return {}
    tb = table(fresh[0].table)
    refused = rules.bulk_refusal_sql(role, tb.name)
    if refused is None:  # the rules refuse every new row of it: named one by one
        return {}
    done: dict[int, object] = {}
    try:
        with server.engine.begin() as conn:
            conn.exec_driver_sql(_STAGE)
            with driver(conn).cursor() as cur, cur.copy(
                    "COPY sync_stage (push_id, uid, payload) FROM STDIN") as copy:
                for c in fresh:
                    copy.write_row((c.push_id, c.uid, c.raw))
            conn.exec_driver_sql("ANALYZE sync_stage")  # its size, for the joins below
            receipts: dict[str, int | None] = dict(conn.execute(text(
                "DELETE FROM sync_stage s USING sync_receipts r WHERE r.push_id = s.push_id "
                "RETURNING s.push_id, r.version")).all())
            for c in fresh:
                if c.push_id in receipts:
                    done[c.entry_id] = receipts[c.push_id]
            todo = [c for c in fresh if c.push_id not in receipts]
            if not todo:
                return done
            if conn.execute(text(f"SELECT EXISTS (SELECT 1 FROM sync_stage s WHERE {refused})"),
                            {"me": user_uid}).scalar():
                raise _Abandon
            # A uid the server has (seen or not) fails the statement: one by one, named.
            count, moved = conn.execute(text(_insert_sql(tb))).one()
            if count != len(todo):  # a missing parent (nothing inserted), or a view's
                raise _Abandon      # trigger that skipped a row: one by one
            versions = {push_id: version for push_id, version in moved}
            if xids is not None and not conn.execute(text(_inexact_sql(tb)),
                                                     {"me": user_uid}).scalar():
                xids.append(conn.exec_driver_sql(
                    "SELECT pg_current_xact_id()::text::bigint").scalar_one())
            for c in todo:
                done[c.entry_id] = versions.get(c.push_id, c.version)
    except _Abandon:
        logger.info("bulk insert into %s: one by one (a record is refused)", tb.name)
        return {}
    except DBAPIError as exc:
        logger.info("bulk insert into %s refused (%s); one by one", tb.name,
                    str(exc.orig).splitlines()[0])
        return {}  # the one-by-one path finds any receipt again
    return done
