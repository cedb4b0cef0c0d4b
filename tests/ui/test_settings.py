"""The preferences wrapper and the Settings screen (user, language, deadlines, backups)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, Qt

from inspector_app.domain.enums import Role, Severity
from inspector_app.services import backups, team_settings
from inspector_app.services import users as user_service
from inspector_app.ui import changes
from inspector_app.ui.screens.settings_screen import SettingsScreen
from inspector_app.ui.settings import (
    CURRENT_USER_ID,
    DAILY_BACKUP,
    LANGUAGE,
    WINDOW_GEOMETRY,
    AppSettings,
    Key,
)
from inspector_app.ui.users.new_user_dialog import NewUserDialog

# -- AppSettings -----------------------------------------------------------------------


def test_declared_keys_have_typed_defaults(settings):
    assert settings.get(LANGUAGE) == ""
    assert settings.get(CURRENT_USER_ID) == 0
    assert settings.get(DAILY_BACKUP) is True
    assert isinstance(settings.get(WINDOW_GEOMETRY), QByteArray)


def test_values_survive_a_new_instance_with_their_types(tmp_path):
    file = tmp_path / "prefs.ini"
    first = AppSettings.at(file)
    first.set(CURRENT_USER_ID, 7)
    first.set(DAILY_BACKUP, False)
    first.set(LANGUAGE, "zh_CN")
    first.set_splitter_state("purchases", QByteArray(b"\x00\x01split"))
    first.set_column_layout("findings", QByteArray(b"\x00\xffcols"))
    first.sync()
    again = AppSettings.at(file)
    assert again.get(CURRENT_USER_ID) == 7
    assert again.get(DAILY_BACKUP) is False
    assert again.get(LANGUAGE) == "zh_CN"
    assert bytes(again.splitter_state("purchases")) == b"\x00\x01split"
    assert bytes(again.column_layout("findings")) == b"\x00\xffcols"
    assert again.column_layout("never-saved").isEmpty()


def test_bad_stored_values_fall_back_to_the_default(tmp_path):
    file = tmp_path / "prefs.ini"
    file.write_text("[session]\ncurrent_user_id=not-a-number\n")
    assert AppSettings.at(file).get(CURRENT_USER_ID) == 0


def test_undeclared_keys_are_refused(settings):
    with pytest.raises(KeyError):
        settings.get(Key("made/up", str, ""))


def test_settings_live_in_the_data_folder(ctx):
    assert AppSettings.for_paths(ctx.paths).file_name.startswith(str(ctx.paths.root))


# -- Settings screen -------------------------------------------------------------------


@pytest.fixture
def screen(qtbot, env):
    s = SettingsScreen(env)
    qtbot.addWidget(s)
    s.show()
    return s


def test_shows_user_data_folder_and_team_settings(screen, ctx):
    assert screen.organisation_edit.text() == "Platform Quality Inspection"
    assert screen.actor_label.text() == "You are acting as Admin (Administrator)."
    assert screen.data_folder_label.text() == str(ctx.paths.root)
    assert screen.deadline_spins[Severity.CRITICAL].value() == 3
    assert screen.deadline_spins[Severity.MAJOR].value() == 7
    assert screen.deadline_spins[Severity.MINOR].value() == 15
    assert screen.new_user_button.isEnabled()


def test_team_settings_are_saved_in_the_database(qtbot, screen, ctx):
    spin = screen.deadline_spins[Severity.MAJOR]
    spin.clear()
    qtbot.keyClicks(spin, "10")
    screen.organisation_edit.clear()
    qtbot.keyClicks(screen.organisation_edit, "Platform QA, East China")
    with qtbot.waitSignal(changes.changes().changed) as signal:
        qtbot.mouseClick(screen.save_team_button, Qt.MouseButton.LeftButton)
    assert signal.args == [changes.SETTINGS, []]
    assert team_settings.deadline_days(ctx, Severity.MAJOR) == 10
    assert team_settings.get(ctx, "organisation_name") == "Platform QA, East China"


def test_an_inspector_cannot_edit_deadlines_or_create_users(screen, state, users):
    state.set_actor(users[Role.INSPECTOR])  # the screen follows the change signal
    assert not screen.save_team_button.isEnabled()
    assert not screen.deadline_spins[Severity.CRITICAL].isEnabled()
    assert not screen.organisation_edit.isEnabled()
    assert screen.team_hint.isVisibleTo(screen)
    assert not screen.new_user_button.isEnabled()
    assert not screen.backup_panel.restore_file_button.isEnabled()


def test_switch_user(qtbot, screen, state, users):
    target = users[Role.QUALITY_MANAGER]
    screen.user_combo.setCurrentIndex(screen.user_combo.findData(target.id))
    with qtbot.waitSignal(state.actor_changed):
        qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert state.actor == target
    assert screen.actor_label.text() == "You are acting as Quinn Manager (Quality manager)."


def test_switching_to_a_user_with_a_password_asks_for_it(qtbot, screen, state, users,
                                                        monkeypatch, message_boxes):
    from PySide6.QtWidgets import QInputDialog

    from inspector_app.services import passwords

    target = users[Role.QUALITY_MANAGER]
    passwords.set_password(state.ctx.as_actor(target), target.id, "quinn-secret")
    typed = iter(["wrong", "quinn-secret"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(typed), True))
    screen.user_combo.setCurrentIndex(screen.user_combo.findData(target.id))
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert state.actor == users[Role.ADMIN]
    assert message_boxes.texts()[-1] == "Wrong password for Quinn Manager."
    with qtbot.waitSignal(state.actor_changed):
        qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    assert state.actor == target


def test_language_choice_is_saved_with_a_restart_notice(screen, settings):
    assert not screen.restart_label.isVisibleTo(screen)
    screen.language_combo.setCurrentIndex(screen.language_combo.findData("zh_CN"))
    assert settings.get(LANGUAGE) == "zh_CN"
    assert screen.restart_label.isVisibleTo(screen)


def test_new_user_dialog_creates_a_user_and_shows_errors_by_the_field(qtbot, env, ctx):
    dialog = NewUserDialog(env)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()  # empty name
    assert dialog.name_error.isVisible()
    assert dialog.name_error.text() == "Please enter a name."
    qtbot.keyClicks(dialog.name_edit, "Zhao Min")
    assert not dialog.name_error.isVisible()
    # (QTest cannot type CJK characters; set them as an input method would.)
    dialog.name_edit.setText("赵敏 Zhao Min")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.QUALITY_MANAGER.value))
    with qtbot.waitSignal(changes.changes().changed):
        dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    created = user_service.find_user(ctx, "赵敏 Zhao Min")
    assert created.role == Role.QUALITY_MANAGER


# -- backups ---------------------------------------------------------------------------


def test_backup_now_runs_in_the_background_and_lists_the_backup(qtbot, screen, ctx):
    panel = screen.backup_panel
    assert panel.list.item(0).text() == "No backups yet."
    qtbot.mouseClick(panel.backup_button, Qt.MouseButton.LeftButton)
    task = panel.last_task
    qtbot.waitUntil(lambda: task.is_done, timeout=10_000)
    assert task.error is None
    [info] = backups.list_backups(ctx)
    assert (info.path / "inspector.sqlite3").is_file()
    assert panel.list.count() == 1
    assert "manual" in panel.list.item(0).text()
    assert panel.backup_button.isEnabled()


def test_restore_selected_backup_after_confirming(qtbot, screen, ctx, users, message_boxes):
    admin_ctx = ctx.as_actor(users[Role.ADMIN])
    folder = backups.backup_now(admin_ctx)
    user_service.create_user(admin_ctx, "Added after the backup", Role.INSPECTOR)
    panel = screen.backup_panel
    panel.refresh()
    panel.list.setCurrentRow(0)
    assert panel.restore_button.isEnabled()
    with qtbot.waitSignal(changes.changes().changed, check_params_cb=lambda e, _i: e == changes.DATABASE, timeout=10_000):
        qtbot.mouseClick(panel.restore_button, Qt.MouseButton.LeftButton)
    assert [b["kind"] for b in message_boxes.shown] == ["question", "information"]
    assert str(folder) in message_boxes.shown[0]["text"]
    names = [u.display_name for u in user_service.list_users(ctx)]
    assert "Added after the backup" not in names
    kinds = [b.kind for b in backups.list_backups(ctx)]
    assert backups.SAFETY in kinds  # the data from before the restore was kept


def test_restore_is_not_done_when_the_user_says_no(qtbot, screen, ctx, users, message_boxes):
    from PySide6.QtWidgets import QMessageBox

    admin_ctx = ctx.as_actor(users[Role.ADMIN])
    backups.backup_now(admin_ctx)
    user_service.create_user(admin_ctx, "Still here", Role.INSPECTOR)
    message_boxes.answer = QMessageBox.StandardButton.Cancel
    screen.backup_panel.refresh()
    screen.backup_panel.list.setCurrentRow(0)
    screen.backup_panel.restore_selected()
    assert screen.backup_panel.last_task is None
    assert "Still here" in [u.display_name for u in user_service.list_users(ctx)]


def test_risk_and_sampling_settings_are_saved_with_the_team_settings(qtbot, screen, ctx):
    panel = screen.risk_panel
    assert panel.values() == {k: team_settings.DEFAULTS[k] for k in panel.spins}
    panel.spins["watch_threshold"].setValue(55)
    panel.spins["risk.window_days"].setValue(90)
    panel.spins["sampling.weight_floor"].setValue(0.35)
    with qtbot.waitSignal(changes.changes().changed):
        qtbot.mouseClick(screen.save_team_button, Qt.MouseButton.LeftButton)
    stored = team_settings.get_all(ctx)
    assert (stored["watch_threshold"], stored["risk.window_days"]) == (55, 90)
    assert stored["sampling.weight_floor"] == pytest.approx(0.35)


def test_a_refused_threshold_order_is_shown_and_nothing_is_saved(qtbot, screen, ctx, monkeypatch):
    shown = []
    monkeypatch.setattr("inspector_app.ui.ops.show_error",  # the runner shows refusals
                        lambda parent, exc: shown.append(str(exc)))
    screen.risk_panel.spins["eliminate_threshold"].setValue(30)
    qtbot.mouseClick(screen.save_team_button, Qt.MouseButton.LeftButton)
    assert shown and "elimination threshold" in shown[0]
    assert team_settings.get(ctx, "eliminate_threshold") == 80.0


def test_an_inspector_cannot_edit_risk_settings(screen, state, users):
    state.set_actor(users[Role.INSPECTOR])
    assert not any(spin.isEnabled() for spin in screen.risk_panel.spins.values())
