"""`inspector init`: create or upgrade the database and say where everything lives."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    add_command(
        subparsers,
        "init",
        run_init,
        help="create or upgrade the database; print where it and the data folder are",
        description="Create the database (or upgrade it to this version's schema, taking a "
        "backup first) and print where the database and the data folder are.",
    )


def run_init(inv: Invocation) -> int:
    from inspector_app.db.migrate import current_revision, head_revision, upgrade
    from inspector_app.services.users import count_users

    ctx = inv.context(migrate=False)
    before = current_revision(ctx.db)
    backup = upgrade(ctx.db, ctx.paths.backups)
    after = current_revision(ctx.db)
    if before is None:
        inv.print(f"Created the database (schema {after}).")
    elif before != after:
        inv.print(f"Upgraded the database from schema {before} to {after}.")
    else:
        inv.print(f"The database is up to date (schema {head_revision()}).")
    if backup:
        inv.print(f"Backup before upgrading: {backup}")
    inv.print(f"Database:    {ctx.db.describe()}")
    inv.print(f"Data folder: {ctx.paths.root}")
    inv.print(f"Photos:      {ctx.paths.photos}")
    inv.print(f"Backups:     {ctx.paths.backups}")
    inv.print(f"Logs:        {ctx.paths.logs}")
    if count_users(ctx) == 0:
        inv.note('No users yet: add the first with  inspector users add "NAME" --role admin')
    return 0
