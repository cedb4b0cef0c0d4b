"""Joining a team server from the application and leaving it on this laptop (Settings, File
menu), against the real test server and real SQLite files, in English and Chinese
(docs/sync.md, "Joining and leaving from the application")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir, sqlite_url
from inspector_app.services import merchants
from inspector_app.services.context import SYSTEM, open_context
from inspector_app.services.sync.binding import binding, bound_actor, pending_count
from inspector_app.services.sync.membership import STAGING
from tests.sync.conftest import PASSWORD, join, server_address
from tests.sync.dataset import offline_work
from tests.ui.conftest import message_boxes  # noqa: F401 - a fixture

pytest.importorskip("pytestqt")

#: What the dialogs say, per language (the Chinese from resources/i18n/inspector_zh_CN.ts).
WORDS = {
    "en": {"wrong": "wrong password", "cancelled": "Joining was cancelled",
           "unreachable": "Cannot reach", "already": "already a copy",
           "waiting": "1 changes on this laptop wait to be sent"},
    "zh_CN": {"wrong": "密码错误", "cancelled": "已取消加入",
              "unreachable": "无法连接", "already": "已经是",
              "waiting": "1 项更改等待发送"},
}


@pytest.fixture(params=["en", "zh_CN"])
def lang(request, qapp):
    from inspector_app.domain import messages
    from inspector_app.ui.i18n import install_translator
    from inspector_app.ui.tasks import wait_for_tasks

    install_translator(request.param)
    messages.set_language(request.param)
    yield request.param
    wait_for_tasks(30_000)
    install_translator("en")
    messages.set_language("en")


@pytest.fixture
def restarts(monkeypatch):
    """Records restarts instead of starting a second application."""
    from PySide6.QtWidgets import QApplication

    from inspector_app.ui import restart

    seen: list[tuple] = []
    monkeypatch.setattr(restart, "start_again", lambda drop=(): seen.append(drop) or True)
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: None))
    return seen


@pytest.fixture
def windows(qapp):
    """Main windows of the test; joining or leaving deletes its own (a restart)."""
    import shiboken6

    made: list = []
    yield made
    for window in made:
        if shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    _flush_deleted()


def _window(windows, ctx, tmp_path):
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState

    state = AppState(ctx, AppSettings.at(tmp_path / "ui.ini"))
    state.restore_actor()
    window = MainWindow(state, state.settings)
    windows.append(window)
    return window


def _one_laptop(folder: Path):
    from inspector_app.services import users

    ctx = open_context(sqlite_url(folder / "inspector.sqlite3"), str(folder))
    admin = users.create_user(ctx.as_actor(SYSTEM), "林", Role.ADMIN)
    merchants.create_merchant(ctx.as_actor(admin), "LOCAL-1", "本机商店")
    return ctx


def _drive_join(qtbot, monkeypatch, server, login: str, attempts: list[str]):
    """JoinDialog.exec: type the address and login, then each password in turn, clicking
    Join and waiting for the outcome; records what the error line said."""
    from inspector_app.ui.sync.join_dialog import JoinDialog

    said: list[str] = []

    def run(dialog: JoinDialog) -> int:
        dialog.show()
        dialog.address_edit.setText(server_address(server))
        dialog.login_edit.setText(login)
        for password in attempts:
            dialog.password_edit.setText(password)
            qtbot.mouseClick(dialog.join_button, _left())
            qtbot.waitUntil(lambda: dialog.task is None, timeout=120_000)
            if dialog.outcome is not None:
                return JoinDialog.DialogCode.Accepted
            said.append(dialog.error_label.text())
        return JoinDialog.DialogCode.Rejected

    monkeypatch.setattr(JoinDialog, "exec", run)
    return said


def _flush_deleted() -> None:
    """The closed window is deleted (deleteLater) before the next test notifies changes."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_join_from_settings_keeps_the_old_database_and_restarts_on_the_copy(
        qtbot, team_server, tmp_path, monkeypatch, lang, restarts, message_boxes, windows):  # noqa: F811
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    merchants.create_merchant(qm, f"JOIN-{lang}", "加入的商店")
    folder = tmp_path / "laptop"
    local = _one_laptop(folder)
    window = _window(windows, local, tmp_path)
    settings = window.navigate("settings")
    panel = settings.team_panel
    assert panel.join_button.isVisibleTo(panel) and not panel.leave_button.isVisibleTo(panel)
    said = _drive_join(qtbot, monkeypatch, team_server, team_server.logins[Role.INSPECTOR],
                       ["not-the-password", PASSWORD])
    qtbot.mouseClick(panel.join_button, _left())
    _flush_deleted()
    assert len(said) == 1 and WORDS[lang]["wrong"] in said[0]  # one sentence, then joined
    assert restarts == [("INSPECTOR_DB_URL",)]
    kept = sorted(folder.glob("inspector-before-joining-*.sqlite3"))
    assert len(kept) == 1  # the one-laptop database is kept, not deleted
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("SELECT count(*) FROM merchants WHERE shop_id = 'LOCAL-1'"
                            ).fetchone()[0] == 1
    assert not list(folder.glob(STAGING + "*"))
    # The restarted application opens the data folder's database: now the copy, which
    # pairs with the folder's photos (a mismatch would refuse to open).
    copy = open_context(sqlite_url(folder / "inspector.sqlite3"), str(folder), create=False)
    try:
        bound = binding(copy)
        assert bound is not None and bound.login == team_server.logins[Role.INSPECTOR]
        assert bound_actor(copy).role == Role.INSPECTOR
        assert merchants.find_by_shop_id(copy, f"JOIN-{lang}").name == "加入的商店"
    finally:
        copy.db.dispose()
        local.db.dispose()


def test_join_dialog_unreachable_and_cancel_leave_the_folder_as_it_was(
        qtbot, team_server, tmp_path, lang):
    from inspector_app.ui.sync.join_dialog import JoinDialog

    paths = data_dir(tmp_path / "fresh").ensure()
    dialog = JoinDialog(paths)
    qtbot.addWidget(dialog)
    dialog.address_edit.setText("127.0.0.1:9/nowhere")  # nothing listens on port 9
    dialog.login_edit.setText("ivy")
    dialog.password_edit.setText(PASSWORD)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    assert WORDS[lang]["unreachable"] in dialog.error_label.text()
    assert dialog.join_button.isEnabled() and dialog.outcome is None
    # Cancel at once: the copy stops at its first step and its staging folder goes.
    dialog.address_edit.setText(server_address(team_server))
    dialog.login_edit.setText(team_server.logins[Role.INSPECTOR])
    dialog.start()
    assert dialog.task is not None and not dialog.join_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, _left())
    qtbot.waitUntil(lambda: dialog.task is None, timeout=120_000)
    assert dialog.outcome is None
    assert WORDS[lang]["cancelled"] in dialog.error_label.text()
    # (removed by the worker itself if it was still connecting when Cancel came)
    qtbot.waitUntil(lambda: not list(paths.root.glob(STAGING + "*")), timeout=30_000)
    assert not paths.database.exists()


def test_a_copy_cannot_join_again_and_leaves_only_when_nothing_waits(
        qtbot, team_server, tmp_path, lang, restarts, message_boxes, windows):  # noqa: F811
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    shop = f"LEAVE-{lang}"
    merchants.create_merchant(qm, shop, "离开的商店")
    folder = tmp_path / "copy"
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], folder)
    offline_work(laptop, shop, purchases=1, findings_each=0, photos=0, prefix=f"LV{lang}")
    window = _window(windows, laptop, tmp_path)
    qtbot.waitUntil(lambda: window.sync.online is not None, timeout=10_000)
    assert not window.join_team_action.isEnabled()
    assert WORDS[lang]["already"] in window.join_team_action.toolTip()
    panel = window.navigate("settings").team_panel
    assert panel.leave_button.isVisibleTo(panel) and not panel.join_button.isVisibleTo(panel)
    assert panel.login_label.text() == team_server.logins[Role.INSPECTOR]
    assert panel.server_label.text() == binding(laptop).server
    assert "1" in panel.waiting_label.text()
    qtbot.mouseClick(panel.leave_button, _left())
    assert WORDS[lang]["waiting"] in message_boxes.texts()[-1]
    assert (folder / "inspector.sqlite3").is_file() and restarts == []
    window.sync._password = PASSWORD
    panel.refresh()
    assert panel.sync_button.isVisibleTo(panel) and panel.sync_button.isEnabled()
    qtbot.mouseClick(panel.sync_button, _left())  # File → Sync, from Settings
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=60_000)
    assert pending_count(laptop) == 0
    panel.refresh()
    assert "0" in panel.waiting_label.text()
    qtbot.mouseClick(panel.leave_button, _left())
    _flush_deleted()
    assert restarts == [("INSPECTOR_DB_URL",)]
    assert not (folder / "inspector.sqlite3").exists()
    (kept,) = folder.glob("inspector-left-team-*.sqlite3")
    with sqlite3.connect(kept) as conn:  # the copy is kept whole, with its binding
        assert conn.execute("SELECT login FROM sync_binding").fetchone()[0] == \
            team_server.logins[Role.INSPECTOR]


def test_leaving_can_go_back_to_the_database_from_before_joining(
        qtbot, team_server, tmp_path, monkeypatch, restarts, message_boxes, windows):  # noqa: F811
    """Joined from Settings, then left: the person is offered the one-laptop database set
    aside by the join, and gets it back whole; the team copy is kept beside it."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    folder = tmp_path / "laptop"
    local = _one_laptop(folder)
    window = _window(windows, local, tmp_path)
    _drive_join(qtbot, monkeypatch, team_server, team_server.logins[Role.INSPECTOR], [PASSWORD])
    qtbot.mouseClick(window.navigate("settings").team_panel.join_button, _left())
    _flush_deleted()
    local.db.dispose()
    (earlier,) = folder.glob("inspector-before-joining-*.sqlite3")
    copy = open_context(sqlite_url(folder / "inspector.sqlite3"), str(folder), create=False)
    asked: list[str] = []

    def choose(box: QMessageBox) -> int:  # what the person reads, then "go back to it"
        asked.append(box.informativeText())
        box.findChild(QPushButton, "leave_restore").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose)
    panel = _window(windows, copy, tmp_path).navigate("settings").team_panel
    qtbot.mouseClick(panel.leave_button, _left())
    _flush_deleted()
    copy.db.dispose()
    assert len(asked) == 1 and earlier.name in asked[0]
    assert restarts[-1] == ("INSPECTOR_DB_URL",)
    assert not earlier.exists()
    (kept,) = folder.glob("inspector-left-team-*.sqlite3")
    with sqlite3.connect(kept) as conn:  # the team copy, whole, with its binding
        assert conn.execute("SELECT login FROM sync_binding").fetchone()[0] == \
            team_server.logins[Role.INSPECTOR]
    # The restarted application opens the one-laptop database again, with the folder's
    # photos (a mismatched pairing would refuse to open), and no team binding.
    back = open_context(sqlite_url(folder / "inspector.sqlite3"), str(folder), create=False)
    try:
        assert binding(back) is None
        assert merchants.find_by_shop_id(back, "LOCAL-1").name == "本机商店"
    finally:
        back.db.dispose()
