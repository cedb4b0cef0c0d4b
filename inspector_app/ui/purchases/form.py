"""The purchase form: pickers with inline create, order facts, private buyer details, notes."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.errors import InspectorError, ValidationError
from inspector_app.domain.money import format_cents, parse_cents
from inspector_app.services import purchases as purchase_service
from inspector_app.services import users as user_service
from inspector_app.services.purchases import PurchaseInfo, PurchaseInput
from inspector_app.ui.confirm import confirm_discard
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.purchases.goods_end import GoodsEndGroup
from inspector_app.ui.purchases.pickers import Choice, merchant_picker, product_picker
from inspector_app.ui.purchases.quick_create import create_merchant_inline, create_product_inline
from inspector_app.ui.purchases.status_field import StatusField
from inspector_app.ui.purchases.widgets import (
    PRIVATE_STYLE,
    FieldErrors,
    OptionalDateTime,
    error_label,
)

logger = logging.getLogger(__name__)

#: Longest order number the platform issues (the service checks the same limit).
ORDER_NUMBER_MAX = 64
#: Quiet time after the last edit before the service checks the form, in ms.
LIVE_CHECK_DELAY_MS = 400
#: Fields whose requirements depend on the status: choosing a status shows what it needs.
STATUS_DEPENDENT = ("order_number", "ordered_at", "received_at", "status")


class PurchaseForm(QDialog):
    """Create a purchase (purchase=None) or edit one; `saved` holds the result after accept."""

    def __init__(self, env, purchase: PurchaseInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.purchase = purchase
        self.saved: PurchaseInfo | None = None
        self.setObjectName("purchase_form")
        self.setWindowTitle(tr("New purchase") if purchase is None else tr("Edit purchase"))
        self.setMinimumWidth(600)
        self.general_error = error_label(self, "general")
        self.errors = FieldErrors(self.general_error)
        #: Fields the user has edited: only their problems show before the first save.
        self._touched: set[str] = set()
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_CHECK_DELAY_MS)
        self._live_timer.timeout.connect(self.check_live)
        self._build()
        self._fill_inspectors()
        if purchase is not None:
            self._load(purchase)
        else:
            self._select_inspector(env.actor.id if env.actor else None)
        self._touched.clear()  # filling the form in is not the user's editing
        self._live_timer.stop()
        self._pristine = self._snapshot()
        self.merchant.setFocus()

    def _snapshot(self) -> tuple:
        """What the form holds, typed-but-unpicked text included (to tell an edited form)."""
        return (self.form_input(), self.merchant.edit.text(), self.product.edit.text())

    def has_changes(self) -> bool:
        return self._snapshot() != self._pristine

    def may_leave(self) -> bool:
        """Ask before throwing typed input away ("Discard changes?"); True: leave the form."""
        return self.saved is not None or not self.has_changes() or confirm_discard(self)

    @Slot()
    def cancel(self) -> None:
        """Esc, the Cancel button: leave the form, asking first when something was typed."""
        if self.may_leave():
            self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Only the user's closing of the window asks (close() from code does not).
        if event.spontaneous() and self.isVisible() and not self.may_leave():
            event.ignore()
            return
        super().closeEvent(event)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.merchant = merchant_picker(
            self.env, self, create=lambda typed: create_merchant_inline(self.env, self, typed)
        )
        self.product = product_picker(
            self.env, self, create=lambda typed: create_product_inline(self.env, self, typed)
        )
        self.status_field = StatusField(self, self._facts)
        self.status, self.status_by_hand = self.status_field.combo, self.status_field.by_hand
        self.order_number = QLineEdit(self)
        self.order_number.setObjectName("order_number_edit")
        self.order_number.setPlaceholderText(tr("The platform's order number"))
        self.ordered_at = OptionalDateTime("ordered_at", tr("Ordered at:"), self)
        self.received_at = OptionalDateTime("received_at", tr("Received at:"), self)
        self.price = QLineEdit(self)
        self.price.setObjectName("price_edit")
        self.price.setPlaceholderText(tr("e.g. 129.90"))
        self.price.setMaximumWidth(180)
        self.inspector = QComboBox(self)
        self.inspector.setObjectName("inspector_combo")
        self.buyer_alias = QLineEdit(self)
        self.buyer_alias.setObjectName("buyer_alias_edit")
        self.buyer_alias.setPlaceholderText(tr("The name the order was placed under"))
        self.address = QPlainTextEdit(self)
        self.address.setObjectName("delivery_address_edit")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(56)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes_edit")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, tr("&Merchant:"), self.merchant, "merchant")
        self._row(form, tr("&Product:"), self.product, "product")
        status_label = QLabel(tr("&Status:"), self)
        status_label.setBuddy(self.status)
        self._row(form, status_label, self.status_field.row, "status")
        self._row(form, tr("&Order number:"), self.order_number, "order_number")
        self._row(form, self.ordered_at.check, self._date_field(self.ordered_at.edit), "ordered_at")
        self._row(form, self.received_at.check, self._date_field(self.received_at.edit), "received_at")
        self._row(form, tr("Price &paid:"), self.price, "price_paid", "price")
        self._row(form, tr("&Inspector:"), self.inspector, "inspector", "inspector_id")
        self._row(form, tr("&Notes:"), self.notes, "notes")
        self.goods = GoodsEndGroup(self)
        self._row(self.goods.form, tr("&Goods:"), self.goods.disposition, "disposition")
        self._row(self.goods.form, tr("&Refund:"), self.goods.refund, "refund")
        self.goods.form.addRow("", self.goods.lightning)
        self._row(self.goods.form, tr("Sample &kept at:"), self.goods.location, "sample_location")

        private = QGroupBox(tr("Private — never shown to merchants"), self)
        private.setObjectName("private_group")
        private.setStyleSheet(f"QGroupBox#private_group {{ {PRIVATE_STYLE} }}")
        private_form = QFormLayout(private)
        self._row(private_form, tr("&Buyer alias:"), self.buyer_alias, "buyer_alias")
        self._row(private_form, tr("&Delivery address:"), self.address, "delivery_address")
        note = QLabel(tr("Kept for the inspection team only: never exported, printed or sent to a merchant."), private)
        note.setWordWrap(True)
        note.setStyleSheet(PRIVATE_STYLE)
        private_form.addRow(note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("form_buttons")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.goods)
        layout.addWidget(private)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        QWidget.setTabOrder(self.merchant.edit, self.product.edit)
        QWidget.setTabOrder(self.product.edit, self.status)
        QWidget.setTabOrder(self.status, self.status_by_hand)
        QWidget.setTabOrder(self.status_by_hand, self.order_number)
        QWidget.setTabOrder(self.order_number, self.ordered_at.check)
        QWidget.setTabOrder(self.ordered_at.check, self.ordered_at.edit)
        QWidget.setTabOrder(self.ordered_at.edit, self.received_at.check)
        QWidget.setTabOrder(self.received_at.check, self.received_at.edit)
        QWidget.setTabOrder(self.received_at.edit, self.price)
        QWidget.setTabOrder(self.price, self.inspector)
        QWidget.setTabOrder(self.inspector, self.notes)
        QWidget.setTabOrder(self.notes, self.goods.disposition)
        QWidget.setTabOrder(self.goods.disposition, self.goods.refund)
        QWidget.setTabOrder(self.goods.refund, self.goods.lightning)
        QWidget.setTabOrder(self.goods.lightning, self.goods.location)
        QWidget.setTabOrder(self.goods.location, self.buyer_alias)
        QWidget.setTabOrder(self.buyer_alias, self.address)

        # Cheap checks as the user types or leaves a field; then, after a pause, the service
        # checks the whole form (validate_purchase) and its problems appear next to the
        # fields the user has touched. The service has the last word at save.
        self.merchant.selection_changed.connect(lambda _id: self._edited("merchant"))
        self.merchant.edit.editingFinished.connect(self._check_merchant)
        self.product.selection_changed.connect(lambda _id: self._edited("product"))
        self.order_number.textEdited.connect(self._check_order_number)
        self.order_number.textEdited.connect(lambda _t: self._edited("order_number", clear=False))
        self.price.textEdited.connect(self._check_price)
        self.price.editingFinished.connect(self._check_price)
        self.price.textEdited.connect(lambda _t: self._edited("price_paid", clear=False))
        self.ordered_at.changed.connect(self.status_field.follow_dates)
        self.received_at.changed.connect(self.status_field.follow_dates)
        self.ordered_at.changed.connect(lambda: self._edited("ordered_at"))
        self.received_at.changed.connect(lambda: self._edited("received_at"))
        self.status.currentIndexChanged.connect(lambda _i: self._edited(*STATUS_DEPENDENT))
        self.status_by_hand.toggled.connect(lambda _on: self._edited(*STATUS_DEPENDENT))
        self.inspector.currentIndexChanged.connect(lambda _i: self._edited("inspector"))
        self.buyer_alias.textEdited.connect(lambda _t: self._edited("buyer_alias"))
        self.goods.edited.connect(lambda name: self._edited(name, clear=False))

    def _date_field(self, edit: QWidget) -> QHBoxLayout:
        # The editor keeps its natural width instead of stretching across the dialog.
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addStretch(1)
        return row

    def _row(self, form: QFormLayout, label, widget, field: str, *aliases: str) -> None:
        err = self.errors.add(field, error_label(self, field), *aliases)
        form.addRow(label, widget)
        form.addRow("", err)

    def _fill_inspectors(self) -> None:
        self.inspector.addItem(tr("(nobody yet)"), None)
        try:
            people = user_service.list_inspectors(self.env.ctx)
        except InspectorError:
            people = []
        for actor in people:
            self.inspector.addItem(f"{actor.display_name} — {enum_label(actor.role)}", actor.id)

    def _select_inspector(self, user_id: int | None) -> None:
        index = self.inspector.findData(user_id)
        if index < 0 and user_id is not None:
            self.inspector.addItem(tr("User %1").replace("%1", str(user_id)), user_id)
            index = self.inspector.count() - 1
        self.inspector.setCurrentIndex(max(index, 0))

    def _facts(self) -> tuple:
        """What the status follows unless set by hand: the dates and the verdict."""
        verdict = self.purchase.verdict if self.purchase is not None else None
        return self.ordered_at.value(), self.received_at.value(), verdict

    def _load(self, p: PurchaseInfo) -> None:
        self.merchant.set_choice(Choice(p.merchant_id, f"{p.merchant_name} ({p.merchant_shop_id})"))
        if p.product_id is not None:
            label = f"{p.product_name} — {p.brand}" if p.brand else p.product_name
            self.product.set_choice(Choice(p.product_id, label))
        self.status_field.load(p.status, p.status_set_by_hand)
        self.order_number.setText(p.order_number)
        self.ordered_at.set_value(p.ordered_at)
        self.received_at.set_value(p.received_at)
        self.price.setText(format_cents(p.price_paid_cents).replace(",", ""))
        self._select_inspector(p.inspector_id)
        self.buyer_alias.setText(p.buyer_alias)
        self.address.setPlainText(p.delivery_address)
        self.notes.setPlainText(p.notes)
        self.goods.load(p.disposition, p.refund_cents, p.lightning_refund, p.sample_location)

    # -- checks while typing ---------------------------------------------------------------

    def _edited(self, *fields: str, clear: bool = True) -> None:
        self._touched.update(fields)
        if clear:
            for name in fields:
                self.errors.clear(name)
        self._live_timer.start()

    @Slot()
    def check_live(self) -> None:
        """Ask the service what saving would meet; show it for the fields already touched."""
        self._live_timer.stop()
        try:
            problems = purchase_service.validate_purchase(
                self.env.ctx, self.form_input(), self.purchase.id if self.purchase else None
            )
        except InspectorError as exc:  # e.g. the purchase was deleted meanwhile
            logger.info("Live check of the purchase form failed: %s", exc)
            return
        first: dict[str, str] = {}
        for problem in problems:
            field = getattr(problem, "field", None)
            if field:
                first.setdefault(field, str(problem))
        for name in self._touched:
            if name == "merchant" and self.merchant.selected_id is None:
                continue  # _check_merchant explains an unpicked merchant better
            self.errors.set(name, first.get(name, ""))

    @Slot()
    def _check_merchant(self) -> None:
        if self.merchant.selected_id is None and not self.merchant.popup_visible():
            if self.merchant.text().strip():
                self.errors.set("merchant", tr("Pick a merchant from the list, or create a new one."))
            else:
                self.errors.set("merchant", tr("Choose the merchant who sold it."))

    @Slot()
    def _check_order_number(self) -> None:
        if len(self.order_number.text().strip()) > ORDER_NUMBER_MAX:
            self.errors.set("order_number", tr("An order number has at most %1 characters.").replace("%1", str(ORDER_NUMBER_MAX)))
        else:
            self.errors.clear("order_number")

    @Slot()
    def _check_price(self) -> None:
        try:
            parse_cents(self.price.text(), "price_paid")
        except ValidationError as exc:
            self.errors.set("price_paid", str(exc))
        else:
            self.errors.clear("price_paid")

    # -- saving ----------------------------------------------------------------------------

    def form_input(self) -> PurchaseInput:
        return PurchaseInput(
            merchant_id=self.merchant.selected_id or 0,
            product_id=self.product.selected_id,
            order_number=self.order_number.text(),
            ordered_at=self.ordered_at.value(),
            received_at=self.received_at.value(),
            price_paid=self.price.text(),
            buyer_alias=self.buyer_alias.text(),
            delivery_address=self.address.toPlainText(),
            inspector_id=self.inspector.currentData(),
            status=self.status_field.status(),
            status_by_hand=self.status_by_hand.isChecked(),
            notes=self.notes.toPlainText(),
            **self.goods.values(),
        )

    @Slot()
    def submit(self) -> None:
        self._live_timer.stop()
        self.errors.clear_all()
        data = self.form_input()
        purchase_id = self.purchase.id if self.purchase is not None else None

        def save() -> PurchaseInfo:
            if purchase_id is None:
                return purchase_service.create_purchase(self.env.ctx, data)
            return purchase_service.update_purchase(self.env.ctx, purchase_id, data)

        def saved(info: PurchaseInfo) -> None:
            self.saved = info
            self.accept()

        run_op(self, self.env.ctx, save, on_success=saved, on_failure=self.errors.show_exception)
