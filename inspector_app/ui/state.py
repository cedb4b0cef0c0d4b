"""The running application's state: the open context and the user it acts as."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from inspector_app.domain.enums import Role
from inspector_app.services import actors
from inspector_app.services.context import Actor, Context
from inspector_app.ui import changes
from inspector_app.ui.settings import CURRENT_USER_ID, AppSettings

logger = logging.getLogger(__name__)


class AppState(QObject):
    """Holds the context; `ctx` always acts as the current user (a fresh value each time).

    Widgets keep the AppState, never a Context of their own, so switching users takes
    effect everywhere at once.
    """

    actor_changed = Signal(object)

    def __init__(self, ctx: Context, settings: AppSettings) -> None:
        super().__init__()
        self._base = ctx.as_actor(None)
        self._actor: Actor | None = None
        self.settings = settings
        #: On a team server the login is the user: no switching (services.team).
        self.team_actor: Actor | None = None
        if not ctx.db.is_sqlite:
            from inspector_app.services.team import server_actor

            self.team_actor = server_actor(ctx)
        #: A laptop copy of a team server (docs/sync.md): its login's user acts, offline.
        self.replica = None
        if ctx.db.is_sqlite:
            from inspector_app.services.sync.binding import binding, bound_actor

            self.replica = binding(ctx)
            if self.replica is not None:
                try:
                    self.team_actor = bound_actor(ctx)
                except Exception:  # noqa: BLE001 - a copy not complete yet: sync first
                    logger.warning("the laptop copy has no user yet", exc_info=True)

    @property
    def is_team(self) -> bool:
        return self.team_actor is not None

    @property
    def ctx(self) -> Context:
        return self._base.as_actor(self._actor)

    @property
    def actor(self) -> Actor | None:
        return self._actor

    @property
    def is_admin(self) -> bool:
        return self._actor is not None and self._actor.role == Role.ADMIN

    def has_role(self, *roles: Role) -> bool:
        return self._actor is not None and self._actor.role in roles

    def set_actor(self, actor: Actor | None, *, remember: bool = True) -> None:
        """Act as `actor` from now on (remembered for the next start unless `remember` is off).

        On a team server the acting user is the login's and stays so.
        """
        if self.team_actor is not None and actor != self.team_actor:
            logger.warning("Refused to switch to %s on a team server", actor)
            return
        self._actor = actor
        if remember:
            self.settings.set(CURRENT_USER_ID, actor.id if actor else 0)
        logger.info("Acting as %s", actor)
        self.actor_changed.emit(actor)
        changes.notify(changes.ACTOR, [actor.id] if actor else [])

    def restore_actor(self) -> Actor | None:
        """The remembered user if still active, else the first admin, else the first user.

        Writes nothing: the remembered user is remembered already, and a fallback is no
        one's choice (the next start finds it again). A write here made QSettings rewrite
        and fsync its file before the main window's first paint.
        """
        # Light reads (services.actors): this runs before the first paint too, and must not
        # load the ORM models.
        if self.team_actor is not None:
            self.set_actor(self.team_actor, remember=False)
            return self.team_actor
        remembered = self.settings.get(CURRENT_USER_ID)
        actor: Actor | None = None
        if remembered:
            actor = actors.active_actor(self._base, int(remembered))
        if actor is None:
            actor = actors.default_actor(self._base)
        self.set_actor(actor, remember=False)
        return actor

    def users(self) -> list[Actor]:
        """The active users, by name."""
        from inspector_app.services import users as user_service

        return user_service.list_users(self._base)
