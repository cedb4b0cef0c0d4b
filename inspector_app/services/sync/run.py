"""Joining a team server and syncing: the whole of one run, with progress and cancel.

`join` makes the replica in an empty data folder and pulls what the login may read;
`sync` pushes then pulls. Both are Qt-free and take a `progress(text, done, total)` callback
and a `cancelled()` predicate, so the command line and the application drive them alike.
docs/sync.md.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import select, update
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from inspector_app.db import team as team_db
from inspector_app.db.engine import Database
from inspector_app.db.models import SyncBinding, User
from inspector_app.db.server_errors import describe_connect_error
from inspector_app.domain import clock
from inspector_app.domain.errors import ValidationError
from inspector_app.domain.messages import t
from inspector_app.paths import data_dir, sqlite_url
from inspector_app.services.context import Actor, Context, open_context
from inspector_app.services.sync import pull as sync_pull
from inspector_app.services.sync import push as sync_push
from inspector_app.services.sync.binding import (
    binding,
    forget_binding_cache,
    install_tracking,
    pending_count,
)

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    photos_sent_bytes: int = 0
    photos_received: int = 0
    conflicts: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    #: Rows removed because the login no longer sees them on the server.
    removed: int = 0
    #: Rows the login no longer sees kept here because they hold changes not sent.
    kept: list[str] = field(default_factory=list)
    pending: int = 0
    cancelled: bool = False

    @property
    def transferred(self) -> int:
        return (self.pushed + self.pulled + self.photos_received + len(self.conflicts)
                + self.removed)

    def as_dict(self) -> dict:
        return {"pushed": self.pushed, "pulled": self.pulled,
                "photos_sent_bytes": self.photos_sent_bytes,
                "photos_received": self.photos_received, "conflicts": self.conflicts,
                "refused": self.refused, "skipped": self.skipped, "removed": self.removed,
                "kept": self.kept, "pending": self.pending,
                "cancelled": self.cancelled}


def server_url(url: str, login: str, password: str | None = None) -> URL:
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        raise ValidationError(t(
            "'{url}' is no team server: give postgresql+psycopg://HOST/DATABASE", url=url))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.set(username=login, password=password)


def connect(url: URL) -> tuple[Database, Actor]:
    """The server as the login, and who the login is there; one sentence when it cannot."""
    from inspector_app.db.migrate import current_revision, head_from_files
    from inspector_app.services.team import server_actor

    server = Database(url.render_as_string(hide_password=False))
    try:
        actor = server_actor(Context(db=server, paths=data_dir()))
        schema, head = current_revision(server), head_from_files()
        if schema != head:  # the laptop's copy and the server must share one schema
            raise ValidationError(t(
                "The team server is at schema {current}, this Inspector at {head}: the "
                "server's owner runs inspector team init (or both use one version)",
                current=schema or "-", head=head))
    except OperationalError as exc:
        server.dispose()
        raise ValidationError(describe_connect_error(exc, url) or str(exc).splitlines()[0]
                              ) from None
    except BaseException:
        server.dispose()
        raise
    if actor is None:
        server.dispose()
        raise ValidationError(t("The login '{login}' is no user of this team; ask an "
                                "administrator for one", login=url.username or ""))
    return server, actor


def join(url: str, login: str, password: str, data_folder: str | None = None, *,
         progress: Progress | None = None,
         cancelled: Callable[[], bool] = lambda: False) -> tuple[Context, SyncReport]:
    """Make the replica in the data folder (which must hold no database yet) and pull;
    `cancelled` stops the pull at its next table (the next sync completes the copy)."""
    login = login.strip()
    if not team_db.LOGIN_PATTERN.match(login):
        raise ValidationError(t("'{login}' cannot be a login", login=login))
    target = server_url(url, login, password)
    paths = data_dir(data_folder)
    if paths.database.exists() and paths.database.stat().st_size > 0:
        raise ValidationError(t(
            "{path} already holds a database: join from an empty data folder (--data-dir)",
            path=str(paths.database)))
    server, actor = connect(target)
    try:
        with server.read() as s:
            user_uid = s.scalar(select(User.uid).where(User.id == actor.id)) or ""
        ctx = open_context(sqlite_url(paths.database), str(paths.root), create=True)
        with ctx.db.write() as s:
            s.add(SyncBinding(server_url=target.set(password=None).render_as_string(),
                              login=login, user_uid=user_uid))
            install_tracking(s.connection())
        forget_binding_cache(ctx)
        report = _run(ctx, server, actor, user_uid, progress, cancelled, push=False)
    finally:
        server.dispose()
    return ctx, report


def sync(ctx: Context, password: str | None, *, progress: Progress | None = None,
         cancelled: Callable[[], bool] = lambda: False) -> SyncReport:
    """Push the laptop's changes, then pull the server's."""
    bound = binding(ctx)
    if bound is None:
        raise ValidationError(t(
            "This data folder is no laptop copy of a team server: inspector team join URL "
            "--login LOGIN first"))
    url = make_url(bound.server_url).set(password=password)
    server, actor = connect(url)
    try:
        if password:  # the server accepted it: offline start-ups may check against it
            from inspector_app.services.sync.membership import remember_verifier

            remember_verifier(ctx, password)
        return _run(ctx, server, actor, bound.user_uid, progress, cancelled, push=True)
    finally:
        server.dispose()


def _run(ctx: Context, server: Database, actor: Actor, user_uid: str,
         progress: Progress | None, cancelled: Callable[[], bool], *, push: bool) -> SyncReport:
    report = SyncReport()
    own_xids: list[int] = []
    if push:
        pushed = sync_push.push(
            ctx, server, actor.role, user_uid, cancelled=cancelled,
            progress=(lambda d, n, name: progress(t("Sending {table}", table=name), d, n))
            if progress else None)
        report.pushed, report.conflicts = pushed.applied, pushed.conflicts
        report.refused, report.photos_sent_bytes = pushed.refused, pushed.photo_bytes
        report.cancelled = pushed.cancelled
        own_xids = pushed.xids
    if not report.cancelled:
        pulled = sync_pull.pull(
            ctx, server, cancelled=cancelled, own_xids=own_xids,
            progress=(lambda name: progress(t("Receiving {table}", table=name), 0, 0))
            if progress else None)
        report.pulled, report.photos_received = pulled.rows, pulled.photos
        report.skipped, report.removed = pulled.skipped, pulled.removed
        report.kept = pulled.kept
        report.cancelled = cancelled()
    if not report.cancelled:
        with ctx.db.write() as s:
            s.execute(update(SyncBinding).values(last_sync_at=clock.now()))
        forget_binding_cache(ctx)
    report.pending = pending_count(ctx)
    return report


def sync_steps(ctx: Context, password: str | None) -> Iterator[tuple[int, int, str]]:
    """`sync` as a generator of (done, total, label) for a background task: closing it
    (a Cancel button) stops the sync at its next record; what was sent stays sent and the
    next sync goes on from there. Returns the SyncReport (StopIteration.value)."""
    steps: queue.Queue = queue.Queue()
    stop = threading.Event()
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["report"] = sync(ctx, password, cancelled=stop.is_set,
                                     progress=lambda text, d, n: steps.put((d, n, text)))
        except BaseException as exc:  # noqa: BLE001 - handed to the generator's caller
            outcome["error"] = exc
        finally:
            steps.put(None)

    worker = threading.Thread(target=work, name="sync", daemon=True)
    worker.start()
    try:
        while True:
            step = steps.get()
            if step is None:
                break
            yield step
    finally:
        stop.set()
        worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["report"]
