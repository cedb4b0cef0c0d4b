"""Screenshots of the sync UI at 1280x800 against the test PostgreSQL server (not part of the
suite: the file name does not start with test_). Run with a server as the tests are:

    SHOTS=docs/screenshots/sync INSPECTOR_TEST_PG_URL=... pytest tests/sync/shots_sync_ui.py
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from inspector_app.db.models import Finding
from inspector_app.domain.enums import Role
from inspector_app.services import findings, merchants, purchases
from tests.services.builders import received_input
from tests.sync.conftest import join
from tests.team.conftest import PASSWORD, empty_database, team_server  # noqa: F401

pytest.importorskip("pytestqt")

OUT = Path(os.environ.get("SHOTS", "docs/screenshots/sync"))
WIDTH, HEIGHT = 1280, 800


def _address(server) -> str:
    return make_url(server.owner_url)._replace(username=None, password=None).render_as_string()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_shots(qtbot, team_server, tmp_path, lang):  # noqa: F811
    from PySide6.QtWidgets import QApplication, QScrollArea

    from inspector_app.domain import messages
    from inspector_app.paths import data_dir
    from inspector_app.services.context import open_context
    from inspector_app.services.sync.run import sync
    from inspector_app.ui.app import install_cjk_font
    from inspector_app.ui.i18n import install_translator, tr
    from inspector_app.ui.login import LoginDialog
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState
    from inspector_app.ui.sync.join_dialog import JoinDialog

    install_cjk_font(QApplication.instance())
    install_translator(lang)
    messages.set_language(lang)
    out = OUT / lang
    out.mkdir(parents=True, exist_ok=True)
    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "srv")
    shop = merchants.create_merchant(ivy, f"SHOT-{lang}", "优品旗舰店")
    p = purchases.create_purchase(ivy, received_input(shop.id, inspector_id=ivy.actor.id,
                                                      order_number=f"TB-2026-{lang}-0001"))
    title = "缝线开裂 Seam split"
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", title))
    findings.add_finding(ivy, p.id, findings.FindingInput("packaging_damage", "minor",
                                                          "外箱压痕 Crushed box"))
    folder = tmp_path / "laptop"
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], folder)
    with laptop.db.read() as s:
        local_id = s.scalar(select(Finding.id).where(Finding.uid == f.uid))
    findings.update_finding(laptop, local_id, findings.FindingInput(
        "product_quality", "major", title, description="在笔记本上补充的说明"))
    findings.update_finding(ivy, f.id, findings.FindingInput(
        "product_quality", "major", title, description="服务器上的说明"))
    sync(laptop, PASSWORD)

    state = AppState(laptop, AppSettings.at(tmp_path / "ui.ini"))
    state.restore_actor()
    window = MainWindow(state, state.settings)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.wait(1500)
    for name, screen, item in (
            ("findings_conflict_mark", "findings", None),
            ("purchase_conflict_banner", "purchases",
             findings.get_finding(laptop, local_id).purchase_id),
            ("settings_team_copy", "settings", None)):
        shown = window.navigate(screen, item)
        if screen == "settings":
            shown.findChild(QScrollArea).ensureWidgetVisible(shown.team_panel)
        qtbot.wait(1200)
        assert window.grab().save(str(out / f"{name}.png"))

    dialog = JoinDialog(data_dir(tmp_path / "fresh").ensure(), keeps=tr(
        "The database this laptop uses now is kept as a file in the data folder "
        "(inspector-before-joining-DATE.sqlite3), not deleted. Inspector then restarts on "
        "the copy."))
    dialog.show()
    dialog.address_edit.setText(_address(team_server))
    dialog.login_edit.setText(team_server.logins[Role.INSPECTOR])
    dialog.password_edit.setText("wrong")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=60_000)
    qtbot.wait(300)
    assert dialog.grab().save(str(out / "join_dialog_refused.png"))
    dialog.close()

    down = make_url(_address(team_server)).set(host="127.0.0.1", port=9)
    laptop.db.dispose()
    with sqlite3.connect(folder / "inspector.sqlite3") as conn:
        conn.execute("UPDATE sync_binding SET server_url = ?", (down.render_as_string(),))
    login = LoginDialog(down.render_as_string(), team_server.logins[Role.INSPECTOR],
                        lambda u: open_context(u, data_folder=str(tmp_path / "x")),
                        paths=data_dir(folder), offline_opener=lambda: None)
    login.show()
    login.password_edit.setText(PASSWORD)
    login.attempt()
    qtbot.waitUntil(lambda: not login.busy, timeout=30_000)
    qtbot.wait(300)
    assert login.grab().save(str(out / "login_server_down.png"))
    login.close()

    # Connecting to a server that never answers: the dialog says so, the window stays live.
    import socket
    import threading

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    release = threading.Event()

    def never_answers(_url):  # ends (after Quit) the way a timed-out attempt does
        from inspector_app.domain.errors import ValidationError

        release.wait(10)
        raise ValidationError("no answer")

    connecting = LoginDialog(f"postgresql+psycopg://127.0.0.1:{silent.getsockname()[1]}/team",
                             team_server.logins[Role.INSPECTOR], never_answers)
    connecting.show()
    connecting.password_edit.setText(PASSWORD)
    connecting.attempt()
    qtbot.wait(300)
    assert connecting.grab().save(str(out / "login_connecting.png"))
    connecting.reject()
    release.set()
    qtbot.waitUntil(lambda: not connecting.busy, timeout=10_000)
    silent.close()

    # Leaving, when the database from before joining is still in the folder.
    from PySide6.QtWidgets import QMessageBox

    from inspector_app.ui.sync import team_panel

    def grab(box: QMessageBox) -> int:
        box.show()
        qtbot.wait(300)
        assert box.grab().save(str(out / "leave_go_back.png"))
        return 0

    original = QMessageBox.exec
    QMessageBox.exec = grab  # type: ignore[method-assign]
    try:
        team_panel._ask_leave(window, tr(
            "Stop working on this laptop's copy of %1 (login %2)? Nothing changes on the "
            "server. The copy is kept as %3, not deleted.").replace(
            "%1", "team.example/inspector_team").replace(
            "%2", team_server.logins[Role.INSPECTOR]).replace(
            "%3", str(folder / "inspector-left-team-20261207-091500.sqlite3")),
            folder / "inspector-before-joining-20261201-083000.sqlite3")
    finally:
        QMessageBox.exec = original  # type: ignore[method-assign]
    window.close()
    install_translator("en")
    messages.set_language("en")
