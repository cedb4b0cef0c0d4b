"""Dashboard chart bars open the findings behind them (mouse, and Tab + arrows + Return), and
an empty database's Dashboard says what to do first, with the buttons the services allow."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.services import findings, merchants, purchases
from inspector_app.ui.i18n import install_translator

LEFT = Qt.MouseButton.LeftButton


def _bought(ctx, shop, when: datetime, order: str, categories: list[str]):
    p = purchases.create_purchase(ctx, purchases.PurchaseInput(
        merchant_id=shop.id, order_number=order, ordered_at=when, received_at=when))
    for i, category in enumerate(categories):
        findings.add_finding(ctx, p.id, findings.FindingInput(category, "major", f"{order} defect {i}"))
    return p


@pytest.fixture
def bought(ctx, users):
    """June (the clock's month): Acme 2 findings, Birch 1; May: Birch 1."""
    ctx = ctx.as_actor(users[Role.ADMIN])
    acme = merchants.create_merchant(ctx, "A1", "Acme")
    birch = merchants.create_merchant(ctx, "B1", "Birch")
    june = clock.now() - timedelta(hours=3)
    may = june - timedelta(days=28)
    assert (june.month, may.month) == (6, 5)
    _bought(ctx, acme, june, "JUN-1", ["product_quality", "safety_hazard"])
    _bought(ctx, birch, june, "JUN-2", ["product_quality"])
    _bought(ctx, birch, may, "MAY-1", ["wrong_item"])
    return acme, birch


def _loaded(qtbot, window):
    dashboard = window.navigate("dashboard")
    qtbot.waitUntil(lambda: dashboard.figures is not None and bool(dashboard.pareto.items),
                    timeout=10_000)
    return dashboard


def _click_bar(qtbot, chart, index: int) -> None:
    chart.grab()  # paint: the chart learns where its bars are
    center = chart._hits[index].center()
    qtbot.mouseClick(chart, LEFT, pos=QPoint(int(center.x()), int(center.y())))


def _findings(qtbot, window, count: int):
    view = window.built_screen("findings").view
    assert window.current_screen_name() == "findings"
    qtbot.waitUntil(lambda: view.count == count, timeout=10_000)
    return view


def test_chart_bars_open_the_findings_behind_them(qtbot, window, bought):
    acme, _birch = bought
    dashboard = _loaded(qtbot, window)
    assert dashboard.pareto.items == [("Product quality", 2), ("Safety hazard", 1)]

    # A Pareto bar: the month's findings of that category.
    _click_bar(qtbot, dashboard.pareto, 0)
    view = _findings(qtbot, window, 2)
    assert view.filter_bar.category.currentData() == "product_quality"
    assert view.filter_bar.bought_button.isVisible()
    assert view.filter_bar.bought_button.text() == "Bought in 2026-06 ✕"

    # A merchant's bar: that merchant's findings of the month.
    window.navigate("dashboard")
    _click_bar(qtbot, dashboard.top_merchants, 0)
    view = _findings(qtbot, window, 2)
    assert view.filter_bar.merchant.merchant_id == acme.id
    assert view.filter_bar.category.currentData() is None  # the earlier filter is gone

    # From the keyboard: Tab to the trend, Left to May, Return.
    window.navigate("dashboard")
    dashboard.trend.setFocus()
    assert dashboard.trend.focusPolicy() == Qt.FocusPolicy.StrongFocus
    qtbot.keyClick(dashboard.trend, Qt.Key.Key_Left)
    qtbot.keyClick(dashboard.trend, Qt.Key.Key_Return)
    view = _findings(qtbot, window, 1)
    assert view.filter_bar.bought_button.text() == "Bought in 2026-05 ✕"
    assert view.filter_bar.merchant.merchant_id == 0
    # Removing the period filter shows every finding again.
    qtbot.mouseClick(view.filter_bar.bought_button, LEFT)
    _findings(qtbot, window, 4)
    assert not view.filter_bar.bought_button.isVisible()


def test_a_bar_in_chinese(qtbot, window, bought):
    install_translator("zh_CN")
    from inspector_app.ui.screens.dashboard import DashboardScreen

    dashboard = DashboardScreen(window.env)  # built in Chinese (the window's came first)
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.activate()
    qtbot.waitUntil(lambda: bool(dashboard.top_merchants.items), timeout=10_000)
    assert dashboard.top_merchants.accessibleDescription() == "显示该商家的问题"
    dashboard.top_merchants.setFocus()
    qtbot.keyClick(dashboard.top_merchants, Qt.Key.Key_Down)  # the second merchant
    qtbot.keyClick(dashboard.top_merchants, Qt.Key.Key_Return)
    view = _findings(qtbot, window, 1)
    assert view.filter_bar.bought_button.text() == "购于 2026-06 ✕"


def test_an_empty_dashboard_says_what_to_do_first(qtbot, window, ctx, users, monkeypatch):
    asked = []
    purchases_screen = window.navigate("purchases")
    monkeypatch.setattr(purchases_screen, "new_purchase", lambda: asked.append(True))
    dashboard = window.navigate("dashboard")
    qtbot.waitUntil(lambda: dashboard.empty.isVisible(), timeout=10_000)
    assert "log it with New purchase (Ctrl+N)" in dashboard.empty.label.text()
    new, demo = dashboard.empty.buttons["new"], dashboard.empty.buttons["demo"]
    assert new.isEnabled() and demo.isEnabled()  # an administrator on an empty database
    qtbot.mouseClick(new, LEFT)
    assert asked and window.current_screen_name() == "purchases"

    # A merchant manager may take neither step; the services say so, the tooltips why.
    window.state.set_actor(users[Role.MERCHANT_MANAGER])
    window.navigate("dashboard")
    dashboard.reload()
    qtbot.waitUntil(lambda: not dashboard.empty.buttons["new"].isEnabled(), timeout=10_000)
    assert not demo.isEnabled() and "administrator" in demo.toolTip()

    # With a purchase, the guidance goes.
    ctx = ctx.as_actor(users[Role.ADMIN])
    shop = merchants.create_merchant(ctx, "E1", "Empty no more")
    purchases.create_purchase(ctx, purchases.PurchaseInput(merchant_id=shop.id))
    dashboard.reload()
    qtbot.waitUntil(lambda: not dashboard.empty.isVisible(), timeout=10_000)


def test_the_empty_dashboard_in_chinese(qtbot, window):
    install_translator("zh_CN")
    from inspector_app.ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(window.env)
    qtbot.addWidget(screen)
    assert screen.empty.label.text().startswith("还没有可统计的数据")
    assert screen.empty.buttons["new"].text() == "新建神买…"
