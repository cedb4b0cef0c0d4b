"""Small dialogs that create a merchant or a product inline, from a picker's "create new …"."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from inspector_app.domain.errors import InspectorError
from inspector_app.services import catalog, merchants
from inspector_app.ui.confirm import DiscardGuard
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.purchases.pickers import Choice, merchant_choice, product_choice
from inspector_app.ui.purchases.widgets import FieldErrors, error_label

logger = logging.getLogger(__name__)


class _QuickDialog(DiscardGuard, QDialog):
    """A form of line edits, each with its error label, and OK/Cancel."""

    env: Any  # the screens' ScreenEnv, set by each dialog

    def __init__(self, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout(self)
        self.general_error = error_label(self, "general")
        self.errors = FieldErrors(self.general_error)
        self.result_choice: Choice | None = None
        self.fields: list[QLineEdit] = []
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        #: The fields' texts as the dialog opened (filled in from what was typed before).
        self._pristine: list[str] | None = None

    def add_field(self, label: str, field: str, *aliases: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"{field}_edit")
        edit.setPlaceholderText(placeholder)
        err = self.errors.add(field, error_label(self, field), *aliases)
        self.form.addRow(label, edit)
        self.form.addRow("", err)
        edit.textEdited.connect(lambda _t, f=field: self.errors.clear(f))
        self.fields.append(edit)
        return edit

    def first_empty_field(self) -> QLineEdit | None:
        return next((edit for edit in self.fields if not edit.text().strip()), None)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        """Typing goes into the first empty field, never onto OK (nothing typed is lost)."""
        super().showEvent(event)
        if self._pristine is None:
            self._pristine = self._texts()
        target = self.first_empty_field() or (self.fields[0] if self.fields else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _texts(self) -> list[str]:
        return [edit.text() for edit in self.fields]

    def has_unsaved(self) -> bool:
        """Typed into since it opened (DiscardGuard asks before that is thrown away)."""
        return (self.result_choice is None and self._pristine is not None
                and self._texts() != self._pristine)

    def finish_layout(self) -> None:
        self.form.addRow(self.general_error)
        self.form.addRow(self.buttons)

    @Slot()
    def submit(self) -> None:
        self.errors.clear_all()

        def created(choice: Choice) -> None:
            self.result_choice = choice
            self.accept()

        run_op(self, self.env.ctx, self.create_choice, on_success=created,
               on_failure=self.errors.show_exception)

    def create_choice(self) -> Choice:
        raise NotImplementedError


class NewMerchantDialog(_QuickDialog):
    """Shop id, name, category and contact of a merchant not yet in the database."""

    def __init__(self, env, typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(tr("New merchant"), "new_merchant_dialog", parent)
        self.env = env
        intro = QLabel(tr("The merchant as the platform shows it. The shop id must be unique."), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.shop_id = self.add_field(tr("Shop id:"), "shop_id", placeholder=tr("e.g. 10023456"))
        self.name = self.add_field(tr("Shop name:"), "name")
        self.category = self.add_field(tr("Category:"), "category")
        self.contact = self.add_field(tr("Contact:"), "contact")
        self.key_merchant = QCheckBox(tr("Key merchant"), self)
        self.key_merchant.setObjectName("key_merchant_check")
        self.form.addRow("", self.key_merchant)
        self.finish_layout()
        # What the user typed in the picker is a name unless it looks like a shop id.
        typed = typed.strip()
        (self.shop_id if typed.isdigit() else self.name).setText(typed)

    def create_choice(self) -> Choice:
        info = merchants.create_merchant(
            self.env.ctx, self.shop_id.text(), self.name.text(), category=self.category.text(),
            contact=self.contact.text(), key_merchant=self.key_merchant.isChecked(),
        )
        return merchant_choice(info)


class NewProductDialog(_QuickDialog):
    """Name, brand, category, listing id and list price of a product (style)."""

    def __init__(self, env, typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(tr("New product"), "new_product_dialog", parent)
        self.env = env
        self.name = self.add_field(tr("Product name:"), "name")
        self.brand = self.add_field(tr("Brand:"), "brand", placeholder=tr("A new brand is added when needed"))
        try:
            brands = catalog.list_brands(env.ctx)
        except InspectorError:
            brands = []
        completer = QCompleter(brands, self.brand)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.brand.setCompleter(completer)
        self.category = self.add_field(tr("Category:"), "category")
        self.listing_id = self.add_field(tr("Listing id:"), "listing_id")
        self.list_price = self.add_field(tr("List price:"), "list_price", placeholder=tr("e.g. 129.90"))
        self.finish_layout()
        self.name.setText(typed.strip())

    def create_choice(self) -> Choice:
        info = catalog.create_product(
            self.env.ctx, self.name.text(), brand=self.brand.text(), category=self.category.text(),
            listing_id=self.listing_id.text() or None, list_price=self.list_price.text() or None,
        )
        return product_choice(info)


def _run(dialog: _QuickDialog) -> Choice | None:
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return dialog.result_choice if accepted else None


def create_merchant_inline(env, parent: QWidget, typed: str) -> Choice | None:
    return _run(NewMerchantDialog(env, typed, parent))


def create_product_inline(env, parent: QWidget, typed: str) -> Choice | None:
    return _run(NewProductDialog(env, typed, parent))
