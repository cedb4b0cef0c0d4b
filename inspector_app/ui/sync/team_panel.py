"""Settings → "Team server on this laptop": the binding of a laptop copy (server, login, last
sync, what waits), Join a team server… and Leave the team on this laptop…; and the File
menu's Join action. docs/sync.md, "Joining and leaving from the application".

Joining makes the copy in a staging folder (services/sync/membership.py), then closes the
database, puts the copy in its place (the database it replaces is renamed, never deleted)
and restarts the application on it, as a change of language does (ui/restart.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from inspector_app.domain.errors import InspectorError
from inspector_app.ui import changes
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)


def join_refusal(state) -> str | None:
    """Why this application cannot join now (a copy already), or None."""
    from inspector_app.services.sync.membership import refuse_join

    try:
        refuse_join(state.ctx)
    except InspectorError as exc:
        return str(exc)
    return None


def _restart_on_new_database(window: QWidget) -> None:
    from PySide6.QtWidgets import QApplication

    from inspector_app.paths import DB_URL_ENV
    from inspector_app.ui import restart

    if not restart.start_again(drop=(DB_URL_ENV,)):
        QMessageBox.information(window, tr("Restart Inspector"), tr(
            "Inspector could not start again by itself: please start it again."))
    window.close()
    window.deleteLater()  # its screens stop listening to changes of the moved database
    QApplication.quit()


def _close_database(window: QWidget, state) -> None:
    """Close the database for good before its file is moved: no more checks of the sync
    status, and a stray query raises instead of creating an empty file at the old path."""
    import sqlite3

    from sqlalchemy import event

    from inspector_app.ui.tasks import wait_for_tasks

    controller = getattr(window, "sync", None)
    if controller is not None:
        controller.stop()
    wait_for_tasks()
    engine = state.ctx.db.engine
    engine.dispose()

    def closed(*_args, **_kwargs):
        raise sqlite3.OperationalError("the database was moved away: Inspector restarts")

    event.listen(engine, "do_connect", closed)


def start_join(window: QWidget, state) -> bool:
    """The whole join from the application; True when the copy was put in place."""
    from inspector_app.services.sync.membership import install_copy, set_aside_name
    from inspector_app.ui.settings import TEAM_LOGIN
    from inspector_app.ui.sync.join_dialog import JoinDialog

    refusal = join_refusal(state)
    if refusal:
        QMessageBox.information(window, tr("Join a team server"), refusal)
        return False
    if hasattr(window, "may_quit") and not window.may_quit():
        return False
    ctx = state.ctx
    keeps = ""
    old_file = ctx.paths.database  # a one-laptop file, also when the app runs on the server
    has_old = old_file.is_file() and old_file.stat().st_size > 0
    if has_old:
        keeps = tr("The database this laptop uses now is kept as a file in the data folder "
                   "(inspector-before-joining-DATE.sqlite3), not deleted. Inspector then "
                   "restarts on the copy.")
    address = ""
    if not ctx.db.is_sqlite:  # on the team server now: its address, without the login
        address = ctx.db.url._replace(username=None, password=None).render_as_string()
    dialog = JoinDialog(ctx.paths, keeps=keeps, address=address,
                        login=state.settings.get(TEAM_LOGIN), parent=window)
    if dialog.exec() != JoinDialog.DialogCode.Accepted or dialog.outcome is None:
        return False
    state.settings.set(TEAM_LOGIN, dialog.login_edit.text().strip())
    # Said before the files move: no dialog (and no event loop) runs between the move and
    # the restart, so nothing of this window reads the database meanwhile.
    message = tr("This laptop is now a copy of the team server. Inspector restarts on it.")
    keep_as = set_aside_name(ctx.paths, "before-joining")
    if has_old:
        message += "\n\n" + tr("The database used before is kept as %1.").replace(
            "%1", str(keep_as))
    QMessageBox.information(window, tr("Join a team server"), message)
    _close_database(window, state)
    try:
        install_copy(ctx.paths, dialog.outcome, keep_as=keep_as)
    except (InspectorError, OSError) as exc:  # restarted on whatever the folder holds
        QMessageBox.warning(window, tr("Join a team server"), str(exc))
        _restart_on_new_database(window)
        return False
    _restart_on_new_database(window)
    return True


def _ask_leave(window: QWidget, question: str, earlier: Path | None) -> bool | None:
    """Confirm leaving: None to stay; True to go back to `earlier` (the database this
    laptop had before joining), False to restart without a database."""
    if earlier is None:
        answer = QMessageBox.question(
            window, tr("Leave the team on this laptop"),
            question + " " + tr("Inspector then restarts without a database and offers to "
                                "create one."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return False if answer == QMessageBox.StandardButton.Yes else None
    box = QMessageBox(QMessageBox.Icon.Question, tr("Leave the team on this laptop"),
                      question, QMessageBox.StandardButton.NoButton, window)
    box.setInformativeText(tr(
        "This laptop still has the database it had before joining (%1): Inspector can "
        "restart on it, or without a database.").replace("%1", earlier.name))
    back = box.addButton(tr("Leave and go back to it"), QMessageBox.ButtonRole.AcceptRole)
    back.setObjectName("leave_restore")
    plain = box.addButton(tr("Leave without a database"),
                          QMessageBox.ButtonRole.DestructiveRole)
    plain.setObjectName("leave_plain")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is back else False if clicked is plain else None


def start_leave(window: QWidget, state) -> bool:
    """Leave the team on this laptop (refused while changes wait); True when left."""
    from inspector_app.services.sync.membership import (
        before_joining,
        leave,
        leave_check,
        set_aside_name,
    )

    try:
        leave_check(state.ctx)
    except InspectorError as exc:
        QMessageBox.warning(window, tr("Leave the team on this laptop"), str(exc))
        return False
    bound = state.replica
    paths = state.ctx.paths
    keep_as = set_aside_name(paths, "left-team")
    question = tr(
        "Stop working on this laptop's copy of %1 (login %2)? Nothing changes on the "
        "server. The copy is kept as %3, not deleted.").replace(
        "%1", bound.server if bound else "").replace(
        "%2", bound.login if bound else "").replace("%3", str(keep_as))
    earlier = before_joining(paths)
    restore = _ask_leave(window, question, earlier)
    if restore is None:
        return False
    if hasattr(window, "may_quit") and not window.may_quit():
        return False
    _close_database(window, state)
    try:
        kept = leave(paths, keep_as=keep_as, restore=earlier if restore else None)
    except (InspectorError, OSError) as exc:  # restarted on whatever the folder holds
        QMessageBox.warning(window, tr("Leave the team on this laptop"), str(exc))
        _restart_on_new_database(window)
        return False
    logger.info("Left the team; the copy is kept as %s", kept)
    _restart_on_new_database(window)
    return True


def add_join_action(window, menu: QMenu) -> QAction:
    """File → Join a team server… (disabled with the reason on a copy already)."""
    action = QAction(tr("&Join a team server…"), window)
    action.setObjectName("join_team_action")
    action.triggered.connect(lambda: start_join(window, window.state))
    on_copy = getattr(window.state, "replica", None) is not None
    refusal = join_refusal(window.state) if on_copy else None
    action.setEnabled(refusal is None)
    action.setToolTip(refusal or tr("Make this laptop a copy of a team server, to work "
                                    "offline"))
    menu.addAction(action)
    return action


class TeamPanel(QGroupBox):
    """The Settings group about this laptop and the team server."""

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(tr("Team server on this laptop"), parent)
        self.env = env
        self.setObjectName("team_panel")
        self.status = QLabel(self)
        self.status.setObjectName("team_panel_status")
        self.status.setWordWrap(True)
        self.server_label = QLabel(self)
        self.server_label.setObjectName("team_panel_server")
        self.login_label = QLabel(self)
        self.login_label.setObjectName("team_panel_login")
        self.last_sync_label = QLabel(self)
        self.last_sync_label.setObjectName("team_panel_last_sync")
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("team_panel_waiting")
        self.join_button = QPushButton(tr("Join a team server…"), self)
        self.join_button.setObjectName("team_panel_join")
        self.leave_button = QPushButton(tr("Leave the team on this laptop…"), self)
        self.leave_button.setObjectName("team_panel_leave")
        self.sync_button = QPushButton(tr("Sync now"), self)
        self.sync_button.setObjectName("team_panel_sync")
        self.join_button.clicked.connect(self.join)
        self.leave_button.clicked.connect(self.leave)
        self.sync_button.clicked.connect(self.sync_now)
        form = QFormLayout(self)
        form.addRow(self.status)
        self._rows = []
        for text, label in ((tr("Server:"), self.server_label), (tr("Login:"), self.login_label),
                            (tr("Last sync:"), self.last_sync_label),
                            (tr("Waiting to be sent:"), self.waiting_label)):
            caption = QLabel(text, self)
            form.addRow(caption, label)
            self._rows.append((caption, label))
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.leave_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        changes.changes().changed.connect(self._on_changed)
        self.refresh()

    @Slot(str, list)
    def _on_changed(self, _entity: str, _ids: list) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # the last sync may have changed meanwhile
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        from inspector_app.services.sync.binding import (
            binding,
            forget_binding_cache,
            open_conflicts,
            pending_count,
        )

        ctx = self.env.ctx
        bound = None
        if ctx.db.is_sqlite:
            forget_binding_cache(ctx)
            bound = binding(ctx)
        for caption, label in self._rows:
            caption.setVisible(bound is not None)
            label.setVisible(bound is not None)
        self.join_button.setVisible(bound is None)
        self.leave_button.setVisible(bound is not None)
        controller = getattr(self.window(), "sync", None)
        self.sync_button.setVisible(bound is not None and controller is not None)
        if controller is not None:  # File → Sync's state: busy, or the server does not answer
            self.sync_button.setEnabled(controller.sync_action.isEnabled())
            self.sync_button.setToolTip(controller.sync_action.toolTip())
        if bound is None:
            refusal = join_refusal(self.env.state)
            self.join_button.setEnabled(refusal is None)
            self.join_button.setToolTip(refusal or "")
            self.status.setText(refusal or (
                tr("This laptop works on the team server directly, online only. Join to keep "
                   "a copy here and work offline.") if not ctx.db.is_sqlite else
                tr("This laptop works on its own database. Join a team server to work on a "
                   "copy of the team's data and sync it.")))
            return
        waiting, conflicts = pending_count(ctx), open_conflicts(ctx)
        self.status.setText(tr("This laptop works on its copy of the team server, also "
                               "offline; File → Sync exchanges the changes."))
        self.server_label.setText(bound.server)
        self.login_label.setText(bound.login)
        self.last_sync_label.setText(
            bound.last_sync_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if bound.last_sync_at else tr("never"))
        text = tr("%1 changes").replace("%1", str(waiting))
        if conflicts:
            text += " · " + tr("%1 conflicts").replace("%1", str(conflicts))
        self.waiting_label.setText(text)
        self.leave_button.setToolTip(
            tr("%1 changes wait to be sent: sync first").replace("%1", str(waiting))
            if waiting else tr("Stop using this copy; it is kept as a file"))

    @Slot()
    def join(self) -> None:
        start_join(self.window(), self.env.state)

    @Slot()
    def sync_now(self) -> None:
        """The File menu's Sync (progress, Cancel, the status bar follow)."""
        controller = getattr(self.window(), "sync", None)
        if controller is not None:
            controller.start_sync()

    @Slot()
    def leave(self) -> None:
        start_leave(self.window(), self.env.state)

