"""The verdict row of the inspection page: pass/fail/clear and the next step, a rectification case."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from inspector_app.domain.enums import Verdict
from inspector_app.services import cases as case_service
from inspector_app.services import purchases as purchase_service
from inspector_app.services.context import MANAGERS, RECORDERS
from inspector_app.services.purchases import PurchaseInfo
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.purchases.widgets import error_label

logger = logging.getLogger(__name__)

#: Badge styles of the verdicts.
VERDICT_STYLES = {
    Verdict.PASS: "background: #e6f4ea; color: #1e6b34; border-radius: 4px; padding: 2px 10px;",
    Verdict.FAIL: "background: #fce8e6; color: #a50e0e; border-radius: 4px; padding: 2px 10px;",
    None: "background: #eef0f3; color: #4b5563; border-radius: 4px; padding: 2px 10px;",
}


class VerdictBar(QWidget):
    """Records the verdict through the service; a refusal shows the service's message inline.

    Emits `case_opened(case_id)` after a case was opened from here.
    """

    case_opened = Signal(int)

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("verdict_bar")
        self.purchase: PurchaseInfo | None = None
        self.finding_ids: list[int] = []
        self.badge = QLabel(self)
        self.badge.setObjectName("verdict_badge")
        font = self.badge.font()
        font.setBold(True)
        self.badge.setFont(font)
        self.pass_button = QPushButton(tr("Pass"), self)
        self.pass_button.setObjectName("pass_button")
        self.pass_button.setToolTip(tr("Nothing wrong: record a pass"))
        self.fail_button = QPushButton(tr("Fail"), self)
        self.fail_button.setObjectName("fail_button")
        self.fail_button.setToolTip(tr("Record a fail (needs at least one finding)"))
        self.clear_button = QPushButton(tr("Clear verdict"), self)
        self.clear_button.setObjectName("clear_verdict_button")
        self.message = error_label(self, "verdict")
        self.case_button = QPushButton(tr("Open rectification case…"), self)
        self.case_button.setObjectName("open_case_button")
        self.case_button.setToolTip(tr("Ask the merchant to rectify these findings"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("Verdict:"), self))
        layout.addWidget(self.badge)
        layout.addSpacing(8)
        layout.addWidget(self.pass_button)
        layout.addWidget(self.fail_button)
        layout.addWidget(self.clear_button)
        layout.addSpacing(8)
        layout.addWidget(self.message, 1)
        layout.addStretch(1)
        layout.addWidget(self.case_button)
        self.pass_button.clicked.connect(lambda: self.record(Verdict.PASS))
        self.fail_button.clicked.connect(lambda: self.record(Verdict.FAIL))
        self.clear_button.clicked.connect(lambda: self.record(None))
        self.case_button.clicked.connect(self.open_case)

    def set_purchase(self, purchase: PurchaseInfo | None, finding_ids: list[int]) -> None:
        self.purchase = purchase
        self.finding_ids = list(finding_ids)
        self.message.hide()
        verdict = purchase.verdict if purchase else None
        self.badge.setText(enum_label(verdict) if verdict else tr("Not inspected yet"))
        self.badge.setStyleSheet(VERDICT_STYLES[verdict])
        live = purchase is not None and not purchase.deleted
        can_record = live and self.env.state.has_role(*RECORDERS)
        self.pass_button.setEnabled(can_record and verdict != Verdict.PASS)
        self.fail_button.setEnabled(can_record and verdict != Verdict.FAIL)
        self.clear_button.setEnabled(can_record and verdict is not None)
        # The next step after a fail: only managers open cases.
        self.case_button.setVisible(
            live and verdict == Verdict.FAIL and bool(self.finding_ids) and self.env.state.has_role(*MANAGERS)
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot()
    def record(self, verdict: Verdict | None) -> None:
        if self.purchase is None:
            return
        purchase_id = self.purchase.id

        def recorded(info) -> None:
            self.set_purchase(info, self.finding_ids)
            label = enum_label(verdict) if verdict else tr("cleared")
            self.env.show_status(
                tr("Verdict of %1: %2").replace("%1", info.order_number or str(info.id)).replace("%2", label))

        run_op(self, self.env.ctx, lambda: purchase_service.set_verdict(self.env.ctx, purchase_id, verdict),
               on_success=recorded, on_failure=self._refused)

    def _refused(self, exc: Exception) -> None:
        logger.info("Refused: %s", exc)
        self.show_message(str(exc))

    @Slot()
    def open_case(self) -> None:
        """Open one rectification case for this purchase's findings and go to it."""
        if self.purchase is None or not self.finding_ids:
            return
        answer = QMessageBox.question(
            self, tr("Open rectification case"),
            tr("Open a rectification case for %1 with %n finding(s) of this purchase?\n\n"
               "The deadline follows the most severe finding; you can change it on the case.",
               None, len(self.finding_ids))
            .replace("%1", self.purchase.merchant_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        finding_ids = list(self.finding_ids)

        def opened(case) -> None:
            self.env.show_status(tr("Opened case %1").replace("%1", case.case_number))
            self.case_opened.emit(case.id)
            self.env.navigate("cases", case.id)

        run_op(self, self.env.ctx, lambda: case_service.open_case(self.env.ctx, finding_ids),
               on_success=opened, on_failure=self._refused)
