"""The Merchants screen: scorecards in SQL, filters, the merchant page and status changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from inspector_app.domain import clock
from inspector_app.domain.enums import MerchantStatus, PurchaseStatus, Role
from inspector_app.services import cases, findings, merchants, purchases
from inspector_app.ui.merchants import status_dialog


@pytest.fixture
def shops(env):
    ctx = env.ctx
    a = merchants.create_merchant(ctx, "M-A", "甲店 Alpha", key_merchant=True)
    b = merchants.create_merchant(ctx, "M-B", "乙店 Beta")
    t = clock.now() - timedelta(days=2)
    for i, shop in enumerate((a, a, b)):
        p = purchases.create_purchase(ctx, purchases.PurchaseInput(
            merchant_id=shop.id, order_number=f"MS-{i}", ordered_at=t, received_at=t,
            status=PurchaseStatus.RECEIVED))
        if shop is a:
            f = findings.add_finding(ctx, p.id, findings.FindingInput("product_quality", "major", "起球"))
            purchases.set_verdict(ctx, p.id, "fail")
        else:
            purchases.set_verdict(ctx, p.id, "pass")
    k = cases.open_case(ctx, [f.id])
    cases.advance(ctx, k.case_number, "notified")
    return a, b


def _screen(qtbot, env):
    from inspector_app.ui.screens.merchants import MerchantsScreen

    screen = MerchantsScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    return screen


def test_scorecard_table_sorts_and_filters_in_sql(qtbot, env, shops, qtmodeltester):
    a, b = shops
    screen = _screen(qtbot, env)
    qtmodeltester.check(screen.model)
    assert screen.model.total == 2
    first = screen.model.row_object(0)
    assert first.shop_id == "M-A" and first.findings == 2 and first.failed == 2
    assert first.defect_rate == 1.0 and first.open_cases == 1
    screen.model.sort(screen.model.column_index("shop_id"), Qt.SortOrder.AscendingOrder)
    assert [screen.model.row_object(i).shop_id for i in range(2)] == ["M-A", "M-B"]
    qtbot.keyClicks(screen.search_edit, "Beta")
    qtbot.waitUntil(lambda: screen.model.total == 1, timeout=2000)
    assert "1" in screen.count_label.text()
    screen.search_edit.clear()
    qtbot.waitUntil(lambda: screen.model.total == 2, timeout=2000)
    screen.key_check.setChecked(True)
    assert screen.model.total == 1 and screen.model.row_object(0).shop_id == "M-A"


def test_merchant_page_and_status_change(qtbot, env, shops, monkeypatch):
    a, _ = shops
    screen = _screen(qtbot, env)
    screen.open_item(a.id)
    page = screen.page
    assert "甲店 Alpha" in page.title.text()
    assert page.score_labels["findings"].text().startswith("2 ")
    assert page.cases_model.total == 1
    assert page.status_buttons[MerchantStatus.WATCH].isEnabled()

    def fake_exec(dialog):
        dialog._save()  # nothing typed: the reason is required
        assert "why" in dialog.error_label.text().lower()
        dialog.reason_edit.setPlainText("两次抽检起球")
        # Ctrl+Return in the reason confirms the dialog (Return would type a new line).
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return dialog.result()

    monkeypatch.setattr(status_dialog.StatusChangeDialog, "exec", fake_exec)
    qtbot.mouseClick(page.status_buttons[MerchantStatus.WATCH], Qt.MouseButton.LeftButton)
    assert merchants.get_merchant(env.ctx, a.id).status == MerchantStatus.WATCH
    # The page follows the change signal: history shows the move, the button is disabled.
    assert page.history.topLevelItemCount() == 1
    assert page.history.topLevelItem(0).text(3) == "两次抽检起球"
    assert not page.status_buttons[MerchantStatus.WATCH].isEnabled()


def test_inspector_sees_no_status_buttons(qtbot, env, state, shops, users):
    a, _ = shops
    state.set_actor(users[Role.INSPECTOR])
    screen = _screen(qtbot, env)
    screen.open_item(a.id)
    assert not any(b.isVisible() for b in screen.page.status_buttons.values())
    assert not screen.page.key_check.isEnabled()
