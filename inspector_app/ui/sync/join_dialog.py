"""Join a team server from the application (Settings, File menu): server address, login,
password (the system keyring as in the login dialog), a copy made off the GUI thread with
progress and a working Cancel, one sentence when refused (docs/sync.md, "Joining and
leaving from the application"). The copy is made in a staging folder; the caller puts it
in place (services/sync/membership.py) and restarts on it."""

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
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app import keychain
from inspector_app.domain.errors import InspectorError
from inspector_app.paths import DataPaths
from inspector_app.ui.i18n import tr
from inspector_app.ui.tasks import Task, run_task

logger = logging.getLogger(__name__)

#: What a bare "HOST/DATABASE" becomes.
SCHEME = "postgresql+psycopg://"


def full_address(text: str) -> str:
    text = text.strip()
    return text if "://" in text or not text else SCHEME + text


def join_sentence(exc: BaseException) -> str:
    """One sentence for a refused join (the services' own sentence when they have one)."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    if isinstance(exc, InspectorError):
        return str(exc)
    if isinstance(exc, ArgumentError | ValueError):
        return tr("That is no server address: give HOST/DATABASE or "
                  "postgresql+psycopg://HOST/DATABASE")
    if isinstance(exc, OperationalError | OSError):
        return tr("Cannot reach the team server: %1").replace(
            "%1", " ".join(str(getattr(exc, "orig", exc)).split())[:200])
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class JoinDialog(QDialog):
    """`outcome` holds the services' JoinOutcome once the copy is complete (accepted)."""

    def __init__(self, paths: DataPaths, *, keeps: str = "", address: str = "",
                 login: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("join_dialog")
        self.setWindowTitle(tr("Join a team server"))
        self.setMinimumWidth(520)
        self.paths = paths
        self.outcome = None
        self.task: Task | None = None
        intro = QLabel(tr(
            "This laptop gets its own copy of what your login may read on the team server. "
            "You then work on the copy, also without a network, and File → Sync exchanges "
            "the changes."), self)
        intro.setWordWrap(True)
        self.address_edit = QLineEdit(address, self)
        self.address_edit.setObjectName("join_address")
        self.address_edit.setPlaceholderText("postgresql+psycopg://HOST/DATABASE")
        self.login_edit = QLineEdit(login, self)
        self.login_edit.setObjectName("join_login")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("join_password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(tr("Remember the password in the system keyring"), self)
        self.remember_box.setObjectName("join_remember")
        why_not = keychain.unavailable()
        if why_not:
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(why_not)
        form = QFormLayout()
        form.addRow(tr("Server address:"), self.address_edit)
        form.addRow(tr("Login:"), self.login_edit)
        form.addRow(tr("Password:"), self.password_edit)
        form.addRow("", self.remember_box)
        self.keeps_label = QLabel(keeps, self)
        self.keeps_label.setObjectName("join_keeps")
        self.keeps_label.setWordWrap(True)
        self.keeps_label.setVisible(bool(keeps))
        self.error_label = QLabel(self)
        self.error_label.setObjectName("join_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("join_progress")
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("join_progress_label")
        self.progress.hide()
        self.progress_label.hide()
        buttons = QDialogButtonBox(self)
        self.join_button = QPushButton(tr("Join"), self)
        self.join_button.setObjectName("join_button")
        self.join_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("join_cancel")
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.join_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.keeps_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)
        self.address_edit.editingFinished.connect(self._fill_remembered)
        self.login_edit.editingFinished.connect(self._fill_remembered)
        (self.password_edit if address and login else self.address_edit).setFocus()
        self._fill_remembered()

    def _fill_remembered(self) -> None:
        address, login = full_address(self.address_edit.text()), self.login_edit.text().strip()
        if not address or not login or self.password_edit.text():
            return
        try:
            remembered = keychain.get(address, login)
        except Exception:  # noqa: BLE001 - an unparsable address: nothing remembered
            return
        if remembered:
            self.password_edit.setText(remembered)
            self.remember_box.setChecked(True)

    @property
    def running(self) -> bool:
        return self.task is not None

    @Slot()
    def start(self) -> None:
        from inspector_app.services.sync.membership import join_steps

        if self.running:
            return
        address, login = full_address(self.address_edit.text()), self.login_edit.text().strip()
        password = self.password_edit.text()
        if not address or not login or not password:
            self._refused(tr("Give the server address, your login and your password."))
            return
        self.error_label.hide()
        self._set_running(True)
        self.progress_label.setText(tr("Connecting to the team server…"))
        self.task = run_task(lambda: join_steps(address, login, password, self.paths),
                             lambda outcome: self._done(outcome, address, login, password),
                             self._failed, on_cancel=self._cancelled,
                             on_progress=self._progressed, name="join")

    def _set_running(self, running: bool) -> None:
        for w in (self.address_edit, self.login_edit, self.password_edit, self.join_button):
            w.setEnabled(not running)
        self.remember_box.setEnabled(not running and not keychain.unavailable())
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)
        self.progress.setRange(0, 0)  # busy until the first counted step

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, label: str) -> None:
        if label:
            self.progress_label.setText(label)
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _done(self, outcome, address: str, login: str, password: str) -> None:
        self.task = None
        self.outcome = outcome
        if self.remember_box.isEnabled():
            if self.remember_box.isChecked():
                keychain.remember(address, login, password)
            else:
                keychain.forget(address, login)
        logger.info("Joined %s as %s: %s records", address.split("@")[-1], login, outcome.pulled)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self._set_running(False)
        logger.info("Join refused: %s", exc)
        self._refused(join_sentence(exc))

    def _cancelled(self) -> None:
        self.task = None
        self._set_running(False)
        self._refused(tr("Joining was cancelled: nothing was changed on this laptop."))

    def _refused(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.adjustSize()

    @Slot()
    def cancel(self) -> None:
        """While copying: stop (the staging folder is removed); otherwise close."""
        if self.task is not None:
            self.task.cancel()
            self.progress_label.setText(tr("Cancelling…"))
            return
        self.reject()

    def reject(self) -> None:  # Escape and the window's close button
        if self.task is not None:
            self.cancel()
            return
        super().reject()
