"""UI fixtures: preferences in the test's folder, app state acting as a user, the main window."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import Role

#: Qt messages that the offscreen platform prints by itself (not ours to fix).
QT_LOG_IGNORE = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "QFont::setPointSizeF: Point size <= 0",
)


def pytest_collection_modifyitems(config, items):
    """In tests/ui, a Qt warning fails the test (besides the offscreen platform's own)."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(autouse=True)
def _ui_isolation(qapp):
    """English, threaded tasks, no leftover workers or translators between tests."""
    from inspector_app.ui import tasks
    from inspector_app.ui.i18n import install_translator

    install_translator("en")
    tasks.set_inline(False)
    yield
    tasks.wait_for_tasks(10_000)
    for _ in range(3):
        qapp.processEvents()
    tasks.set_inline(False)
    install_translator("en")


@pytest.fixture
def inline_tasks():
    from inspector_app.ui import tasks

    tasks.set_inline(True)
    yield
    tasks.set_inline(False)


@pytest.fixture
def settings(tmp_path):
    from inspector_app.ui.settings import AppSettings

    return AppSettings.at(tmp_path / "settings" / "desktop-settings.ini")


@pytest.fixture
def state(ctx, users, settings):
    """The application state acting as the administrator."""
    from inspector_app.ui.state import AppState

    s = AppState(ctx, settings)
    s.set_actor(users[Role.ADMIN])
    return s


@pytest.fixture
def env(state, settings):
    from inspector_app.ui.changes import changes
    from inspector_app.ui.screens import ScreenEnv

    return ScreenEnv(state=state, settings=settings, changes=changes())


@pytest.fixture
def window(qtbot, state, settings):
    from inspector_app.ui.main_window import MainWindow

    w = MainWindow(state, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


class MessageBoxes:
    """Records message boxes instead of showing them; answers questions with `answer`."""

    def __init__(self) -> None:
        self.shown: list[dict] = []
        self.answer = None

    def texts(self) -> list[str]:
        return [b["text"] for b in self.shown]


@pytest.fixture
def message_boxes(monkeypatch):
    """Patch QMessageBox: exec() and the static helpers record and return at once."""
    from PySide6.QtWidgets import QMessageBox

    boxes = MessageBoxes()
    boxes.answer = QMessageBox.StandardButton.Yes

    def fake_exec(self):
        boxes.shown.append(
            {
                "kind": "exec",
                "title": self.windowTitle(),
                "text": self.text(),
                "informative": self.informativeText(),
                "details": self.detailedText(),
                "box": self,
            }
        )
        return int(QMessageBox.StandardButton.Close.value)

    def static(kind):
        def show(parent, title, text, *args, **kwargs):
            boxes.shown.append({"kind": kind, "title": title, "text": text})
            return boxes.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return show

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for kind in ("question", "information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(static(kind)))
    return boxes



@pytest.fixture(autouse=True)
def _writes_go_through_the_runner():
    """Fail a test in which user-interface code began a write outside the operation runner
    (tests/ui/write_guard.py)."""
    from tests.ui.write_guard import WriteGuard

    with WriteGuard() as guard:
        yield guard
    assert not guard.found, "user-interface writes outside run_op (ui/ops.py): " + "; ".join(
        dict.fromkeys(guard.found))
