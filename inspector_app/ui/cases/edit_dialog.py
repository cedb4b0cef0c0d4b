"""Editing an active case's due date, assignee and summary (quality managers)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases as case_service
from inspector_app.services.cases import CaseInfo
from inspector_app.ui.confirm import DiscardGuard
from inspector_app.ui.dates import from_qdate, to_qdate
from inspector_app.ui.findings.open_case_dialog import assignee_combo
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.i18n import tr
from inspector_app.ui.keys import confirm_on_ctrl_return
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


class EditCaseDialog(DiscardGuard, QDialog):
    """Changes are written by services.cases.update_case, which records them in the history."""

    def __init__(self, env, case: CaseInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case = case
        self.updated: CaseInfo | None = None
        self.setObjectName("edit_case_dialog")
        self.setWindowTitle(tr("Edit case %1").replace("%1", case.case_number))
        self.setMinimumWidth(460)
        self.due_edit = QDateEdit(self)
        self.due_edit.setObjectName("due_edit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("yyyy-MM-dd")
        self.due_edit.setDate(to_qdate(case.due_date or clock.today()))
        self.assignee_combo = assignee_combo(env, self)
        self.assignee_combo.setCurrentIndex(max(0, self.assignee_combo.findData(case.assignee_id)))
        self.summary_edit = QPlainTextEdit(case.summary, self)
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(90)
        self.errors = {
            "due_date": field_error_label(self),
            "assignee": field_error_label(self),
            "summary": field_error_label(self),
        }
        self.general_error = field_error_label(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.submit)
        confirm_on_ctrl_return(self.summary_edit, self.submit)  # Return: a new line
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Due date:"), self.due_edit)
        form.addRow("", self.errors["due_date"])
        form.addRow(tr("Assignee:"), self.assignee_combo)
        form.addRow("", self.errors["assignee"])
        form.addRow(tr("Summary:"), self.summary_edit)
        form.addRow("", self.errors["summary"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self._pristine = self._values()

    def _values(self) -> tuple:
        return (self.due_edit.date(), self.assignee_combo.currentData(),
                self.summary_edit.toPlainText())

    def has_unsaved(self) -> bool:
        """Edited and not saved: Esc, Cancel and closing ask first (DiscardGuard)."""
        return self.updated is None and self._values() != self._pristine

    @Slot()
    def submit(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        case_number, due = self.case.case_number, from_qdate(self.due_edit.date())
        assignee, summary = self.assignee_combo.currentData(), self.summary_edit.toPlainText()
        version = self.case.version  # a save over someone else's newer one is refused

        def refused(exc: Exception) -> None:
            field = exc.field if isinstance(exc, ValidationError) else None
            label = self.errors.get(field or "", self.general_error)
            label.setText(str(exc))
            label.show()

        def saved(updated) -> None:
            self.updated = updated
            self.accept()

        run_op(self, self.env.ctx, lambda: case_service.update_case(
            self.env.ctx, case_number, due_date=due, assignee_id=assignee, summary=summary, version=version,
        ), on_success=saved, on_failure=refused)
