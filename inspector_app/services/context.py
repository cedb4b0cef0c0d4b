"""The context every service call gets: the database, the data folder and the acting user."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from inspector_app.db.engine import Database
from inspector_app.db.health import damaged, diagnose, is_damage_error
from inspector_app.db.migrate import upgrade
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import PermissionDenied
from inspector_app.domain.labels import join_list, role_label
from inspector_app.domain.messages import t
from inspector_app.paths import DataPaths, data_dir, database_url

if TYPE_CHECKING:
    from inspector_app.photos.store import PhotoStore

logger = logging.getLogger(__name__)

#: Roles that manage cases and merchants; admin may do anything a quality manager may.
MANAGERS = (Role.QUALITY_MANAGER, Role.ADMIN)
#: Roles that record purchases, findings and photos.
RECORDERS = (Role.INSPECTOR, Role.QUALITY_MANAGER, Role.ADMIN)
#: Roles that print and save rectification notices: managers, and the merchant managers
#: who send notices out to their merchants (the team keeps no assignment of merchants to
#: merchant managers, so that is every merchant; services/case_moves.why_not_manage).
NOTICE_SENDERS = (Role.QUALITY_MANAGER, Role.ADMIN, Role.MERCHANT_MANAGER)
#: Roles that may see the private purchase fields (buyer alias, delivery address).
SEES_PRIVATE = (Role.INSPECTOR, Role.QUALITY_MANAGER, Role.ADMIN)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a plain value, safe to keep on a widget or pass between threads."""

    id: int
    display_name: str
    role: Role


#: The actor used by `inspector init`/`demo` before any user exists.
SYSTEM = Actor(id=0, display_name="system", role=Role.ADMIN)


@dataclass
class Context:
    db: Database
    paths: DataPaths
    actor: Actor | None = None
    _extras: dict = field(default_factory=dict, repr=False)

    @cached_property
    def photos(self) -> PhotoStore:
        from inspector_app.photos.store import PhotoStore

        fetch = None
        if not self.db.is_sqlite:  # a team server: this folder caches the server's photos
            from functools import partial

            from inspector_app.services.photo_server import fetch_blob

            fetch = partial(fetch_blob, self.db)
        return PhotoStore(self.paths.photos, self.paths.thumbnails, fetch=fetch)

    def as_actor(self, actor: Actor | None) -> Context:
        """The same database and folders, acting as someone else."""
        ctx = replace(self, actor=actor)
        return ctx

    @property
    def actor_id(self) -> int | None:
        """The acting user's id for created_by/actor columns (None for the system actor)."""
        return self.actor.id if self.actor and self.actor.id else None

    def require(self, *roles: Role, action: str | None = None) -> Actor:
        """The acting user, if their role is one of `roles`; else PermissionDenied.

        `action` completes "may not ...", already translated: `action=t("log purchases")`.
        """
        action = action or t("do this")
        if self.actor is None:
            raise PermissionDenied(t("Choose a user before you {action}", action=action))
        if self.actor.id and not self._is_active(self.actor.id):
            raise PermissionDenied(t(
                "{name} is no longer an active user and may not {action}",
                name=self.actor.display_name, action=action,
            ))
        if roles and self.actor.role not in roles:
            raise PermissionDenied(t(
                "{name} ({role}) may not {action}; that is for: {allowed}",
                name=self.actor.display_name, role=role_label(self.actor.role), action=action,
                allowed=join_list(role_label(r) for r in roles),
            ))
        from inspector_app.db.base import ACTING_USER_ID

        ACTING_USER_ID.set(self.actor_id)  # who changed a Versioned row (db/base.py)
        return self.actor

    def _is_active(self, user_id: int) -> bool:
        from sqlalchemy import select

        from inspector_app.db.models import User

        with self.db.read() as s:
            return bool(s.scalar(select(User.active).where(User.id == user_id)))


def open_context(
    db_url: str | None = None,
    data_folder: str | None = None,
    *,
    migrate: bool = True,
    create: bool = True,
    check: bool = True,
) -> Context:
    """Open (upgrading when `migrate`) the database and return a context.

    `create=False` refuses a database file that does not exist or is empty (every command
    but `inspector init`: a mistyped path must not become a new, empty database). `check`
    refuses a damaged, foreign or read-only file with one sentence (db/health.py) and a
    database paired with another photo folder (services/store_identity.py); only `restore`
    opens without it, to replace such a file.
    """
    paths = data_dir(data_folder).ensure()
    url = database_url(db_url, paths)
    path = sqlite_file(url)
    if path is not None and check:
        is_new = not path.exists() or (path.is_file() and path.stat().st_size == 0)
        if not (create and is_new):
            diagnose(path)
    db = Database(url)
    try:
        if migrate:
            upgrade(db, paths.backups)
        ctx = Context(db=db, paths=paths)
        if check and migrate:
            from inspector_app.services.store_identity import pair

            pair(ctx)
        if migrate and path is not None:
            from inspector_app.services.sync.binding import ensure_tracking

            ensure_tracking(ctx)  # a laptop copy of a team server (docs/sync.md)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        db.dispose()
        if path is not None and is_damage_error(exc):
            raise damaged(path, str(getattr(exc, "orig", exc))) from None
        raise
    except BaseException:
        db.dispose()
        raise
    return ctx


def sqlite_file(url: str) -> Path | None:
    """The SQLite file a database URL names, or None (a server, or in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)
