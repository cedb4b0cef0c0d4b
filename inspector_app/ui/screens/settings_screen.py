"""The Settings screen: user and role, data folder, language, team settings, backups."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import Role, Severity
from inspector_app.domain.errors import InspectorError
from inspector_app.services import team_settings
from inspector_app.services import users as user_service
from inspector_app.services.context import MANAGERS
from inspector_app.ui import changes
from inspector_app.ui.confirm import confirm_discard
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import LANGUAGES, current_language, enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv
from inspector_app.ui.screens.backup_panel import BackupPanel
from inspector_app.ui.screens.risk_settings_panel import RiskSettingsPanel
from inspector_app.ui.settings import LANGUAGE
from inspector_app.ui.users.new_user_dialog import NewUserDialog

logger = logging.getLogger(__name__)

#: Longest deadline a spin box offers, in days.
MAX_DEADLINE_DAYS = 365
#: The team setting of the due-soon warning (services.team_settings).
WARNING_DAYS = "cases.warning_days"
#: Days a notice gives to reply when a case's own date has passed (docs/privacy.md).
REPLY_DAYS = "notices.reply_days"


class SettingsScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("settings_screen")
        #: The team settings as last loaded or saved (None before the first load).
        self._team_pristine: dict | None = None
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 18, 24, 18)
        column.setSpacing(10)
        title = QLabel(tr("Settings"), body)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        column.addWidget(self._user_group(body))
        from inspector_app.ui.users.panel import UsersPanel  # Settings > Users (its own module)

        self.users_panel = UsersPanel(env, body)
        column.addWidget(self.users_panel)
        column.addWidget(self._data_group(body))
        column.addWidget(self._language_group(body))
        column.addWidget(self._team_group(body))
        from inspector_app.ui.sync.team_panel import TeamPanel

        #: This laptop and the team server: join, the copy's binding, leave (docs/sync.md).
        self.team_panel = TeamPanel(env, body)
        column.addWidget(self.team_panel)
        self.backup_panel = BackupPanel(env, body)
        column.addWidget(self.backup_panel)
        column.addStretch(1)
        body.setMaximumWidth(900)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        env.changes.changed.connect(self._on_changed)
        self.refresh()

    # -- sections ------------------------------------------------------------------------

    def _user_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("User"), parent)
        self.actor_label = QLabel(box)
        self.actor_label.setObjectName("actor_label")
        self.user_combo = QComboBox(box)
        self.user_combo.setObjectName("user_combo")
        self.user_combo.setMinimumWidth(260)
        self.switch_button = QPushButton(tr("Switch user"), box)
        self.switch_button.setObjectName("switch_user_button")
        self.switch_button.clicked.connect(self.switch_user)
        self.new_user_button = QPushButton(tr("New user…"), box)
        self.new_user_button.setObjectName("new_user_button")
        self.new_user_button.clicked.connect(self.new_user)
        row = QHBoxLayout()
        row.addWidget(self.user_combo)
        row.addWidget(self.switch_button)
        row.addWidget(self.new_user_button)
        self.password_button = QPushButton(tr("Password…"), box)
        self.password_button.setObjectName("password_button")
        self.password_button.clicked.connect(self.set_password)
        row.addWidget(self.password_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.actor_label)
        layout.addLayout(row)
        return box

    def _data_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("Data"), parent)
        self.data_folder_label = QLabel(box)
        self.data_folder_label.setObjectName("data_folder_label")
        self.data_folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.database_label = QLabel(box)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = QPushButton(tr("Open folder"), box)
        open_button.setObjectName("open_data_folder_button")
        open_button.clicked.connect(self.open_data_folder)
        form = QFormLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.data_folder_label, 1)
        row.addWidget(open_button)
        form.addRow(tr("Data folder:"), row)
        form.addRow(tr("Database:"), self.database_label)
        return box

    def _language_group(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(tr("Language"), parent)
        self.language_combo = QComboBox(box)
        self.language_combo.setObjectName("language_combo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        chosen = self.env.settings.get(LANGUAGE) or current_language()
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(chosen)))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.restart_label = QLabel(tr("Restart Inspector to use the new language."), box)
        self.restart_label.setObjectName("restart_label")
        self.restart_label.setVisible(chosen != current_language())
        self.restart_button = QPushButton(tr("Restart now"), box)
        self.restart_button.setObjectName("restart_button")
        self.restart_button.setToolTip(tr("Close Inspector and start it again in the chosen language"))
        self.restart_button.setVisible(chosen != current_language())
        self.restart_button.clicked.connect(self.restart_now)
        row = QHBoxLayout(box)
        row.addWidget(self.language_combo)
        row.addWidget(self.restart_label)
        row.addWidget(self.restart_button)
        row.addStretch(1)
        return box

    def _team_group(self, parent: QWidget) -> QGroupBox:
        """Team-wide settings kept in the database (services.team_settings)."""
        box = QGroupBox(tr("Team settings"), parent)
        form = QFormLayout(box)
        self.organisation_edit = QLineEdit(box)
        self.organisation_edit.setObjectName("organisation_edit")
        form.addRow(tr("Organisation:"), self.organisation_edit)
        self.logo_edit = QLineEdit(box)
        self.logo_edit.setObjectName("logo_edit")
        self.logo_edit.setPlaceholderText(tr("An image shown on notices and reports (optional)"))
        self.logo_button = QPushButton(tr("Choose…"), box)
        self.logo_button.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_edit, 1)
        logo_row.addWidget(self.logo_button)
        form.addRow(tr("Logo:"), logo_row)
        form.addRow(QLabel(tr("Default deadline of a rectification case:"), box))
        self.deadline_spins: dict[Severity, QSpinBox] = {}
        for severity in Severity:
            spin = QSpinBox(box)
            spin.setObjectName(f"deadline_{severity.value}")
            spin.setRange(1, MAX_DEADLINE_DAYS)
            spin.setSuffix(tr(" days"))
            spin.setMinimumWidth(110)
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.deadline_spins[severity] = spin
            form.addRow(tr("%1 findings:").replace("%1", enum_label(severity)), spin)
        self.warning_spin = self._warning_spin(box)
        form.addRow(tr("Warn before the due date:"), self.warning_spin)
        self.reply_spin = self._reply_spin(box)
        form.addRow(tr("Reply time on an overdue notice:"), self.reply_spin)
        self.risk_panel = RiskSettingsPanel(box)
        form.addRow(self.risk_panel)
        self.save_team_button = QPushButton(tr("Save team settings"), box)
        self.save_team_button.setObjectName("save_team_button")
        self.save_team_button.clicked.connect(self.save_team_settings)
        self.team_hint = QLabel(
            tr("Only quality managers and administrators change team settings."), box
        )
        self.team_hint.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.save_team_button)
        row.addWidget(self.team_hint)
        row.addStretch(1)
        form.addRow("", row)
        return box

    def _warning_spin(self, parent: QWidget) -> QSpinBox:
        """Days before the due date from which a case is marked "due soon" (0: never)."""
        low, high = team_settings.RANGES[WARNING_DAYS]
        spin = QSpinBox(parent)
        spin.setObjectName("cases_warning_days")
        spin.setRange(int(low), int(high))
        spin.setSuffix(tr(" days"))
        spin.setSpecialValueText(tr("No warning"))
        spin.setMinimumWidth(110)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setToolTip(tr("Active cases due within this many days (the due day included) are "
                           "marked “due soon” on the Cases screen; 0 turns the warning off."))
        return spin

    def _reply_spin(self, parent: QWidget) -> QSpinBox:
        """Days from a notice's issue a merchant gets to reply when the case's date has passed."""
        low, high = team_settings.RANGES[REPLY_DAYS]
        spin = QSpinBox(parent)
        spin.setObjectName("notices_reply_days")
        spin.setRange(int(low), int(high))
        spin.setSuffix(tr(" days"))
        spin.setMinimumWidth(110)
        spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setToolTip(tr("A notice for a case whose date has passed says it is overdue and "
                           "asks for a reply this many days after the notice is issued."))
        return spin

    # -- behaviour -----------------------------------------------------------------------

    def refresh(self) -> None:
        if self.has_changes():
            # Typed but unsaved team settings stay (leaving the screen asks about them).
            self._refresh_people()
            return
        self._refresh_people()
        self._refresh_team()

    def _refresh_people(self) -> None:
        ctx = self.env.ctx
        actor = self.env.actor
        if actor is None:
            self.actor_label.setText(tr("No user chosen."))
        else:
            self.actor_label.setText(
                tr("You are acting as %1 (%2).").replace("%1", actor.display_name).replace("%2", enum_label(actor.role))
            )
        self.user_combo.clear()
        for user in self.env.state.users():
            self.user_combo.addItem(f"{user.display_name} — {enum_label(user.role)}", user.id)
        if actor is not None:
            self.user_combo.setCurrentIndex(max(0, self.user_combo.findData(actor.id)))
        self.new_user_button.setEnabled(self.env.state.has_role(Role.ADMIN))
        # A team server knows who logged in: no switching, passwords are the server's.
        team = self.env.state.is_team
        for widget in (self.user_combo, self.switch_button, self.new_user_button,
                       self.password_button):
            widget.setVisible(not team)
        self.password_button.setEnabled(actor is not None)
        self.data_folder_label.setText(str(ctx.paths.root))
        self.database_label.setText(ctx.db.describe())

    def _refresh_team(self) -> None:
        ctx = self.env.ctx
        values = team_settings.get_all(ctx)
        self.organisation_edit.setText(str(values["organisation_name"]))
        self.logo_edit.setText(str(values["organisation_logo"]))
        for severity, spin in self.deadline_spins.items():
            spin.setValue(int(values[f"deadline_days.{severity.value}"]))
        self.warning_spin.setValue(int(values[WARNING_DAYS]))
        self.reply_spin.setValue(int(values[REPLY_DAYS]))
        self.risk_panel.load(values)
        self._team_pristine = self.team_values()
        may_edit = self.env.state.has_role(*MANAGERS)
        self.risk_panel.set_editable(may_edit)
        editable: tuple[QWidget, ...] = (
            *self.deadline_spins.values(), self.warning_spin, self.reply_spin,
            self.organisation_edit, self.logo_edit, self.logo_button, self.save_team_button,
        )
        for editable_widget in editable:
            editable_widget.setEnabled(may_edit)
        self.team_hint.setVisible(not may_edit)

    def activate(self) -> None:
        self.refresh()
        self.backup_panel.refresh()

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in (changes.USER, changes.ACTOR, changes.SETTINGS, changes.DATABASE):
            self.refresh()
            self.backup_panel._update_buttons()

    @Slot()
    def switch_user(self) -> None:
        user_id = self.user_combo.currentData()
        if user_id is None or (self.env.actor and self.env.actor.id == user_id):
            return
        try:
            actor = user_service.find_user(self.env.ctx, int(user_id))
        except InspectorError as exc:
            show_error(self, exc)
            return
        from inspector_app.ui.user_switch import switch_to

        if switch_to(self, self.env.state, actor):
            self.env.show_status(tr("Now acting as %1").replace("%1", actor.display_name))

    @Slot()
    def set_password(self) -> None:
        from inspector_app.ui.user_switch import set_own_password

        try:
            if set_own_password(self, self.env.state):
                self.env.show_status(tr("Password changed"))
        except InspectorError as exc:
            show_error(self, exc)

    @Slot()
    def new_user(self) -> None:
        NewUserDialog(self.env, self).exec()

    @Slot()
    def choose_logo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the logo"), self.logo_edit.text(), tr("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            self.logo_edit.setText(chosen)

    def team_values(self) -> dict:
        """The team settings as the form holds them."""
        return {
            "organisation_name": self.organisation_edit.text().strip(),
            "organisation_logo": self.logo_edit.text().strip(),
            **{f"deadline_days.{sev.value}": spin.value() for sev, spin in self.deadline_spins.items()},
            WARNING_DAYS: self.warning_spin.value(),
            REPLY_DAYS: self.reply_spin.value(),
            **self.risk_panel.values(),
        }

    def has_changes(self) -> bool:
        """Team settings edited and not saved (only a manager can edit them)."""
        return (self._team_pristine is not None and self.save_team_button.isEnabled()
                and self.team_values() != self._team_pristine)

    def may_leave(self) -> bool:
        """Before another screen or quitting: "Discard changes?" for unsaved team settings;
        discarding shows the saved values again."""
        if not self.has_changes():
            return True
        if not confirm_discard(self):
            return False
        self._team_pristine = None
        self.refresh()
        return True

    @Slot()
    def save_team_settings(self) -> None:
        ctx = self.env.ctx
        values = self.team_values()

        def saved(_result: object) -> None:
            self._team_pristine = self.team_values()
            self.env.show_status(tr("Team settings saved."))

        run_op(self, ctx, lambda: team_settings.put_many(ctx, values), on_success=saved)

    @Slot()
    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.env.ctx.paths.root)))

    @Slot(int)
    def _language_chosen(self, _index: int) -> None:
        code = self.language_combo.currentData()
        self.env.settings.set(LANGUAGE, code)
        self.env.settings.sync()
        self.restart_label.setVisible(code != current_language())
        self.restart_button.setVisible(code != current_language())

    @Slot()
    def restart_now(self) -> None:
        from inspector_app.ui.restart import restart

        if not restart(self.window()):
            self.env.show_status(tr("Inspector was not restarted."))
