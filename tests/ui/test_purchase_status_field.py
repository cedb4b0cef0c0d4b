"""The purchase form's status follows its dates unless set by hand, and a status the dates
contradict is explained next to the date before Save (in English and Chinese)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDialog

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus
from inspector_app.services import merchants
from inspector_app.services import purchases as purchase_service
from inspector_app.ui.i18n import install_translator
from inspector_app.ui.purchases.form import PurchaseForm
from tests.ui.purchase_helpers import click

P = PurchaseStatus


@pytest.fixture
def shop(state):
    return merchants.create_merchant(state.ctx, "1001", "Acme Shoes")


def _open(qtbot, env, purchase=None) -> PurchaseForm:
    form = PurchaseForm(env, purchase)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _local(days_ago: float) -> QDateTime:
    moment = clock.local_now().replace(tzinfo=None, second=0, microsecond=0)
    return QDateTime(moment - timedelta(days=days_ago))


def _tick_date(qtbot, field, days_ago: float) -> None:
    click(qtbot, field.check)
    field.edit.setDateTime(_local(days_ago))


def _pick_status(qtbot, form, status: PurchaseStatus) -> None:
    """As a keyboard user does: focus the combo box and move with the arrow keys."""
    form.status.setFocus()
    target = form.status.findData(status.value)
    step = Qt.Key.Key_Down if target > form.status.currentIndex() else Qt.Key.Key_Up
    while form.status.currentIndex() != target:
        qtbot.keyClick(form.status, step)


def test_the_status_follows_the_dates_and_saves_so(qtbot, env, state, shop):
    form = _open(qtbot, env)
    assert form.status.currentData() == "planned" and not form.status_by_hand.isChecked()
    qtbot.keyClicks(form.order_number, "ORD-STATUS")
    _tick_date(qtbot, form.ordered_at, 3)
    assert form.status.currentData() == "ordered"
    _tick_date(qtbot, form.received_at, 1)
    assert form.status.currentData() == "received"
    click(qtbot, form.received_at.check)  # untick: not arrived after all
    assert form.status.currentData() == "ordered"
    assert not form.status_by_hand.isChecked()


def test_a_planned_purchase_with_a_received_date_is_refused_before_save(qtbot, env, state, shop):
    form = _open(qtbot, env)
    _pick_status(qtbot, form, P.CANCELLED)
    assert form.status_by_hand.isChecked()  # choosing a status the dates do not give
    _pick_status(qtbot, form, P.PLANNED)
    _tick_date(qtbot, form.received_at, 1)
    assert form.status.currentData() == "planned"  # set by hand: the date does not move it
    form.check_live()  # what the pause after typing does
    assert form.errors.messages()["received_at"] == (
        "The status is planned, but it has a received date: clear the date or choose the status received")
    assert form.errors.label("received_at").isVisible()
    # Unticking "Set by hand" hands the status back to the dates: the sentence goes.
    click(qtbot, form.status_by_hand)
    assert form.status.currentData() == "received"
    form.check_live()
    assert "received_at" not in form.errors.messages()
    assert form.result() != QDialog.DialogCode.Accepted


def test_the_same_sentence_in_chinese(qtbot, env, state, shop):
    assert install_translator("zh_CN")
    form = _open(qtbot, env)
    assert form.status_by_hand.text() == "手动设置(&H)"
    _pick_status(qtbot, form, P.ORDERED)
    _tick_date(qtbot, form.ordered_at, 3)
    _tick_date(qtbot, form.received_at, 1)
    form.check_live()
    assert form.errors.messages()["received_at"] == "状态为已下单，但已填写收货时间：请清除该时间，或将状态选为已收货"


def test_editing_keeps_a_status_set_by_hand(qtbot, env, state, shop):
    ctx = state.ctx
    saved = purchase_service.create_purchase(ctx, purchase_service.PurchaseInput(
        merchant_id=shop.id, order_number="ORD-CANCELLED", ordered_at=clock.now() - timedelta(days=2),
        status=P.CANCELLED))
    assert saved.status_set_by_hand
    form = _open(qtbot, env, saved)
    assert form.status.currentData() == "cancelled" and form.status_by_hand.isChecked()
    _tick_date(qtbot, form.received_at, 1)
    assert form.status.currentData() == "cancelled"
    click(qtbot, form.save_button)
    assert form.result() == QDialog.DialogCode.Accepted
    again = purchase_service.get_purchase(ctx, saved.id)
    assert (again.status, again.status_set_by_hand) == (P.CANCELLED, True)
    assert again.received_at is not None
