"""The main window on a fresh database: navigation, status bar, user switcher, shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from inspector_app.domain.enums import Role
from inspector_app.ui import screens
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.screens import SCREENS, ScreenSpec, create_screen


class FakeScreen(QWidget):
    """A screen with every optional hook, counting the calls."""

    def __init__(self, env):
        super().__init__()
        self.env = env
        self.search = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.search)
        self.calls: list[str] = []

    def activate(self):
        self.calls.append("activate")

    def focus_search(self):
        self.calls.append("focus_search")
        self.search.setFocus()

    def new_purchase(self):
        self.calls.append("new_purchase")

    def open_item(self, item_id):
        self.calls.append(f"open_item {item_id}")

    def save_state(self):
        self.calls.append("save_state")


@pytest.fixture
def fake_purchases(monkeypatch):
    """The purchases entry of the registry replaced by FakeScreen (restored afterwards)."""
    monkeypatch.setitem(SCREENS, "purchases", ScreenSpec("purchases", "Purchases", FakeScreen, "Alt+2"))


def _click_nav(qtbot, window, name):
    row = list(SCREENS).index(name)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_opens_on_a_fresh_database_with_every_screen_listed(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["Dashboard", "Purchases", "Findings", "Merchants", "Cases", "Risk", "Work orders",
                      "Monthly review", "Sampling plan", "Reports", "Settings", "Deleted items"]
    assert window.current_screen_name() == "dashboard"
    assert window.stack.currentWidget() is window.built_screen("dashboard")
    # Only the first screen is built; the others wait for their first visit.
    assert window.built_screen("cases") is None


def test_navigation_switches_screens_and_builds_each_once(qtbot, window):
    _click_nav(qtbot, window, "settings")
    settings_screen = window.stack.currentWidget()
    assert window.current_screen_name() == "settings"
    assert settings_screen.objectName() == "settings_screen"
    _click_nav(qtbot, window, "cases")
    assert window.current_screen_name() == "cases"
    assert isinstance(window.stack.currentWidget(), QWidget)
    _click_nav(qtbot, window, "settings")
    assert window.stack.currentWidget() is settings_screen


def test_alt_number_goes_to_a_screen(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)
    assert window.current_screen_name() == "cases"


def test_status_bar_shows_database_and_user_with_role(window, ctx, users):
    assert str(ctx.paths.database) in window.db_label.text()
    assert window.user_label.text() == "User: Admin (Administrator)"


def test_user_menu_lists_users_and_switches(qtbot, window, users):
    window._fill_user_menu()
    actions = [a for a in window.user_menu.actions() if a.data() is not None]
    names = [a.text().split(" — ")[0] for a in actions]
    assert sorted(names) == sorted(a.display_name for a in users.values())
    checked = [a for a in actions if a.isChecked()]
    assert [a.data() for a in checked] == [users[Role.ADMIN].id]
    inspector = next(a for a in actions if a.data() == users[Role.INSPECTOR].id)
    with qtbot.waitSignal(window.state.actor_changed):
        inspector.trigger()
    assert window.state.actor == users[Role.INSPECTOR]
    assert window.user_label.text() == "User: Ivy Inspector (Inspector)"
    assert window.state.ctx.actor == users[Role.INSPECTOR]


def test_ctrl_f_focuses_the_search_of_the_current_screen(qtbot, window, fake_purchases):
    window.navigate("purchases")
    screen = window.current_screen()
    assert isinstance(screen, FakeScreen)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.calls[-1] == "focus_search"


def test_ctrl_n_opens_purchases_and_delegates(qtbot, window, fake_purchases):
    assert window.current_screen_name() == "dashboard"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_screen_name() == "purchases"
    assert window.current_screen().calls[-1] == "new_purchase"


def test_navigate_with_an_item_calls_open_item(window, fake_purchases):
    screen = window.navigate("purchases", 42)
    assert screen.calls == ["activate", "open_item 42"]


def test_geometry_and_last_screen_are_remembered(qtbot, state, settings, fake_purchases):
    first = MainWindow(state, settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(QSize(711, 533))
    first.move(QPoint(40, 30))
    first.navigate("purchases")
    first.close()
    assert "save_state" in first.built_screen("purchases").calls

    second = MainWindow(state, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == QSize(711, 533)
    assert second.current_screen_name() == "purchases"


def test_a_missing_screen_module_is_an_error_not_a_placeholder(env, monkeypatch):
    monkeypatch.setitem(
        SCREENS, "reports", ScreenSpec("reports", "Reports", "inspector_app.ui.screens.no_such_screen:X")
    )
    with pytest.raises(ModuleNotFoundError):
        create_screen("reports", env)


def test_a_screen_whose_import_fails_is_not_hidden(env, monkeypatch, tmp_path):
    module = tmp_path / "broken_screen_for_test.py"
    module.write_text("import no_such_package_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(SCREENS, "reports", ScreenSpec("reports", "Reports", "broken_screen_for_test:X"))
    with pytest.raises(ModuleNotFoundError):
        create_screen("reports", env)


def test_register_screen_keeps_the_navigation_place(monkeypatch):
    monkeypatch.setattr(screens, "SCREENS", dict(SCREENS))
    screens.register_screen("findings", FakeScreen)
    assert list(screens.SCREENS) == list(SCREENS)
    assert screens.SCREENS["findings"].target is FakeScreen
    assert screens.SCREENS["findings"].title == "Findings"


def test_help_lists_the_keyboard_shortcuts(qtbot, window):
    """Help > Keyboard shortcuts: a table with the shortcuts that are bound nowhere visible."""
    from inspector_app.ui.shortcuts import ShortcutsDialog
    from tests.ui.purchase_helpers import drive_modal

    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.shortcuts_action in help_menu.actions()
    seen: list = []

    def read_and_close(dialog):
        t = dialog.table
        seen.extend((t.item(r, 0).text(), t.item(r, 1).text()) for r in range(t.rowCount()))
        dialog.reject()

    opened = drive_modal(qtbot, ShortcutsDialog, read_and_close)
    window.shortcuts_action.trigger()
    assert opened, "the dialog did not open"
    keys = {k for k, _ in seen}
    assert {"Ctrl+S", "Alt+Left", "Ctrl+Shift+R", "Ctrl+Z", "Ctrl+Return", "Ctrl+N"} <= keys
    assert ("Ctrl+Shift+R", "Open a rectification case on the selected findings") in seen
