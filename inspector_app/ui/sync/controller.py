"""File → Sync on a laptop copy of a team server: runs the sync on the task pool with
progress and a working Cancel, and keeps the status bar's sync label current (online or
offline, the last sync, how many changes wait, open conflicts). docs/sync.md."""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QMainWindow, QMenu, QMessageBox
from sqlalchemy.engine import make_url

from inspector_app.services.changes import Changes
from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.tasks import Task, run_task

logger = logging.getLogger(__name__)

#: How often the status bar checks that the server answers.
PROBE_MS = 60_000
#: Records named in the after-sync message; the rest are counted (the CLI lists them all).
ATTENTION_LINES = 20


def server_answers(url: str, timeout: float = 1.5) -> bool:
    """Whether the server's port accepts a connection (no login: only reachability)."""
    parsed = make_url(url)
    try:
        with socket.create_connection((parsed.host or "localhost", parsed.port or 5432),
                                      timeout=timeout):
            return True
    except OSError:
        return False


def _remembered(bound) -> str | None:
    """The password the system keyring holds for the copy's server and login, if any."""
    from inspector_app import keychain

    return keychain.get(bound.server_url, bound.login)


class SyncController(QObject):
    """Owns the Sync and Conflicts actions and the status label of one main window."""

    def __init__(self, window: QMainWindow, state, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.online: bool | None = None
        self._password: str | None = os.environ.get("PGPASSWORD") or None
        self._keyring_tried = False
        self.task: Task | None = None
        self.sync_action = QAction(tr("S&ync with the team server"), window)
        self.sync_action.setObjectName("sync_action")
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.triggered.connect(self.start_sync)
        self.conflicts_action = QAction(tr("Sync &conflicts…"), window)
        self.conflicts_action.setObjectName("sync_conflicts_action")
        self.conflicts_action.triggered.connect(self.show_conflicts)
        menu.addAction(self.sync_action)
        menu.addAction(self.conflicts_action)
        self.label = QLabel(window)
        self.label.setObjectName("status_sync")
        window.statusBar().addPermanentWidget(self.label)
        #: Set by stop(): the database is closed for good (left or joined a team).
        self.stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self.probe)
        self._timer.start()
        changes.changes().changed.connect(self._on_changed)
        self.refresh()
        QTimer.singleShot(0, self.probe)

    @property
    def binding(self):
        return self.state.replica

    def stop(self) -> None:
        """The database is about to be moved away: no more probes, and an answer or a
        change notice still queued for this window finds nothing to refresh."""
        self.stopped = True
        self._timer.stop()

    @Slot(str, list)
    def _on_changed(self, _entity: str, _ids: list) -> None:
        self.refresh()

    @Slot()
    def probe(self) -> None:
        if self.stopped:
            return
        url = self.binding.server_url
        run_task(lambda: server_answers(url), self._on_probe,
                 lambda exc: logger.warning("probe failed: %s", exc), name="sync-probe")

    def _on_probe(self, online: bool) -> None:
        self.online = bool(online)
        self.refresh()

    def refresh(self) -> None:
        if self.stopped:
            return
        from inspector_app.services.sync.binding import (
            binding,
            forget_binding_cache,
            open_conflicts,
            pending_count,
        )

        ctx = self.state.ctx
        forget_binding_cache(ctx)
        bound = binding(ctx)
        waiting, conflicts = pending_count(ctx), open_conflicts(ctx)
        state = {None: tr("Checking the server…"), True: tr("Online"),
                 False: tr("Offline")}[self.online]
        last = (bound.last_sync_at.astimezone().strftime("%Y-%m-%d %H:%M")
                if bound and bound.last_sync_at else tr("never"))
        text = tr("%1 · last sync %2 · %3 waiting").replace("%1", state).replace(
            "%2", last).replace("%3", str(waiting))
        if conflicts:
            text += " · " + tr("%1 conflicts").replace("%1", str(conflicts))
        self.label.setText(text)
        self.label.setToolTip(tr("Laptop copy of %1 (login %2)").replace(
            "%1", bound.server if bound else "").replace("%2", bound.login if bound else ""))
        busy = self.task is not None
        self.sync_action.setEnabled(not busy and self.online is not False)
        self.sync_action.setToolTip(
            tr("The team server does not answer: work goes on offline and waits here")
            if self.online is False else tr("Send this laptop's changes and receive the "
                                            "server's"))
        self.conflicts_action.setEnabled(conflicts > 0)

    @Slot()
    def start_sync(self) -> None:
        if self.task is not None:
            return
        if self._password is None and not self._keyring_tried:
            # Remembered at the join or the login (keychain.py); asked for if refused.
            self._keyring_tried = True
            self._password = _remembered(self.binding)
        if self._password is None:
            text, ok = QInputDialog.getText(
                self.window, tr("Sync"), tr("Password of %1 on the team server:").replace(
                    "%1", self.binding.login), QLineEdit.EchoMode.Password)
            if not ok:
                return
            self._password = text
        from inspector_app.services.sync.run import sync_steps

        ctx, password = self.state.ctx, self._password

        # The sync commits as it goes, in a thread of its own (docs/sync.md): every screen
        # reloads after it, whatever the outcome.
        self.task = run_op(self.window, ctx, lambda: sync_steps(ctx, password), on_success=self._on_done,
                           on_failure=self._on_error, on_cancel=self._on_cancel, on_finished=self._settled,
                           label=tr("Syncing with the team server…"), also_changed=Changes.everything(),
                           slow=True, cancellable=True, transaction=False).task
        self.refresh()

    def _on_done(self, report) -> None:
        self.task = None
        self.online = True
        self.refresh()
        message = tr("Sync done: %1 sent, %2 received, %3 waiting").replace(
            "%1", str(report.pushed)).replace("%2", str(report.pulled)).replace(
            "%3", str(report.pending))
        if report.conflicts:
            message += " · " + tr("%1 conflicts").replace("%1", str(len(report.conflicts)))
        if report.refused:
            message += " · " + tr("%1 refused by the server").replace(
                "%1", str(len(report.refused)))
        if report.removed:
            message += " · " + tr("%1 no longer yours to see, removed here").replace(
                "%1", str(report.removed))
        self.window.statusBar().showMessage(message, 15_000)
        if report.refused or report.kept:
            self._show_attention(report)
        elif report.conflicts:
            self.show_conflicts()

    def _show_attention(self, report) -> None:
        """Records the server refused, and records it no longer shows this login that stay
        here because they hold changes not sent: each named, so nothing goes unnoticed
        (docs/sync.md, "Visibility")."""
        lines = list(report.refused) + list(report.kept)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Sync"), "", QMessageBox.StandardButton.Close,
                          self.window)
        box.setObjectName("sync_attention")
        parts = []
        if report.refused:
            parts.append(tr("Refused by the team server, kept here as they are: %1.").replace(
                "%1", str(len(report.refused))))
        if report.kept:
            parts.append(tr("No longer shown to you by the team server, kept here because they "
                            "hold changes not sent: %1.").replace("%1", str(len(report.kept))))
        box.setText(" ".join(parts))
        shown = lines[:ATTENTION_LINES]
        if len(lines) > len(shown):
            shown.append(tr("… and %1 more (inspector sync lists them all)").replace(
                "%1", str(len(lines) - len(shown))))
        box.setInformativeText("\n".join(shown))
        if report.conflicts:
            box.finished.connect(lambda _r: self.show_conflicts())
        box.open()

    def _on_error(self, exc: BaseException) -> None:
        from inspector_app.ui.errors import show_error

        self.task = None  # run_op shows an unexpected error itself
        self._password = None  # a wrong password is asked again next time
        self.refresh()
        show_error(self.window, exc)

    def _settled(self) -> None:
        if self.task is not None:  # an unexpected error (shown by run_op)
            self.task = None
            self._password = None
            self.refresh()

    def _on_cancel(self) -> None:
        self.task = None
        self.refresh()
        self.window.statusBar().showMessage(
            tr("Sync cancelled: what was sent stays sent; the next sync goes on"), 15_000)

    @Slot()
    def show_conflicts(self) -> None:
        from inspector_app.ui.sync.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.state, self.window)
        dialog.exec()
        self.refresh()
