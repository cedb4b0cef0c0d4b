"""The stage limits are team settings edited on the Settings screen; the Work orders filter
follows a changed limit."""

from __future__ import annotations

from inspector_app.domain.workorders import STAGES
from inspector_app.services import team_settings


def test_stage_limits_are_edited_and_saved(qtbot, env):
    from inspector_app.ui.screens.risk_settings_panel import RiskSettingsPanel

    panel = RiskSettingsPanel()
    qtbot.addWidget(panel)
    panel.load(team_settings.get_all(env.ctx))
    assert {r.limit_key: panel.spins[r.limit_key].value() for r in STAGES} == {
        r.limit_key: r.default_hours for r in STAGES}
    panel.spins["workorders.pickup_hours"].setValue(36.5)
    team_settings.put_many(env.ctx, panel.values())
    assert team_settings.get(env.ctx, "workorders.pickup_hours") == 36.5
    from inspector_app.services.workorders import stage_limits

    assert stage_limits(env.ctx)["pickup"] == 36.5
