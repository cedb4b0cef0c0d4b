"""The dialog that opens a rectification case for selected findings: due date, assignee, summary."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import Role, Severity
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases as case_service
from inspector_app.services import team_settings
from inspector_app.services import users as user_service
from inspector_app.services.browse import FindingRow
from inspector_app.services.cases import CaseInfo
from inspector_app.ui.contrast import muted_style
from inspector_app.ui.dates import from_qdate, to_qdate
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.keys import confirm_on_ctrl_return
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)

# Worst first: the case deadline follows the worst severity among its findings.
_WORST_FIRST = [Severity.CRITICAL, Severity.MAJOR, Severity.MINOR]


def worst_severity(rows: list[FindingRow]) -> Severity:
    return min((Severity(r.severity) for r in rows), key=_WORST_FIRST.index)


def assignee_combo(env, parent: QWidget) -> QComboBox:
    """The users a case can be assigned to, "Nobody yet" first (data: user id or None)."""
    combo = QComboBox(parent)
    combo.setObjectName("assignee_combo")
    combo.addItem(tr("Nobody yet"), None)
    for actor in user_service.list_users(env.ctx):
        combo.addItem(f"{actor.display_name} — {enum_label(actor.role)}", actor.id)
    return combo


class OpenCaseDialog(QDialog):
    """Asks for the case's due date (defaulted from the team's deadlines), assignee and summary.

    The service decides whether the findings may form one case (one merchant, none already
    in an active case); its refusal is shown in the dialog, next to what it concerns.
    """

    def __init__(self, env, rows: list[FindingRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.rows = rows
        self.case: CaseInfo | None = None
        self.setObjectName("open_case_dialog")
        self.setWindowTitle(tr("Open rectification case"))
        self.setMinimumWidth(480)

        merchants = {(r.merchant, r.merchant_shop_id) for r in rows}
        if len(merchants) == 1:
            name, shop = next(iter(merchants))
            what = tr("%n finding(s) of %1 (%2)", None, len(rows)).replace("%1", name).replace("%2", shop)
        else:
            what = tr("%n finding(s) of %1 merchants", None, len(rows)).replace("%1", str(len(merchants)))
        self.what_label = QLabel(what, self)
        self.what_label.setObjectName("what_label")
        self.what_label.setWordWrap(True)
        font = self.what_label.font()
        font.setBold(True)
        self.what_label.setFont(font)
        titles = "\n".join(f"• {r.title}" for r in rows[:8])
        if len(rows) > 8:
            titles += "\n" + tr("… and %n more", None, len(rows) - 8)
        self.titles_label = QLabel(titles, self)
        self.titles_label.setWordWrap(True)
        self.findings_error = field_error_label(self)
        self.findings_error.setObjectName("findings_error")

        worst = worst_severity(rows)
        days = team_settings.deadline_days(env.ctx, worst)
        self.due_edit = QDateEdit(self)
        self.due_edit.setObjectName("due_edit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(to_qdate(clock.today() + timedelta(days=days)))
        self.due_hint = QLabel(
            tr("Team deadline for %1 findings: %n day(s)", None, days).replace("%1", enum_label(worst).lower()),
            self,
        )
        self.due_hint.setObjectName("due_hint")
        self.due_hint.setStyleSheet(muted_style(self))
        self.due_error = field_error_label(self)

        self.assignee_combo = assignee_combo(env, self)
        if env.actor is not None and env.state.has_role(Role.QUALITY_MANAGER, Role.ADMIN):
            self.assignee_combo.setCurrentIndex(max(0, self.assignee_combo.findData(env.actor.id)))
        self.assignee_error = field_error_label(self)

        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setPlaceholderText(tr("What the merchant must put right"))
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(90)
        self.summary_error = field_error_label(self)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # "action": the findings table's "Open case" column names the case a finding is in.
        self.open_button = QPushButton(tr("Open case", "action"), self)
        self.open_button.setObjectName("open_case_button")
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.submit)
        confirm_on_ctrl_return(self.summary_edit, self.submit)  # Return: a new line
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(tr("Due date:"), self.due_edit)
        form.addRow("", self.due_hint)
        form.addRow("", self.due_error)
        form.addRow(tr("Assignee:"), self.assignee_combo)
        form.addRow("", self.assignee_error)
        form.addRow(tr("Summary:"), self.summary_edit)
        form.addRow("", self.summary_error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what_label)
        layout.addWidget(self.titles_label)
        layout.addWidget(self.findings_error)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._errors = {
            "findings": self.findings_error,
            "due_date": self.due_error,
            "assignee": self.assignee_error,
            "summary": self.summary_error,
        }
        self.due_edit.dateChanged.connect(lambda _d: self.due_error.hide())
        self.summary_edit.textChanged.connect(self.summary_error.hide)
        self.assignee_combo.currentIndexChanged.connect(lambda _i: self.assignee_error.hide())
        self.summary_edit.setFocus()

    @Slot()
    def submit(self) -> None:
        for label in self._errors.values():
            label.hide()
        ids = [r.id for r in self.rows]
        due, assignee = from_qdate(self.due_edit.date()), self.assignee_combo.currentData()
        summary = self.summary_edit.toPlainText()

        def refused(exc: Exception) -> None:
            field = exc.field if isinstance(exc, ValidationError) else None
            label = self._errors.get(field or "", self.findings_error)
            label.setText(str(exc))
            label.show()

        def opened(case) -> None:
            self.case = case
            logger.info("Opened case %s for findings %s", case.case_number, ids)
            self.accept()

        run_op(self, self.env.ctx, lambda: case_service.open_case(
            self.env.ctx, ids, due_date=due, assignee_id=assignee, summary=summary,
        ), on_success=opened, on_failure=refused)
