"""`inspector backup` and `inspector check`: consistent backups, database and photo-store checks."""

from __future__ import annotations

import argparse
import logging
import os
import sys
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
        help="folder to put the backup in: any path, relative, ~ or a removable drive "
        "(default: the data folder's backups/)",
    )
    backup.add_argument(
        "--verify",
        metavar="DIR",
        type=Path,
        help="check the backup in DIR (or every backup in DIR) instead of taking one: the "
        "database's integrity and every photo's content; exit 1 when one is bad",
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
        help="move files no database or backup refers to, and leftover temporary files, "
        "into a dated folder of the quarantine (nothing is deleted); asks first",
    )
    check.add_argument(
        "--yes",
        action="store_true",
        help="do not ask before a repair or before emptying the quarantine (for scripts)",
    )
    check.add_argument(
        "--empty-quarantine",
        action="store_true",
        help="delete what earlier repairs set aside in the quarantine; asks first",
    )
    restore = add_command(
        subparsers,
        "restore",
        run_restore,
        help="replace the database with a verified backup, keeping the current one aside",
        description="Check the backup in DIR (a backup folder or a database file), then "
        "swap it in for the current database with one rename. The current database is "
        "moved into a dated folder among the backups (kind 'safety'), never deleted; "
        "photos the backup has that the photo folder lacks are copied back.",
    )
    restore.add_argument(
        "backup", metavar="DIR", type=Path,
        help="the backup to restore, or a folder of backups (the newest good one with --yes)",
    )
    restore.add_argument("--yes", action="store_true", help="do not ask first (for scripts)")


def run_backup(inv: Invocation) -> int:
    from inspector_app.services.backups import backup_now

    if inv.args.verify is not None:
        return _verify(inv, inv.args.verify)
    ctx = inv.system_context()
    dest = inv.args.to
    if dest is not None and dest.exists() and not dest.is_dir():
        from inspector_app.domain.errors import ValidationError

        raise ValidationError(t("{path} is a file; --to takes a folder", path=dest))
    folder = backup_now(ctx, dest)
    inv.print(t("Backup written to {path}", path=folder))
    return 0


def _verify(inv: Invocation, where: Path) -> int:
    from inspector_app.domain.errors import NotFound
    from inspector_app.services.backups import _read_backup, list_backups
    from inspector_app.services.restore import find_backup, verify_backup

    where = Path(os.path.expanduser(str(where))).absolute()
    if where.is_dir() and _read_backup(where) is None:
        found = list_backups(None, where)  # type: ignore[arg-type]
        if not found:
            raise NotFound(t("There is no backup in {path}", path=where))
    else:
        found = [find_backup(where)]
    bad = 0
    for info in found:
        result = verify_backup(info)
        if result.ok:
            inv.print(t("{path}: good ({count} photos checked)", path=info.path, count=result.photos_checked))
        else:
            bad += 1
            inv.print(t("{path}: BAD: {problem}", path=info.path, problem=result.problems[0]))
            for line in result.problems[1:10]:
                inv.print(f"  {line}")
    return EXIT_PROBLEMS if bad else 0


def confirm(inv: Invocation, question: str) -> None:
    """Go on when --yes was given or the user at the terminal answers y; else refuse."""
    from inspector_app.domain.errors import ValidationError

    if getattr(inv.args, "yes", False):
        return
    if not sys.stdin.isatty():
        raise ValidationError(t("{question} There is no terminal to ask: pass --yes to go ahead.", question=question))
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes", "是"):
        raise ValidationError(t("Nothing was changed."))


def _choose_backup(inv: Invocation, folder: Path):
    """A backup from a folder of backups: the newest good one under --yes, else the user's
    pick from a numbered list (no terminal: refused in one line naming the newest)."""
    from inspector_app.domain.errors import NotFound, ValidationError
    from inspector_app.services.restore import backups_in, newest_good_backup

    found = backups_in(folder)
    if not found:
        raise NotFound(t("There is no backup in {path}", path=folder))
    if getattr(inv.args, "yes", False):
        info, passed = newest_good_backup(found)
        for line in passed:
            inv.print(t("Passed over {backup}", backup=line))
        if info is None:
            raise ValidationError(t(
                "No backup in {path} passes its check; nothing was restored.", path=folder
            ))
        inv.print(t("The newest good backup: {path}", path=info.path))
        return info
    if not sys.stdin.isatty():
        raise ValidationError(t(
            "{path} holds {count} backups: name one (newest: {newest}), or pass --yes for "
            "the newest good one.", path=folder, count=len(found), newest=found[0].path,
        ))
    for n, info in enumerate(found, 1):
        state = {True: t("checked"), False: t("FAILED its check"), None: ""}[info.verified]
        when = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        inv.print(f"{n:>3}  {when}  {info.kind:<8} {state:<10} {info.path.name}")
    try:
        answer = input(t("Which backup? [1-{count}, Enter: 1] ", count=len(found))).strip()
    except EOFError:
        answer = ""
    if not answer:
        return found[0]
    if not answer.isdigit() or not 1 <= int(answer) <= len(found):
        raise ValidationError(t("Nothing was changed."))
    return found[int(answer) - 1]


def run_restore(inv: Invocation) -> int:
    from inspector_app.services.context import SYSTEM
    from inspector_app.services.restore import find_backup, is_backup, restore, verify_backup

    where = Path(os.path.expanduser(str(inv.args.backup))).absolute()
    if where.is_dir() and not is_backup(where):
        info = _choose_backup(inv, where)
    else:
        info = find_backup(where)
    # The current database may be the damaged one being replaced: opened unchecked.
    ctx = inv.context(migrate=False, check=False).as_actor(SYSTEM)
    result = verify_backup(info)
    if not result.ok:
        from inspector_app.domain.errors import ValidationError

        raise ValidationError(t(
            "The backup {path} failed its check ({problem}); nothing was restored.",
            path=info.path, problem=result.problems[0],
        ))
    confirm(inv, t(
        "Replace the database {database} with the backup {path}? The current database is kept aside.",
        database=ctx.db.describe(), path=info.path,
    ))
    aside = restore(ctx, info)
    inv.print(t("Restored {path}.", path=info.path))
    inv.print(t("The database from before is kept in {path}", path=aside))
    return 0


def run_check(inv: Invocation) -> int:
    from inspector_app.services.photos import check_store, repair_store
    from inspector_app.services.quarantine import empty_quarantine, list_quarantine

    ctx = inv.system_context()
    if inv.args.empty_quarantine:
        held = list_quarantine(ctx)
        files = sum(q.files for q in held)
        if not files:
            inv.print(t("The quarantine is empty."))
            return 0
        confirm(inv, t("Delete the {count} files in the quarantine for good?", count=files))
        inv.print(t("Deleted {count} files from the quarantine.", count=empty_quarantine(ctx)))
        return 0
    report = check_store(ctx)
    if inv.args.repair and report.server is not None and report.server.missing:
        from inspector_app.services.photo_server import upload_missing

        for sha in upload_missing(ctx, report.server):  # a team server's missing photos
            inv.print(t("uploaded photo {sha} to the team server", sha=sha))
    shown: set[str] = set()
    if inv.args.repair and (report.unreferenced_files or report.temp_files):
        count = len(report.unreferenced_files) + len(report.temp_files)
        for line in report.problems():
            inv.print(line)
            shown.add(line)
        confirm(inv, t(
            "Move these {count} files into the quarantine ({path})?", count=count, path=ctx.paths.quarantine
        ))
        repair_store(ctx, report)
    for path in report.removed:
        inv.print(t("set aside {path}", path=path))
    if report.quarantine is not None:
        inv.print(t("Set aside in {path}; nothing was deleted.", path=report.quarantine))
    if report.kept_for_others:
        inv.print(t(
            "{count} stored files belong to another database this photo folder has known, "
            "or to a backup; they are kept.", count=len(report.kept_for_others),
        ))
    for q in list_quarantine(ctx):
        inv.print(t(
            "In quarantine: {path} ({count} files, {size}); "
            "'inspector check --empty-quarantine' deletes them.",
            path=q.path, count=q.files, size=f"{q.size / 1e6:.1f} MB",
        ))
    problems = report.problems()
    for line in problems:
        if line not in shown:
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
    if not report.database_ok:
        inv.print(_next_step_for_damage(ctx))
        return EXIT_PROBLEMS
    if problems:
        count = len(problems)
        found = (
            t("1 problem found") if count == 1
            else t("{count} problems found", count=f"{count:,}")
        )
        inv.print(
            found if inv.args.repair
            else t("{found}; 'inspector check --repair' sets stray files aside", found=found)
        )
        return EXIT_PROBLEMS
    inv.print(t("Everything is in order."))
    return 0


def _next_step_for_damage(ctx) -> str:
    from inspector_app.services.backups import newest_good_backup

    newest = newest_good_backup(ctx)
    if newest is None:
        return t(
            "The database is damaged and there is no good backup in {path}; keep the file "
            "as it is and ask for help.", path=ctx.paths.backups,
        )
    return t(
        "The database is damaged. Next: restore the newest good backup, of {when}: "
        "inspector restore {path}", when=newest.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        path=newest.path,
    )
