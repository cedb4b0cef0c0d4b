"""Correcting the team's own data from the UI: merchants (edit with F2, merge with Ctrl+M,
Delete), products (the Products dialog), users (Settings > Users), in English and Chinese."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from sqlalchemy import text

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Role
from inspector_app.services import catalog, merchants, purchases
from inspector_app.ui.i18n import install_translator


@pytest.fixture
def shops(env):
    ctx = env.ctx
    a = merchants.create_merchant(ctx, "M-A", "甲店 Alpha")
    b = merchants.create_merchant(ctx, "M-B", "甲店 Alfa")
    t = clock.now() - timedelta(days=2)
    for i, shop in enumerate((a, a, b)):
        purchases.create_purchase(ctx, purchases.PurchaseInput(
            merchant_id=shop.id, order_number=f"DM-{i}", ordered_at=t, received_at=t,
            status=PurchaseStatus.RECEIVED))
    return a, b


def _screen(qtbot, env):
    from inspector_app.ui.screens.merchants import MerchantsScreen

    screen = MerchantsScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitActive(screen):  # window shortcuts need the active window
        screen.activateWindow()
    return screen


def _select(screen, *shop_ids: str) -> None:
    view, model = screen.view, screen.model
    view.clearSelection()
    for r in range(model.rowCount()):
        if model.row_object(r).shop_id in shop_ids:
            view.selectionModel().select(
                model.index(r, 0), view.selectionModel().SelectionFlag.Select
                | view.selectionModel().SelectionFlag.Rows)
    view.setFocus()


def _in_dialog(qtbot, act) -> list:
    """Run `act(dialog)` once the next modal dialog is open; returns what was seen."""
    seen: list = []

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, step)
            return
        seen.append(dialog)
        try:
            act(dialog)
        except BaseException as exc:  # noqa: BLE001 - raised by _check() after exec()
            seen.append(exc)
            dialog.done(0)

    QTimer.singleShot(0, step)
    return seen


def _check(seen: list) -> None:
    for item in seen:
        if isinstance(item, BaseException):
            raise item


def _sql(ctx, query: str, **params):
    with ctx.db.read() as s:
        return s.execute(text(query), params).all()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_edit_a_merchant_from_the_keyboard(qtbot, env, shops, lang):
    install_translator(lang)
    _, b = shops
    screen = _screen(qtbot, env)
    _select(screen, "M-B")

    def type_and_save(dialog) -> None:
        assert dialog.objectName() == "merchant_edit_dialog"
        assert dialog.focusWidget() is dialog.edits["name"]  # the name, selected
        qtbot.keyClicks(dialog.focusWidget(), "Beta Flagship")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    seen = _in_dialog(qtbot, type_and_save)
    qtbot.keyClick(screen.view, Qt.Key.Key_F2)
    _check(seen)
    assert seen and (seen[0].windowTitle() == ("编辑商家" if lang == "zh_CN" else "Edit merchant"))
    assert merchants.get_merchant(env.ctx, b.id).name == "Beta Flagship"
    qtbot.waitUntil(lambda: "Beta Flagship" in [screen.model.row_object(r).name
                                           for r in range(screen.model.rowCount())])


def test_a_stale_edit_is_refused_and_says_who(qtbot, env, shops, users, message_boxes):
    from inspector_app.ui.merchants.edit_dialog import MerchantEditDialog

    a, _ = shops
    dialog = MerchantEditDialog(env.ctx, merchants.get_merchant(env.ctx, a.id))
    qtbot.addWidget(dialog)
    qm = env.ctx.as_actor(users[Role.QUALITY_MANAGER])
    merchants.update_merchant(qm, a.id, contact="Li")
    dialog.edits["name"].setText("Renamed")
    dialog._save()
    assert "Quinn Manager" in dialog.error_label.text()
    assert "nothing was saved" in dialog.error_label.text()
    assert merchants.get_merchant(env.ctx, a.id).name == "甲店 Alpha"
    message_boxes.answer = QMessageBox.StandardButton.Discard
    dialog.show()
    dialog.reject()  # typed and not saved: asks first
    assert message_boxes.shown[-1]["title"] == "Discard changes?"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_merge_two_merchants_with_ctrl_m(qtbot, env, shops, lang, message_boxes):
    install_translator(lang)
    a, b = shops
    screen = _screen(qtbot, env)
    _select(screen, "M-A", "M-B")
    counts: list[str] = []

    def keep_alpha_and_merge(dialog) -> None:
        assert dialog.objectName() == "merge_dialog"
        keep = dialog.radios[[i for i, _ in dialog.rows].index(a.id)]
        keep.setFocus()
        if not keep.isChecked():
            qtbot.keyClick(keep, Qt.Key.Key_Space)
        counts.append(dialog.counts.text())
        assert keep.isChecked() and dialog.merge_button.isEnabled(), dialog.counts.text()
        assert not dialog.merge_button.isDefault()  # Return does not merge by accident
        dialog.merge_button.setFocus()
        qtbot.keyClick(dialog.merge_button, Qt.Key.Key_Space)

    seen = _in_dialog(qtbot, keep_alpha_and_merge)
    qtbot.keyClick(screen.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    _check(seen)
    assert counts and ("Purchases: 1" in counts[0] or "神买: 1" in counts[0]), counts
    assert _sql(env.ctx, "SELECT merchant_id, count(*) FROM purchases GROUP BY merchant_id") == [
        (a.id, 3)]
    assert _sql(env.ctx, "SELECT merged_into_uid FROM merchants WHERE id = :b", b=b.id) == [
        (a.uid,)]
    qtbot.waitUntil(lambda: screen.model.total == 1)


def test_delete_is_refused_while_purchases_point_at_it(qtbot, env, shops, message_boxes):
    screen = _screen(qtbot, env)
    _select(screen, "M-A")
    qtbot.keyClick(screen.view, Qt.Key.Key_Delete)
    assert message_boxes.shown[0]["kind"] == "question"
    refused = message_boxes.shown[-1]
    assert "Purchases: 2" in refused["text"] and "merge" in refused["text"]
    assert "Ctrl+M" in refused["informative"]
    spare = merchants.create_merchant(env.ctx, "M-C", "Typo shop")
    screen._refresh()
    _select(screen, "M-C")
    qtbot.keyClick(screen.view, Qt.Key.Key_Delete)
    assert _sql(env.ctx, "SELECT deleted_at IS NOT NULL FROM merchants WHERE id = :m",
                m=spare.id) == [(True,)]


def test_the_actions_say_why_an_inspector_may_not(qtbot, env, shops, users):
    screen = _screen(qtbot, env)
    _select(screen, "M-A", "M-B")
    assert screen.corrections.merge_action.isEnabled()
    env.state.set_actor(users[Role.INSPECTOR])
    for action in screen.corrections.actions:
        assert not action.isEnabled()
        assert "may not edit merchants" in action.toolTip()
    qtbot.keyClick(screen.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.activeModalWidget() is None


def test_products_dialog_edits_and_merges(qtbot, env, shops):
    from inspector_app.ui.merchants.products_dialog import ProductsDialog

    ctx = env.ctx
    p1 = catalog.create_product(ctx, "Linen shirt", brand="Brandy")
    p2 = catalog.create_product(ctx, "Linen shrit", brand="Brandy")
    dialog = ProductsDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search_edit, "Linen")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    dialog.table.selectAll()
    assert dialog.corrections.merge_action.isEnabled()
    seen = _in_dialog(qtbot, lambda d: qtbot.mouseClick(d.merge_button,
                                                        Qt.MouseButton.LeftButton))
    dialog.corrections.merge()
    _check(seen)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    kept = dialog.table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    assert kept in (p1.id, p2.id)
    gone = p2.id if kept == p1.id else p1.id
    assert _sql(ctx, "SELECT deleted_at IS NOT NULL FROM products WHERE id = :p", p=gone) == [
        (True,)]


def _settings(qtbot, env):
    from inspector_app.ui.screens.settings_screen import SettingsScreen

    screen = SettingsScreen(env)
    qtbot.addWidget(screen)
    screen.resize(1280, 760)
    screen.show()
    return screen


def _pick(panel, name: str) -> None:
    for r in range(panel.table.rowCount()):
        if panel.table.item(r, 0).text() == name:
            panel.table.selectRow(r)
            return
    raise AssertionError(name)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_users_panel(qtbot, env, users, message_boxes, monkeypatch, lang):
    install_translator(lang)
    screen = _settings(qtbot, env)
    panel = screen.users_panel
    assert panel.table.rowCount() == 4 and panel.table.isVisibleTo(panel)
    # The last administrator cannot be made an inspector: the service's sentence is shown.
    _pick(panel, "Admin")
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda *a, **k: (a[3][0], True)))  # the first role offered: inspector
    panel.change_role()
    assert "last administrator" in message_boxes.texts()[-1] or "管理员" in message_boxes.texts()[-1]
    # Deactivate and reactivate Ivy.
    _pick(panel, "Ivy Inspector")
    panel.toggle_active()
    assert [r.active for r in panel.rows if r.display_name == "Ivy Inspector"] == [False]
    assert panel.active_button.text().replace("&", "") in ("Reactivate", "重新启用(R)", "重新启用")
    panel.toggle_active()
    assert [r.active for r in panel.rows if r.display_name == "Ivy Inspector"] == [True]
    # A password for Ivy (scrypt, services/passwords.py).
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("s3cret", True)))
    _pick(panel, "Ivy Inspector")
    panel.set_password()
    assert [r.has_password for r in panel.rows if r.display_name == "Ivy Inspector"] == [True]


def test_users_panel_is_for_administrators(qtbot, env, users):
    env.state.set_actor(users[Role.QUALITY_MANAGER])
    screen = _settings(qtbot, env)
    panel = screen.users_panel
    assert "may not manage users" in panel.reason_label.text()
    # The roster, read-only: names, roles, whether active; no passwords or logins.
    assert panel.table.isVisibleTo(panel) and panel.table.isColumnHidden(3)
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    assert {u.display_name for u in users.values()} <= set(names)
    assert not any(r.has_password or r.login for r in panel.rows)
    _pick(panel, names[0])
    for b in (panel.add_button, panel.role_button, panel.active_button,
              panel.password_button):
        assert not b.isEnabled() and "may not manage users" in b.toolTip()
