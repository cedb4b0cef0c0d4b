"""Settings > Users: everyone with their role, whether active, password or login; an
administrator adds people, changes roles, deactivates and reactivates, sets passwords.
Anyone else sees the roster read-only (no passwords or logins), the buttons disabled with
the services' reason.

What may be done is the services' answer (services/users.py manage_users_reason); the last
active administrator is kept by the services, whose refusal is shown as it is. On a team
server the same buttons act on the people's PostgreSQL logins (services/team.py).

Every write goes through the operation runner (ui/ops.py), which tells the screens what
changed (docs/architecture.md, "Writes from the user interface").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import Role
from inspector_app.domain.errors import InspectorError
from inspector_app.services import passwords
from inspector_app.services import users as user_service
from inspector_app.services.changes import Changes
from inspector_app.ui import changes
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.keys import let_tab_leave
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: The roles offered, in the order of the New user dialog.
ROLES = (Role.INSPECTOR, Role.QUALITY_MANAGER, Role.MERCHANT_MANAGER, Role.ADMIN)


class UsersPanel(QGroupBox):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(tr("Users"), parent)
        self.env = env
        self.setObjectName("users_panel")
        self.rows: list[user_service.UserRow] = []
        #: Why the acting user may not manage users (None: they may); the services' answer.
        self._reason: str | None = None
        self.reason_label = QLabel("", self)
        self.reason_label.setObjectName("users_reason")
        self.reason_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels(
            [tr("Name"), tr("Role"), tr("Active"), tr("Password / login")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 150)
        self.table.setMinimumHeight(160)
        let_tab_leave(self.table)
        self.add_button = self._button(tr("&Add user…"), "add_user_button", self.add_user)
        self.role_button = self._button(tr("Change &role…"), "role_button", self.change_role)
        self.active_button = self._button(tr("&Deactivate…"), "active_button", self.toggle_active)
        self.password_button = self._button(tr("Set pass&word…"), "user_password_button",
                                            self.set_password)
        row = QHBoxLayout()
        for b in (self.add_button, self.role_button, self.active_button, self.password_button):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        env.changes.changed.connect(self._on_changed)
        self.refresh()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # -- showing -------------------------------------------------------------------------

    def refresh(self) -> None:
        ctx = self.env.ctx
        reason = user_service.manage_users_reason(ctx)
        self._reason = reason
        self.reason_label.setVisible(reason is not None)
        self.reason_label.setText(reason or "")
        # Who may not manage users still sees the roster, read-only (the buttons say why).
        self.table.setColumnHidden(3, reason is not None)
        selected = self.selected()
        try:
            self.rows = user_service.list_accounts(ctx)
        except InspectorError as exc:
            self.reason_label.setText(str(exc))
            self.reason_label.show()
            return
        team = self.env.state.is_team
        self.table.setRowCount(len(self.rows))
        for r, u in enumerate(self.rows):
            secret = (u.login or tr("no login")) if team else (
                tr("password set") if u.has_password else tr("no password"))
            cells = (u.display_name, enum_label(u.role), tr("yes") if u.active else tr("no"),
                     secret)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u.id)
                self.table.setItem(r, c, item)
            if selected is not None and u.id == selected.id:
                self.table.selectRow(r)
        self._update_buttons()

    def selected(self) -> user_service.UserRow | None:
        rows = self.table.selectionModel().selectedRows() if self.rows else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        user_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((u for u in self.rows if u.id == user_id), None)

    def _update_buttons(self) -> None:
        u = self.selected()
        pick = tr("Select a user first.")
        reason = self._reason
        self.add_button.setEnabled(reason is None)
        self.add_button.setToolTip(reason or "")
        for b in (self.role_button, self.active_button, self.password_button):
            b.setEnabled(reason is None and u is not None)
            b.setToolTip(reason or ("" if u is not None else pick))
        self.active_button.setText(
            tr("&Reactivate") if u is not None and not u.active else tr("&Deactivate…"))

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in (changes.USER, changes.ACTOR, changes.DATABASE):
            self.refresh()

    # -- actions -------------------------------------------------------------------------

    @Slot()
    def add_user(self) -> None:
        from inspector_app.ui.users.new_user_dialog import NewUserDialog

        dialog = NewUserDialog(self.env, self)
        if dialog.exec() and dialog.actor is not None:
            # The dialog reported it already (changes.USER).
            self._select(dialog.actor.id)

    @Slot()
    def change_role(self) -> None:
        u = self.selected()
        if u is None:
            return
        labels = [enum_label(r) for r in ROLES]
        label, ok = QInputDialog.getItem(
            self, tr("Change role"), tr("Role of %1:").replace("%1", u.display_name), labels,
            ROLES.index(u.role) if u.role in ROLES else 0, False)
        if not ok or label not in labels:
            return
        role = ROLES[labels.index(label)]
        if role == u.role:
            return
        # A refusal (e.g. the last administrator) is shown by the runner as one sentence.
        run_op(self, self.env.ctx, lambda: user_service.set_role(self.env.ctx, u.id, role),
               on_success=lambda changed: self._changed(u.id, changed))

    @Slot()
    def toggle_active(self) -> None:
        u = self.selected()
        if u is None:
            return
        if u.active:
            answer = QMessageBox.question(
                self, tr("Deactivate user"),
                tr("Deactivate %1? They can no longer act or log in; their records stay, and "
                   "an administrator can reactivate them.").replace("%1", u.display_name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return
        run_op(self, self.env.ctx,
               lambda: user_service.set_active(self.env.ctx, u.id, not u.active),
               on_success=lambda changed: self._changed(u.id, changed))

    @Slot()
    def set_password(self) -> None:
        u = self.selected()
        if u is None:
            return
        team = self.env.state.is_team
        prompt = (tr("New password for %1:") if team
                  else tr("New password for %1 (empty: none):")).replace("%1", u.display_name)
        text, ok = QInputDialog.getText(self, tr("Password"), prompt, QLineEdit.EchoMode.Password)
        if not ok:
            return
        def write() -> None:
            if team:
                from inspector_app.services.team import set_team_password

                set_team_password(self.env.ctx, u.id, text)
            else:
                passwords.set_password(self.env.ctx, u.id, text or None)

        run_op(self, self.env.ctx, write, on_success=lambda _r: self._changed(u.id, None),
               also_changed=Changes.of(changes.USER, [u.id]) if team else None)

    def _select(self, user_id: int) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == user_id:
                self.table.selectRow(r)
                return

    def _changed(self, user_id: int, changed) -> None:
        """After a change (the runner has told the screens): my own role may have changed."""
        state = self.env.state
        if changed is not None and state.actor is not None and changed.id == state.actor.id \
                and not state.is_team:
            state.set_actor(changed)  # my own role changed: menus follow it
        self._select(user_id)
