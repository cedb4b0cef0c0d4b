"""The Risk and Plan screens, driven through their widgets (tasks run inline)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from inspector_app.db.models import WorkOrder
from inspector_app.domain import clock
from inspector_app.domain.enums import Role, WorkOrderKind

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore(
        "This plugin does not support propagateSizeHints",
        "This plugin does not support raise",
        "QFont::setPointSizeF: Point size <= 0",
    ),
]


@pytest.fixture
def env(ctx, users, tmp_path, qapp):
    from inspector_app.ui import tasks
    from inspector_app.ui.changes import changes
    from inspector_app.ui.screens import ScreenEnv
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState

    settings = AppSettings.at(tmp_path / "settings" / "desktop-settings.ini")
    state = AppState(ctx, settings)
    state.set_actor(users[Role.QUALITY_MANAGER])
    tasks.set_inline(True)
    statuses: list[str] = []
    yield ScreenEnv(state=state, settings=settings, changes=changes(), show_status=statuses.append)
    tasks.set_inline(False)


@pytest.fixture
def boxes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text))
    )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes),
    )
    return shown


@pytest.fixture
def work_orders(manager, shops):
    now = clock.now()
    with manager.db.write() as s:
        for i in range(12):
            mid = shops["S3"] if i < 9 else shops["S4"]
            applied = now - timedelta(days=5, hours=i)
            s.add(
                WorkOrder(
                    merchant_id=mid,
                    kind=WorkOrderKind.COMPLAINT if i % 3 == 0 else WorkOrderKind.AFTER_SALES,
                    order_ref=f"W{i}",
                    applied_at=applied,
                    first_handled_at=applied + timedelta(hours=10 * i),
                    source_key=f"k{i}",
                )
            )
    return shops


def test_risk_screen_ranks_sorts_filters_and_shows_slowest(qtbot, qtmodeltester, env, work_orders):
    from inspector_app.ui.screens.risk_screen import RiskScreen

    screen = RiskScreen(env)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    model = screen.model
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    scores = [model.row_object(r).score for r in range(5)]
    assert scores == sorted(scores, reverse=True)
    assert model.row_object(0).shop_id == "S3"
    why = model.index(0, model.column_index("why")).data()
    assert "complaints" in why or "handling" in why or "after-sales" in why
    screen.table.sortByColumn(model.column_index("shop_id"), Qt.SortOrder.AscendingOrder)
    assert [model.row_object(r).shop_id for r in range(5)] == ["S1", "S2", "S3", "S4", "S5"]

    screen.table.selectRow(2)  # S3
    assert screen.slow_model.rowCount() == 6  # after-sales only
    assert screen.slow_model.row_object(0).hours == pytest.approx(80, abs=0.1)
    qtmodeltester.check(screen.slow_model)

    from inspector_app.services import team_settings

    team_settings.put(env.ctx, "watch_threshold", scores[0] - 0.05)
    screen.reload()
    screen.candidates_check.setChecked(True)
    assert model.rowCount() == 1 and model.row_object(0).candidate == "watch"
    assert "1 new candidates" in screen.summary_label.text()


def test_risk_export_is_readable_and_import_reports_bad_rows(
    qtbot, env, work_orders, tmp_path, boxes
):
    from openpyxl import load_workbook

    from inspector_app.ui.screens.risk_screen import RiskScreen

    screen = RiskScreen(env)
    qtbot.addWidget(screen)
    screen.activate()
    out = tmp_path / "risk.xlsx"
    screen.start_export(str(out))
    wb = load_workbook(out, read_only=True)
    rows = list(wb["Risk"].iter_rows(values_only=True))
    assert rows[0][:3] == ("Shop ID", "Merchant", "Category") and len(rows) == 6
    assert rows[1][0] == "S3"
    assert "Weights" in wb.sheetnames

    csv = tmp_path / "wo.csv"
    csv.write_text(
        "店铺ID,订单号,类别,申请时间\nS1,N1,投诉,2026-06-01 10:00\nS9,N2,投诉,2026-06-01 10:00\n",
        encoding="utf-8",
    )
    screen.start_import(str(csv))
    assert len(boxes) == 1 and "Row 3: unknown shop id 'S9'" in boxes[0]
    assert screen.model.rowCount() == 5


def test_inspectors_cannot_import(qtbot, env, users, shops):
    from inspector_app.ui.screens.risk_screen import RiskScreen

    env.state.set_actor(users[Role.INSPECTOR])
    screen = RiskScreen(env)
    qtbot.addWidget(screen)
    screen.activate()
    assert not screen.import_button.isEnabled()


def test_plan_screen_make_accept_and_claim(qtbot, qtmodeltester, env, users, shop_products, boxes):
    from inspector_app.ui.screens.plan_screen import PlanScreen

    screen = PlanScreen(env)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    screen.month_edit.setText("2026-12")
    screen.purchases_spin.setValue(4)
    qtbot.keyClicks(screen.seed_edit, "7")
    qtbot.mouseClick(screen.make_button, Qt.MouseButton.LeftButton)
    assert screen.plan is not None and screen.plan.status == "draft"
    assert screen.picks_model.rowCount() == 4
    qtmodeltester.check(screen.picks_model)
    assert screen.plans_model.rowCount() == 1
    assert screen.accept_button.isEnabled() and not screen.claim_button.isEnabled()

    qtbot.mouseClick(screen.accept_button, Qt.MouseButton.LeftButton)
    assert screen.plan.status == "accepted"
    assert all(p.purchase_id for p in screen.plan.picks)
    assert not screen.accept_button.isEnabled()

    env.state.set_actor(users[Role.INSPECTOR])
    screen.picks_table.selectRow(0)
    qtbot.mouseClick(screen.claim_button, Qt.MouseButton.LeftButton)
    claimed = [p for p in screen.plan.picks if p.inspector]
    assert [p.inspector for p in claimed] == ["Ivy Inspector"]
    assert not screen.make_button.isEnabled()


def test_plan_screen_discards_a_draft(qtbot, env, shop_products):
    from inspector_app.ui.screens.plan_screen import PlanScreen

    screen = PlanScreen(env)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    screen.purchases_spin.setValue(2)
    screen.make_plan()
    assert screen.plans_model.rowCount() == 1
    qtbot.mouseClick(screen.discard_button, Qt.MouseButton.LeftButton)
    assert screen.plans_model.rowCount() == 0 and screen.plan is None
