"""`inspector init`: create or upgrade the database and say where everything lives."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command
from inspector_app.domain.messages import t

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
    from inspector_app.services.store_identity import pair
    from inspector_app.services.users import count_users

    ctx = inv.context(migrate=False, create=True)
    before = current_revision(ctx.db)
    backup = upgrade(ctx.db, ctx.paths.backups)
    after = current_revision(ctx.db)
    pair(ctx)
    if before is None:
        inv.print(t("Created the database (schema {revision}).", revision=after))
    elif before != after:
        inv.print(t("Upgraded the database from schema {old} to {new}.", old=before, new=after))
    else:
        inv.print(t("The database is up to date (schema {revision}).", revision=head_revision()))
    if backup:
        inv.print(t("Backup before upgrading: {path}", path=backup))
    inv.print(t("Database:    {path}", path=ctx.db.describe()))
    inv.print(t("Data folder: {path}", path=ctx.paths.root))
    inv.print(t("Photos:      {path}", path=ctx.paths.photos))
    inv.print(t("Backups:     {path}", path=ctx.paths.backups))
    inv.print(t("Logs:        {path}", path=ctx.paths.logs))
    if count_users(ctx) == 0:
        inv.note(t('No users yet: add the first with  inspector users add "NAME" --role admin'))
    return 0
