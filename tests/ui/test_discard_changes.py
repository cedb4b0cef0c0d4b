""""Discard changes?" on every form that holds typed input: the case edit dialog, the reason
and merchant-status dialogs, the new merchant/product dialogs, team settings, an unsaved
finding (leaving the screen or quitting), with Cancel keeping what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from inspector_app.domain.enums import Role
from inspector_app.services import cases as case_service
from inspector_app.ui.cases.edit_dialog import EditCaseDialog
from inspector_app.ui.cases.transitions import ReasonDialog
from inspector_app.ui.purchases.quick_create import NewMerchantDialog
from tests.ui.findings_world import make_world

DISCARD, CANCEL = QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel


@pytest.fixture
def world(ctx, users):
    return make_world(ctx, users)


def asked(boxes) -> list[str]:
    return [b["title"] for b in boxes.shown if b["kind"] == "question"]


def press_esc(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_case_edit_dialog_asks_before_dropping_edits(qtbot, env, ctx, users, world, message_boxes):
    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    case = case_service.open_case(qm, [world.finding["Seam splits at the shoulder"]])
    env.state.set_actor(users[Role.QUALITY_MANAGER])
    dialog = EditCaseDialog(env, case)
    qtbot.addWidget(dialog)
    dialog.show()
    press_esc(qtbot, dialog)  # nothing typed: leaves without asking
    assert not dialog.isVisible() and asked(message_boxes) == []
    dialog.show()
    qtbot.keyClicks(dialog.summary_edit, " and more")
    message_boxes.answer = CANCEL
    press_esc(qtbot, dialog)
    assert dialog.isVisible() and asked(message_boxes) == ["Discard changes?"]
    assert dialog.summary_edit.toPlainText().endswith(" and more")
    message_boxes.answer = DISCARD
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(asked(message_boxes)) == 2
    # Closing from code (not the user) does not ask.
    dialog.show()
    qtbot.keyClicks(dialog.summary_edit, "!")
    dialog.close()
    assert not dialog.isVisible() and len(asked(message_boxes)) == 2


def test_reason_and_new_merchant_dialogs_ask_too(qtbot, env, message_boxes):
    reason = ReasonDialog("Cancel case…", "RC-1")
    qtbot.addWidget(reason)
    reason.show()
    qtbot.keyClicks(reason.note_edit, "Duplicate")
    message_boxes.answer = CANCEL
    press_esc(qtbot, reason)
    assert reason.isVisible() and reason.reason() == "Duplicate"
    merchant = NewMerchantDialog(env, "Acme")
    qtbot.addWidget(merchant)
    merchant.show()
    press_esc(qtbot, merchant)  # only what was typed before: nothing lost, no question
    assert not merchant.isVisible() and asked(message_boxes) == ["Discard changes?"]
    merchant.show()
    qtbot.keyClicks(merchant.fields[0], "shop-1")
    press_esc(qtbot, merchant)
    assert merchant.isVisible() and len(asked(message_boxes)) == 2


def test_unsaved_team_settings_keep_the_user_on_settings(qtbot, window, message_boxes):
    settings = window.navigate("settings")
    saved = settings.organisation_edit.text()
    settings.organisation_edit.setText("A new name")
    message_boxes.answer = CANCEL
    assert window.navigate("dashboard") is None
    assert window.current_screen_name() == "settings" and window.nav.currentRow() == list(
        window._names).index("settings")
    assert settings.organisation_edit.text() == "A new name"
    # Quitting (File > Quit) asks the same; Cancel keeps the window open.
    window.quit()
    assert window.isVisible() and asked(message_boxes) == ["Discard changes?"] * 2
    message_boxes.answer = DISCARD
    window.navigate("dashboard")
    assert window.current_screen_name() == "dashboard"
    assert settings.organisation_edit.text() == saved
    window.navigate("settings")  # nothing unsaved now: no question
    window.navigate("dashboard")
    assert len(asked(message_boxes)) == 3


def test_an_unsaved_finding_is_asked_about_before_another_screen(qtbot, window, world, message_boxes):
    purchases = window.navigate("purchases", world.acme_purchase)
    editor = purchases.inspect_page.editor
    qtbot.keyClicks(editor.title, " (edited)")
    assert editor.dirty
    message_boxes.answer = CANCEL
    window.navigate("cases")
    assert window.current_screen_name() == "purchases" and editor.dirty
    message_boxes.answer = DISCARD
    window.navigate("cases")
    assert window.current_screen_name() == "cases" and not editor.dirty
    assert asked(message_boxes) == ["Unsaved finding", "Unsaved finding"]
