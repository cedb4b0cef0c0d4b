"""The Work orders screen: the paged model over SQL (qtmodeltester), filters by merchant, type,
late stage and running late, the longest of the statistics window, and the Excel export
read back with openpyxl; the rows equal the independent computation of tests/workorders."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from inspector_app.domain import clock
from inspector_app.services import merchants
from inspector_app.services.complaints import import_work_orders
from tests.workorders import generated as g


@pytest.fixture
def rows(env, tmp_path):
    for i in range(1, 6):
        merchants.create_merchant(env.ctx, f"S{i}", f"店铺{i}")
    made = g.generate(clock.now(), n=300, seed=21)
    g.write_xlsx(tmp_path / "wo.xlsx", made)
    assert import_work_orders(env.ctx, tmp_path / "wo.xlsx", tz=g.CST).added == len(made)
    return made


def _screen(qtbot, env):
    from inspector_app.ui.screens.workorders import WorkOrdersScreen

    screen = WorkOrdersScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1400, 800)
    screen.show()
    return screen


def _all(model, qtbot=None) -> list:
    if qtbot is not None:
        qtbot.waitUntil(lambda: not model.busy, timeout=5000)
    while model.canFetchMore():
        model.fetchMore()
    return [model.row_object(i) for i in range(model.rowCount())]


def test_filters_and_running_late_match_the_independent_figures(qtbot, env, rows, qtmodeltester):
    now = clock.now()
    screen = _screen(qtbot, env)
    qtmodeltester.check(screen.model)
    assert screen.model.total == len(rows)
    assert f"{len(rows)}" in screen.count_label.text()
    screen.model.sort(screen.model.column_index("duration"), Qt.SortOrder.DescendingOrder)
    shown = _all(screen.model, qtbot)
    hours = [r.duration_hours for r in shown if not r.running and r.duration_hours is not None]
    assert hours == sorted(hours, reverse=True)

    qtbot.keyClicks(screen.merchant_edit, "S2")
    qtbot.waitUntil(lambda: screen.model.total == sum(r.shop == "S2" for r in rows), timeout=3000)
    screen.late_check.setChecked(True)
    want = {r.order for r in rows if r.shop == "S2" and r.running_late(now)}
    assert want and {w.order_id for w in _all(screen.model, qtbot)} == want
    assert f"{len(want)}" in screen.count_label.text()
    late_col = screen.model.column_index("late_stages")
    idx = screen.model.index(0, late_col)
    assert screen.model.data(idx) and screen.model.data(idx, Qt.ItemDataRole.ForegroundRole)
    hours_idx = screen.model.index(0, screen.model.column_index("duration"))
    first = screen.model.row_object(0)
    assert screen.model.data(hours_idx).endswith("+") == first.running

    screen.late_check.setChecked(False)
    screen.merchant_edit.clear()
    screen.stage_combo.setCurrentIndex(screen.stage_combo.findData("stock_in"))
    qtbot.waitUntil(lambda: screen.model.total == sum("stock_in" in r.late(now) for r in rows),
                    timeout=3000)
    qtmodeltester.check(screen.model)

    screen.merchant_edit.setText("NO-SUCH-SHOP")
    qtbot.waitUntil(lambda: screen.model.total == 0, timeout=3000)


def test_longest_work_orders_and_export(qtbot, env, rows, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from inspector_app.ui import tasks

    now = clock.now()
    screen = _screen(qtbot, env)
    screen.longest_check.setChecked(True)
    qtbot.waitUntil(lambda: not screen.model.busy, timeout=5000)
    index = {r.order: i for i, r in enumerate(rows)}
    timed = sorted((r for r in rows if r.in_window(now) and r.duration() is not None),
                   key=lambda r: (-round(r.duration(), 6), -index[r.order]))[:100]
    shown = _all(screen.model)
    assert [w.order_id for w in shown] == [r.order for r in timed]
    assert not screen.stage_combo.isEnabled()

    out = tmp_path / "longest.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tasks.set_inline(True)
    screen.export_button.click()
    qtbot.waitUntil(out.exists, timeout=10_000)
    table = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert [r[2] for r in table[1:]] == [r.order for r in timed]


def test_dashboard_after_sales_tiles(qtbot, env, rows, inline_tasks, tmp_path):
    from inspector_app.services import stats
    from inspector_app.services.order_volumes import import_volumes
    from inspector_app.ui import changes
    from inspector_app.ui.screens.dashboard import DashboardScreen

    screen = DashboardScreen(env)
    qtbot.addWidget(screen)
    screen.show()
    screen.activate()
    screen.period_combo.setCurrentIndex(screen.period_combo.findText("2026-05"))
    qtbot.waitUntil(lambda: screen.figures is not None and screen.figures.period == "2026-05",
                    timeout=5000)
    want = stats.figures(env.ctx, stats.Period.month(2026, 5)).after_sales
    t = screen.tiles
    assert t["after_sales"].value.text() == f"{want['after_sales']:,}"
    assert t["service_duration"].value.text() == f"{want['median']:.0f}"
    assert t["after_sales_rate"].note.text() == "per month: no order volumes imported"
    assert t["over_60h"].value.text() == str(len(want["shops_over_60h"])) != "0"
    path = tmp_path / "v.csv"
    path.write_text("shop_id,month,orders\nS1,2026-05,1000\n", encoding="utf-8")
    import_volumes(env.ctx, path)
    changes.notify(changes.WORK_ORDER)
    qtbot.waitUntil(lambda: "per order" in t["after_sales_rate"].note.text(), timeout=5000)
    rate = stats.figures(env.ctx, stats.Period.month(2026, 5)).after_sales["after_sales_rate"]
    assert t["after_sales_rate"].value.text() == f"{100 * rate:.2f}%"
