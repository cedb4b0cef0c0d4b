"""Settings: the reply time a notice gives for an overdue case (notices.reply_days)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_app.domain.enums import Role
from inspector_app.services import team_settings
from inspector_app.ui import changes
from inspector_app.ui.screens.settings_screen import SettingsScreen


def test_settings_screen_edits_the_reply_days(qtbot, env, users, ctx):
    screen = SettingsScreen(env)  # acting as the administrator
    qtbot.addWidget(screen)
    screen.show()
    spin = screen.reply_spin
    assert spin.value() == 3 and spin.isEnabled()
    assert (spin.minimum(), spin.maximum()) == team_settings.RANGES["notices.reply_days"]
    spin.clear()
    qtbot.keyClicks(spin, "5")
    with qtbot.waitSignal(changes.changes().changed):
        qtbot.mouseClick(screen.save_team_button, Qt.MouseButton.LeftButton)
    assert team_settings.get(ctx, "notices.reply_days") == 5
    env.state.set_actor(users[Role.INSPECTOR])
    assert not spin.isEnabled()
