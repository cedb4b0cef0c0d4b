"""The merchant's response: text, root cause, corrective and preventive action, date; evidence photos."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.errors import ValidationError
from inspector_app.services import cases as case_service
from inspector_app.services.cases import CaseInfo, ResponseInput
from inspector_app.ui.contrast import muted_style
from inspector_app.ui.dates import from_qdate, to_qdate
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


def _text_box(parent: QWidget, name: str, placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


class ResponseTab(QWidget):
    """Edits the response while the case is active (merchant managers and managers)."""

    #: The response was recorded; carries the updated case.
    saved = Signal(object)

    def __init__(self, env, photo_slot: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case: CaseInfo | None = None
        self.response_edit = _text_box(self, "response_edit", tr("What the merchant answered"), 80)
        self.root_cause_edit = _text_box(self, "root_cause_edit", tr("Why the defect happened"), 56)
        self.corrective_edit = _text_box(self, "corrective_edit", tr("What was done about these products"), 56)
        self.preventive_edit = _text_box(self, "preventive_edit", tr("What keeps it from happening again"), 56)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("response_date_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(to_qdate(clock.today()))
        self.save_button = QPushButton(tr("Save response"), self)
        self.save_button.setObjectName("save_response_button")
        self.save_button.clicked.connect(self.save)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("response_state_label")
        self.state_label.setStyleSheet(muted_style(self))
        self.state_label.setWordWrap(True)

        self.errors = {
            "response_text": field_error_label(self),
            "root_cause": field_error_label(self),
            "corrective_action": field_error_label(self),
            "preventive_action": field_error_label(self),
            "response_date": field_error_label(self),
        }
        self.general_error = field_error_label(self)
        form = QFormLayout()
        for caption, widget, key in (
            (tr("Response:"), self.response_edit, "response_text"),
            (tr("Root cause:"), self.root_cause_edit, "root_cause"),
            (tr("Corrective action:"), self.corrective_edit, "corrective_action"),
            (tr("Preventive action:"), self.preventive_edit, "preventive_action"),
            (tr("Response date:"), self.date_edit, "response_date"),
        ):
            form.addRow(caption, widget)
            form.addRow("", self.errors[key])
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.save_button)
        group = QGroupBox(tr("Rectification evidence from the merchant"), self)
        group_layout = QVBoxLayout(group)
        group_layout.addWidget(photo_slot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addWidget(group, 1)
        self._edits = (self.response_edit, self.root_cause_edit, self.corrective_edit, self.preventive_edit)
        for key, edit in zip(("response_text", "root_cause", "corrective_action", "preventive_action"),
                             self._edits, strict=True):
            edit.textChanged.connect(self.errors[key].hide)

    def show_case(self, case: CaseInfo, editable: bool) -> None:
        self.case = case
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        self.response_edit.setPlainText(case.response_text)
        self.root_cause_edit.setPlainText(case.root_cause)
        self.corrective_edit.setPlainText(case.corrective_action)
        self.preventive_edit.setPlainText(case.preventive_action)
        self.date_edit.setDate(to_qdate(case.response_date or clock.today()))
        for edit in self._edits:
            edit.setReadOnly(not editable)
        self.date_edit.setEnabled(editable)
        self.save_button.setEnabled(editable)
        self.save_button.setVisible(editable)
        if case.is_final:
            self.state_label.setText(tr("The case is finished; its response can no longer change."))
        elif not editable:
            self.state_label.setText(tr("Only merchant managers and quality managers record responses."))
        elif case.response_date:
            self.state_label.setText(tr("Response of %1").replace("%1", case.response_date.isoformat()))
        else:
            self.state_label.setText(tr("No response recorded yet."))

    def focus_response(self) -> None:
        self.response_edit.setFocus()

    def response_input(self) -> ResponseInput:
        return ResponseInput(
            response_text=self.response_edit.toPlainText(),
            root_cause=self.root_cause_edit.toPlainText(),
            corrective_action=self.corrective_edit.toPlainText(),
            preventive_action=self.preventive_edit.toPlainText(),
            response_date=from_qdate(self.date_edit.date()),
            version=self.case.version if self.case is not None else None,
        )

    @Slot()
    def save(self) -> None:
        if self.case is None:
            return
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        case_number, data = self.case.case_number, self.response_input()

        def refused(exc: Exception) -> None:
            field = exc.field if isinstance(exc, ValidationError) else None
            label = self.errors.get(field or "", self.general_error)
            label.setText(str(exc))
            label.show()

        def saved(result) -> None:
            case, changed = result
            if changed:
                self.env.show_status(tr("Response saved for %1").replace("%1", case.case_number))
            else:
                self.env.show_status(tr("The response was already recorded"))
            self.saved.emit(case)

        run_op(self, self.env.ctx, lambda: case_service.record_response(self.env.ctx, case_number, data),
               on_success=saved, on_failure=refused)
