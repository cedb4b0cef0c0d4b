"""Conflicts: a laptop's copy that lost against a newer server version, kept whole until a
person chooses which to keep (docs/sync.md, "Conflicts")."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update

from inspector_app.db.models import SyncConflict
from inspector_app.domain import clock
from inspector_app.domain.errors import NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Context
from inspector_app.services.sync.tables import (
    MissingParent,
    decode_rows,
    describe,
    encode_rows,
    has_version,
    read_local,
    table,
)

logger = logging.getLogger(__name__)

#: Columns "Keep mine" does not write back: identity, history and who did it.
NOT_RESTORED = ("uid", "version", "created_at", "created_by_id", "updated_by_id")


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    table: str
    uid: str
    label: str
    created_at: datetime
    mine: dict  # the laptop's copy, wire form
    theirs: dict  # the row as it is now (the server's version), wire form

    def differences(self) -> list[str]:
        return sorted(k for k in self.mine if k not in NOT_RESTORED and k != "updated_at"
                      and self.mine.get(k) != self.theirs.get(k))


def list_conflicts(ctx: Context) -> list[ConflictInfo]:
    """The conflicts nobody has settled yet, oldest first."""
    out = []
    with ctx.db.read() as s:
        conn = s.connection()
        for c in s.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                           .order_by(SyncConflict.id)).scalars():
            mine = json.loads(c.payload)
            row = read_local(conn, table(c.table_name), c.row_uid)
            theirs = encode_rows(conn, table(c.table_name), [row])[0] if row else {}
            out.append(ConflictInfo(c.id, c.table_name, c.row_uid,
                                    describe(c.table_name, mine, c.row_uid), c.created_at,
                                    mine, theirs))
    return out


def resolve(ctx: Context, conflict_id: int, keep: str) -> None:
    """keep="theirs": the row stays as the server has it. keep="mine": the laptop's copy
    is written back over it as a new local change, pushed at the next sync."""
    ctx.require(action=t("settle a sync conflict"))
    if keep not in ("mine", "theirs"):
        raise ValidationError(t("Keep 'mine' or 'theirs'"))
    with ctx.db.write() as s:
        c = s.get(SyncConflict, conflict_id)
        if c is None or c.resolved_at is not None:
            raise NotFound(t("No open conflict {id}", id=conflict_id))
        if keep == "mine":
            tb = table(c.table_name)
            conn = s.connection()
            (values,) = decode_rows(conn, tb, [json.loads(c.payload)])
            if isinstance(values, MissingParent):
                raise ValidationError(t("Its {column} no longer exists here", column=values.column))
            changes = {k: v for k, v in values.items() if k not in NOT_RESTORED}
            if has_version(tb):
                changes["version"] = tb.c.version + 1
            conn.execute(update(tb).where(tb.c.uid == c.row_uid).values(changes))
        c.resolved_at, c.resolution = clock.now(), keep
    logger.info("conflict %s settled: kept %s", conflict_id, keep)


#: Tables whose rows the lists mark when a conflict waits (people edit them on a laptop).
MARKED_TABLES = ("findings", "purchases", "rectification_cases")


def conflicted_ids(ctx: Context, table_name: str, ids: list[int]) -> set[int]:
    """Which of `ids` (local ids of one page of a list) have an open conflict: one query
    over that page's ids, nothing on a database that is no laptop copy (docs/sync.md)."""
    from sqlalchemy import bindparam, text

    from inspector_app.services.sync.binding import binding

    if not ids or table_name not in MARKED_TABLES or binding(ctx) is None:
        return set()
    query = text(
        f"SELECT t.id FROM {table_name} t WHERE t.id IN :ids AND EXISTS (SELECT 1 FROM "
        "sync_conflicts c WHERE c.row_uid = t.uid AND c.table_name = :name "
        "AND c.resolved_at IS NULL)").bindparams(bindparam("ids", expanding=True))
    with ctx.db.engine.connect() as conn:
        return set(conn.execute(query, {"ids": list(ids), "name": table_name}).scalars())
