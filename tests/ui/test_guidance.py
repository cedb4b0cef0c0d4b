"""Guidance: empty lists say what to do first with a button, dashboard tiles open the rows
behind their figure, and a change of language offers "Restart now"."""

from __future__ import annotations

import sys
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.services import cases as case_service
from inspector_app.ui import restart
from inspector_app.ui.i18n import install_translator
from tests.ui.findings_world import make_world

LEFT = Qt.MouseButton.LeftButton


def test_empty_lists_say_what_to_do_first(qtbot, window, ctx, users):
    purchases = window.navigate("purchases")
    page = purchases.list_page
    assert page.empty.isVisible() and "No purchases yet" in page.empty.label.text()
    assert page.empty.buttons["demo"].isEnabled()  # an administrator
    # The form itself is modal; the button asks for it as New purchase does.
    page.new_requested.disconnect()
    with qtbot.waitSignal(page.new_requested, timeout=2000):
        qtbot.mouseClick(page.empty.buttons["new"], LEFT)
    cases = window.navigate("cases")
    assert cases.list.empty.isVisible() and "Open rectification case (Ctrl+Shift+R)" in cases.list.empty.label.text()
    qtbot.mouseClick(cases.list.empty.buttons["findings"], LEFT)
    assert window.current_screen_name() == "findings"
    findings = window.built_screen("findings").view
    qtbot.waitUntil(lambda: findings.count == 0, timeout=5000)
    assert findings.empty.isVisible()
    # With data, the guidance goes.
    world = make_world(ctx, users)
    case_service.open_case(ctx.as_actor(users[Role.QUALITY_MANAGER]),
                           [world.finding["Seam splits at the shoulder"]])
    findings.refresh()
    qtbot.waitUntil(lambda: findings.count == 5, timeout=5000)
    assert not findings.empty.isVisible()
    window.navigate("cases")
    cases.list.refresh()
    assert not cases.list.empty.isVisible()
    # Only an administrator loads demo data.
    window.state.set_actor(users[Role.INSPECTOR])
    purchases.list_page.apply_role()
    assert not purchases.list_page.empty.buttons["demo"].isEnabled()


def test_the_empty_state_in_chinese(qtbot, window):
    install_translator("zh_CN")
    from inspector_app.ui.cases.list_panel import CasesListPanel

    panel = CasesListPanel(window.env)
    qtbot.addWidget(panel)
    assert panel.empty.label.text().startswith("还没有整改单")
    assert panel.empty.buttons["findings"].text() == "转到“问题”"


@pytest.fixture
def overdue_case(ctx, users):
    world = make_world(ctx, users)
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    late = case_service.open_case(qm, [world.finding["Seam splits at the shoulder"]],
                                  due_date=clock.today().replace(day=1))
    case_service.open_case(qm, [world.finding[t] for t in world.finding
                                if t != "Seam splits at the shoulder"][:1])
    return late


def test_dashboard_tiles_open_the_filtered_list(qtbot, window, overdue_case):
    dashboard = window.navigate("dashboard")
    tile = dashboard.tiles["cases_overdue_now"]
    assert tile.toolTip() == "Show the overdue cases"
    qtbot.mouseClick(tile, LEFT)
    cases = window.built_screen("cases")
    assert window.current_screen_name() == "cases"
    assert cases.list.tabs.current_key() == "overdue" and cases.list.model.total == 1
    # From the keyboard: a tile takes focus, Return opens it.
    window.navigate("dashboard")
    dashboard.tiles["cases_open_now"].setFocus()
    qtbot.keyClick(dashboard.tiles["cases_open_now"], Qt.Key.Key_Return)
    assert cases.list.tabs.current_key() == "active" and cases.list.model.total >= 1
    window.navigate("dashboard")
    qtbot.mouseClick(dashboard.tiles["purchases"], LEFT)
    bar = window.built_screen("purchases").list_page.filter_bar
    period = dashboard.period()
    assert (bar.since.value(), bar.until.value()) == (period.start, period.end - timedelta(days=1))


def test_restart_now_after_a_change_of_language(qtbot, window, monkeypatch):
    settings = window.navigate("settings")
    assert not settings.restart_button.isVisible()
    settings.language_combo.setCurrentIndex(settings.language_combo.findData("zh_CN"))
    assert settings.restart_button.isVisible() and settings.restart_label.isVisible()
    started, quit_calls = [], []
    monkeypatch.setattr(restart, "start_again", lambda: started.append(True) or True)
    monkeypatch.setattr(restart.QApplication, "quit", staticmethod(lambda: quit_calls.append(True)))
    qtbot.mouseClick(settings.restart_button, LEFT)
    assert started and quit_calls and not window.isVisible()


def test_the_restart_command_drops_a_pinned_language(monkeypatch):
    program, args = restart.restart_command(["inspector-app", "--lang", "en", "--db", "x.db"], frozen=False)
    assert program == sys.executable and args == ["-m", "inspector_app", "--db", "x.db"]
    assert restart.restart_command(["Inspector", "--lang=zh_CN"], frozen=True)[1] == []
