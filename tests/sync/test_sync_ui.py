"""The desktop application on a laptop copy: File → Sync in the background with a working
Cancel, the status bar's sync label, and the conflicts dialog's Keep mine."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector_app.db.models import Finding
from inspector_app.domain.enums import Role
from inspector_app.services import findings, merchants, purchases
from inspector_app.services.sync.binding import pending_count
from tests.services.builders import received_input
from tests.sync.conftest import PASSWORD, join
from tests.sync.dataset import offline_work

pytest.importorskip("pytestqt")


def _window(qtbot, laptop, tmp_path):
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.settings import AppSettings
    from inspector_app.ui.state import AppState

    settings = AppSettings.at(tmp_path / "ui.ini")
    state = AppState(laptop, settings)
    state.restore_actor()
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    window.sync._password = PASSWORD
    return window


def test_sync_runs_in_the_background_and_cancel_stops_it(qtbot, team_server, tmp_path):
    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    merchants.create_merchant(qm, "UI-1", "界面商店")
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    offline_work(laptop, "UI-1", purchases=1500, findings_each=2, photos=0, prefix="UI")
    window = _window(qtbot, laptop, tmp_path)
    waiting = pending_count(laptop)
    assert waiting == 4500 and "4500 waiting" in window.sync.label.text()
    assert window.state.actor.role == Role.INSPECTOR  # the copy's login acts
    seen = []
    window.sync.sync_action.trigger()
    task = window.sync.task
    assert task is not None and not window.sync.sync_action.isEnabled()
    task.progressed.connect(lambda d, n, label: seen.append(d))
    qtbot.waitUntil(lambda: len(seen) > 0 and seen[-1] > 0, timeout=60_000)
    task.cancel()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=60_000)
    left = pending_count(laptop)
    assert 0 < left < waiting  # stopped part way; what was sent stays sent
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=120_000)
    assert pending_count(laptop) == 0 and " 0 waiting" in window.sync.label.text()
    assert "last sync never" not in window.sync.label.text()


def test_the_conflicts_dialog_keeps_mine(qtbot, team_server, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    from inspector_app.ui.sync.conflicts_dialog import ConflictsDialog

    ivy = team_server.context(team_server.login_url(Role.INSPECTOR), tmp_path / "srv")
    shop = merchants.create_merchant(ivy, "UI-2", "冲突界面")
    p = purchases.create_purchase(ivy, received_input(shop.id, inspector_id=ivy.actor.id))
    f = findings.add_finding(ivy, p.id, findings.FindingInput("product_quality", "major", "原"))
    laptop = join(team_server, team_server.logins[Role.INSPECTOR], tmp_path / "a")
    with laptop.db.read() as s:
        local_id = s.scalar(select(Finding.id).where(Finding.uid == f.uid))
    findings.update_finding(laptop, local_id, findings.FindingInput(
        "product_quality", "major", "原", description="我在笔记本上写的"))
    findings.update_finding(ivy, f.id, findings.FindingInput(
        "product_quality", "major", "原", description="服务器上写的"))
    window = _window(qtbot, laptop, tmp_path)
    monkeypatch.setattr(ConflictsDialog, "exec", lambda self: 0)  # opened after the sync
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=60_000)
    assert "1 conflicts" in window.sync.label.text()
    assert window.sync.conflicts_action.isEnabled()
    dialog = ConflictsDialog(window.state, window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert "我在笔记本上写的" in dialog.mine.toPlainText()
    assert "服务器上写的" in dialog.theirs.toPlainText()
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0
    assert findings.get_finding(laptop, local_id).description == "我在笔记本上写的"
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=60_000)
    assert findings.get_finding(ivy, f.id).description == "我在笔记本上写的"


def test_what_needs_the_server_is_disabled_with_the_reason(qtbot, team_server, tmp_path):
    from PySide6.QtWidgets import QPushButton

    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    merchants.create_merchant(qm, "UI-3", "离线商店")
    laptop = join(team_server, team_server.logins[Role.QUALITY_MANAGER], tmp_path / "a")
    (local,) = merchants.search_merchants(laptop, "UI-3")
    window = _window(qtbot, laptop, tmp_path)
    window.show()
    window.navigate("merchants", local.id)
    qtbot.waitUntil(lambda: any("needs the team server" in b.toolTip()
                                for b in window.findChildren(QPushButton)), timeout=10_000)
    offline = [b for b in window.findChildren(QPushButton)
               if "needs the team server" in b.toolTip()]
    assert offline and not any(b.isEnabled() for b in offline)


def test_after_a_sync_the_refused_and_kept_records_are_named(qtbot, team_server, tmp_path):
    """Rows the server stopped showing Ian are removed (counted in the status bar); his
    edited one stays and, like the server's refusal of it, is named in a message."""
    from PySide6.QtWidgets import QMessageBox

    qm = team_server.context(team_server.login_url(Role.QUALITY_MANAGER), tmp_path / "qm")
    shop = merchants.create_merchant(qm, "UI-4", "可见界面商店")
    made = [purchases.create_purchase(qm, received_input(shop.id, order_number=f"UIV-{i}"))
            for i in range(2)]
    for i, p in enumerate(made):
        findings.add_finding(qm, p.id, findings.FindingInput(
            "product_quality", "minor", f"界面可见 {i}"))
    ian = join(team_server, team_server.second_inspector, tmp_path / "ian")
    with ian.db.write() as s:
        s.execute(select(Finding).where(Finding.title == "界面可见 1")).scalar_one(
        ).description = "伊恩在界面里的记录"
    team_server.sql(Role.QUALITY_MANAGER,
                    "UPDATE purchases SET inspector_id = (SELECT id FROM users WHERE login = %s)"
                    " WHERE order_number IN ('UIV-0', 'UIV-1')",
                    (team_server.logins[Role.INSPECTOR],))
    window = _window(qtbot, ian, tmp_path)
    window.sync.sync_action.trigger()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=120_000)
    box = window.findChild(QMessageBox, "sync_attention")
    assert box is not None and box.isVisible()
    assert "Refused by the team server, kept here as they are: 1." in box.text()
    assert "hold changes not sent: 1." in box.text()
    assert box.informativeText().count("界面可见 1") == 2  # refused, and kept
    assert "no longer yours to see, removed here" in window.statusBar().currentMessage()
    box.close()
