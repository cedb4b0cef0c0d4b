"""Which tables travel, and a row's wire form: column values with foreign keys as uids.

docs/sync.md. Local integer ids never leave a database: a foreign key travels as the uid of
the row it points to and is turned back into an id on the other side.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Column, Date, Table, select
from sqlalchemy.engine import Connection

from inspector_app.db.base import UTCDateTime
from inspector_app.db.models import Base

#: What a replica pulls, parents before children (the server logs these, migration 0011).
PULLED = ("users", "merchants", "merchant_status_changes", "brands", "products",
          "sampling_plans", "sampling_picks", "purchases", "findings", "photos",
          "rectification_cases", "case_findings", "case_events", "app_settings", "work_orders")
#: What a replica tracks and pushes (users and team settings change only on the server).
TRACKED = tuple(t for t in PULLED if t not in ("users", "app_settings"))
#: Columns of users a replica receives: names and roles only.
USER_COLUMNS = ("uid", "display_name", "role", "active", "created_at", "updated_at", "version")
#: Never sent either way: who acted is filled by the server from the login.
SERVER_FILLED = ("updated_by_id",)
#: Settings that belong to one machine (the photo folder pairing), never pulled.
LOCAL_SETTING_PREFIX = "storage."


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def order(name: str) -> int:
    return PULLED.index(name)


def has_version(t: Table) -> bool:
    return "version" in t.c


def foreign_table(col: Column) -> str | None:
    for fk in col.foreign_keys:
        return fk.column.table.name
    return None


def wire_columns(t: Table) -> list[Column]:
    """The columns that travel for table `t` (no id, no server-filled ones)."""
    names = USER_COLUMNS if t.name == "users" else None
    return [c for c in t.c if c.name != "id" and c.name not in SERVER_FILLED
            and (names is None or c.name in names)]


def encode_value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def decode_value(col: Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(col.type, UTCDateTime):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(col.type, Date):
        return date.fromisoformat(value) if isinstance(value, str) else value
    return value


def uid_maps(conn: Connection, t: Table, rows: list[dict], *, by: str,
             cache: dict | None = None) -> dict[str, dict]:
    """For each foreign-key column of `t`: the mapping needed to translate `rows`.

    by="id": local/server id -> uid (encoding); by="uid": uid -> id (decoding). `cache`
    (one per run and database) keeps what was found: a row's id and uid never change.
    """
    maps: dict[str, dict] = {}
    for col in wire_columns(t):
        parent = foreign_table(col)
        if parent is None:
            continue
        keys = {r[col.name] for r in rows if r.get(col.name) is not None}
        known = cache.setdefault((parent, by), {}) if cache is not None else {}
        found: dict = {k: known[k] for k in keys if k in known}
        ptable = table(parent)
        keys_list = [k for k in keys if k not in found]
        for i in range(0, len(keys_list), 500):
            part = keys_list[i:i + 500]
            if by == "id":
                q = select(ptable.c.id, ptable.c.uid).where(ptable.c.id.in_(part))
            else:
                q = select(ptable.c.uid, ptable.c.id).where(ptable.c.uid.in_(part))
            fetched = {a: b for a, b in conn.execute(q).all()}
            found.update(fetched)
            known.update(fetched)
        maps[col.name] = found
    return maps


def encode_rows(conn: Connection, t: Table, rows: list[dict], *,
                cache: dict | None = None) -> list[dict]:
    """Rows as read from `conn` (with ids) -> wire form (foreign keys as uids, JSON-safe).

    A row pointing at a row `conn` does not show (row-level security) is left out."""
    maps = uid_maps(conn, t, rows, by="id", cache=cache)
    out = []
    for r in rows:
        wire = {}
        for col in wire_columns(t):
            value = r.get(col.name)
            if col.name in maps and value is not None:
                value = maps[col.name].get(value)
                if value is None:
                    break
            wire[col.name] = encode_value(value)
        else:
            out.append(wire)
    return out


class MissingParent(Exception):
    """A wire row points at a row the receiving database does not have."""

    def __init__(self, column: str, uid: str) -> None:
        super().__init__(column, uid)
        self.column = column
        self.uid = uid


def decode_rows(conn: Connection, t: Table, rows: list[dict], *,
                cache: dict | None = None) -> list[dict | MissingParent]:
    """Wire rows -> column values for `conn` (uids back to its ids); a row whose parent
    `conn` lacks comes back as MissingParent."""
    maps = uid_maps(conn, t, rows, by="uid", cache=cache)
    cols = {c.name: c for c in wire_columns(t)}
    out: list[dict | MissingParent] = []
    for r in rows:
        values: dict = {}
        problem = None
        for name, value in r.items():
            col = cols.get(name)
            if col is None:
                continue
            if name in maps and value is not None:
                local = maps[name].get(value)
                if local is None:
                    problem = MissingParent(name, value)
                    break
                value = local
            values[name] = decode_value(col, value)
        out.append(problem or values)
    return out


def read_local(conn: Connection, t: Table, uid: str) -> dict | None:
    row = conn.execute(select(t).where(t.c.uid == uid)).mappings().first()
    return dict(row) if row else None


def dumps(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True)


def describe(table_name: str, payload: dict | None, uid: str) -> str:
    """The record named for a person: its number, title or name, and its uid."""
    payload = payload or {}
    for key in ("case_number", "order_number", "title", "name", "shop_id", "original_name"):
        if payload.get(key):
            return f"{table_name} {payload[key]!s} ({uid})"
    return f"{table_name} {uid}"


def _sqlite_json_value(t: Table, col: Column) -> str:
    """A SQLite expression giving `col` of row `r` as encode_rows sends it (a foreign key as
    the parent's uid, a boolean as true/false, a timestamp as ISO 8601 in UTC)."""
    ref = f'r."{col.name}"'
    parent = foreign_table(col)
    if parent is not None:
        return f'(SELECT p.uid FROM "{parent}" p WHERE p.id = {ref})'
    if isinstance(col.type, Boolean):
        return f"CASE WHEN {ref} IS NULL THEN NULL WHEN {ref} THEN json('true') " \
               "ELSE json('false') END"
    if isinstance(col.type, UTCDateTime):
        return f"CASE WHEN {ref} IS NULL THEN NULL ELSE replace({ref}, ' ', 'T') || '+00:00' END"
    return ref


def sqlite_payload_sql(t: Table) -> str:
    """A SQLite expression building the wire form of row `r` of `t` as JSON text in the
    database itself (a first sync claims tens of thousands of rows; docs/sync.md, "Push")."""
    parts = ", ".join(f"'{c.name}', {_sqlite_json_value(t, c)}" for c in wire_columns(t))
    return f"json_object({parts})"
