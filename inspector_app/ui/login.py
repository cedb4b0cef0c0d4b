"""The team server's login dialog: login and password, one clear message when refused; the
password remembered in the system keyring when the person ticks "Remember" (inspector_app/
keychain.py; without a keyring the box is off and says why). It connects on the task pool
(ui/tasks.py), so a slow or silent server never freezes the window: the dialog says it is
connecting, and Quit leaves at once (a connection that arrives after it is closed again)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from inspector_app import keychain
from inspector_app.domain.errors import InspectorError
from inspector_app.services.context import Context
from inspector_app.ui.i18n import tr

if TYPE_CHECKING:
    from inspector_app.ui.tasks import Task

logger = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """Asks for a login and password and connects; `ctx` is the open context on success.

    `opener(url)` opens the context (services.context.open_context in the application);
    the password lives only in the URL handed to it and, when "Remember" is ticked, in the
    system keyring; never in the settings or any other file.
    """

    def __init__(self, server_url: str, login: str, opener, parent: QWidget | None = None,
                 *, paths=None, offline_opener=None):
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(tr("Log in to the team server"))
        self.setMinimumWidth(480)  # the refusal sentences wrap, they are not cut
        self.url = make_url(server_url)
        self.opener = opener
        self.ctx: Context | None = None
        #: The data folder whose laptop copy may be opened offline (docs/sync.md), how to
        #: open it, and whether it was (the status bar then says offline).
        self.paths = paths
        self.offline_opener = offline_opener
        self.offline = False
        #: The connection under way, if any.
        self.connecting: Task | None = None
        self._abandoned = False
        where = f"{self.url.host or 'localhost'}/{self.url.database or ''}"
        intro = QLabel(tr("Team server: %1").replace("%1", where), self)
        self.login_edit = QLineEdit(login or self.url.username or "", self)
        self.login_edit.setObjectName("login_edit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("login_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        self.remember_box = QCheckBox(tr("Remember the password in the system keyring"), self)
        self.remember_box.setObjectName("remember_password")
        why_not = keychain.unavailable()
        self.remember_note = QLabel(self)
        self.remember_note.setObjectName("remember_note")
        self.remember_note.setWordWrap(True)
        if why_not:
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(why_not)
            self.remember_note.setText(why_not)
        else:
            self.remember_note.hide()
        form = QFormLayout()
        form.addRow(tr("Login:"), self.login_edit)
        form.addRow(tr("Password:"), self.password_edit)
        form.addRow("", self.remember_box)
        form.addRow("", self.remember_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Quit"))
        self.log_in_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.offline_button = QPushButton(tr("Work offline"), self)
        self.offline_button.setObjectName("work_offline")
        self.offline_button.setToolTip(tr(
            "Open this laptop's copy of the team server and sync later"))
        buttons.addButton(self.offline_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.offline_button.hide()
        self.offline_button.clicked.connect(self.work_offline)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        remembered = keychain.get(self.url, self.login_edit.text().strip())
        if remembered:
            self.password_edit.setText(remembered)
            self.remember_box.setChecked(True)
        (self.password_edit if self.login_edit.text() else self.login_edit).setFocus()

    @Slot()
    def attempt(self) -> None:
        """Connect with what is typed, off the GUI thread; the answer comes back to
        _connected or _failed (tests wait for `busy` to turn False)."""
        from inspector_app.ui.tasks import run_task

        if self.connecting is not None:
            return
        if not self.login_edit.text().strip():  # never a connection as the OS user
            self.error_label.setText(tr("Enter your login."))
            self.error_label.show()
            self.login_edit.setFocus()
            return
        url = self.url.set(username=self.login_edit.text().strip(),
                           password=self.password_edit.text())
        self._set_busy(True)
        address = url.render_as_string(hide_password=False)
        opener = self.opener
        self.connecting = run_task(lambda: opener(address), self._connected,
                                   lambda exc: self._failed(exc, url), name="log in")

    @property
    def busy(self) -> bool:
        return self.connecting is not None

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.login_edit, self.password_edit, self.log_in_button,
                       self.offline_button):
            widget.setEnabled(not busy)
        self.remember_box.setEnabled(not busy and not keychain.unavailable())
        if busy:
            self.error_label.setStyleSheet("")
            self.error_label.setText(tr("Connecting to the team server…"))
            self.error_label.show()
        else:
            self.error_label.setStyleSheet("color: #b00020")
            self.error_label.hide()

    def _connected(self, ctx: Context) -> None:
        self.connecting = None
        if self._abandoned:  # Quit while connecting: nobody wants this connection now
            ctx.db.dispose()
            return
        self._set_busy(False)
        self.ctx = ctx
        logger.info("Logged in to %s as %s", self.url.host, self.login)
        if self.remember_box.isEnabled():
            if self.remember_box.isChecked():
                keychain.remember(self.url, self.login, self.password_edit.text())
            else:
                keychain.forget(self.url, self.login)
        self.accept()

    def _failed(self, exc: BaseException, url) -> None:
        from sqlalchemy.exc import OperationalError

        from inspector_app.db.server_errors import describe_connect_error, unreachable

        self.connecting = None
        if self._abandoned:
            return
        self._set_busy(False)
        message = (describe_connect_error(exc, url) if isinstance(exc, OperationalError)
                   else str(exc) if isinstance(exc, InspectorError) else None)
        if message is None:
            from inspector_app.ui.errors import show_error

            self.password_edit.setFocus()
            show_error(self, exc)
            return
        if isinstance(exc, OperationalError) and unreachable(exc):
            # Not the password's fault: keep it, offer retry and offline work.
            self._unreachable(message)
            return
        self._refused(message)

    def reject(self) -> None:
        """Quit; a connection still under way is closed when it arrives."""
        if self.connecting is not None:
            self._abandoned = True
        super().reject()

    def _refused(self, message: str) -> None:
        # The password is cleared; what the person typed as login stays for the retry.
        # A refused login never offers offline work (docs/sync.md, "Working offline at start-up").
        self.error_label.setText(message)
        self.error_label.show()
        self.offline_button.hide()
        self.log_in_button.setText(tr("Log in"))
        self.password_edit.clear()
        self.password_edit.setFocus()
        self.adjustSize()

    def _unreachable(self, message: str) -> None:
        from inspector_app.services.sync.membership import copy_for

        copy = None
        if self.paths is not None and self.offline_opener is not None:
            copy = copy_for(self.paths, self.url.render_as_string(), self.login)
        if copy is not None:
            message += "\n" + tr("This laptop has its copy of this server: you may work "
                                 "offline and sync later.")
        self.error_label.setText(message)
        self.error_label.show()
        self.log_in_button.setText(tr("Retry"))
        self.offline_button.setVisible(copy is not None)
        (self.offline_button if copy is not None else self.log_in_button).setFocus()
        self.adjustSize()

    @Slot()
    def work_offline(self) -> None:
        """Open the laptop copy, if the password is the one the server last accepted."""
        from inspector_app.services.sync.membership import copy_for, offline_allowed

        if self.paths is None or self.offline_opener is None:
            return
        server = self.url.render_as_string()
        copy = copy_for(self.paths, server, self.login)
        if copy is None:
            self.offline_button.hide()
            return
        if not copy.verifier:
            self.error_label.setText(tr(
                "This copy cannot be opened offline yet: sync it once while connected."))
            return
        if offline_allowed(self.paths, server, self.login, self.password_edit.text()) is None:
            self.error_label.setText(tr(
                "That is not the password the server last accepted for %1 on this laptop: "
                "the copy stays closed.").replace("%1", self.login))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        try:
            self.ctx = self.offline_opener()
        except InspectorError as exc:
            self.error_label.setText(str(exc))
            return
        self.offline = True
        logger.info("Working offline on the copy of %s as %s", self.url.host, self.login)
        self.accept()

    @property
    def login(self) -> str:
        return self.login_edit.text().strip()
