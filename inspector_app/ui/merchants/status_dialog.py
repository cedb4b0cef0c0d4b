"""Asks for the reason of a merchant status change (watch, suspend, eliminate, reinstate)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import MerchantStatus
from inspector_app.domain.errors import ValidationError
from inspector_app.services import merchants
from inspector_app.services.context import Context
from inspector_app.ui.confirm import DiscardGuard
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.keys import confirm_on_ctrl_return
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


class StatusChangeDialog(DiscardGuard, QDialog):
    """Status change with a required reason; the service checks the role and the rule."""

    def __init__(self, ctx: Context, merchant: merchants.MerchantInfo, target: MerchantStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_change_dialog")
        self.ctx, self.merchant, self.target = ctx, merchant, target
        self.result_info: merchants.MerchantInfo | None = None
        self.setWindowTitle(tr("Change merchant status"))
        intro = QLabel(tr("%1: %2 → %3").replace("%1", merchant.name)
                       .replace("%2", enum_label(merchant.status)).replace("%3", enum_label(target)), self)
        intro.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("reason_edit")
        self.reason_edit.setPlaceholderText(tr("Why? (required; kept in the merchant's history)"))
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("reason_error")
        self.error_label.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        confirm_on_ctrl_return(self.reason_edit, self._save)  # Return: a new line
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        label = QLabel(tr("Reason"), self)
        label.setBuddy(self.reason_edit)
        layout.addWidget(label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(440, 240)

    def has_unsaved(self) -> bool:
        """A reason typed and not saved (DiscardGuard asks before it is thrown away)."""
        return self.result_info is None and bool(self.reason_edit.toPlainText().strip())

    def _save(self) -> None:
        merchant_id, reason = self.merchant.id, self.reason_edit.toPlainText()

        def refused(exc: Exception) -> None:
            if isinstance(exc, ValidationError):
                self.error_label.setText(str(exc))
            else:
                show_error(self, exc)

        def saved(info: merchants.MerchantInfo) -> None:
            self.result_info = info
            self.accept()

        run_op(self, self.ctx, lambda: merchants.set_status(self.ctx, merchant_id, self.target, reason),
               on_success=saved, on_failure=refused)
