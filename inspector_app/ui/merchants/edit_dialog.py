"""Edit a merchant's or a product's facts; a save over someone else's newer change is
refused by the service (services/versions.py) and said here, the typed values kept."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import InspectorError
from inspector_app.domain.money import format_cents
from inspector_app.services import catalog, merchants
from inspector_app.services.context import Context
from inspector_app.ui.confirm import DiscardGuard
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


class _EditDialog(DiscardGuard, QDialog):
    """A form of line edits (name first, focused), an error line, OK and Cancel."""

    def __init__(self, fields: list[tuple[str, str, str]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.saved = False
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, value in fields:
            edit = QLineEdit(value, self)
            edit.setObjectName(f"{key}_edit")
            self.edits[key] = edit
            form.addRow(label, edit)
        self._pristine = self.values()
        self.error_label = QLabel("", self)
        self.error_label.setObjectName("edit_error")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        first = next(iter(self.edits.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        first.selectAll()

    def values(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.edits.items()}

    def has_unsaved(self) -> bool:
        return not self.saved and self.values() != self._pristine

    def _save(self) -> None:
        values = self.values()

        def refused(exc: InspectorError) -> None:
            # Validation, a taken shop id, or a stale edit ("changed by NAME at TIME").
            self.error_label.setText(str(exc))
            field = getattr(exc, "field", None)
            if field in self.edits:
                self.edits[field].setFocus()

        def saved(_info: object) -> None:
            self.saved = True
            self.accept()

        run_op(self, self.ctx, lambda: self.write(values), on_success=saved, on_failure=refused)

    ctx: Context

    def write(self, values: dict[str, str]) -> object:
        """Save through the services (run by the operation runner, ui/ops.py)."""
        raise NotImplementedError


class MerchantEditDialog(_EditDialog):
    def __init__(self, ctx: Context, info: merchants.MerchantInfo,
                 parent: QWidget | None = None) -> None:
        self.ctx, self.info = ctx, info
        self.result_info: merchants.MerchantInfo | None = None
        super().__init__([
            ("name", tr("Shop name:"), info.name),
            ("shop_id", tr("Shop ID:"), info.shop_id),
            ("category", tr("Category:"), info.category),
            ("contact", tr("Contact:"), info.contact),
        ], parent)
        self.setObjectName("merchant_edit_dialog")
        self.setWindowTitle(tr("Edit merchant"))

    def write(self, values: dict[str, str]) -> object:
        self.result_info = merchants.update_merchant(
            self.ctx, self.info.id, expected_version=self.info.version, name=values["name"],
            shop_id=values["shop_id"], category=values["category"], contact=values["contact"])
        return self.result_info


class ProductEditDialog(_EditDialog):
    def __init__(self, ctx: Context, info: catalog.ProductInfo,
                 parent: QWidget | None = None) -> None:
        self.ctx, self.info = ctx, info
        self.result_info: catalog.ProductInfo | None = None
        price = "" if info.list_price_cents is None else format_cents(info.list_price_cents)
        super().__init__([
            ("name", tr("Product name:"), info.name),
            ("brand", tr("Brand:"), info.brand),
            ("category", tr("Category:"), info.category),
            ("listing_id", tr("Listing ID:"), info.listing_id or ""),
            ("list_price", tr("List price:"), price),
        ], parent)
        self.setObjectName("product_edit_dialog")
        self.setWindowTitle(tr("Edit product"))

    def write(self, values: dict[str, str]) -> object:
        self.result_info = catalog.update_product(
            self.ctx, self.info.id, expected_version=self.info.version,
            name=values["name"], brand=values["brand"], category=values["category"],
            listing_id=values["listing_id"], list_price=values["list_price"] or None)
        return self.result_info
