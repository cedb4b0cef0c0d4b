"""`inspector-app` start-up: refuses a too-new database, first start, main window, lean imports."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from inspector_app.domain.enums import Role
from inspector_app.services import users as user_service
from inspector_app.ui import app as app_module
from inspector_app.ui import errors


def _new_windows(before):
    return [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window" and w not in before
    ]


@pytest.fixture
def clean_start(monkeypatch):
    """main() installs process-wide hooks and log handlers: undo them after the test.

    Yields a function returning the main windows main() opened.
    """
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    before = set(QApplication.topLevelWidgets())
    monkeypatch.setattr(QApplication, "exec", lambda self=None: 0)
    yield lambda: _new_windows(before)
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    errors.uninstall_excepthook()
    sys.excepthook = hook
    for w in _new_windows(before):
        w.close()
        w.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_database_from_a_newer_version_is_refused_with_exit_2(ctx, clean_start, message_boxes):
    db = ctx.paths.database
    ctx.db.dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    before = db.read_bytes()
    assert app_module.main(["inspector-app", "--data-dir", str(ctx.paths.root)]) == 2
    assert "newer version" in message_boxes.shown[0]["text"]
    assert db.read_bytes() == before  # untouched
    log = (ctx.paths.logs / app_module.LOG_FILE).read_text(encoding="utf-8")
    assert "Cannot open the database" in log


def test_first_start_on_an_empty_database_can_be_cancelled(ctx, clean_start, monkeypatch):
    from inspector_app.ui import first_start

    monkeypatch.setattr(first_start.FirstStartDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_module.main(["inspector-app"]) == 0
    assert clean_start() == []


def test_first_start_creates_the_user_then_opens_the_window(ctx, clean_start, monkeypatch):
    from inspector_app.ui import first_start

    def fill_and_accept(dialog):
        dialog.name_edit.setText("First Admin")
        dialog.submit()
        return dialog.result()

    monkeypatch.setattr(first_start.FirstStartDialog, "exec", fill_and_accept)
    assert app_module.main(["inspector-app"]) == 0
    [window] = clean_start()
    assert window.state.actor.display_name == "First Admin"
    assert window.state.actor.role == Role.ADMIN
    assert "First Admin (Administrator)" in window.user_label.text()


def test_after_first_start_with_demo_the_new_user_is_the_actor(ctx, clean_start, monkeypatch):
    from inspector_app.ui import first_start

    def add_demo_users(c):
        # The demo adds its own team, an administrator among them ("Aaron" sorts first).
        user_service.create_user(c, "Aaron Demo-Admin", Role.ADMIN)
        yield 1, 1, ""

    def fill_and_accept(dialog):
        dialog.name_edit.setText("Zoe Team Lead")
        dialog.demo_check.setChecked(True)
        dialog.submit()
        deadline = time.monotonic() + 10
        while dialog.result() != QDialog.DialogCode.Accepted and time.monotonic() < deadline:
            QApplication.processEvents()
        return dialog.result()

    monkeypatch.setattr(first_start, "demo_loader", lambda: add_demo_users)
    monkeypatch.setattr(first_start.FirstStartDialog, "exec", fill_and_accept)
    assert app_module.main(["inspector-app"]) == 0
    [window] = clean_start()
    assert window.state.actor.display_name == "Zoe Team Lead"


def test_language_from_the_command_line(ctx, users, clean_start):
    assert app_module.main(["inspector-app", "--lang", "zh_CN"]) == 0
    [window] = clean_start()
    assert window.nav.item(0).text() == "概览"


def test_remembered_user_is_restored(ctx, users, clean_start, settings):
    from inspector_app.ui.settings import CURRENT_USER_ID, AppSettings

    prefs = AppSettings.for_paths(ctx.paths)
    prefs.set(CURRENT_USER_ID, users[Role.INSPECTOR].id)
    prefs.sync()
    assert app_module.main(["inspector-app"]) == 0
    [window] = clean_start()
    assert window.state.actor == users[Role.INSPECTOR]


def test_daily_backup_runs_once_a_day(qtbot, state, settings, ctx):
    from inspector_app.services import backups

    daily = app_module.DailyBackup(state, settings)
    daily.check()
    qtbot.waitUntil(lambda: not daily.running, timeout=10_000)
    daily.check()
    qtbot.waitUntil(lambda: not daily.running, timeout=10_000)
    assert [b.kind for b in backups.list_backups(ctx)] == [backups.DAILY]


def test_start_up_does_not_import_report_libraries():
    code = (
        "import sys\n"
        "import inspector_app.ui.app, inspector_app.ui.main_window\n"
        "import inspector_app.ui.screens.settings_screen\n"
        "print(sorted(m for m in ('openpyxl', 'reportlab', 'PIL') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_users_fixture_sanity(ctx, users):
    assert user_service.count_users(ctx) == 4
