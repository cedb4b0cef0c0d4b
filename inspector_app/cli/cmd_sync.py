"""`inspector team join` and `inspector sync`: a laptop's copy of a team server (docs/sync.md)."""

from __future__ import annotations

import argparse
import json
import logging
import os

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    sync = add_command(
        subparsers, "sync", run_sync,
        help="send this laptop's changes to the team server and receive the server's",
        description="Push what was done on this laptop, then pull what changed on the team "
        "server. Safe to interrupt and run again; a second run transfers nothing. The "
        "password is read from standard input when it is not a terminal (or PGPASSWORD).",
    )
    sync.add_argument("--json", action="store_true", help="print the outcome as JSON")


def register_join(actions: argparse._SubParsersAction) -> None:
    join = add_command(
        actions, "join", run_join,
        help="make this laptop's data folder a copy of a team server, to work offline",
        description="Make a copy (SQLite, in the data folder, which must hold no database "
        "yet) of what the login may read on the team server. Every command run with that "
        "data folder then works on the copy; `inspector sync` exchanges changes.",
    )
    join.add_argument("url", metavar="URL", help="postgresql+psycopg://HOST/DATABASE")
    join.add_argument("--login", required=True, metavar="LOGIN", help="your PostgreSQL login")


def _password(prompt_login: str, host: str) -> str:
    from inspector_app.cli.passwords import read_password

    return os.environ.get("PGPASSWORD") or read_password(
        t("Password for {login} on {host}: ", login=prompt_login, host=host))


def run_join(inv: Invocation) -> int:
    from sqlalchemy.engine import make_url

    from inspector_app.services.sync.run import join

    host = make_url(inv.args.url).host or "localhost" if "://" in inv.args.url else ""
    password = _password(inv.args.login, host)
    ctx, report = join(inv.args.url, inv.args.login, password, inv.data_dir,
                       progress=lambda text, _d, _n: logger.info("%s", text))
    try:
        from inspector_app.services.sync.membership import remember_verifier

        remember_verifier(ctx, password)  # for offline start-ups (docs/sync.md)
        inv.print(t("Joined {server} as {login}: {rows} records and {photos} photos copied "
                    "to {path}.", server=inv.args.url.split("@")[-1], login=inv.args.login,
                    rows=report.pulled, photos=report.photos_received,
                    path=str(ctx.db.sqlite_path)))
        for line in report.skipped:
            inv.note(t("Not copied: {what}", what=line))
    finally:
        ctx.db.dispose()
    return 0


def run_sync(inv: Invocation) -> int:
    from inspector_app.services.sync.binding import binding
    from inspector_app.services.sync.run import sync

    ctx = inv.context()
    bound = binding(ctx)
    password = _password(bound.login, bound.server) if bound is not None else None
    report = sync(ctx, password)
    if inv.args.json:
        inv.out.write(json.dumps(report.as_dict(), ensure_ascii=False) + "\n")
    else:
        refused = len(report.refused)
        if refused:  # they wait too, and go again at every sync
            inv.print(t("Sent {pushed} changes, received {pulled}, {photos} photos; "
                        "{refused} refused by the server (below), {pending} waiting in all.",
                        pushed=report.pushed, pulled=report.pulled,
                        photos=report.photos_received, refused=refused,
                        pending=report.pending))
        else:
            inv.print(t("Sent {pushed} changes, received {pulled}, {photos} photos; "
                        "{pending} waiting.", pushed=report.pushed, pulled=report.pulled,
                        photos=report.photos_received, pending=report.pending))
        for line in report.conflicts:
            inv.print(t("Conflict kept for you to settle: {what}", what=line))
        if report.removed:
            inv.print(t("{count} records this login no longer sees on the team server were "
                        "removed from this laptop.", count=report.removed))
    for line in report.refused + report.kept:
        inv.note(line)
    return 1 if report.refused else 0
