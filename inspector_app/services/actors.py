"""Who may act, read without the ORM models: the user count and the user a start acts as.

The desktop application needs only these before its main window first paints. Importing
`db.models` and configuring the mappers costs ~90 ms, so these reads go through a bare
Core table clause over `users` instead; `services.users` has the full user operations.
"""

from __future__ import annotations

import logging

from sqlalchemy import Boolean, Integer, String, column, func, select, table

from inspector_app.db.ordering import codepoint
from inspector_app.domain.enums import Role
from inspector_app.services.context import Actor, Context

logger = logging.getLogger(__name__)

# Only the columns read here; the schema itself is db/models/people.py (User).
_users = table(
    "users",
    column("id", Integer),
    column("display_name", String),
    column("role", String),
    column("active", Boolean),
)


def _actor(row) -> Actor:
    return Actor(id=row.id, display_name=row.display_name, role=Role(row.role))


def count_users(ctx: Context) -> int:
    """How many users there are, active or not (0 means the first start)."""
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(_users)) or 0


def active_actor(ctx: Context, user_id: int) -> Actor | None:
    """The user with this id if it exists and is active, else None."""
    q = select(_users).where(_users.c.id == user_id, _users.c.active.is_(True))
    with ctx.db.read() as s:
        row = s.execute(q).first()
    return _actor(row) if row is not None else None


def default_actor(ctx: Context) -> Actor | None:
    """The first active administrator by name, else the first active user, else None."""
    is_admin = (_users.c.role == Role.ADMIN.value).label("is_admin")
    q = (
        select(_users, is_admin)
        .where(_users.c.active.is_(True))
        .order_by(is_admin.desc(), codepoint(_users.c.display_name), _users.c.id)
        .limit(1)
    )
    with ctx.db.read() as s:
        row = s.execute(q).first()
    return _actor(row) if row is not None else None
