"""The team server's login dialog: login and password, one clear message when refused; the
password remembered in the system keyring when the person ticks "Remember" (inspector_app/
keychain.py; without a keyring the box is off and says why)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url

from inspector_app import keychain
from inspector_app.domain.errors import InspectorError
from inspector_app.services.context import Context
from inspector_app.ui.i18n import tr

logger = logging.getLogger(__name__)


class LoginDialog(QDialog):
    """Asks for a login and password and connects; `ctx` is the open context on success.

    `opener(url)` opens the context (services.context.open_context in the application);
    the password lives only in the URL handed to it and, when "Remember" is ticked, in the
    system keyring; never in the settings or any other file.
    """

    def __init__(self, server_url: str, login: str, opener, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(tr("Log in to the team server"))
        self.url = make_url(server_url)
        self.opener = opener
        self.ctx: Context | None = None
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
        from sqlalchemy.exc import OperationalError

        from inspector_app.db.server_errors import describe_connect_error

        url = self.url.set(username=self.login_edit.text().strip(),
                           password=self.password_edit.text())
        try:
            self.ctx = self.opener(url.render_as_string(hide_password=False))
        except OperationalError as exc:
            message = describe_connect_error(exc, url)
            if message is None:
                raise
            self._refused(message)
            return
        except InspectorError as exc:
            self._refused(str(exc))
            return
        logger.info("Logged in to %s as %s", self.url.host, url.username)
        if self.remember_box.isEnabled():
            if self.remember_box.isChecked():
                keychain.remember(self.url, self.login, self.password_edit.text())
            else:
                keychain.forget(self.url, self.login)
        self.accept()

    def _refused(self, message: str) -> None:
        # The password is cleared; what the person typed as login stays for the retry.
        self.error_label.setText(message)
        self.error_label.show()
        self.password_edit.clear()
        self.password_edit.setFocus()

    @property
    def login(self) -> str:
        return self.login_edit.text().strip()
