"""The Review screen through its widgets: the planted slow merchant as a candidate, the
suspended one apart, and one decision for several merchants at once (tasks run inline)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspector_app.domain.enums import Role
from inspector_app.services import merchants as merchant_service
from inspector_app.services import review_decisions
from tests.services.review_world import MONTH, plant

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
def world(ctx, users):
    return plant(ctx.as_actor(users[Role.QUALITY_MANAGER]))


def _screen(qtbot, env):
    from inspector_app.ui.screens.review_screen import ReviewScreen

    screen = ReviewScreen(env)
    qtbot.addWidget(screen)
    screen.show()
    screen.month_combo.setCurrentText(MONTH)
    screen.activate()  # as the main window does when the screen is shown
    qtbot.waitUntil(lambda: screen.result is not None and screen.result.month == MONTH)
    return screen


def _row_of(model, shop):
    for r in range(model.rowCount()):
        if model.row_object(r).shop_id == shop:
            return r
    raise AssertionError(shop)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, env, world):
    screen = _screen(qtbot, env)
    qtmodeltester.check(screen.model)
    qtmodeltester.check(screen.apart_model)


def test_candidates_evidence_and_a_batch_decision(qtbot, env, world, ctx):
    screen = _screen(qtbot, env)
    shops = [screen.model.row_object(r).shop_id for r in range(screen.model.rowCount())]
    assert "TOP" not in shops and "GONE" not in shops
    apart = {screen.apart_model.row_object(r).shop_id
             for r in range(screen.apart_model.rowCount())}
    assert apart == {"TOP", "GONE"}

    qtbot.mouseClick(screen.candidates_check, Qt.MouseButton.LeftButton)
    rows = [screen.model.row_object(r) for r in range(screen.model.rowCount())]
    assert rows and all(r.candidate for r in rows)
    slow = _row_of(screen.model, "SLOW")
    why = screen.model.index(slow, 4).data()
    assert "work orders over 72 h" in why

    # Select SLOW, then Ctrl+click another candidate: one decision for both.
    screen.table.selectRow(slow)
    assert "51 work orders" in screen.evidence_label.text()
    assert "Stages past their limit: " in screen.evidence_label.text()
    second = next(r.shop_id for r in rows if r.shop_id != "SLOW")
    other = screen.model.index(_row_of(screen.model, second), 0)
    screen.table.scrollTo(other)
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     screen.table.visualRect(other).center())
    assert {r.shop_id for r in screen.selected_rows()} == {"SLOW", second}
    assert not screen.decide_button.isEnabled()  # no reason yet
    screen.decision_combo.setCurrentIndex(screen.decision_combo.findData("watch"))
    qtbot.keyClicks(screen.reason_edit, "slow after-sales, complaints surging")
    assert screen.decide_button.isEnabled()
    qtbot.mouseClick(screen.decide_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(screen.result.decisions) == 2)
    for shop in ("SLOW", second):
        assert merchant_service.find_by_shop_id(ctx, shop).status == "watch"
    decided = review_decisions.month_decisions(ctx, MONTH)
    assert {d.shop_id for d in decided} == {"SLOW", second}
    assert len({d.batch for d in decided}) == 1
    assert screen.model.index(_row_of(screen.model, "SLOW"), 15).data() == "Watch"


def test_an_inspector_sees_the_review_but_cannot_decide(qtbot, env, world, users):
    env.state.set_actor(users[Role.INSPECTOR])
    screen = _screen(qtbot, env)
    screen.table.selectRow(0)
    qtbot.keyClicks(screen.reason_edit, "x")  # disabled: no text goes in
    assert not screen.decide_button.isEnabled()
    assert not screen.reason_edit.isEnabled()
