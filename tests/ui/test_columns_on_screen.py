"""The columns a screen is about are on screen at 1280x800 in every language: the Work
orders' Service duration, the case page's findings Title (docs/screenshots)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from inspector_app.domain import pseudo
from inspector_app.domain.enums import Role
from inspector_app.services import cases as case_service
from inspector_app.ui.i18n import install_translator
from tests.ui.findings_world import make_world

SMALL = QSize(1280, 800)
#: The findings Title has at least this much room on the case page at 1280 px.
TITLE_MIN = 150


@pytest.mark.parametrize("lang", ["en", "zh_CN", pseudo.LANGUAGE])
def test_the_key_columns_are_on_screen(qtbot, qapp, ctx, users, state, settings, lang):
    from inspector_app.ui.main_window import MainWindow

    qm = ctx.as_actor(users[Role.QUALITY_MANAGER])
    world = make_world(ctx, users)
    case = case_service.open_case(qm, [world.finding["Seam splits at the shoulder"]])
    assert install_translator(lang)
    window = MainWindow(state, settings)
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)

    table = window.navigate("workorders").view
    qapp.processEvents()
    duration = table.model().column_index("duration")
    right = table.columnViewportPosition(duration) + table.columnWidth(duration)
    assert table.columnViewportPosition(duration) >= 0 and right <= table.viewport().width(), (
        f"{lang}: Service duration ends at {right} px of {table.viewport().width()}")

    window.navigate("cases", case.id)
    qapp.processEvents()
    findings = window.built_screen("cases").page.findings_tab.table
    assert findings.isVisible()
    assert findings.columnWidth(2) >= TITLE_MIN, f"{lang}: Title {findings.columnWidth(2)} px"
