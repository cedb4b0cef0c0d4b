"""Start-up order: the window paints first, then the first screen loads its data; no ORM before."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from inspector_app.domain.enums import Role
from inspector_app.ui.main_window import MainWindow
from inspector_app.ui.screens import SCREENS, ScreenSpec
from inspector_app.ui.settings import LAST_SCREEN


class CountingScreen(QWidget):
    def __init__(self, env):
        super().__init__()
        QVBoxLayout(self).addWidget(QLineEdit(self))
        self.calls: list[str] = []

    def activate(self):
        self.calls.append("activate")


@pytest.fixture
def counting(monkeypatch):
    """Purchases and cases replaced by CountingScreen; the window opens on purchases."""
    monkeypatch.setitem(SCREENS, "purchases", ScreenSpec("purchases", "Purchases", CountingScreen, "Alt+2"))
    monkeypatch.setitem(SCREENS, "cases", ScreenSpec("cases", "Cases", CountingScreen, "Alt+5"))


def test_the_first_screen_is_activated_after_the_first_paint(qtbot, state, settings, counting):
    settings.set(LAST_SCREEN, "purchases")
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    first = window.built_screen("purchases")
    assert first.calls == []  # built, but its data waits for the window to be on screen
    window.show()
    qtbot.waitUntil(lambda: first.calls == ["activate"], timeout=3000)
    window.navigate("cases")
    assert window.built_screen("cases").calls == ["activate"]  # later visits: at once
    qtbot.wait(50)
    assert first.calls == ["activate"]


def test_moving_on_before_the_first_paint_drops_the_first_activation(qtbot, state, settings, counting):
    settings.set(LAST_SCREEN, "purchases")
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    window.navigate("cases")
    assert window.built_screen("cases").calls == ["activate"]
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert window.built_screen("purchases").calls == []
    assert window.built_screen("cases").calls == ["activate"]


def test_a_window_that_is_never_painted_activates_after_the_fallback(qtbot, state, settings, counting,
                                                                     monkeypatch):
    from inspector_app.ui import main_window

    monkeypatch.setattr(main_window, "FIRST_PAINT_FALLBACK_MS", 10)
    monkeypatch.setattr(MainWindow, "paintEvent", lambda self, event: None)
    settings.set(LAST_SCREEN, "purchases")
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.built_screen("purchases").calls == ["activate"], timeout=3000)


def test_the_user_menu_lists_the_users_when_it_opens(qtbot, window, users):
    names = lambda: [a.text().split(" — ")[0] for a in window.user_menu.actions() if a.data()]  # noqa: E731
    assert names() == []  # not read at start-up
    assert [a.text() for a in window.user_menu.actions()] == ["Manage users…"]
    window.user_menu.aboutToShow.emit()
    assert sorted(names()) == sorted(a.display_name for a in users.values())
    assert window.user_menu.actions()[-1].text() == "Manage users…"


def test_start_to_first_paint_loads_no_orm_models_nor_report_libraries(ctx, users, settings):
    """The real main() on a database with users, stopped once the window has painted."""
    from inspector_app.ui.settings import CURRENT_USER_ID, AppSettings

    prefs = AppSettings.for_paths(ctx.paths)
    prefs.set(CURRENT_USER_ID, users[Role.INSPECTOR].id)
    prefs.sync()
    code = (
        "import os, sys\n"
        "from inspector_app.ui import app, main_window\n"
        "def painted(self):\n"
        "    heavy = ('inspector_app.db.models', 'inspector_app.services.stats', 'alembic',\n"
        "             'openpyxl', 'reportlab', 'PIL')\n"
        "    print([m for m in heavy if m in sys.modules])\n"
        "    print(self.current_screen_name(), '|', self.user_label.text())\n"
        "    sys.stdout.flush()\n"
        "    os._exit(0)\n"
        "main_window.MainWindow._after_first_paint = painted\n"
        f"app.main(['inspector-app', '--data-dir', {str(ctx.paths.root)!r}])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    lines = out.stdout.splitlines()
    assert lines[:2] == ["[]", "dashboard | User: Ivy Inspector (Inspector)"], out.stderr


def test_restoring_the_user_writes_no_preferences(qtbot, ctx, users, tmp_path):
    from inspector_app.ui.settings import CURRENT_USER_ID, AppSettings
    from inspector_app.ui.state import AppState

    file = tmp_path / "prefs" / "desktop-settings.ini"
    state = AppState(ctx, AppSettings.at(file))
    assert state.restore_actor() == users[Role.ADMIN]  # the fallback: nobody chose it
    state.settings.sync()
    qtbot.wait(20)
    assert not file.exists()
    state.set_actor(users[Role.INSPECTOR])  # a choice is remembered
    state.settings.sync()
    assert AppSettings.at(file).get(CURRENT_USER_ID) == users[Role.INSPECTOR].id
    again = AppState(ctx, AppSettings.at(file))
    assert again.restore_actor() == users[Role.INSPECTOR]


def test_the_app_module_imports_sqlalchemy_before_pyside6():
    """PySide6's import hook reads the source of every module imported after it (~65 ms more
    for SQLAlchemy): the entry point's module loads the Qt-free layers first."""
    code = (
        "import sys\n"
        "seen = []\n"
        "class Order:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        seen.append(name)\n"
        "sys.meta_path.insert(0, Order())\n"
        "import inspector_app.ui.app\n"
        "first_qt = seen.index('PySide6')\n"
        "late = [m for m in ('sqlalchemy.orm', 'sqlalchemy.dialects.sqlite',\n"
        "        'inspector_app.services.context') if seen.index(m) > first_qt]\n"
        "print(late)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr
