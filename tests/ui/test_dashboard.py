"""The Dashboard shows the month's figures and follows changes made elsewhere."""

from __future__ import annotations

from datetime import datetime, timedelta

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.services import cases, findings, merchants, purchases
from inspector_app.ui import changes


def _failed_purchase(ctx, shop="D1", order="DASH-1"):
    m = merchants.create_merchant(ctx, shop, "看板测试店")
    # Three hours ago, but inside the month the dashboard shows (this month).
    today = clock.today()
    t = max(clock.now() - timedelta(hours=3), datetime(today.year, today.month, 1).astimezone())
    p = purchases.create_purchase(ctx, purchases.PurchaseInput(
        merchant_id=m.id, order_number=order, ordered_at=t, received_at=t,
        status=PurchaseStatus.RECEIVED))
    f = findings.add_finding(ctx, p.id, findings.FindingInput("safety_hazard", "critical", "电源线裸露"))
    purchases.set_verdict(ctx, p.id, "fail")
    return p, f


def test_dashboard_figures_follow_changes(qtbot, env, users, inline_tasks):
    from inspector_app.ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    screen.activate()
    assert screen.figures is not None and screen.figures.purchases == 0
    assert screen.tiles["purchases"].value.text() == "0"

    ctx = env.ctx
    p, f = _failed_purchase(ctx)
    changes.notify(changes.PURCHASE, [p.id])
    qtbot.waitUntil(lambda: screen.figures.purchases == 1, timeout=3000)
    assert screen.tiles["findings"].value.text() == "1"
    assert screen.tiles["problem_products"].value.text() == "0"  # no product recorded
    assert screen.tiles["merchants_with_findings"].value.text() == "1"
    assert screen.pareto.items == [("Safety hazard", 1)]

    k = cases.open_case(ctx, [f.id], due_date=clock.today() - timedelta(days=1))
    changes.notify(changes.CASE, [k.id])
    qtbot.waitUntil(lambda: screen.figures.cases_open_now == 1, timeout=3000)
    assert screen.tiles["cases_overdue_now"].value.text() == "1"
    assert screen.tiles["cases_overdue_now"].note.text() == "Due within 2 d: 0"
    assert screen.top_merchants.items == [("看板测试店", 1)]

    # A case due tomorrow is not overdue yet, but the same tile warns of it.
    _, f2 = _failed_purchase(ctx, shop="D2", order="DASH-2")
    k2 = cases.open_case(ctx, [f2.id], due_date=clock.today() + timedelta(days=1))
    changes.notify(changes.CASE, [k2.id])
    qtbot.waitUntil(lambda: screen.due_soon.cases == 1, timeout=3000)
    assert screen.tiles["cases_overdue_now"].value.text() == "1"
    assert screen.tiles["cases_overdue_now"].note.text() == "Due within 2 d: 1"
    assert not screen.grab().isNull()


def test_dashboard_as_merchant_manager_reads_figures(qtbot, env, state, users, inline_tasks):
    from inspector_app.ui.screens.dashboard import DashboardScreen

    state.set_actor(users[Role.MERCHANT_MANAGER])
    screen = DashboardScreen(env)
    qtbot.addWidget(screen)
    screen.activate()
    assert screen.figures is not None
    # Choosing another month recomputes for that month.
    screen.period_combo.setCurrentIndex(1)
    assert screen.figures.period == screen.period_combo.currentText()


def test_dashboard_spend_and_unanswered_cases(qtbot, env, users, inline_tasks):
    from inspector_app.domain.enums import CaseStatus
    from inspector_app.ui.screens.dashboard import DashboardScreen

    ctx = env.ctx
    p, f = _failed_purchase(ctx, shop="D3", order="DASH-3")
    data = purchases.PurchaseInput(
        merchant_id=p.merchant_id, order_number="DASH-3", ordered_at=p.ordered_at,
        received_at=p.received_at, price_paid="200.00", status=PurchaseStatus.INSPECTED,
        disposition="returned", refund="150.00", lightning_refund=True)
    purchases.update_purchase(ctx, p.id, data)
    k = cases.open_case(ctx, [f.id], due_date=clock.today() + timedelta(days=9))
    cases.advance(ctx, k.case_number, CaseStatus.NOTIFIED)  # sent; no response yet

    screen = DashboardScreen(env)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    assert screen.tiles["net_cost"].value.text() == "¥50.00"
    assert screen.tiles["net_cost"].note.text() == "spent ¥200.00, refunded ¥150.00 (1 lightning refunds)"
    assert screen.tiles["response_median"].note.text().endswith("; 1 not answered yet")
