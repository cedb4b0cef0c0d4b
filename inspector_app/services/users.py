"""Users: create, list, find by id or name, change role or deactivate."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select

from inspector_app.db.models import User
from inspector_app.db.ordering import codepoint
from inspector_app.domain.enums import Role
from inspector_app.domain.errors import ConflictError, NotFound, ValidationError
from inspector_app.domain.messages import t
from inspector_app.services.context import Actor, Context

logger = logging.getLogger(__name__)


def to_actor(user: User) -> Actor:
    return Actor(id=user.id, display_name=user.display_name, role=Role(user.role))


def count_users(ctx: Context) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(User)) or 0


def create_user(ctx: Context, display_name: str, role: Role | str) -> Actor:
    """Create a user. Admins may create anyone; the very first user (an administrator) may be
    created by anyone."""
    from inspector_app.domain.text_rules import check_name

    name = (display_name or "").strip()
    if not name:
        raise ValidationError(t("A user needs a display name"), field="display_name")
    try:
        name = check_name(name, t("The display name"))
    except ValidationError as exc:
        raise ValidationError(str(exc), field="display_name") from None
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(t("Unknown role '{role}'", role=role), field="role") from None
    with ctx.db.write() as s:
        first = (s.scalar(select(func.count()).select_from(User)) or 0) == 0
        if not first:
            ctx.require(Role.ADMIN, action=t("create users"))
        elif role != Role.ADMIN:
            # Whoever creates the first user can add everyone else: that is an administrator.
            raise ValidationError(t("The first user must be an administrator"), field="role")
        if s.scalar(select(User.id).where(User.display_name == name)):
            raise ConflictError(
                t("There is already a user called '{name}'", name=name), field="display_name"
            )
        user = User(display_name=name, role=role, created_by_id=ctx.actor_id)
        s.add(user)
        s.flush()
        return to_actor(user)


def list_users(ctx: Context, *, include_inactive: bool = False) -> list[Actor]:
    with ctx.db.read() as s:
        q = select(User).order_by(codepoint(User.display_name), User.id)
        if not include_inactive:
            q = q.where(User.active.is_(True))
        return [to_actor(u) for u in s.scalars(q)]


def list_inspectors(ctx: Context) -> list[Actor]:
    """Active users who may be the inspector of a purchase (inspectors and managers)."""
    from inspector_app.services.context import RECORDERS

    return [a for a in list_users(ctx) if a.role in RECORDERS]


def find_user(ctx: Context, ref: str | int) -> Actor:
    """A user by id or display name (the CLI's --as USER)."""
    from inspector_app.domain.text_rules import check_name

    if isinstance(ref, str):
        ref = check_name(ref, t("The user name"))
    with ctx.db.read() as s:
        # A display name wins over an id, so a user called "2" is found by that name.
        user = s.scalar(select(User).where(User.display_name == str(ref).strip()))
        if user is None and (isinstance(ref, int) or str(ref).strip().isdigit()):
            user = s.get(User, int(ref))
        if user is None:
            raise NotFound(t("No user '{user}'", user=ref))
        if not user.active:
            raise ValidationError(t("User '{name}' is deactivated", name=user.display_name))
        return to_actor(user)


def set_role(ctx: Context, user_id: int, role: Role | str) -> Actor:
    ctx.require(Role.ADMIN, action=t("change roles"))
    _on_the_server(ctx)
    with ctx.db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(t("No user with id {id}", id=user_id))
        try:
            new_role = Role(role)
        except ValueError:
            raise ValidationError(t("Unknown role '{role}'", role=role), field="role") from None
        if user.role == Role.ADMIN and new_role != Role.ADMIN and user.active:
            _keep_an_admin(s, user)
        previous, user.role = Role(user.role), new_role
        from inspector_app.services.team import on_role_changed

        on_role_changed(s, user, previous)  # a team login changes group in this transaction
        return to_actor(user)


def deactivate(ctx: Context, user_id: int) -> None:
    set_active(ctx, user_id, False)


def set_active(ctx: Context, user_id: int, active: bool) -> Actor:
    """Deactivate (they can no longer act or log in) or reactivate a user."""
    ctx.require(Role.ADMIN, action=t("deactivate users") if not active
                else t("reactivate users"))
    _on_the_server(ctx)
    with ctx.db.write() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound(t("No user with id {id}", id=user_id))
        if not active and user.role == Role.ADMIN and user.active:
            _keep_an_admin(s, user)
        user.active = bool(active)
        from inspector_app.services.team import on_active_changed

        on_active_changed(s, user)  # a team login can (no longer) log in
        return to_actor(user)


@dataclass(frozen=True)
class UserRow:
    """One line of Settings > Users."""

    id: int
    display_name: str
    role: Role
    active: bool
    has_password: bool
    login: str | None
    version: int


def manage_users_reason(ctx: Context) -> str | None:
    """Why the acting user may not manage users (None: they may). Screens disable their
    buttons with this sentence as the tooltip."""
    from inspector_app.domain.errors import PermissionDenied
    from inspector_app.services.sync.binding import server_only_reason

    try:
        ctx.require(Role.ADMIN, action=t("manage users"))
    except PermissionDenied as exc:
        return str(exc)
    return server_only_reason(ctx, t("Managing users"))


def _on_the_server(ctx: Context) -> None:
    """A laptop copy of a team server never sends users back (docs/sync.md): refused there."""
    from inspector_app.services.sync.binding import require_server

    require_server(ctx, t("Managing users"))


def list_accounts(ctx: Context) -> list[UserRow]:
    """Everyone, deactivated users included, in text order: for an administrator with
    whether each has a password and their login; for anyone else names, roles and whether
    active only (the team's roster, as every laptop copy holds it)."""
    admin = ctx.actor is not None and ctx.actor.role == Role.ADMIN
    with ctx.db.read() as s:
        return [
            UserRow(u.id, u.display_name, Role(u.role), bool(u.active),
                    bool(u.password_hash) if admin else False,
                    u.login if admin else None, u.version or 0)
            for u in s.scalars(select(User).order_by(codepoint(User.display_name), User.id))
        ]


def _keep_an_admin(s, user: User) -> None:
    """Refuse to leave the team without an active administrator."""
    others = s.scalar(
        select(func.count()).select_from(User)
        .where(User.role == Role.ADMIN, User.active.is_(True), User.id != user.id)
    )
    if not others:
        raise ValidationError(
            t("{name} is the last administrator; make someone else an administrator first",
              name=user.display_name),
            field="role",
        )
