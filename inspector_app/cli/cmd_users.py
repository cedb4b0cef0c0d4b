"""`inspector users`: list users, and `users add NAME --role ROLE`."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_acting_user, add_command, choice_of
from inspector_app.domain.enums import Role
from inspector_app.domain.labels import role_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

ROLES = [r.value for r in Role]


def register(subparsers: argparse._SubParsersAction) -> None:
    users = add_command(
        subparsers,
        "users",
        run_list,
        help="list users; 'users add' creates one",
        description="List the active users (id, display name, role). "
        "'inspector users add NAME --role ROLE' creates a user: the first user needs no --as, "
        "later ones are created by an admin.",
    )
    users.add_argument("--all", action="store_true", help="include deactivated users")
    users.add_argument("--json", action="store_true", help="print a JSON array of objects")
    actions = users.add_subparsers(title="actions", metavar="ACTION")
    add = add_command(actions, "add", run_add, help="create a user")
    add.add_argument("name", metavar="NAME", help="display name (unique)")
    add.add_argument(
        "--role",
        required=True,
        type=choice_of(ROLES, "role"),
        help=t("one of: {values}", values=", ".join(ROLES)),
    )
    add_acting_user(add)
    role = add_command(actions, "set-role", run_set_role, help="give a user another role")
    role.add_argument("user", metavar="USER", help="id, display name or login")
    role.add_argument("--role", required=True, type=choice_of(ROLES, "role"),
                      help=t("one of: {values}", values=", ".join(ROLES)))
    add_acting_user(role)
    off = add_command(actions, "deactivate", run_deactivate,
                      help="deactivate a user (they can no longer act or log in)")
    on = add_command(actions, "reactivate", run_reactivate,
                     help="let a deactivated user act again")
    password = add_command(
        actions, "password", run_password,
        help="set a user's password (read from standard input when it is not a terminal)")
    password.add_argument("--clear", action="store_true",
                          help="remove the password (one-laptop files only)")
    for p in (off, on, password):
        p.add_argument("user", metavar="USER", help="id, display name or login")
        add_acting_user(p)


def _target(inv: Invocation, ctx):
    """The user named on the command line, deactivated ones included."""
    from inspector_app.db.models import User
    from inspector_app.domain.errors import NotFound
    from inspector_app.services.team import find_team_user
    from inspector_app.services.users import to_actor

    ref = inv.args.user.strip()
    try:
        return find_team_user(ctx, ref)
    except NotFound:
        if not ref.isdigit():
            raise

    with ctx.db.read() as s:
        user = s.get(User, int(ref))
        if user is None:
            raise NotFound(t("No user '{user}'", user=ref))
        return to_actor(user)


def run_set_role(inv: Invocation) -> int:
    from inspector_app.services.users import set_role

    ctx = inv.acting_context()
    changed = set_role(ctx, _target(inv, ctx).id, inv.args.role)
    inv.print(t("{name} is now {role}.", name=changed.display_name,
                role=role_label(changed.role)))
    return 0


def run_deactivate(inv: Invocation) -> int:
    from inspector_app.services.users import set_active

    ctx = inv.acting_context()
    user = set_active(ctx, _target(inv, ctx).id, False)
    inv.print(t("{name} is deactivated.", name=user.display_name))
    return 0


def run_reactivate(inv: Invocation) -> int:
    from inspector_app.services.users import set_active

    ctx = inv.acting_context()
    user = set_active(ctx, _target(inv, ctx).id, True)
    inv.print(t("{name} is active again.", name=user.display_name))
    return 0


def run_password(inv: Invocation) -> int:
    from inspector_app.cli.passwords import read_password
    from inspector_app.domain.errors import ValidationError

    ctx = inv.acting_context()
    user = _target(inv, ctx)
    if not ctx.db.is_sqlite:
        from inspector_app.services.team import set_team_password

        if inv.args.clear:
            raise ValidationError(t("A login on a team server always has a password"))
        set_team_password(ctx, user.id, read_password(
            t("New password for {name}: ", name=user.display_name), new=True))
    else:
        from inspector_app.services.passwords import set_password

        password = None if inv.args.clear else read_password(
            t("New password for {name}: ", name=user.display_name), new=True)
        set_password(ctx, user.id, password)
    inv.print(t("Password of {name} removed.", name=user.display_name) if inv.args.clear
              else t("Password of {name} set.", name=user.display_name))
    return 0


def run_list(inv: Invocation) -> int:
    from inspector_app.services.users import list_users

    users = list_users(inv.system_context(), include_inactive=inv.args.all)
    rows = [{"id": u.id, "display_name": u.display_name, "role": u.role} for u in users]
    columns = [("id", "ID"), ("display_name", "NAME"), ("role", "ROLE")]
    if inv.args.all:  # who is deactivated
        active = {u.id for u in list_users(inv.system_context())}
        for row in rows:
            row["active"] = row["id"] in active
        columns.append(("active", "ACTIVE"))
    inv.emit_rows(rows, columns, as_json=inv.args.json)
    return 0


def run_add(inv: Invocation) -> int:
    from inspector_app.services.users import count_users, create_user

    ctx = inv.context()
    if not ctx.db.is_sqlite:
        from inspector_app.domain.errors import ValidationError
        from inspector_app.services.team import is_team_database

        if is_team_database(ctx):  # a user there is a login: see `inspector team add-user`
            raise ValidationError(t(
                "On a team server a user needs a login: use 'inspector team add-user NAME "
                "--role ROLE --login LOGIN'"))
    first = count_users(ctx) == 0
    ctx = inv.acting_context(required=not first)
    user = create_user(ctx, inv.args.name, inv.args.role)
    inv.print(t(
        "Created user {id}: {name} ({role})",
        id=user.id, name=user.display_name, role=role_label(user.role),
    ))
    return 0
