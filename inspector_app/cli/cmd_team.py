"""`inspector team`: set up a team server, add people with logins, change or disable them."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command, choice_of
from inspector_app.domain.enums import Role
from inspector_app.domain.labels import role_label
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

ROLES = [r.value for r in Role]


def register(subparsers: argparse._SubParsersAction) -> None:
    team = add_command(
        subparsers, "team", None,
        help="set up a team PostgreSQL server and its logins",
        description="A team on one PostgreSQL server: each person logs in with their own "
        "PostgreSQL login, and the server enforces what each role may read and change. "
        "Passwords are read from standard input when it is not a terminal.",
    )
    actions = team.add_subparsers(title="actions", metavar="ACTION")
    init = add_command(
        actions, "init", run_init,
        help="migrate, create the group roles, grants and policies, and the first admin login",
        description="Run once by someone who may create roles (the database owner with "
        "CREATEROLE, or a superuser); run again after an upgrade to bring the grants up to "
        "date.",
    )
    init.add_argument("--admin", metavar="NAME", help="display name of the first administrator")
    init.add_argument("--login", metavar="LOGIN", help="their PostgreSQL login")
    add = add_command(actions, "add-user", run_add_user,
                      help="create a user with a PostgreSQL login and password")
    add.add_argument("name", metavar="NAME", help="display name (unique)")
    add.add_argument("--role", required=True, type=choice_of(ROLES, "role"),
                     help=t("one of: {values}", values=", ".join(ROLES)))
    add.add_argument("--login", required=True, metavar="LOGIN",
                     help="PostgreSQL login: lower-case letters, digits and _")
    role = add_command(actions, "set-role", run_set_role,
                       help="give a user another role (their login changes group)")
    role.add_argument("user", metavar="USER", help="display name or login")
    role.add_argument("--role", required=True, type=choice_of(ROLES, "role"),
                      help=t("one of: {values}", values=", ".join(ROLES)))
    off = add_command(actions, "deactivate", run_deactivate,
                      help="deactivate a user: their login can no longer log in")
    off.add_argument("user", metavar="USER", help="display name or login")
    from inspector_app.cli.cmd_sync import register_join

    register_join(actions)


def _connect_hint(inv: Invocation, login: str) -> str:
    ctx = inv.context()
    url = ctx.db.url._replace(username=login, password=None)  # URL is a NamedTuple
    return url.render_as_string(hide_password=True)


def run_init(inv: Invocation) -> int:
    from inspector_app.cli.passwords import read_password
    from inspector_app.db.migrate import current_revision
    from inspector_app.services.team import init_team, require_team_server

    ctx = inv.context()
    require_team_server(ctx)
    admin, login = inv.args.admin, inv.args.login
    password = None
    if admin and login:
        password = read_password(t("Password for {login}: ", login=login), new=True)
    setup = init_team(inv.system_context(), admin, login, password)
    inv.print(t("Team database {database} is ready (schema {revision}).",
                database=ctx.db.describe(), revision=current_revision(ctx.db)))
    inv.print(t("Group roles: {roles}", roles=", ".join(setup.groups.values())))
    if setup.admin is not None:
        inv.print(t("First administrator: {name}, login {login}.",
                    name=setup.admin.display_name, login=setup.admin_login))
        inv.print(t("Give each person their login, their password and this address:"))
        inv.print(f"  {_connect_hint(inv, setup.admin_login or '')}")
        inv.print(t("The administrator adds people with:"))
        inv.print(f"  inspector team add-user NAME --role ROLE --login LOGIN "
                  f"--db {_connect_hint(inv, setup.admin_login or '')}")
    if setup.ctype_warning:
        inv.note(setup.ctype_warning)
    return 0


def run_add_user(inv: Invocation) -> int:
    from inspector_app.cli.passwords import read_password
    from inspector_app.services.team import add_team_user, check_login, require_team_server

    ctx = inv.context()
    require_team_server(ctx)
    login = check_login(inv.args.login)
    acting = inv.acting_context(maintenance=True)
    acting.require(Role.ADMIN, action=t("create users"))
    password = read_password(t("Password for {login}: ", login=login), new=True)
    user = add_team_user(acting, inv.args.name, inv.args.role, login, password)
    inv.print(t("Created user {id}: {name} ({role}) with the login {login}.",
                id=user.id, name=user.display_name, role=role_label(user.role), login=login))
    inv.print(t("Give them their login, their password and this address:"))
    inv.print(f"  {_connect_hint(inv, login)}")
    return 0


def run_set_role(inv: Invocation) -> int:
    from inspector_app.services.team import find_team_user, require_team_server
    from inspector_app.services.users import set_role

    require_team_server(inv.context())
    acting = inv.acting_context(maintenance=True)
    user = find_team_user(acting, inv.args.user)
    changed = set_role(acting, user.id, inv.args.role)
    inv.print(t("{name} is now {role}.", name=changed.display_name,
                role=role_label(changed.role)))
    return 0


def run_deactivate(inv: Invocation) -> int:
    from inspector_app.services.team import find_team_user, require_team_server
    from inspector_app.services.users import deactivate

    require_team_server(inv.context())
    acting = inv.acting_context(maintenance=True)
    user = find_team_user(acting, inv.args.user)
    deactivate(acting, user.id)
    inv.print(t("{name} is deactivated; their login can no longer log in.",
                name=user.display_name))
    return 0
