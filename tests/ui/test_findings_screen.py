"""The Findings screen driven through its widgets: search (FTS and LIKE), filters, open a case, Enter."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.services import browse, team_settings
from inspector_app.services import cases as case_service
from inspector_app.ui.findings import view as findings_view
from inspector_app.ui.screens.findings import FindingsScreen
from tests.ui.conftest import QT_LOG_IGNORE
from tests.ui.findings_world import Navigation, env_as, make_world


@pytest.fixture
def world(ctx, users):
    return make_world(ctx, users)


@pytest.fixture
def nav():
    return Navigation()


def make_screen(qtbot, env, users, role, nav):
    screen = FindingsScreen(env_as(env, users, role, nav))
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


@pytest.fixture
def screen(qtbot, env, users, world, nav):
    return make_screen(qtbot, env, users, Role.QUALITY_MANAGER, nav)


def settle(screen, timeout_ms: int = 5000) -> None:
    """Filters and sorting re-query in a background task: wait until its rows are shown."""
    for _ in range(timeout_ms // 10):
        if not screen.view.model.busy:
            return
        QTest.qWait(10)
    raise AssertionError("the findings table is still reloading")


def wait_count(qtbot, screen, n: int) -> None:
    """The count is made by a background task: wait for it."""
    settle(screen)
    qtbot.waitUntil(lambda: screen.view.count == n, timeout=5000)
    assert screen.view.count_label.text() == f"{n} finding" + ("" if n == 1 else "s")


def titles(screen) -> set[str]:
    settle(screen)
    model = screen.view.model
    return {model.row_object(r).title for r in range(model.rowCount())}


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: key clicks for ASCII, an input-method commit for Chinese (as an IME does)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def search(qtbot, screen, text: str) -> None:
    field = screen.view.filter_bar.search
    field.clear()
    type_text(qtbot, field, text)
    assert field.text() == text
    assert field.pending  # debounced: no query per keystroke
    qtbot.waitUntil(lambda: not field.pending, timeout=2000)


def select_rows(screen, wanted: set[str]) -> None:
    table, model = screen.view.table, screen.view.model
    sel = table.selectionModel()
    sel.clearSelection()
    for r in range(model.rowCount()):
        if model.row_object(r).title in wanted:
            sel.select(model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
            sel.setCurrentIndex(model.index(r, 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def test_model_passes_the_model_tester(qtbot, screen, qtmodeltester):
    assert screen.view.model.rowCount() == 5
    qtmodeltester.check(screen.view.model)
    assert not screen.view.model.canFetchMore()  # the short page told it the end


def test_count_label_and_search_narrow_in_sql(qtbot, screen):
    wait_count(qtbot, screen, 5)
    search(qtbot, screen, "Seam")
    assert titles(screen) == {"Seam splits at the shoulder"}
    wait_count(qtbot, screen, 1)
    # Three Chinese characters: the FTS5 trigram index answers.
    search(qtbot, screen, "开胶严")
    assert titles(screen) == {"鞋底开胶严重"}
    # Two characters are below the trigram size: LIKE answers, both shoes match.
    search(qtbot, screen, "开胶")
    assert titles(screen) == {"鞋底开胶严重", "鞋底开胶"}
    screen.view.filter_bar.search.clear()
    wait_count(qtbot, screen, 5)


@pytest.mark.qt_log_ignore(*QT_LOG_IGNORE, "This plugin does not support grabbing the keyboard")
def test_filters_category_severity_dates_and_merchant(qtbot, screen, world):
    bar = screen.view.filter_bar
    bar.category.setCurrentIndex(bar.category.findData("false_advertising"))
    assert titles(screen) == {"Colour differs from the photos"}
    bar.category.setCurrentIndex(0)
    bar.severity.setCurrentIndex(bar.severity.findData("critical"))
    assert titles(screen) == {"鞋底开胶严重"}
    bar.severity.setCurrentIndex(0)
    bar.since.set_value(clock.today() + timedelta(days=1))
    wait_count(qtbot, screen, 0)
    bar.since.clear_value()
    bar.until.set_value(clock.today())
    wait_count(qtbot, screen, 5)
    bar.until.clear_value()

    # The merchant type-ahead: type, pick the suggestion from the popup.
    bar.merchant.setFocus()
    qtbot.keyClicks(bar.merchant, "acme")
    popup = bar.merchant.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert bar.merchant.merchant_id == world.acme_id
    assert titles(screen) == {"Seam splits at the shoulder", "鞋底开胶严重", "Zip pull broken"}
    qtbot.keyClick(bar.merchant, Qt.Key.Key_Backspace)  # typing over the choice drops it
    assert bar.merchant.merchant_id == 0
    wait_count(qtbot, screen, 5)


def test_open_case_for_two_findings_of_one_merchant(qtbot, screen, world, nav, ctx, monkeypatch):
    seen = {}

    def fill_and_open(dialog):
        seen["due"] = dialog.due_edit.date().toPython()
        seen["assignee"] = dialog.assignee_combo.currentText()
        seen["what"] = dialog.what_label.text()
        qtbot.keyClicks(dialog.summary_edit, "Fix the seams and the soles")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(findings_view.OpenCaseDialog, "exec", fill_and_open)
    assert not screen.view.open_case_button.isEnabled()
    select_rows(screen, {"Seam splits at the shoulder", "鞋底开胶严重"})
    assert screen.view.open_case_button.isEnabled()
    qtbot.mouseClick(screen.view.open_case_button, Qt.MouseButton.LeftButton)

    # The due date follows the team deadline of the worst severity (critical).
    days = team_settings.deadline_days(ctx, "critical")
    assert seen["due"] == clock.today() + timedelta(days=days)
    assert seen["what"] == "2 findings of Acme Store (shop-acme)"
    assert seen["assignee"].startswith("Quinn Manager")
    assert nav.calls and nav.calls[-1][0] == "cases"
    case = case_service.get_case_by_id(ctx, nav.calls[-1][1])
    assert case.merchant_id == world.acme_id
    assert set(case.finding_ids) == {world.finding["Seam splits at the shoulder"], world.finding["鞋底开胶严重"]}
    assert case.summary == "Fix the seams and the soles"
    assert case.due_date == seen["due"]
    # The table refreshed itself from the change signal: the case shows, and
    # "not yet in a case" leaves those two out.
    model = screen.view.model
    numbers = {model.row_object(r).title: model.row_object(r).case_number for r in range(model.rowCount())}
    assert numbers["Seam splits at the shoulder"] == case.case_number
    screen.view.filter_bar.without_case.click()
    assert titles(screen) == {"Zip pull broken", "鞋底开胶", "Colour differs from the photos"}


def test_findings_of_two_merchants_are_refused_in_the_dialog(qtbot, screen, monkeypatch):
    shown = {}

    def try_open(dialog):
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        shown["error"] = dialog.findings_error.text()
        shown["visible"] = not dialog.findings_error.isHidden()
        shown["what"] = dialog.what_label.text()
        return dialog.result()

    monkeypatch.setattr(findings_view.OpenCaseDialog, "exec", try_open)
    select_rows(screen, {"Seam splits at the shoulder", "Colour differs from the photos"})
    qtbot.mouseClick(screen.view.open_case_button, Qt.MouseButton.LeftButton)
    assert shown["visible"]
    assert "one merchant" in shown["error"] and "2 merchants" in shown["error"]
    assert shown["what"] == "2 findings of 2 merchants"
    assert screen.view.model.row_object(0).case_number == ""


def test_enter_opens_the_findings_purchase(qtbot, screen, world, nav):
    select_rows(screen, {"Colour differs from the photos"})
    screen.view.table.setFocus()
    qtbot.keyClick(screen.view.table, Qt.Key.Key_Return)
    assert nav.calls == [("purchases", world.beta_purchase)]
    qtbot.mouseClick(screen.view.open_purchase_button, Qt.MouseButton.LeftButton)
    assert nav.calls[-1] == ("purchases", world.beta_purchase)


def test_ctrl_f_hook_focuses_search(qtbot, screen):
    screen.focus_search()
    qtbot.waitUntil(screen.view.filter_bar.search.hasFocus, timeout=1000)


@pytest.mark.parametrize("role", [Role.INSPECTOR, Role.MERCHANT_MANAGER])
def test_only_managers_may_open_cases(qtbot, env, users, world, role):
    screen = make_screen(qtbot, env, users, role, Navigation())
    select_rows(screen, {"Zip pull broken"})
    assert screen.view.open_case_button.isHidden()
    assert not screen.view.open_case_action.isEnabled()


def test_dialog_result_is_rejected_on_cancel(qtbot, screen, monkeypatch, ctx):
    monkeypatch.setattr(findings_view.OpenCaseDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    select_rows(screen, {"Zip pull broken"})
    qtbot.mouseClick(screen.view.open_case_button, Qt.MouseButton.LeftButton)
    assert screen.view.model.row_object(0).case_number == ""


def test_delete_asks_then_undo_restores(qtbot, screen, world, ctx, users, message_boxes):
    select_rows(screen, {"Zip pull broken"})
    table = screen.view.table
    table.setFocus()
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert message_boxes.shown[-1]["text"] == "Delete 1 finding? You can undo this."
    wait_count(qtbot, screen, 5)

    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    wait_count(qtbot, screen, 4)
    assert "Zip pull broken" not in titles(screen)
    assert screen.view.undo_button.isVisible()
    qtbot.mouseClick(screen.view.undo_button, Qt.MouseButton.LeftButton)
    wait_count(qtbot, screen, 5)
    assert not screen.view.undo_button.isVisible()


def test_a_finding_in_a_case_is_not_deleted(qtbot, screen, world, ctx, users, message_boxes):
    case_service.open_case(ctx.as_actor(users[Role.QUALITY_MANAGER]), [world.finding["Zip pull broken"]])
    screen.view.refresh()
    select_rows(screen, {"Zip pull broken"})
    screen.view.table.setFocus()
    qtbot.keyClick(screen.view.table, Qt.Key.Key_Delete)
    assert "cannot be deleted" in message_boxes.texts()[-1]
    wait_count(qtbot, screen, 5)
    assert not screen.view.undo_button.isVisible()


def test_sorting_runs_in_the_background_and_says_so(qtbot, env, users, world, nav, monkeypatch):
    gate = threading.Event()
    fetch = browse.fetch_findings

    def slow_fetch(ctx, flt, *, sort, desc, offset, limit):
        if sort == "title":
            assert gate.wait(10)
        return fetch(ctx, flt, sort=sort, desc=desc, offset=offset, limit=limit)

    monkeypatch.setattr(browse, "fetch_findings", slow_fetch)
    screen = make_screen(qtbot, env, users, Role.QUALITY_MANAGER, nav)
    wait_count(qtbot, screen, 5)
    view, before = screen.view, titles(screen)
    view.model.sort(view.model.column_index("title"))
    assert view.model.busy and view.count_label.text() == "Sorting…"
    assert view.table.viewport().cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.wait(50)  # the window keeps handling events; the old rows stay meanwhile
    assert {view.model.row_object(r).title for r in range(view.model.rowCount())} == before
    gate.set()
    wait_count(qtbot, screen, 5)
    assert view.model.row_object(0).title == min(before)
    assert view.table.viewport().cursor().shape() != Qt.CursorShape.BusyCursor
