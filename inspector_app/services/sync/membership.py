"""Joining a team server from the application and leaving it again, on this laptop only
(docs/sync.md, "Joining and leaving from the application").

The application runs on the data folder's database while it joins, so the copy is made
in a staging folder (`joining/` in the data folder) and moved into place only once it is
complete: a cancelled or failed join leaves the data folder as it was. The database the
copy replaces is never deleted: it is renamed to a dated file beside it (a backup the
person can open again). Leaving renames the copy the same way, and only when nothing waits
to be sent. Qt-free: the application drives `join_steps` on its task runner.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import sqlite3
import threading
import uuid
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from inspector_app.domain import clock
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.paths import DataPaths, data_dir
from inspector_app.services.context import Context
from inspector_app.services.sync.binding import binding, open_conflicts, pending_count

logger = logging.getLogger(__name__)

#: The staging folders a join from the application fills (inside the data folder,
#: `joining-XXXXXXXX`, one per attempt).
STAGING = "joining"
#: app_settings key (local: "storage." settings never travel) holding a scrypt verifier of
#: the password the server last accepted for this copy's login; see offline_allowed.
VERIFIER_KEY = "storage.sync_password_verifier"


@dataclass(frozen=True)
class JoinOutcome:
    staging: Path
    pulled: int
    photos: int


@dataclass(frozen=True)
class FileBinding:
    """The binding of a SQLite file, read without opening it as a database."""

    server_url: str
    login: str
    last_sync_at: str | None
    verifier: str | None


def read_file_binding(path: Path) -> FileBinding | None:
    """The replica binding of `path` (read-only), or None when it is no replica."""
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT server_url, login, last_sync_at FROM sync_binding "
                           "LIMIT 1").fetchone()
        if row is None:
            return None
        found = conn.execute("SELECT value_json FROM app_settings WHERE key = ?",
                             (VERIFIER_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    import json

    return FileBinding(row[0], row[1], row[2], json.loads(found[0]) if found else None)


def same_server(a: str, b: str) -> bool:
    """Whether two server URLs name the same database (logins and passwords aside)."""
    from sqlalchemy.engine import make_url

    ua, ub = make_url(a), make_url(b)
    return ((ua.host or "localhost"), ua.port or 5432, ua.database) == (
        (ub.host or "localhost"), ub.port or 5432, ub.database)


def refuse_join(ctx: Context) -> None:
    """One sentence when this data folder cannot join (it is a copy already)."""
    bound = binding(ctx)
    found = (bound.server_url, bound.login) if bound is not None else None
    if found is None and not ctx.db.is_sqlite:  # on the server: the data folder's file
        in_folder = read_file_binding(ctx.paths.database)
        found = (in_folder.server_url, in_folder.login) if in_folder is not None else None
    if found is not None:
        raise ValidationError(t(
            "This laptop is already a copy of {server} (login {login}): leave that team "
            "first", server=_server_of(found[0]), login=found[1]))


def _server_of(url: str) -> str:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}/{parsed.database or ''}"


def remember_verifier(ctx: Context, password: str) -> None:
    """Keep a scrypt verifier of a password the server has just accepted (local only)."""
    import json

    from sqlalchemy import select

    from inspector_app.db.models import AppSetting
    from inspector_app.services.passwords import hash_password

    value = json.dumps(hash_password(password))
    with ctx.db.write() as s:
        row = s.scalar(select(AppSetting).where(AppSetting.key == VERIFIER_KEY))
        if row is None:
            s.add(AppSetting(key=VERIFIER_KEY, value_json=value))
        else:
            row.value_json = value


def offline_allowed(paths: DataPaths, server_url: str, login: str,
                    password: str) -> FileBinding | None:
    """The copy in this data folder when it may be opened offline for this person, else None.

    The rule (docs/sync.md, "Working offline at start-up"): the file is a copy of this very
    server for this very login, it belongs to the operating-system user running the
    application, and the password typed matches the one the server last accepted for it
    (a scrypt verifier kept in the copy at join and at every sync). A wrong password never
    opens it; the server's own refusal of a password never offers offline work at all.
    """
    bound = read_file_binding(paths.database)
    if bound is None or bound.login != login or not same_server(bound.server_url, server_url):
        return None
    if hasattr(os, "getuid") and paths.database.stat().st_uid != os.getuid():
        return None
    from inspector_app.services.passwords import verify_password  # (loads the models)

    if not bound.verifier or not verify_password(password, bound.verifier):
        return None
    return bound


def copy_for(paths: DataPaths, server_url: str, login: str) -> FileBinding | None:
    """The copy in this data folder bound to this server and login (no password check)."""
    bound = read_file_binding(paths.database)
    if bound is None or bound.login != login or not same_server(bound.server_url, server_url):
        return None
    return bound


def join_steps(url: str, login: str, password: str, paths: DataPaths
               ) -> Generator[tuple[int, int, str] | None, None, JoinOutcome]:
    """Make a complete copy in a staging folder of its own, as (done, total, label) steps
    for a background task (None while waiting, so a Cancel is seen at once). Closing the
    generator (Cancel) stops the pull at its next table; a cancelled or failed copy's
    staging folder is removed (by the worker itself if it is still connecting). Returns a
    JoinOutcome."""
    from inspector_app.services.sync import run as sync_run

    for leftover in paths.root.glob(f"{STAGING}-*"):  # joins that did not finish
        shutil.rmtree(leftover, ignore_errors=True)
    staging = paths.root / f"{STAGING}-{uuid.uuid4().hex[:8]}"
    steps: queue.Queue = queue.Queue()
    stop = threading.Event()
    outcome: dict = {}

    def work() -> None:
        try:
            ctx, report = sync_run.join(
                url, login, password, str(staging), cancelled=stop.is_set,
                progress=lambda label, d, n: steps.put((d, n, label)))
            try:
                if not stop.is_set():
                    remember_verifier(ctx, password)
                    _forget_photo_pairing(ctx)
            finally:
                ctx.db.dispose()
            outcome["report"] = report
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's caller
            outcome["error"] = exc
        finally:
            if stop.is_set() or "report" not in outcome:
                shutil.rmtree(staging, ignore_errors=True)
            steps.put(None)

    worker = threading.Thread(target=work, name="join", daemon=True)
    worker.start()
    complete = False
    try:
        yield 0, 0, t("Connecting to the team server…")
        while True:
            try:
                step = steps.get(timeout=0.2)
            except queue.Empty:
                yield None  # still connecting or pulling one table: Cancel may come
                continue
            if step is None:
                break
            yield step
        complete = "report" in outcome and not stop.is_set()
    finally:
        stop.set()
        worker.join(timeout=1.0)  # a connection attempt may hang: it cleans up itself
        if not complete and not worker.is_alive():
            shutil.rmtree(staging, ignore_errors=True)
    if "error" in outcome:
        raise outcome["error"]
    report = outcome["report"]
    return JoinOutcome(staging, report.pulled, report.photos_received)


def _forget_photo_pairing(ctx: Context) -> None:
    # The copy was paired with the staging photo folder; once moved, it pairs with the data
    # folder's own (services/store_identity.py) at its first open.
    with ctx.db.write() as s:
        s.execute(text("DELETE FROM app_settings WHERE key IN "
                       "('storage.photo_store_id', 'storage.database_id')"))


def set_aside_name(paths: DataPaths, why: str) -> Path:
    """A new file name beside the database: inspector-WHY-YYYYMMDD-HHMMSS.sqlite3."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    target = paths.root / f"inspector-{why}-{stamp}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = paths.root / f"inspector-{why}-{stamp}-{n}.sqlite3"
    return target


def _move_database(src: Path, dst: Path) -> None:
    """Move a SQLite file with its WAL and shared-memory files (closed by its owner)."""
    for suffix in ("-wal", "-shm"):
        side = src.with_name(src.name + suffix)
        if side.exists():
            os.replace(side, dst.with_name(dst.name + suffix))
    os.replace(src, dst)


def install_copy(paths: DataPaths, outcome: JoinOutcome, *,
                 keep_as: Path | None = None) -> Path | None:
    """Put the joined copy in place of the data folder's database (which its user has
    closed); the old database is renamed, never deleted. The renamed file, or None."""
    new_db = data_dir(outcome.staging).database
    if not new_db.is_file():
        raise ValidationError(t("The copy of the team server is not complete; join again"))
    kept = None
    if paths.database.exists() and paths.database.stat().st_size > 0:
        kept = keep_as if keep_as is not None and not keep_as.exists() else set_aside_name(
            paths, "before-joining")
        _move_database(paths.database, kept)
    elif paths.database.exists():
        paths.database.unlink()  # an empty file: nothing to keep
    _move_database(new_db, paths.database)
    for folder in ("photos", "thumbnails"):
        _merge_files(outcome.staging / folder, paths.root / folder)
    shutil.rmtree(outcome.staging, ignore_errors=True)
    logger.info("Joined copy installed at %s (earlier database kept as %s)", paths.database, kept)
    return kept


def _merge_files(src: Path, dst: Path) -> None:
    """Move content-addressed files (photos by SHA-256) that the destination lacks."""
    if not src.is_dir():
        return
    for file in src.rglob("*"):
        if not file.is_file() or file.name.startswith("."):  # the folder's identity file
            continue
        target = dst / file.relative_to(src)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(file, target)


def leave_check(ctx: Context) -> None:
    """Refuse to leave while changes wait to be sent (one sentence with how many)."""
    if binding(ctx) is None:
        raise ValidationError(t("This laptop is no copy of a team server"))
    waiting = pending_count(ctx)
    if waiting:
        raise ValidationError(t(
            "{count} changes on this laptop wait to be sent: sync first, then leave "
            "(nothing was changed)", count=waiting))
    conflicts = open_conflicts(ctx)
    if conflicts:  # "Keep mine" would still have to be sent
        raise ValidationError(t(
            "{count} sync conflicts wait for you to choose which version to keep: settle "
            "them (File → Sync conflicts…), sync, then leave (nothing was changed)",
            count=conflicts))


def before_joining(paths: DataPaths) -> Path | None:
    """The newest database this data folder held before it joined a team (install_copy set
    it aside as inspector-before-joining-DATE.sqlite3), if one is still there."""
    found = sorted(p for p in paths.root.glob("inspector-before-joining-*.sqlite3")
                   if p.is_file())
    return found[-1] if found else None


def leave(paths: DataPaths, *, keep_as: Path | None = None,
          restore: Path | None = None) -> Path:
    """Rename the copy (closed by its user, checked by leave_check) to a dated file beside
    it; the data folder then holds no database, or `restore` (a database set aside by an
    earlier join, before_joining) moved back into place. The renamed file."""
    conn = sqlite3.connect(f"{paths.database.resolve().as_uri()}?mode=ro", uri=True)
    try:  # checked again on the closed file: nothing may have been queued meanwhile
        waiting = conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]
        waiting += conn.execute("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS "
                                "NULL").fetchone()[0]
    finally:
        conn.close()
    if waiting:
        raise ValidationError(t(
            "{count} changes on this laptop wait to be sent: sync first, then leave "
            "(nothing was changed)", count=waiting))
    kept = keep_as if keep_as is not None and not keep_as.exists() else set_aside_name(
        paths, "left-team")
    if restore is not None and not restore.is_file():
        raise ValidationError(t("{file} is gone: nothing was changed", file=restore.name))
    _move_database(paths.database, kept)
    logger.info("Left the team on this laptop; the copy is kept as %s", kept)
    if restore is not None:
        _move_database(restore, paths.database)
        logger.info("The database from before joining (%s) is back in place", restore.name)
    return kept
