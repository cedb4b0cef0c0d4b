"""The Purchases screen's table: search, filters and sorting in SQL, count, open, delete and undo."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from inspector_app.domain import clock
from inspector_app.domain.enums import Role
from inspector_app.services import browse
from inspector_app.services import purchases as purchase_service
from inspector_app.ui.changes import changes
from inspector_app.ui.models import ID_ROLE
from inspector_app.ui.screens import ScreenEnv
from tests.ui.purchase_helpers import (
    POPUP_LOG_IGNORE,
    click,
    click_header,
    column_values,
    make_sample,
    pick_from_popup,
)


@pytest.fixture
def navigated():
    return []


def _env(state, settings, navigated):
    return ScreenEnv(
        state=state, settings=settings, changes=changes(),
        navigate=lambda name, item_id=None: navigated.append((name, item_id)),
    )


@pytest.fixture
def sample(state, users):
    return make_sample(state.ctx, inspector_id=users[Role.INSPECTOR].id)


@pytest.fixture
def screen(qtbot, state, settings, navigated, sample):
    from inspector_app.ui.screens.purchases import PurchasesScreen

    w = PurchasesScreen(_env(state, settings, navigated))
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activate()
    return w


def _numbers(screen) -> list[str]:
    return column_values(screen.list_page.model, "order_number")


def test_the_table_lists_every_purchase_newest_first_with_a_count(screen):
    page = screen.list_page
    assert _numbers(screen) == ["B-202", "B-201", "A-101", "A-100", "B-200", "C-300"]
    assert page.count_label.text() == "6 purchases"
    model = page.model
    row = model.row_of_id(screen.list_page.model.row_id(0))
    assert model.index(row, model.column_index("price_paid_cents")).data() == "1,200.00"
    b200 = _numbers(screen).index("B-200")
    assert model.index(b200, model.column_index("verdict")).data() == "Fail"
    assert model.index(b200, model.column_index("finding_count")).data() == "1"
    assert model.index(b200, model.column_index("status")).data() == "Inspected"


def test_search_is_debounced_and_narrows_the_table_in_sql(qtbot, screen, monkeypatch):
    page = screen.list_page
    queries = []
    real = browse.count_purchases
    monkeypatch.setattr(page.model._source, "count_fn", lambda ctx, flt: queries.append(flt.text) or real(ctx, flt))
    qtbot.keyClicks(page.filter_bar.search, "Acme")
    # One query after the pause, not one per key.
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=3000)
    assert queries == ["Acme"]
    assert sorted(_numbers(screen)) == ["A-100", "A-101"]
    assert page.count_label.text() == "2 purchases (filtered)"
    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "knife")
    qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Return)  # Enter searches at once
    assert sorted(_numbers(screen)) == ["B-200", "B-201", "B-202"]
    page.filter_bar.search.clear()
    qtbot.keyClicks(page.filter_bar.search, "zzz-nothing")
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=3000)
    assert page.count_label.text() == "0 purchases (filtered)"


@POPUP_LOG_IGNORE
def test_filters_by_status_verdict_merchant_inspector_and_dates(qtbot, screen, users, state):
    bar = screen.list_page.filter_bar
    model = screen.list_page.model
    bar.status.setCurrentIndex(bar.status.findData("ordered"))
    assert _numbers(screen) == ["B-201"]
    bar.status.setCurrentIndex(0)
    bar.verdict.setCurrentIndex(bar.verdict.findData("fail"))
    assert _numbers(screen) == ["B-200"]
    bar.verdict.setCurrentIndex(0)

    # Merchant: type-ahead over SQL, pick with the keyboard.
    qtbot.keyClicks(bar.merchant.edit, "brig")
    pick_from_popup(qtbot, bar.merchant, "Bright Kitchen")
    assert bar.merchant.selected_id is not None
    assert sorted(_numbers(screen)) == ["B-200", "B-201", "B-202"]

    # Dates: ordered in the last 10 days (B-201 5 days ago, B-202 3 days ago).
    click(qtbot, bar.since.check)
    bar.since.edit.setDate(QDate(clock.today() - timedelta(days=10)))
    assert sorted(_numbers(screen)) == ["B-201", "B-202"]
    click(qtbot, bar.until.check)
    bar.until.edit.setDate(QDate(clock.today() - timedelta(days=4)))
    assert _numbers(screen) == ["B-201"]

    click(qtbot, bar.clear_button)
    assert model.total == 6
    assert bar.merchant.text() == "" and not bar.since.check.isChecked()

    # Inspector: the sample's purchases were all logged for the inspector.
    bar.inspector.setCurrentIndex(bar.inspector.findData(users[Role.QUALITY_MANAGER].id))
    assert model.total == 0
    bar.inspector.setCurrentIndex(bar.inspector.findData(users[Role.INSPECTOR].id))
    assert model.total == 6


def test_header_clicks_sort_in_sql(qtbot, screen):
    view = screen.list_page.table
    model = screen.list_page.model
    price = model.column_index("price_paid_cents")
    click_header(qtbot, view, price)
    assert model.sort_key == "price_paid_cents"
    first = column_values(model, "price_paid_cents")
    assert first in (sorted(first), sorted(first, reverse=True))
    click_header(qtbot, view, price)
    second = column_values(model, "price_paid_cents")
    assert second == list(reversed(first))
    click_header(qtbot, view, model.column_index("merchant"))
    merchants = column_values(model, "merchant")
    assert merchants in (sorted(merchants), sorted(merchants, reverse=True))
    # A column without a sort key leaves the order alone.
    click_header(qtbot, view, model.column_index("buyer_alias"))
    assert model.sort_key == "merchant"


def _select(qtbot, screen, number: str) -> None:
    view = screen.list_page.table
    row = _numbers(screen).index(number)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_id() == view.model().index(row, 0).data(ID_ROLE)


def test_enter_and_double_click_open_the_inspection(qtbot, screen, sample):
    _select(qtbot, screen, "A-101")
    qtbot.keyClick(screen.list_page.table, Qt.Key.Key_Return)
    assert screen.stack.currentWidget() is screen.inspect_page
    assert screen.inspect_page.purchase.id == sample.purchases["A-101"]
    click(qtbot, screen.inspect_page.back_button)
    assert screen.stack.currentWidget() is screen.list_page
    assert screen.list_page.table.current_id() == sample.purchases["A-101"]  # back on its row
    view = screen.list_page.table
    row = _numbers(screen).index("C-300")
    rect = view.visualRect(view.model().index(row, 2))
    # A real double click starts with a press on the same row.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert screen.inspect_page.purchase.id == sample.purchases["C-300"]


def test_delete_asks_soft_deletes_and_undo_restores(qtbot, screen, sample, state, message_boxes):
    page = screen.list_page
    _select(qtbot, screen, "C-300")
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Delete purchase C-300?" in message_boxes.texts()[-1]
    assert page.model.total == 6  # "No" keeps it
    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.total == 5
    assert "C-300" not in _numbers(screen)
    assert purchase_service.get_purchase(state.ctx, sample.purchases["C-300"]).deleted
    assert page.undo_bar.isVisible() and "1 purchase" in page.undo_bar.message.text()
    click(qtbot, page.undo_bar.button)
    assert page.model.total == 6
    assert not purchase_service.get_purchase(state.ctx, sample.purchases["C-300"]).deleted
    assert not page.undo_bar.isVisible()


def test_several_selected_rows_are_deleted_together(qtbot, screen, message_boxes):
    page = screen.list_page
    _select(qtbot, screen, "A-100")
    view = page.table
    row = _numbers(screen).index("A-101")
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center())
    click(qtbot, page.delete_button)
    assert "Delete 2 purchases?" in message_boxes.texts()[-1]
    assert page.model.total == 4
    click(qtbot, page.undo_bar.button)
    assert page.model.total == 6


def test_private_column_and_write_buttons_follow_the_role(qtbot, screen, state, users):
    page = screen.list_page
    alias = page.model.column_index("buyer_alias")
    assert not page.table.isColumnHidden(alias)  # admin
    assert page.model.index(0, alias).data().startswith("alias-")
    state.set_actor(users[Role.MERCHANT_MANAGER])
    assert page.table.isColumnHidden(alias)
    assert not page.new_button.isEnabled()
    assert page.model.index(0, alias).data() == ""  # the service withholds it too
    # Who inspected is private as well: no column, no filter, blank from the service.
    inspector = page.model.column_index("inspector")
    assert page.table.isColumnHidden(inspector)
    assert page.filter_bar.inspector.isHidden()
    assert all(page.model.index(r, inspector).data() == "" for r in range(page.model.rowCount()))
    _select(qtbot, screen, "A-100")
    assert page.open_button.isEnabled() and not page.delete_button.isEnabled()
    state.set_actor(users[Role.INSPECTOR])
    assert not page.table.isColumnHidden(alias) and page.new_button.isEnabled()
    assert not page.table.isColumnHidden(inspector) and not page.filter_bar.inspector.isHidden()


def test_changes_elsewhere_refresh_the_table(qtbot, screen, sample, state):
    from inspector_app.ui.changes import PURCHASE, notify

    purchase_service.delete_purchase(state.ctx, sample.purchases["A-100"])
    notify(PURCHASE, [sample.purchases["A-100"]])
    assert screen.list_page.model.total == 5


def test_paged_model_passes_the_model_tester(qtmodeltester, screen):
    model = screen.list_page.model
    qtmodeltester.check(model)
    screen.list_page.filter_bar.status.setCurrentIndex(1)
    qtmodeltester.check(model)


def test_fail_differs_from_pass_by_word_colour_and_icon(screen):
    """Not by colour alone: the word, a red/green text and a cross/tick icon of another shape."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from inspector_app.ui.contrast import contrast_ratio

    model = screen.list_page.model
    col = model.column_index("verdict")
    cells = {model.index(r, col).data(): model.index(r, col) for r in range(model.rowCount())}
    assert {"Pass", "Fail"} <= set(cells)
    passed, failed = cells["Pass"], cells["Fail"]
    fg_pass = passed.data(Qt.ItemDataRole.ForegroundRole)
    fg_fail = failed.data(Qt.ItemDataRole.ForegroundRole)
    assert fg_pass != fg_fail
    for fg in (fg_pass, fg_fail):
        for background in (QColor("white"), screen.list_page.table.palette().alternateBase().color()):
            assert contrast_ratio(fg, background) >= 4.5
    icon_pass = passed.data(Qt.ItemDataRole.DecorationRole).pixmap(14).toImage()
    icon_fail = failed.data(Qt.ItemDataRole.DecorationRole).pixmap(14).toImage()
    assert not icon_pass.isNull() and icon_pass != icon_fail
