"""Warnings before a case's deadline: the Due soon tab, amber rows, the header badge, the setting."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.services import cases as case_service
from inspector_app.services import team_settings
from inspector_app.ui import changes
from inspector_app.ui.cases.marks import DUE_SOON_TINT, OVERDUE_TINT
from inspector_app.ui.cases.status_tabs import TABS
from inspector_app.ui.i18n import install_translator
from inspector_app.ui.screens.cases import CasesScreen
from inspector_app.ui.screens.settings_screen import SettingsScreen
from tests.ui.findings_world import env_as, make_world

R = Qt.ItemDataRole


@pytest.fixture
def world(ctx, users):
    return make_world(ctx, users)


@pytest.fixture
def qm(ctx, users):
    return ctx.as_actor(users[Role.QUALITY_MANAGER])


@pytest.fixture
def four(qm, world):
    """Four active cases: 3 days overdue, due today, due in 2 days, due in 5 days; one waived."""
    today = clock.today()
    made = {}
    for name, title, offset in [
        ("late", "Seam splits at the shoulder", -3),
        ("today", "鞋底开胶", 0),
        ("in_2", "Zip pull broken", 2),
        ("in_5", "鞋底开胶严重", 5),
        ("waived", "Colour differs from the photos", 1),
    ]:
        made[name] = case_service.open_case(qm, [world.finding[title]], due_date=today + timedelta(days=offset))
    case_service.advance(qm, made["waived"].case_number, "waived", "delisted")
    return {name: c.id for name, c in made.items()}


def cases_screen(qtbot, env):
    screen = CasesScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def rows_by_id(model) -> dict[int, int]:
    return {model.row_object(r).id: r for r in range(model.rowCount())}


def test_due_soon_tab_sits_between_active_and_overdue_with_counts(qtbot, env, users, world, four):
    keys = [t.key for t in TABS]
    assert keys.index("due_soon") == keys.index("active") + 1 == keys.index("overdue") - 1
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    tabs, model = screen.list.tabs, screen.list.model
    assert tabs.tabText(keys.index("active")) == "Active (4)"
    assert tabs.tabText(keys.index("due_soon")) == "Due soon (2)"
    assert tabs.tabText(keys.index("overdue")) == "Overdue (1)"
    assert "2 days" in tabs.tabToolTip(keys.index("due_soon"))
    tabs.select("due_soon")
    assert set(rows_by_id(model)) == {four["today"], four["in_2"]}
    assert screen.list.count_label.text() == "2 cases"
    # The merchant filter narrows the tab's count too (Acme has "late", "in_2" and "in_5").
    screen.list.merchant.set_merchant(world.acme_id, "Acme Store (shop-acme)")
    assert tabs.counts["due_soon"] == 1 and set(rows_by_id(model)) == {four["in_2"]}
    assert tabs.counts["active"] == 3 and tabs.counts["overdue"] == 1


def test_rows_are_marked_amber_with_a_clock_words_and_a_tooltip(qtbot, env, users, four, qtmodeltester):
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    model = screen.list.model
    qtmodeltester.check(model)
    rows = rows_by_id(model)
    days, due = model.column_index("days_left"), model.column_index("due_date")

    def cell(name, col, role=R.DisplayRole):
        return model.index(rows[four[name]], col).data(role)

    assert [cell(n, days) for n in ("late", "today", "in_2", "in_5")] == [
        "3 d overdue", "Due today", "Due in 2 d", "5 d left"]
    for name in ("today", "in_2"):
        assert cell(name, 0, R.DecorationRole) is not None
        assert cell(name, due, R.BackgroundRole) == DUE_SOON_TINT
        assert cell(name, due, R.ForegroundRole) is not None
        assert cell(name, 0, R.ToolTipRole).startswith("Due soon")
    assert "due in 2 days" in cell("in_2", days, R.ToolTipRole)
    assert "due today" in cell("today", days, R.ToolTipRole)
    # Overdue stays red with its own icon; on-track rows are plain.
    assert cell("late", due, R.BackgroundRole) == OVERDUE_TINT != DUE_SOON_TINT
    assert cell("late", 0, R.DecorationRole).cacheKey() != cell("in_2", 0, R.DecorationRole).cacheKey()
    assert cell("late", 0, R.ToolTipRole).startswith("Overdue")
    for role in (R.DecorationRole, R.BackgroundRole, R.ToolTipRole):
        assert cell("in_5", 0, role) is None
    screen.list.tabs.select("due_soon")
    qtmodeltester.check(model)


def test_case_page_header_says_due_soon(qtbot, env, users, four):
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    header = screen.page.header
    expected = {
        "in_2": ("Due soon", "due in 2 d"),
        "today": ("Due soon", "due today"),
        "late": ("Overdue", "3 d overdue"),
        "in_5": ("", "5 d left"),
        "waived": ("", (clock.today() + timedelta(days=1)).isoformat()),
    }
    for name, (badge, due_words) in expected.items():
        screen.open_item(four[name])
        assert header.deadline_badge.isVisibleTo(screen) == bool(badge), name
        if badge:
            assert header.deadline_badge.text() == badge
            assert header.due_icon.isVisibleTo(screen)
        assert header.due_label.text().endswith(due_words), (name, header.due_label.text())
    screen.open_item(four["in_2"])
    assert "#93370d" in header.status_label.styleSheet()  # amber, not the red of overdue
    assert "due in 2 days" in header.deadline_badge.toolTip()


def test_the_team_setting_changes_the_tab_rows_and_header(qtbot, env, users, ctx, qm, four):
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    tabs = screen.list.tabs
    screen.open_item(four["in_5"])
    team_settings.put(qm, "cases.warning_days", 5)
    changes.notify(changes.SETTINGS)
    assert tabs.counts["due_soon"] == 3
    assert screen.page.header.deadline_badge.text() == "Due soon"
    team_settings.put(qm, "cases.warning_days", 0)
    changes.notify(changes.SETTINGS)
    assert tabs.counts["due_soon"] == 0 and tabs.counts["overdue"] == 1
    assert "off" in tabs.tabToolTip([t.key for t in TABS].index("due_soon"))
    model = screen.list.model
    today_row = rows_by_id(model)[four["today"]]
    assert model.index(today_row, model.column_index("days_left")).data() == "Due today"
    assert model.index(today_row, 0).data(R.BackgroundRole) is None
    assert not screen.page.header.deadline_badge.isVisibleTo(screen)


def test_opening_the_screen_says_how_many_are_due_soon(qtbot, env, users, four):
    said: list[str] = []
    screen = cases_screen(qtbot, replace(env_as(env, users, Role.INSPECTOR), show_status=said.append))
    screen.activate()
    assert said == ["2 cases due within 2 d: see the Due soon tab"]
    team_settings.put(env.ctx.as_actor(users[Role.ADMIN]), "cases.warning_days", 0)
    screen.activate()
    assert len(said) == 1  # nothing to say when warnings are off


def test_settings_screen_edits_the_warning_days(qtbot, env, users, ctx):
    screen = SettingsScreen(env)  # acting as the administrator
    qtbot.addWidget(screen)
    screen.show()
    spin = screen.warning_spin
    assert spin.value() == 2 and spin.isEnabled()
    assert (spin.minimum(), spin.maximum()) == team_settings.RANGES["cases.warning_days"]
    spin.clear()
    qtbot.keyClicks(spin, "4")
    with qtbot.waitSignal(changes.changes().changed):
        qtbot.mouseClick(screen.save_team_button, Qt.MouseButton.LeftButton)
    assert team_settings.warning_days(ctx) == 4
    spin.setValue(0)
    assert spin.text() == "No warning"
    qtbot.mouseClick(screen.save_team_button, Qt.MouseButton.LeftButton)
    assert team_settings.warning_days(ctx) == 0
    env.state.set_actor(users[Role.INSPECTOR])
    assert not spin.isEnabled()


def test_merchant_page_marks_its_cases_too(qtbot, env, users, world, four, qtmodeltester):
    from inspector_app.ui.screens.merchants import MerchantsScreen

    screen = MerchantsScreen(env_as(env, users, Role.QUALITY_MANAGER))
    qtbot.addWidget(screen)
    screen.resize(1300, 800)
    screen.show()
    screen.open_item(world.acme_id)
    model = screen.page.cases_model
    qtmodeltester.check(model)
    rows = rows_by_id(model)
    days = model.column_index("days_left")
    assert set(rows) == {four["late"], four["in_2"], four["in_5"]}
    assert model.index(rows[four["in_2"]], days).data() == "Due in 2 d"
    assert model.index(rows[four["in_2"]], 0).data(R.BackgroundRole) == DUE_SOON_TINT
    assert model.index(rows[four["in_2"]], 0).data(R.DecorationRole) is not None
    assert model.index(rows[four["late"]], days).data() == "3 d overdue"
    assert model.index(rows[four["late"]], 0).data(R.BackgroundRole) == OVERDUE_TINT
    assert model.index(rows[four["in_5"]], days).data() == "5 d left"
    assert model.index(rows[four["in_5"]], 0).data(R.DecorationRole) is None
    # A finished case has no countdown and no mark.
    screen.open_item(world.beta_id)
    rows = rows_by_id(model)
    assert model.index(rows[four["waived"]], days).data() == ""
    assert model.index(rows[four["waived"]], 0).data(R.DecorationRole) is None


def test_due_soon_words_in_chinese(qtbot, env, users, four):
    install_translator("zh_CN")  # the autouse fixture puts English back
    screen = cases_screen(qtbot, env_as(env, users, Role.QUALITY_MANAGER))
    tabs, model = screen.list.tabs, screen.list.model
    assert tabs.tabText([t.key for t in TABS].index("due_soon")) == "即将到期 (2)"
    rows = rows_by_id(model)
    days = model.column_index("days_left")
    assert model.index(rows[four["in_2"]], days).data() == "2 天后到期"
    assert model.index(rows[four["in_2"]], 0).data(R.ToolTipRole).startswith("即将到期")
    screen.open_item(four["in_2"])
    assert screen.page.header.deadline_badge.text() == "即将到期"
    assert screen.page.header.due_label.text().endswith("2 天后到期")
