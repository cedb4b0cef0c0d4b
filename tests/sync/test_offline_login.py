"""Starting the application when the team server cannot be reached: the login dialog offers
Retry and, for this laptop's copy of that server, Work offline, which opens the copy only
with the password the server last accepted; a password the server refuses never offers it
(docs/sync.md, "Working offline at start-up"). Real server, real copy, English and Chinese."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.engine import make_url

from inspector_app.domain.enums import Role
from inspector_app.paths import data_dir, sqlite_url
from inspector_app.services.context import open_context
from inspector_app.services.sync.binding import binding
from inspector_app.services.sync.membership import offline_allowed
from tests.sync.conftest import PASSWORD, join, server_address, sync
from tests.sync.test_join_ui import lang  # noqa: F401 - a fixture

pytest.importorskip("pytestqt")

WORDS = {"en": ("Retry", "Work offline", "not the password"),
         "zh_CN": ("重试", "离线工作", "不是服务器")}


def _dialog(qtbot, server_url: str, login: str, folder, opened: list):
    from inspector_app.ui.login import LoginDialog

    def opener(url):
        ctx = open_context(url, data_folder=str(folder))
        opened.append(ctx)
        return ctx

    def offline():
        ctx = open_context(sqlite_url(folder / "inspector.sqlite3"), str(folder), create=False)
        opened.append(ctx)
        return ctx

    dialog = LoginDialog(server_url, login, opener, paths=data_dir(folder),
                         offline_opener=offline)
    qtbot.addWidget(dialog)
    return dialog


def test_server_down_offers_retry_and_offline_work_with_the_right_password_only(
        qtbot, team_server, tmp_path, lang):  # noqa: F811
    login = team_server.logins[Role.INSPECTOR]
    folder = tmp_path / f"laptop-{lang}"
    laptop = join(team_server, login, folder)
    sync(laptop)  # the server accepted the password: the copy keeps its verifier
    laptop.db.dispose()
    opened: list = []
    retry, offline_word, wrong_word = WORDS[lang]
    try:
        # The server answers and refuses the password: no offline work.
        dialog = _dialog(qtbot, server_address(team_server), login, folder, opened)
        dialog.password_edit.setText("not-the-password")
        dialog.attempt()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        assert not dialog.error_label.isHidden() and dialog.ctx is None
        assert dialog.offline_button.isHidden()
        # The server is down (its address no longer answers): Retry, and Work offline.
        down = make_url(server_address(team_server)).set(host="127.0.0.1", port=9)
        with sqlite3.connect(folder / "inspector.sqlite3") as conn:
            conn.execute("UPDATE sync_binding SET server_url = ?", (down.render_as_string(),))
        dialog = _dialog(qtbot, down.render_as_string(), login, folder, opened)
        dialog.password_edit.setText("a-guess")
        dialog.attempt()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        assert dialog.ctx is None and dialog.log_in_button.text() == retry
        assert not dialog.offline_button.isHidden()
        assert dialog.offline_button.text() == offline_word
        assert dialog.password_edit.text() == "a-guess"  # not the password's fault
        dialog.offline_button.click()  # a wrong password does not open the copy
        assert dialog.ctx is None and wrong_word in dialog.error_label.text()
        assert dialog.result() != dialog.DialogCode.Accepted
        dialog.password_edit.setText(PASSWORD)
        dialog.offline_button.click()
        assert dialog.result() == dialog.DialogCode.Accepted and dialog.offline
        bound = binding(dialog.ctx)
        assert bound is not None and bound.login == login
        # Another login's attempt, or no verifier yet, never opens it.
        paths = data_dir(folder)
        assert offline_allowed(paths, down.render_as_string(), login, PASSWORD) is not None
        assert offline_allowed(paths, down.render_as_string(), "someone", PASSWORD) is None
        assert offline_allowed(paths, down.render_as_string(), login, "x") is None
    finally:
        for ctx in opened:
            ctx.db.dispose()


def test_a_copy_never_synced_since_the_feature_cannot_open_offline(
        qtbot, team_server, tmp_path, lang):  # noqa: F811
    from inspector_app.services.sync.membership import VERIFIER_KEY

    login = team_server.logins[Role.INSPECTOR]
    folder = tmp_path / f"old-{lang}"
    join(team_server, login, folder).db.dispose()  # joined in-process: no verifier kept
    with sqlite3.connect(folder / "inspector.sqlite3") as conn:
        conn.execute("DELETE FROM app_settings WHERE key = ?", (VERIFIER_KEY,))
        down = make_url(server_address(team_server)).set(host="127.0.0.1", port=9)
        conn.execute("UPDATE sync_binding SET server_url = ?", (down.render_as_string(),))
    opened: list = []
    dialog = _dialog(qtbot, down.render_as_string(), login, folder, opened)
    dialog.password_edit.setText(PASSWORD)
    dialog.attempt()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert not dialog.offline_button.isHidden()
    dialog.offline_button.click()
    assert dialog.ctx is None and dialog.result() != dialog.DialogCode.Accepted
    assert not opened


def test_the_application_start_opens_the_copy_offline(qtbot, team_server, tmp_path,
                                                     monkeypatch):
    """ui/app.py: started on an unreachable server, Work offline gives the copy's context,
    marked so the window's status bar says it works offline."""
    from inspector_app.ui import app
    from inspector_app.ui.login import LoginDialog
    from inspector_app.ui.settings import TEAM_LOGIN, AppSettings

    login = team_server.logins[Role.INSPECTOR]
    folder = tmp_path / "start"
    laptop = join(team_server, login, folder)
    sync(laptop)
    laptop.db.dispose()
    down = make_url(server_address(team_server)).set(host="127.0.0.1", port=9)
    with sqlite3.connect(folder / "inspector.sqlite3") as conn:
        conn.execute("UPDATE sync_binding SET server_url = ?", (down.render_as_string(),))
    monkeypatch.setenv("INSPECTOR_DB_URL", down.render_as_string())

    def person(dialog):  # types the password, is refused by the network, works offline
        dialog.password_edit.setText(PASSWORD)
        dialog.attempt()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        assert not dialog.offline_button.isHidden()
        dialog.offline_button.click()
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", person)
    settings = AppSettings.at(folder / "desktop-settings.ini")
    settings.set(TEAM_LOGIN, login)
    ctx = app._open_or_log_in(data_dir(folder), settings)
    try:
        assert ctx is not None and ctx.db.is_sqlite and binding(ctx).login == login
        assert ctx._extras.get(app.OFFLINE_START)
    finally:
        ctx.db.dispose()



def test_the_copys_data_folder_logs_in_to_the_server_when_online(team_server, tmp_path):
    """The laptop that joined starts on the server directly (INSPECTOR_DB_URL) with the same
    data folder: its photo folder is a cache of the server's photos and is not refused as
    another database's; the copy's unsent photos stay, and the copy still opens."""
    from inspector_app.services import merchants
    from inspector_app.services.store_identity import read_marker
    from tests.sync.dataset import offline_work

    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    merchants.create_merchant(qm, "ONLINE-1", "在线商店")
    folder = tmp_path / "laptop"
    copy = join(team_server, team_server.logins[Role.INSPECTOR], folder)
    offline_work(copy, "ONLINE-1", purchases=1, findings_each=1, photos=1, prefix="ONL")
    unsent = sorted(p.name for p in (folder / "photos").rglob("*") if p.is_file())
    copy.db.dispose()
    online = open_context(team_server.login_url(Role.INSPECTOR), data_folder=str(folder))
    try:
        assert not online.db.is_sqlite
        assert merchants.find_by_shop_id(online, "ONLINE-1").name == "在线商店"
    finally:
        online.db.dispose()
    marker = read_marker(folder / "photos")
    assert marker is not None and len(marker.databases) >= 2  # the copy and the server
    assert sorted(p.name for p in (folder / "photos").rglob("*") if p.is_file()) == unsent
    again = open_context(sqlite_url(folder / "inspector.sqlite3"), str(folder), create=False)
    again.db.dispose()


def test_the_application_starts_online_on_a_copys_folder_with_its_login(
        qtbot, team_server, tmp_path, monkeypatch):
    """A laptop that joined from the command line, started on the server: the login dialog
    offers the copy's login (nothing remembered in the settings yet) and logs in."""
    from inspector_app.ui import app
    from inspector_app.ui.login import LoginDialog
    from inspector_app.ui.settings import TEAM_LOGIN, AppSettings

    login = team_server.logins[Role.INSPECTOR]
    folder = tmp_path / "joined"
    join(team_server, login, folder).db.dispose()
    monkeypatch.setenv("INSPECTOR_DB_URL", server_address(team_server))
    offered: list[str] = []

    def person(dialog):  # reads the login offered, types only the password
        offered.append(dialog.login_edit.text())
        dialog.password_edit.setText(PASSWORD)
        dialog.attempt()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", person)
    settings = AppSettings.at(folder / "desktop-settings.ini")
    ctx = app._open_or_log_in(data_dir(folder), settings)
    try:
        assert offered == [login]
        assert ctx is not None and not ctx.db.is_sqlite
        assert settings.get(TEAM_LOGIN) == login
    finally:
        if ctx is not None:
            ctx.db.dispose()

