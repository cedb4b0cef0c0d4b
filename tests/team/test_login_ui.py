"""The desktop application on a team server: the login dialog and the fixed acting user."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from inspector_app.domain.enums import Role
from inspector_app.services.context import open_context
from tests.team.conftest import PASSWORD

pytest.importorskip("pytestqt")


def test_login_dialog_refuses_a_wrong_password_then_logs_in(qtbot, team_server, tmp_path):
    from inspector_app.ui.login import LoginDialog

    login = team_server.logins[Role.INSPECTOR]
    server_url = make_url(team_server.owner_url)._replace(username=None, password=None)
    opened = []

    def opener(url):
        ctx = open_context(url, data_folder=str(tmp_path / "data"))
        opened.append(ctx)
        return ctx

    dialog = LoginDialog(server_url.render_as_string(hide_password=False), login, opener)
    qtbot.addWidget(dialog)
    assert dialog.login_edit.text() == login
    qtbot.keyClicks(dialog.password_edit, "not-the-password")
    dialog.attempt()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert not dialog.error_label.isHidden()
    assert "wrong password" in dialog.error_label.text()
    assert dialog.password_edit.text() == "" and dialog.login_edit.text() == login
    assert dialog.result() != dialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    dialog.attempt()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.ctx is not None
    for ctx in opened:
        ctx.db.dispose()


def test_the_team_user_cannot_be_switched(qtbot, team_server, tmp_path):
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState

    ctx = open_context(team_server.login_url(Role.INSPECTOR), data_folder=str(tmp_path / "d"))
    try:
        state = AppState(ctx, AppSettings.at(tmp_path / "s.ini"))
        me = state.restore_actor()
        assert state.is_team and me.role == Role.INSPECTOR
        admin = next(a for a in state.users() if a.role == Role.ADMIN)
        state.set_actor(admin)
        assert state.actor == me
    finally:
        ctx.db.dispose()


def test_an_admin_adds_a_team_user_from_settings(qtbot, team_server, tmp_path):
    from inspector_app.ui.changes import changes
    from inspector_app.ui.screens import ScreenEnv
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState
    from inspector_app.ui.users.new_user_dialog import NewUserDialog

    ctx = open_context(team_server.login_url(Role.ADMIN), data_folder=str(tmp_path / "d"))
    try:
        state = AppState(ctx, AppSettings.at(tmp_path / "s.ini"))
        state.restore_actor()
        env = ScreenEnv(state=state, settings=state.settings, changes=changes())
        dialog = NewUserDialog(env)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.login_edit.isVisible() and dialog.password_edit.isVisible()
        login = f"{team_server.name}_ui_added"
        qtbot.keyClicks(dialog.name_edit, "Ui Added")
        qtbot.keyClicks(dialog.login_edit, login)
        qtbot.keyClicks(dialog.password_edit, "short")
        dialog.submit()
        assert "at least 8 characters" in dialog.name_error.text()
        dialog.password_edit.clear()
        qtbot.keyClicks(dialog.password_edit, PASSWORD)
        dialog.submit()
        assert dialog.result() == dialog.DialogCode.Accepted
        assert team_server.sql(login, "SELECT inspector_user_id()") == [(dialog.actor.id,)]
    finally:
        ctx.db.dispose()


def test_remember_keeps_the_password_in_the_keyring_only(qtbot, team_server, tmp_path):
    """Ticked: after a successful login the keyring holds the password and the next dialog
    fills it in; unticked: it is removed. No file of the data or settings folders holds it."""
    keyring = pytest.importorskip("keyring")
    from inspector_app.ui.login import LoginDialog
    from tests.ui.test_login_keyring import MemoryKeyring

    login = team_server.logins[Role.QUALITY_MANAGER]
    server = make_url(team_server.owner_url)._replace(username=None, password=None)
    server_url = server.render_as_string(hide_password=False)
    opened = []

    def opener(url):
        ctx = open_context(url, data_folder=str(tmp_path / "data"))
        opened.append(ctx)
        return ctx

    previous, store = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(store)
    try:
        first = LoginDialog(server_url, login, opener)
        qtbot.addWidget(first)
        assert first.remember_box.isEnabled() and not first.remember_box.isChecked()
        qtbot.keyClicks(first.password_edit, "wrong-password")
        first.remember_box.setChecked(True)
        first.attempt()  # refused: nothing remembered
        qtbot.waitUntil(lambda: not first.busy, timeout=30_000)
        assert first.result() != first.DialogCode.Accepted and store.entries == {}
        qtbot.keyClicks(first.password_edit, PASSWORD)
        first.attempt()
        qtbot.waitUntil(lambda: not first.busy, timeout=30_000)
        assert first.result() == first.DialogCode.Accepted
        assert list(store.entries.values()) == [PASSWORD]
        again = LoginDialog(server_url, login, opener)
        qtbot.addWidget(again)
        assert again.password_edit.text() == PASSWORD and again.remember_box.isChecked()
        again.remember_box.setChecked(False)
        again.attempt()
        qtbot.waitUntil(lambda: not again.busy, timeout=30_000)
        assert again.result() == again.DialogCode.Accepted and store.entries == {}
    finally:
        keyring.set_keyring(previous)
        for ctx in opened:
            ctx.db.dispose()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes(), path
