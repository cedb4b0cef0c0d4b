"""The verification of a rectified case: result, note, re-purchase; before and after photos."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import InspectorError, ValidationError
from inspector_app.services import browse
from inspector_app.services import cases as case_service
from inspector_app.services.browse import PurchaseFilter
from inspector_app.services.cases import CaseInfo
from inspector_app.ui.confirm import confirm
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.fit import FlowLayout, shrinkable_combo
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)

#: Re-purchases offered in the picker (the merchant's newest).
MAX_PURCHASES = 200


class VerificationTab(QWidget):
    """Records the re-check: passed closes the case, failed sends it back to rectifying."""

    #: The verification was recorded; carries the updated case.
    saved = Signal(object)

    def __init__(self, env, photos: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.case: CaseInfo | None = None
        self.passed_radio = QRadioButton(tr("Passed — close the case"), self)
        self.passed_radio.setObjectName("verification_passed")
        self.failed_radio = QRadioButton(tr("Failed — back to rectifying"), self)
        self.failed_radio.setObjectName("verification_failed")
        self.result_group = QButtonGroup(self)
        self.result_group.addButton(self.passed_radio)
        self.result_group.addButton(self.failed_radio)
        # Neither result is chosen for the user: passing closes the case for good.
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("verification_note_edit")
        self.note_edit.setPlaceholderText(tr("What the re-check found (required when it failed)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(64)
        self.purchase_combo = QComboBox(self)
        self.purchase_combo.setObjectName("repurchase_combo")
        self.purchase_combo.setToolTip(tr("The mystery re-purchase from this merchant that was checked"))
        shrinkable_combo(self.purchase_combo, 16)  # the page stays narrow: docs/architecture.md, "Small screens"
        self.save_button = QPushButton(tr("Record verification"), self)
        self.save_button.setObjectName("save_verification_button")
        self.save_button.clicked.connect(self.save)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("verification_state_label")
        self.state_label.setWordWrap(True)
        self.errors = {
            "result": field_error_label(self), "note": field_error_label(self), "purchase": field_error_label(self),
        }
        self.general_error = field_error_label(self)

        result_row = QWidget(self)
        result_flow = FlowLayout(result_row, spacing=12)  # one under the other when narrow
        self.passed_radio.setParent(result_row)
        self.failed_radio.setParent(result_row)
        result_flow.addWidget(self.passed_radio)
        result_flow.addWidget(self.failed_radio)
        form = QFormLayout()
        form.addRow(tr("Result:"), result_row)
        form.addRow("", self.errors["result"])
        form.addRow(tr("Note:"), self.note_edit)
        form.addRow("", self.errors["note"])
        form.addRow(tr("Re-purchase:"), self.purchase_combo)
        form.addRow("", self.errors["purchase"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        layout.addWidget(photos, 1)
        self.note_edit.textChanged.connect(self.errors["note"].hide)
        self.purchase_combo.currentIndexChanged.connect(lambda _i: self.errors["purchase"].hide())
        self.result_group.buttonClicked.connect(lambda _b: self.errors["result"].hide())

    def show_case(self, case: CaseInfo, can_verify: bool) -> None:
        self.case = case
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        self._fill_purchases(case)
        self._clear_result()
        self.note_edit.setPlainText(case.verification_note)
        if case.verification_result is not None:
            self.state_label.setText(tr("Last result: %1").replace("%1", enum_label(case.verification_result)))
        elif can_verify:
            self.state_label.setText(tr("Re-check the merchant, then record the result."))
        else:
            self.state_label.setText(tr("The case is verified once the merchant reports it rectified."))
        for w in (self.passed_radio, self.failed_radio, self.purchase_combo, self.save_button):
            w.setEnabled(can_verify)
        self.note_edit.setReadOnly(not can_verify)
        self.save_button.setVisible(can_verify)

    def _clear_result(self) -> None:
        self.result_group.setExclusive(False)
        self.passed_radio.setChecked(False)
        self.failed_radio.setChecked(False)
        self.result_group.setExclusive(True)

    def _fill_purchases(self, case: CaseInfo) -> None:
        self.purchase_combo.blockSignals(True)
        self.purchase_combo.clear()
        self.purchase_combo.addItem(tr("None"), None)
        try:
            rows = browse.fetch_purchases(
                self.env.ctx, PurchaseFilter(merchant_id=case.merchant_id),
                sort="ordered_at", desc=True, limit=MAX_PURCHASES,
            )
        except InspectorError as exc:
            logger.info("Cannot list re-purchases: %s", exc)
            rows = []
        for r in rows:
            when = r.ordered_at.astimezone().strftime("%Y-%m-%d") if r.ordered_at else "—"
            self.purchase_combo.addItem(f"{r.order_number or '#' + str(r.id)} · {when} · {r.product}", r.id)
        if case.verification_purchase_id is not None:
            self.purchase_combo.setCurrentIndex(max(0, self.purchase_combo.findData(case.verification_purchase_id)))
        self.purchase_combo.blockSignals(False)

    @Slot()
    def save(self) -> None:
        if self.case is None:
            return
        for label in (*self.errors.values(), self.general_error):
            label.hide()
        passed = self.passed_radio.isChecked()
        if not passed and not self.failed_radio.isChecked():
            self.errors["result"].setText(tr("Choose Passed or Failed."))
            self.errors["result"].show()
            return
        if passed and not confirm(
            self, tr("Verify and close"),
            tr("Close case %1 as passed? A closed case cannot be reopened.").replace("%1", self.case.case_number),
        ):
            return
        case_number, note, purchase_id = (
            self.case.case_number, self.note_edit.toPlainText(), self.purchase_combo.currentData())

        def refused(exc: Exception) -> None:
            field = exc.field if isinstance(exc, ValidationError) else None
            label = self.errors.get(field or "", self.general_error)
            label.setText(str(exc))
            label.show()

        def saved(case) -> None:
            self.env.show_status(
                tr("%1: verification recorded (%2)").replace("%1", case.case_number)
                .replace("%2", enum_label(case.status))
            )
            self.saved.emit(case)

        run_op(self, self.env.ctx, lambda: case_service.record_verification(
            self.env.ctx, case_number, passed, note, purchase_id,
        ), on_success=saved, on_failure=refused)
