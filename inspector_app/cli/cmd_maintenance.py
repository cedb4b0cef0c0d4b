"""`inspector backup` and `inspector check`: consistent backups, database and photo-store checks."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_command
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Exit status of `check` when something is wrong.
EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    backup = add_command(
        subparsers,
        "backup",
        run_backup,
        help="back up the database and the photos while in use",
        description="Take a consistent online backup: the database through SQLite's backup "
        "API (safe while others write) and the photos (shared with the previous backup "
        "where unchanged). Prints the backup folder.",
    )
    backup.add_argument(
        "--to",
        metavar="PATH",
        type=Path,
        help="folder to put the backup in (default: the data folder's backups/)",
    )
    check = add_command(
        subparsers,
        "check",
        run_check,
        help="check the database and the photo store; exit 1 when anything is wrong",
        description="Run SQLite's integrity and foreign-key checks, re-hash every stored "
        "photo, and list photo rows without files, damaged files, files without rows and "
        "leftover temporary files. Exits with status 1 when anything is wrong.",
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="remove files no photo refers to and leftover temporary files",
    )


def run_backup(inv: Invocation) -> int:
    from inspector_app.services.backups import backup_now

    ctx = inv.system_context()
    dest = inv.args.to
    if dest is not None and dest.exists() and not dest.is_dir():
        from inspector_app.domain.errors import ValidationError

        raise ValidationError(t("{path} is a file; --to takes a folder", path=dest))
    folder = backup_now(ctx, dest)
    inv.print(t("Backup written to {path}", path=folder))
    return 0


def run_check(inv: Invocation) -> int:
    from inspector_app.services.photos import check_store

    ctx = inv.system_context()
    report = check_store(ctx, repair=inv.args.repair)
    for path in report.removed:
        inv.print(t("removed {path}", path=path))
    problems = report.problems()
    for line in problems:
        inv.print(line)
    integrity = (
        t("not checked (not SQLite)")
        if report.integrity is None
        else ("ok" if report.database_ok else t("FAILED"))
    )
    inv.print(t(
        "Database integrity: {integrity}; {rows} photo rows, {files} stored files checked",
        integrity=integrity, rows=f"{report.rows_checked:,}", files=f"{report.files_checked:,}",
    ))
    if problems:
        count = len(problems)
        found = (
            t("1 problem found") if count == 1
            else t("{count} problems found", count=f"{count:,}")
        )
        inv.print(
            found if inv.args.repair
            else t("{found}; 'inspector check --repair' removes stray files", found=found)
        )
        return EXIT_PROBLEMS
    inv.print(t("Everything is in order."))
    return 0
