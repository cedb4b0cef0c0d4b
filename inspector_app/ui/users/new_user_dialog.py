"""The New user dialog: name and role (and, on a team server, login and password); the
services decide whether the current user may add people (docs/domain.md, "Users")."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from inspector_app.domain.enums import Role
from inspector_app.services import users as user_service
from inspector_app.services.context import Actor
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv


class NewUserDialog(QDialog):
    """Name and role of a new user; the service decides whether the current user may."""

    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.actor: Actor | None = None
        self.setObjectName("new_user_dialog")
        self.setWindowTitle(tr("New user"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("name_edit")
        self.name_error = field_error_label(self)
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("role_combo")
        for role in (Role.INSPECTOR, Role.QUALITY_MANAGER, Role.MERCHANT_MANAGER, Role.ADMIN):
            self.role_combo.addItem(enum_label(role), role.value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(tr("Name:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(tr("Role:"), self.role_combo)
        # On a team server a user is a PostgreSQL login with a password (services.team).
        self.team = env.state.is_team
        self.login_edit = QLineEdit(self)
        self.login_edit.setObjectName("login_edit")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        if self.team:
            form.addRow(tr("Login:"), self.login_edit)
            form.addRow(tr("Password:"), self.password_edit)
        else:
            self.login_edit.hide()
            self.password_edit.hide()
        form.addRow(buttons)
        self.name_edit.textChanged.connect(lambda _t: self.name_error.hide())

    @Slot()
    def submit(self) -> None:
        if not self.name_edit.text().strip():
            self.name_error.setText(tr("Please enter a name."))
            self.name_error.show()
            return
        role = Role(self.role_combo.currentData())
        name, login, password = self.name_edit.text(), self.login_edit.text(), self.password_edit.text()

        def create() -> Actor:
            if self.team:
                from inspector_app.services.team import add_team_user

                return add_team_user(self.env.ctx, name, role, login, password)
            return user_service.create_user(self.env.ctx, name, role)

        def refused(exc: Exception) -> None:
            self.name_error.setText(str(exc))
            self.name_error.show()

        def created(actor: Actor) -> None:
            self.actor = actor
            self.accept()

        run_op(self, self.env.ctx, create, on_success=created, on_failure=refused)
