"""The "Deleted items" screen driven in the real main window: tabs, search, roles and Restore."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt

from inspector_app.domain import clock
from inspector_app.domain.enums import PhotoRole, PurchaseStatus, Role
from inspector_app.services import catalog, findings, merchants, purchases
from inspector_app.services import photos as photo_service
from inspector_app.services.browse.deleted import DeletedFilter, count_deleted
from inspector_app.services.findings import FindingInput
from inspector_app.services.purchases import PurchaseInput
from inspector_app.ui import changes
from inspector_app.ui.models import ROW_ROLE
from inspector_app.ui.screens import SCREENS
from tests.photos.samples import jpeg_bytes


@pytest.fixture
def basket(state, tmp_path):
    """A purchase, a finding whose purchase is deleted too, a photo, a merchant, a product."""
    ctx = state.ctx
    shop = merchants.create_merchant(ctx, "S-1", "Acme Store")
    spare = merchants.create_merchant(ctx, "S-2", "Spare Shop")
    gone = purchases.create_purchase(ctx, PurchaseInput(merchant_id=shop.id, order_number="ORD-GONE"))
    kept = purchases.create_purchase(ctx, PurchaseInput(merchant_id=shop.id, order_number="ORD-KEPT"))
    both = purchases.create_purchase(ctx, PurchaseInput(
        merchant_id=shop.id, order_number="ORD-BOTH", status=PurchaseStatus.RECEIVED,
        ordered_at=clock.now() - timedelta(days=3), received_at=clock.now()))
    lost = findings.add_finding(ctx, both.id, FindingInput("product_quality", "major", "Seam splits"))
    findings.add_finding(ctx, both.id, FindingInput("product_quality", "minor", "Box dented"))
    path = tmp_path / "parcel.jpg"
    path.write_bytes(jpeg_bytes((64, 48), noise=5))
    (photo,) = photo_service.add_photos(ctx, [path], purchase_id=kept.id, role=PhotoRole.EVIDENCE)
    product = catalog.create_product(ctx, "Linen shirt", brand="Acme")
    purchases.delete_purchase(ctx, gone.id)
    findings.delete_finding(ctx, lost.id)
    purchases.delete_purchase(ctx, both.id)
    photo_service.delete_photo(ctx, photo.photo_id)
    merchants.delete_merchant(ctx, spare.id)
    catalog.delete_product(ctx, product.id)
    return {"purchase": gone.id, "finding": lost.id, "both": both.id, "photo": photo.photo_id,
            "merchant": spare.id, "product": product.id, "kept": kept.id}


def _open(qtbot, window):
    screen = window.navigate("deleted")
    qtbot.waitUntil(lambda: window.current_screen_name() == "deleted")
    return screen


def _row(screen, kind: str, row_id: int) -> int:
    for r in range(screen.model.rowCount()):
        row = screen.model.index(r, 0).data(ROW_ROLE)
        if (row.kind, row.id) == (kind, row_id):
            return r
    raise AssertionError(f"{kind} {row_id} not listed")


def _select(qtbot, screen, *keys: tuple[str, int]) -> None:
    """Click the first row, ctrl-click the others (as a user selects several)."""
    view = screen.view
    for i, (kind, row_id) in enumerate(keys):
        r = _row(screen, kind, row_id)
        rect = view.visualRect(screen.model.index(r, 1))
        modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    assert len(view.selectionModel().selectedRows()) == len(keys)


def test_registered_next_to_settings_with_a_shortcut():
    names = list(SCREENS)
    assert names.index("deleted") == names.index("settings") + 1
    assert SCREENS["deleted"].shortcut == "Alt+0"


def test_the_model_passes_qt_model_tests(qtbot, window, basket, qtmodeltester):
    screen = _open(qtbot, window)
    qtmodeltester.check(screen.model)
    assert screen.model.total == 6
    screen.model.sort(screen.model.column_index("what"), Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(screen.model)
    whats = [screen.model.row_object(r).what for r in range(screen.model.rowCount())]
    assert whats == sorted(whats)


def test_tabs_and_search_filter_in_sql(qtbot, window, basket):
    screen = _open(qtbot, window)
    assert [screen.tabs.tabText(i) for i in range(screen.tabs.count())] == [
        "All (6)", "Purchases (2)", "Findings (1)", "Photos (1)", "Merchants (1)", "Products (1)"]
    assert screen.count_label.text() == "6 deleted items"
    screen.tabs.setCurrentIndex(2)
    assert [screen.model.row_object(r).kind for r in range(screen.model.rowCount())] == ["finding"]
    finding = screen.model.row_object(0)
    parent_col = screen.model.column_index("parent")
    assert screen.model.index(0, parent_col).data() == "Purchase ORD-BOTH (deleted)"
    assert "brings it back" in screen.model.index(0, parent_col).data(Qt.ItemDataRole.ToolTipRole)
    assert finding.what == "Seam splits" and screen.count_label.text() == "1 finding"
    screen.tabs.setCurrentIndex(0)
    qtbot.keyClicks(screen.search_edit, "acme")
    qtbot.waitUntil(lambda: screen.model.total == 5, timeout=3000)  # all but the merchant
    assert screen.count_label.text() == "5 deleted items (filtered)"
    assert screen.model.total == count_deleted(window.state.ctx, DeletedFilter(text="acme"))


def test_restore_brings_a_purchase_back_into_the_purchases_screen(qtbot, window, basket):
    purchases_screen = window.navigate("purchases")
    model = purchases_screen.list_page.model
    assert model.row_of_id(basket["purchase"]) == -1
    screen = _open(qtbot, window)
    _select(qtbot, screen, ("purchase", basket["purchase"]), ("product", basket["product"]))
    assert screen.restore_button.isVisible() and screen.restore_button.isEnabled()
    with qtbot.waitSignal(window.env.changes.changed, timeout=2000):
        qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert screen.message_label.text() == "Restored 1 purchase, 1 product."
    assert window.statusBar().currentMessage() == "Restored 1 purchase, 1 product."
    assert screen.model.total == 4 and screen.tabs.tabText(0) == "All (4)"
    window.navigate("purchases")
    assert model.row_of_id(basket["purchase"]) >= 0  # the other screen refreshed itself


def test_a_finding_comes_back_with_its_deleted_purchase(qtbot, window, basket):
    findings_screen = window.navigate("findings")
    assert findings_screen.view.model.row_of_id(basket["finding"]) == -1
    screen = _open(qtbot, window)
    seen: list[tuple[str, list]] = []
    window.env.changes.changed.connect(lambda entity, ids: seen.append((entity, ids)))
    _select(qtbot, screen, ("finding", basket["finding"]))
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert screen.message_label.text() == (
        "Restored 1 finding. Also restored what it belongs to: Purchase ORD-BOTH.")
    assert (changes.PURCHASE, [basket["both"]]) in seen and (changes.FINDING, [basket["finding"]]) in seen
    assert screen.model.total == 4  # the finding and its purchase left the basket
    window.navigate("findings")
    model = findings_screen.view.model
    qtbot.waitUntil(lambda: model.row_of_id(basket["finding"]) >= 0, timeout=3000)


def test_restore_only_for_roles_that_may(qtbot, window, basket, users):
    screen = _open(qtbot, window)
    window.switch_user(users[Role.MERCHANT_MANAGER])
    # They may restore rectification photos only: none here, so every row is grey.
    qtbot.waitUntil(lambda: "shown in grey" in screen.note_label.text())
    assert not any(screen.model.row_object(r).restorable for r in range(screen.model.rowCount()))
    _select(qtbot, screen, ("photo", basket["photo"]))
    assert screen.restore_button.isVisible() and not screen.restore_button.isEnabled()
    screen.tabs.setCurrentIndex(4)  # merchants
    assert not screen.restore_button.isVisible() and screen.note_label.isVisible()
    assert screen.note_label.text() == (
        "Your role (Merchant manager) may look at these deleted items but not restore them.")

    window.switch_user(users[Role.INSPECTOR])
    screen.tabs.setCurrentIndex(0)
    qtbot.waitUntil(screen.restore_button.isVisible)
    assert "shown in grey" in screen.note_label.text()
    grey = screen.model.index(_row(screen, "merchant", basket["merchant"]), 0)
    assert grey.data(Qt.ItemDataRole.ForegroundRole) is not None
    _select(qtbot, screen, ("purchase", basket["purchase"]), ("merchant", basket["merchant"]))
    assert not screen.restore_button.isEnabled()
    assert "may not restore some" in screen.restore_button.toolTip()
    _select(qtbot, screen, ("purchase", basket["purchase"]))
    assert screen.restore_button.isEnabled()


def test_a_refused_restore_shows_the_service_message_and_restores_nothing(
        qtbot, window, basket, message_boxes, tmp_path):
    ctx = window.state.ctx
    path = tmp_path / "parcel.jpg"  # the same file attached again after the delete
    (again,) = photo_service.add_photos(ctx, [path], purchase_id=basket["kept"])
    assert again.status == "stored"
    screen = _open(qtbot, window)
    _select(qtbot, screen, ("photo", basket["photo"]), ("purchase", basket["purchase"]))
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert len(message_boxes.shown) == 1
    assert "already attached again" in message_boxes.texts()[0]
    assert screen.model.total == 6 and screen.message_label.isHidden()


def test_a_delete_elsewhere_shows_up_here(qtbot, window, basket):
    screen = _open(qtbot, window)
    ctx = window.state.ctx
    kept = basket["kept"]
    purchases.delete_purchase(ctx, kept)
    changes.notify(changes.PURCHASE, [kept])
    assert screen.model.total == 7 and screen.tabs.tabText(1) == "Purchases (3)"
    screen.view.selectionModel().select(
        screen.model.index(_row(screen, "purchase", kept), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    screen.restore_action.trigger()  # the table's context menu entry
    assert screen.model.total == 6


def test_ctrl_f_focuses_the_search(qtbot, window, basket):
    _open(qtbot, window)
    window.find_action.trigger()
    assert window.built_screen("deleted").search_edit.hasFocus()


def test_restoring_what_another_window_restored_meanwhile_says_so(qtbot, window, basket):
    from inspector_app.services.waste_basket import restore_items

    screen = _open(qtbot, window)
    _select(qtbot, screen, ("merchant", basket["merchant"]))
    restore_items(window.state.ctx, [("merchant", basket["merchant"])])  # e.g. on another laptop
    qtbot.mouseClick(screen.restore_button, Qt.MouseButton.LeftButton)
    assert screen.message_label.text() == "Nothing to restore: the items were restored already."
    assert screen.model.total == 5


def test_the_deleted_by_column_names_the_deleter_and_sorts_in_sql(qtbot, window, basket, users):
    import sqlite3

    ctx = window.state.ctx
    purchases.delete_purchase(ctx.as_actor(users[Role.INSPECTOR]), basket["kept"])
    # As a row deleted before migration 0004, which recorded nobody.
    con = sqlite3.connect(ctx.paths.database)
    with con:
        con.execute("UPDATE merchants SET deleted_by_id = NULL WHERE id = ?", (basket["merchant"],))
    con.close()
    screen = _open(qtbot, window)
    col = screen.model.column_index("deleted_by")
    assert screen.model.headerData(col, Qt.Orientation.Horizontal) == "Deleted by"

    def cell(kind: str, row_id: int) -> str:
        return screen.model.index(_row(screen, kind, row_id), col).data()

    assert cell("purchase", basket["kept"]) == "Ivy Inspector"
    assert cell("merchant", basket["merchant"]) == "—"
    assert cell("product", basket["product"]) == "Admin"  # the basket's deletes are the admin's
    header = screen.view.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    qtbot.waitUntil(lambda: screen.model.sort_key == "deleted_by")
    shown = [screen.model.index(r, col).data() for r in range(screen.model.rowCount())]
    expected = ["—", *["Admin"] * 5, "Ivy Inspector"]
    assert shown in (expected, expected[::-1])
    assert screen.model.total == 7
