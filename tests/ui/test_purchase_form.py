"""The purchase form: type-ahead pickers, inline create, dates, price, field errors, save and edit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.services import browse, catalog, merchants
from inspector_app.services import purchases as purchase_service
from inspector_app.ui.purchases.form import PurchaseForm
from inspector_app.ui.purchases.quick_create import NewMerchantDialog, NewProductDialog
from tests.ui.purchase_helpers import POPUP_LOG_IGNORE, click, drive_modal, pick_from_popup


@pytest.fixture
def catalogue(state):
    ctx = state.ctx
    merchants.create_merchant(ctx, "1001", "Acme Shoes")
    merchants.create_merchant(ctx, "1002", "Acme Sports")
    return catalog.create_product(ctx, "Trail runner", brand="Stride")


@pytest.fixture
def form(qtbot, env, catalogue):
    f = PurchaseForm(env)
    qtbot.addWidget(f)
    f.show()
    qtbot.waitExposed(f)
    return f


def _local(days_ago: float) -> QDateTime:
    moment = (clock.local_now().replace(tzinfo=None) - timedelta(days=days_ago)).replace(second=0, microsecond=0)
    return QDateTime(moment)


@POPUP_LOG_IGNORE
def test_create_a_purchase_with_a_new_merchant_and_an_existing_product(qtbot, form, state, catalogue):
    # The merchant: type, see the matches from SQL, choose "create new …" and fill its dialog.
    qtbot.keyClicks(form.merchant.edit, "Acme Outdoor")
    qtbot.waitUntil(form.merchant.popup_visible, timeout=3000)
    assert form.merchant.choice_labels() == ["Create new merchant “Acme Outdoor”…"]

    def fill_merchant(dialog: NewMerchantDialog) -> None:
        assert dialog.name.text() == "Acme Outdoor"
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))  # shop id missing
        assert dialog.errors.label("shop_id").isVisible()
        assert "Shop id is required" in dialog.errors.label("shop_id").text()
        qtbot.keyClicks(dialog.shop_id, "1003")
        assert not dialog.errors.label("shop_id").isVisible()
        qtbot.keyClicks(dialog.category, "Sports")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    driven = drive_modal(qtbot, NewMerchantDialog, fill_merchant)
    pick_from_popup(qtbot, form.merchant, "Create new merchant")
    assert driven, "the new-merchant dialog did not open"
    created = merchants.find_by_shop_id(state.ctx, "1003")
    assert created.name == "Acme Outdoor" and created.category == "Sports"
    assert form.merchant.selected_id == created.id
    assert form.merchant.text() == "Acme Outdoor (1003)"

    # The product: type part of the brand, pick the existing one.
    qtbot.keyClicks(form.product.edit, "strid")
    pick_from_popup(qtbot, form.product, "Trail runner")
    assert form.product.selected_id == catalogue.id

    form.status.setCurrentIndex(form.status.findData("received"))
    qtbot.keyClicks(form.order_number, "ORD-778899")
    click(qtbot, form.ordered_at.check)
    form.ordered_at.edit.setDateTime(_local(3))
    click(qtbot, form.received_at.check)
    form.received_at.edit.setDateTime(_local(1))

    # Price: a bad amount shows its message at once; a good one clears it.
    qtbot.keyClicks(form.price, "12,9x")
    assert form.errors.label("price_paid").isVisible()
    assert "is not an amount of money" in form.errors.label("price_paid").text()
    form.price.clear()
    qtbot.keyClicks(form.price, "¥1,299.50")
    assert not form.errors.label("price_paid").isVisible()

    qtbot.keyClicks(form.buyer_alias, "sunny388")
    qtbot.keyClicks(form.address, "No. 8 Lake Road, Nanjing")
    qtbot.keyClicks(form.notes, "Bought at the spring sale")
    click(qtbot, form.save_button)

    assert form.result() == QDialog.DialogCode.Accepted
    saved = purchase_service.get_purchase(state.ctx, form.saved.id)
    assert saved.merchant_id == created.id and saved.product_id == catalogue.id
    assert saved.order_number == "ORD-778899"
    assert saved.price_paid_cents == 129950
    assert saved.status == PurchaseStatus.RECEIVED
    assert saved.buyer_alias == "sunny388" and saved.delivery_address == "No. 8 Lake Road, Nanjing"
    assert saved.inspector_id == state.actor.id
    # Local input came back as the same instant (stored in UTC, aware).
    assert saved.ordered_at.tzinfo is not None
    assert saved.ordered_at == _local(3).toPython().astimezone()
    assert saved.received_at == _local(1).toPython().astimezone()


@POPUP_LOG_IGNORE
def test_field_errors_for_a_missing_order_number_and_merchant(qtbot, form, catalogue):
    click(qtbot, form.save_button)
    assert form.errors.messages() == {"merchant": "Choose the merchant who sold it"}
    assert form.result() != QDialog.DialogCode.Accepted

    # Typing without picking, then leaving the field: told to pick at once.
    qtbot.keyClicks(form.merchant.edit, "Nobody")
    form.merchant.completer.popup().hide()
    form.merchant.edit.editingFinished.emit()
    assert "Pick a merchant from the list" in form.errors.label("merchant").text()

    # Typing a shop id (or name) in full and leaving the field picks that merchant.
    form.merchant.edit.clear()
    qtbot.keyClicks(form.merchant.edit, "1001")
    form.merchant.edit.editingFinished.emit()
    assert form.merchant.text() == "Acme Shoes (1001)"
    assert form.merchant.selected_id is not None
    assert not form.errors.label("merchant").isVisible()

    form.status.setCurrentIndex(form.status.findData("ordered"))
    click(qtbot, form.save_button)
    assert form.errors.messages() == {
        "order_number": "An ordered purchase needs the platform order number",
        "ordered_at": "When was it ordered?",
    }
    assert form.errors.label("order_number").isVisible()

    qtbot.keyClicks(form.order_number, "ORD-1")
    click(qtbot, form.save_button)
    assert form.errors.messages() == {"ordered_at": "When was it ordered?"}
    click(qtbot, form.ordered_at.check)
    assert not form.errors.label("ordered_at").isVisible()
    form.ordered_at.edit.setDateTime(_local(-2))  # in the future
    click(qtbot, form.save_button)
    assert form.errors.messages() == {"ordered_at": "The order time is in the future"}
    form.ordered_at.edit.setDateTime(_local(2))
    qtbot.keyClicks(form.price, "-5")
    click(qtbot, form.save_button)
    assert form.errors.messages() == {"price_paid": "An amount of money cannot be negative"}
    form.price.clear()
    click(qtbot, form.save_button)
    assert form.result() == QDialog.DialogCode.Accepted


def test_a_taken_order_number_is_reported_in_the_form(qtbot, env, state, catalogue):
    first = PurchaseForm(env)
    qtbot.addWidget(first)
    shop = merchants.find_by_shop_id(state.ctx, "1001")
    from inspector_app.ui.purchases.pickers import merchant_choice

    first.merchant.set_choice(merchant_choice(shop))
    first.order_number.setText("ORD-9")
    first.submit()
    assert first.saved is not None
    second = PurchaseForm(env)
    qtbot.addWidget(second)
    second.show()
    second.merchant.set_choice(merchant_choice(shop))
    qtbot.keyClicks(second.order_number, "ORD-9")
    click(qtbot, second.save_button)
    assert second.saved is None
    assert second.errors.messages() == {"order_number": "Order number ORD-9 is already recorded"}


@POPUP_LOG_IGNORE
def test_create_a_product_inline(qtbot, form, state):
    qtbot.keyClicks(form.product.edit, "Rain jacket")

    def fill(dialog: NewProductDialog) -> None:
        assert dialog.name.text() == "Rain jacket"
        qtbot.keyClicks(dialog.brand, "Stride")
        qtbot.keyClicks(dialog.list_price, "abc")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        assert "'abc' is not an amount of money" in dialog.errors.label("list_price").text()
        dialog.list_price.clear()
        qtbot.keyClicks(dialog.list_price, "399")
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    driven = drive_modal(qtbot, NewProductDialog, fill)
    pick_from_popup(qtbot, form.product, "Create new product")
    assert driven
    found = catalog.search_products(state.ctx, "Rain jacket")
    assert [(p.name, p.brand, p.list_price_cents) for p in found] == [("Rain jacket", "Stride", 39900)]
    assert form.product.selected_id == found[0].id


@POPUP_LOG_IGNORE
def test_cancelling_the_inline_create_keeps_the_typed_text(qtbot, form):
    qtbot.keyClicks(form.merchant.edit, "Zeta")
    drive_modal(qtbot, NewMerchantDialog, lambda d: d.reject())
    pick_from_popup(qtbot, form.merchant, "Create new merchant")
    assert form.merchant.text() == "Zeta" and form.merchant.selected_id is None


def test_editing_keeps_every_field(qtbot, env, state, users):
    from tests.ui.purchase_helpers import make_sample

    sample = make_sample(state.ctx, inspector_id=users[Role.INSPECTOR].id)
    pid = sample.purchases["B-200"]
    before = purchase_service.get_purchase(state.ctx, pid)
    form = PurchaseForm(env, before)
    qtbot.addWidget(form)
    form.show()
    assert form.merchant.text() == "Bright Kitchen (2002)"
    assert form.product.text() == "Chef knife — Edge"
    assert form.inspector.currentData() == users[Role.INSPECTOR].id
    form.notes.setPlainText("Re-checked")
    click(qtbot, form.save_button)
    after = purchase_service.get_purchase(state.ctx, pid)
    assert after.notes == "Re-checked"
    same = ("merchant_id", "product_id", "order_number", "ordered_at", "received_at", "price_paid_cents",
            "buyer_alias", "delivery_address", "inspector_id", "status", "verdict")
    assert {k: getattr(after, k) for k in same} == {k: getattr(before, k) for k in same}


def test_ctrl_n_in_the_main_window_opens_the_form_and_a_saved_purchase_opens(qtbot, window, state, catalogue):
    from inspector_app.ui.purchases.pickers import merchant_choice

    shop = merchants.find_by_shop_id(state.ctx, "1002")

    def fill(f: PurchaseForm) -> None:
        f.merchant.set_choice(merchant_choice(shop))
        qtbot.keyClicks(f.order_number, "CTRL-N-1")
        click(qtbot, f.save_button)

    driven = drive_modal(qtbot, PurchaseForm, fill)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert driven
    screen = window.current_screen()
    assert window.current_screen_name() == "purchases"
    assert screen.stack.currentWidget() is screen.inspect_page
    assert screen.inspect_page.purchase.order_number == "CTRL-N-1"
    click(qtbot, screen.inspect_page.back_button)
    assert browse.count_purchases(state.ctx, browse.PurchaseFilter()) == 1
    assert screen.list_page.model.total == 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(screen.list_page.filter_bar.search.hasFocus, timeout=2000)


def test_choosing_a_status_shows_what_it_needs_while_typing(qtbot, form, catalogue):
    form.status.setCurrentIndex(form.status.findData("received"))
    qtbot.waitUntil(lambda: form.errors.label("received_at").isVisible(), timeout=3000)
    shown = form.errors.messages()
    assert shown["order_number"] == "An ordered purchase needs the platform order number"
    assert shown["ordered_at"] == "When was it ordered?"
    assert shown["received_at"] == "When did the parcel arrive?"
    assert "merchant" not in shown  # not touched yet: no scolding for it
    # Fixing a field clears its message after the next check.
    qtbot.keyClicks(form.order_number, "ORD-1")
    qtbot.waitUntil(lambda: "order_number" not in form.errors.messages(), timeout=3000)
    assert "received_at" in form.errors.messages()


def test_a_taken_order_number_shows_before_saving(qtbot, env, state, catalogue):
    ctx = state.ctx
    shop = merchants.find_by_shop_id(ctx, "1001")
    purchase_service.create_purchase(ctx, purchase_service.PurchaseInput(
        merchant_id=shop.id, order_number="ORD-TAKEN", ordered_at=clock.local_now(),
        status=PurchaseStatus.ORDERED))
    form = PurchaseForm(env)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.order_number, "ORD-TAKEN")
    form.check_live()  # what the 400 ms pause would do
    assert form.errors.messages()["order_number"] == "Order number ORD-TAKEN is already recorded"


def test_saving_shows_every_problem_next_to_its_field(qtbot, form):
    form.status.setCurrentIndex(form.status.findData("received"))
    click(qtbot, form.save_button)
    shown = form.errors.messages()
    assert {"merchant", "order_number", "ordered_at", "received_at"} <= shown.keys()
    assert form.result() != QDialog.DialogCode.Accepted


def test_esc_on_a_filled_form_asks_before_discarding(qtbot, form, message_boxes):
    """An untouched form closes on Esc at once; a filled one asks "Discard changes?"."""
    qtbot.keyClicks(form.order_number, "ORD-77")
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(form.order_number, Qt.Key.Key_Escape)
    assert form.isVisible() and form.order_number.text() == "ORD-77"
    assert [b["title"] for b in message_boxes.shown] == ["Discard changes?"]
    click(qtbot, form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel))
    assert form.isVisible() and len(message_boxes.shown) == 2
    message_boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(form.order_number, Qt.Key.Key_Escape)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected


def test_esc_on_an_untouched_form_closes_without_asking(qtbot, form, message_boxes):
    qtbot.keyClick(form.merchant.edit, Qt.Key.Key_Escape)
    assert not form.isVisible() and message_boxes.shown == []


def test_new_merchant_dialog_focuses_its_first_empty_field(qtbot, env):
    """Typed text goes into a field, never onto OK: "Acme" fills the name, focus is on Shop id."""
    dialog = NewMerchantDialog(env, "Acme")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.shop_id)
    qtbot.keyClicks(dialog.focusWidget(), "10023")
    assert (dialog.shop_id.text(), dialog.name.text()) == ("10023", "Acme")
    numbered = NewMerchantDialog(env, "10024")
    qtbot.addWidget(numbered)
    numbered.show()
    qtbot.waitUntil(lambda: numbered.focusWidget() is numbered.name)
    product = NewProductDialog(env, "Trail runner")
    qtbot.addWidget(product)
    product.show()
    qtbot.waitUntil(lambda: product.focusWidget() is product.brand)


@POPUP_LOG_IGNORE
def test_the_form_records_what_happened_to_the_goods(qtbot, env, state, users):
    from tests.ui.purchase_helpers import make_sample

    sample = make_sample(state.ctx, inspector_id=users[Role.INSPECTOR].id)
    pid = sample.purchases["B-200"]  # received, paid 349.00
    form = PurchaseForm(env, purchase_service.get_purchase(state.ctx, pid))
    qtbot.addWidget(form)
    form.show()
    assert not form.goods.refund.isEnabled() and not form.goods.location.isEnabled()
    form.goods.disposition.setCurrentIndex(form.goods.disposition.findData("returned"))
    assert form.goods.refund.isEnabled() and not form.goods.location.isEnabled()
    qtbot.keyClicks(form.goods.refund, "400")  # more than was paid
    click(qtbot, form.save_button)
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.errors.label("refund").text() == "The refund is more than was paid"
    form.goods.refund.clear()
    qtbot.keyClicks(form.goods.refund, "349.00")
    qtbot.mouseClick(form.goods.lightning, Qt.MouseButton.LeftButton)
    click(qtbot, form.save_button)
    saved = purchase_service.get_purchase(state.ctx, pid)
    assert (saved.disposition, saved.refund_cents, saved.lightning_refund) == (
        "returned", 34900, True)

    # Opened again, the form shows it; saving a note keeps it.
    again = PurchaseForm(env, saved)
    qtbot.addWidget(again)
    again.show()
    assert again.goods.disposition.currentData() == "returned"
    assert again.goods.refund.text() == "349.00" and again.goods.lightning.isChecked()
    again.notes.setPlainText("Refund arrived")
    click(qtbot, again.save_button)
    kept = purchase_service.get_purchase(state.ctx, pid)
    assert (kept.disposition, kept.refund_cents, kept.notes) == ("returned", 34900, "Refund arrived")
