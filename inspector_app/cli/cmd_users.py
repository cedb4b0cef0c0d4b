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


def run_list(inv: Invocation) -> int:
    from inspector_app.services.users import list_users

    users = list_users(inv.system_context(), include_inactive=inv.args.all)
    rows = [{"id": u.id, "display_name": u.display_name, "role": u.role} for u in users]
    inv.emit_rows(
        rows, [("id", "ID"), ("display_name", "NAME"), ("role", "ROLE")], as_json=inv.args.json
    )
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
