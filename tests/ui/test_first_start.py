"""The first-start dialog: the first user, validation by the field, optional demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_app.domain.enums import Role
from inspector_app.services import users as user_service
from inspector_app.ui import first_start
from inspector_app.ui.first_start import FirstStartDialog


def _ok(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_creates_the_first_user_as_administrator(qtbot, ctx):
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_check.isVisible() and not dialog.demo_check.isChecked()
    assert dialog.role_combo.count() == 1 and not dialog.role_combo.isEnabled()
    dialog.name_edit.setText("王芳")  # (QTest cannot type CJK characters)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.actor.display_name == "王芳" and dialog.actor.role == Role.ADMIN
    assert user_service.count_users(ctx) == 1


def test_administrator_is_the_role(qtbot, ctx):
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.role_combo.currentData() == Role.ADMIN.value
    assert dialog.role_combo.currentText() == "Administrator"


def test_an_empty_name_is_explained_next_to_the_field(qtbot, ctx):
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.name_error.isVisible()
    assert user_service.count_users(ctx) == 0


def test_demo_data_loads_in_the_background_with_progress(qtbot, ctx, monkeypatch):
    calls = []

    def load_demo(c):
        calls.append(c.actor.display_name)
        for i in range(5):
            yield i + 1, 5, "demo"
        return "loaded"

    monkeypatch.setattr(first_start, "demo_loader", lambda: load_demo)
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_check.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Admin")
    dialog.demo_check.setChecked(True)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.task is not None and dialog.task.dialog is not None  # progress shown
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    assert dialog.demo_loaded
    assert calls == ["system"]


def test_a_failing_demo_still_starts_the_application(qtbot, ctx, monkeypatch, message_boxes):
    def load_demo(c):
        raise RuntimeError("demo broke")

    monkeypatch.setattr(first_start, "demo_loader", lambda: load_demo)
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Admin")
    dialog.demo_check.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    assert not dialog.demo_loaded
    assert message_boxes.shown[0]["title"] == "Unexpected error"
    assert user_service.count_users(ctx) == 1


def test_first_start_with_the_real_demo(qtbot, ctx):
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "Team Lead")
    dialog.demo_check.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=60_000)
    assert dialog.demo_loaded, dialog.task.error
    from inspector_app.services import browse

    assert browse.count_purchases(ctx.as_actor(dialog.actor), browse.PurchaseFilter()) > 0
    assert user_service.find_user(ctx, "Team Lead").role == Role.ADMIN
