"""A team on one PostgreSQL server: set it up, add people with logins, change them.

The rules themselves live in the server (db/team.py); this module ties each login to its
`users` row in the same transaction, so a user and their login never exist one without the
other, and answers who is acting on a team server (the users row of `current_user`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select

from inspector_app.db import team as team_db
from inspector_app.db.models import User
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ConflictError, NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Actor, Context

logger = logging.getLogger(__name__)

#: Minimum length of a team login's password.
MIN_PASSWORD = 8
#: Database ctypes under which pg_trgm finds no trigram in Chinese text.
C_CTYPES = ("C", "POSIX")


@dataclass(frozen=True)
class TeamSetup:
    """What `team init` did, for the person who ran it to pass on."""

    database: str
    groups: dict[Role, str]
    admin: Actor | None
    admin_login: str | None
    ctype: str

    @property
    def ctype_warning(self) -> str | None:
        if self.ctype not in C_CTYPES:  # C.UTF-8 classifies CJK as letters; plain C does not
            return None
        return t(
            "Warning: the database's LC_CTYPE is {ctype}: pg_trgm finds no trigrams in Chinese "
            "text there, so searching findings cannot use an index. Create the database with "
            "a UTF-8 ctype (createdb --locale=C.UTF-8 ...) for a large team.",
            ctype=self.ctype,
        )


def require_team_server(ctx: Context) -> None:
    if ctx.db.is_sqlite:
        raise ValidationError(t(
            "This needs a team server: give a PostgreSQL URL with --db "
            "(postgresql+psycopg://USER@HOST/DATABASE)"
        ))


def check_login(login: str) -> str:
    login = (login or "").strip()
    if not team_db.LOGIN_PATTERN.match(login):
        raise ValidationError(t(
            "'{login}' cannot be a login: use lower-case letters, digits and _ "
            "(at most 63, not starting with a digit)", login=login), field="login")
    return login


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(
            t("A password needs at least {n} characters", n=MIN_PASSWORD), field="password")
    return password


def init_team(
    ctx: Context, admin_name: str | None, admin_login: str | None, password: str | None
) -> TeamSetup:
    """Group roles, grants and policies (again, idempotently), and the first admin login.

    Run by the database owner with CREATEROLE; the schema is already migrated by `ctx`.
    """
    require_team_server(ctx)
    admin: Actor | None = None
    with ctx.db.write() as s:
        conn = s.connection()
        groups = team_db.apply_security(conn)
        has_admin_login = s.scalar(select(func.count()).select_from(User).where(
            User.role == Role.ADMIN, User.login.is_not(None), User.active.is_(True)))
        if not has_admin_login:
            if not (admin_name and admin_login and password):
                raise ValidationError(t(
                    "The team has no administrator login yet: give --admin NAME and --login LOGIN"
                ))
            admin = _create_user(s, admin_name, Role.ADMIN, admin_login, password, None)
        database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
        ctype = team_db.database_ctype(conn)
    return TeamSetup(database, groups, admin, admin_login if admin else None, ctype)


def add_team_user(ctx: Context, name: str, role: Role | str, login: str, password: str) -> Actor:
    """A user with a PostgreSQL login (SCRAM password) in one transaction."""
    require_team_server(ctx)
    ctx.require(Role.ADMIN, action=t("create users"))
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(t("Unknown role '{role}'", role=role), field="role") from None
    with ctx.db.write() as s:
        return _create_user(s, name, role, login, password, ctx.actor_id)


def _create_user(s, name: str, role: Role, login: str, password: str, by: int | None) -> Actor:
    name = (name or "").strip()
    if not name:
        raise ValidationError(t("A user needs a display name"), field="display_name")
    login = check_login(login)
    check_password(password)
    conn = s.connection()
    if s.scalar(select(User.id).where(User.display_name == name)):
        raise ConflictError(
            t("There is already a user called '{name}'", name=name), field="display_name")
    if s.scalar(select(User.id).where(User.login == login)) or team_db.login_exists(conn, login):
        raise ConflictError(t("The login '{login}' is already taken on this server",
                              login=login), field="login")
    team_db.create_login(conn, login, password, role)
    user = User(display_name=name, role=role, login=login, created_by_id=by)
    s.add(user)
    s.flush()
    logger.info("team user %s (%s) with login %s", name, role.value, login)
    return Actor(id=user.id, display_name=user.display_name, role=role)


def set_team_password(ctx: Context, user_id: int, password: str) -> None:
    """A new password for a user's login (an administrator, or the user themself)."""
    from inspector_app.domain.errors import PermissionDenied

    require_team_server(ctx)
    actor = ctx.require(action=t("set passwords"))
    if actor.id != user_id and actor.role != Role.ADMIN:
        raise PermissionDenied(t("Only an administrator may set another user's password"))
    check_password(password)
    with ctx.db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(t("No user with id {id}", id=user_id))
        if not user.login:
            raise ValidationError(t("{name} has no login on this server", name=user.display_name))
        team_db.set_login_password(s.connection(), user.login, password)
    logger.info("password of login %s changed", user.login)


def on_role_changed(s, user: User, previous: Role) -> None:
    """services.users.set_role calls this in its transaction: the login changes group."""
    if user.login and s.get_bind().dialect.name == "postgresql":
        conn = s.connection()
        if team_db.login_exists(conn, user.login):
            team_db.set_login_role(conn, user.login, Role(user.role), Role(previous))


def on_active_changed(s, user: User) -> None:
    """services.users.deactivate calls this: a deactivated user's login cannot log in."""
    if user.login and s.get_bind().dialect.name == "postgresql":
        conn = s.connection()
        if team_db.login_exists(conn, user.login):
            team_db.set_login_enabled(conn, user.login, bool(user.active))


def server_actor(ctx: Context) -> Actor | None:
    """On a team server, the user whose login this connection is (None on SQLite and for
    a login that is no user: the owner doing maintenance)."""
    if ctx.db.is_sqlite:
        return None
    cached = ctx._extras.get("server_actor", False)
    if cached is not False:
        return cached
    with ctx.db.read() as s:
        row = s.execute(
            select(User.id, User.display_name, User.role, User.active)
            .where(User.login == func.current_user())
        ).first()
    actor = Actor(id=row.id, display_name=row.display_name, role=Role(row.role)) if row else None
    if row is not None and not row.active:
        raise ValidationError(t("User '{name}' is deactivated", name=row.display_name))
    ctx._extras["server_actor"] = actor
    return actor


def is_team_database(ctx: Context) -> bool:
    if ctx.db.is_sqlite:
        return False
    cached = ctx._extras.get("team_database")
    if cached is None:
        with ctx.db.read() as s:
            cached = team_db.is_team_database(s.connection())
        ctx._extras["team_database"] = cached
    return cached


def find_team_user(ctx: Context, ref: str) -> Actor:
    """A user by display name or login (the `team` commands' USER)."""
    with ctx.db.read() as s:
        user = s.scalar(select(User).where(
            (User.display_name == ref) | (User.login == ref)))
        if user is None:
            raise NotFound(t("No user '{user}'", user=ref))
        return Actor(id=user.id, display_name=user.display_name, role=Role(user.role))
