"""What makes a SQLite file a replica: its binding to one server and one login, the
triggers that fill its outbox, and who acts on it (docs/sync.md).

Plain SQL, no ORM models: the application asks this before its first paint."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import OperationalError

from inspector_app.db.base import UTCDateTime
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Actor, Context

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Binding:
    server_url: str  # without a password
    login: str
    user_uid: str
    last_sync_at: datetime | None

    @property
    def server(self) -> str:
        """Host and database, for a person."""
        url = make_url(self.server_url)
        return f"{url.host or 'localhost'}/{url.database or ''}"


def binding(ctx: Context) -> Binding | None:
    """The replica's binding, or None for a one-laptop file or a server (cached)."""
    if not ctx.db.is_sqlite:
        return None
    if "sync_binding" in ctx._extras:
        return ctx._extras["sync_binding"]
    try:
        with ctx.db.engine.connect() as conn:
            row = conn.execute(text("SELECT server_url, login, user_uid, last_sync_at "
                                    "FROM sync_binding LIMIT 1")).first()
    except OperationalError:  # a file not migrated yet (no such table)
        return None
    found = None
    if row is not None:
        last = UTCDateTime().process_result_value(
            _as_datetime(row.last_sync_at), None) if row.last_sync_at else None
        found = Binding(row.server_url, row.login, row.user_uid, last)
    ctx._extras["sync_binding"] = found
    return found


def _as_datetime(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def forget_binding_cache(ctx: Context) -> None:
    ctx._extras.pop("sync_binding", None)


def is_replica(ctx: Context) -> bool:
    return binding(ctx) is not None


def require_server(ctx: Context, action: str) -> None:
    """Refuse, on a replica, what only the team server may do (one sentence)."""
    bound = binding(ctx)
    if bound is not None:
        raise ValidationError(t(
            "{action} needs the team server ({server}): this laptop works on a copy. "
            "Do it while connected to the server", action=action, server=bound.server))


def server_only_reason(ctx: Context, action: str) -> str | None:
    """The sentence require_server would refuse `action` with, or None (for a disabled
    action's tooltip: the menu, the button and the service agree)."""
    try:
        require_server(ctx, action)
    except ValidationError as exc:
        return str(exc)
    return None


def bound_actor(ctx: Context) -> Actor:
    """The person the replica belongs to (their users row arrives with the first pull)."""
    bound = binding(ctx)
    assert bound is not None
    with ctx.db.engine.connect() as conn:
        row = conn.execute(text("SELECT id, display_name, role FROM users WHERE uid = :u"),
                           {"u": bound.user_uid}).first()
    if row is None:
        raise ValidationError(t(
            "This laptop's copy is not complete yet: run inspector sync while connected"))
    return Actor(id=row.id, display_name=row.display_name, role=Role(row.role))


def pending_count(ctx: Context) -> int:
    """Local changes waiting to be sent (refused ones included: they wait for an edit)."""
    with ctx.db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one()


def open_conflicts(ctx: Context) -> int:
    with ctx.db.engine.connect() as conn:
        return conn.execute(text(
            "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL")).scalar_one()


def install_tracking(conn: Connection) -> None:
    """The outbox triggers (idempotent; a migration that rebuilds a table drops its
    triggers, so every open of a replica runs this again)."""
    from inspector_app.services.sync.tables import TRACKED, has_version, table

    applying = "(SELECT applying FROM sync_binding LIMIT 1) = 0"
    for name in TRACKED:
        base = "OLD.version" if has_version(table(name)) else "NULL"
        for event, base_value in (("INSERT", "NULL"), ("UPDATE", base)):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS sync_track_{event.lower()}_{name} "
                f"AFTER {event} ON {name} WHEN {applying} BEGIN "
                f"INSERT INTO sync_outbox (table_name, row_uid, base_version, seq) "
                f"VALUES ('{name}', NEW.uid, {base_value}, 1) "
                f"ON CONFLICT (table_name, row_uid) DO UPDATE SET seq = seq + 1; END")


def ensure_tracking(ctx: Context) -> None:
    if is_replica(ctx):
        with ctx.db.write() as s:
            install_tracking(s.connection())


def set_applying(conn: Connection, on: bool) -> None:
    """Inside the caller's transaction only: writes made meanwhile are not local changes."""
    conn.execute(text("UPDATE sync_binding SET applying = :v"), {"v": 1 if on else 0})
