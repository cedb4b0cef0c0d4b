"""The dashboard, the Cases screen and the merchants table call unfinished cases "active" in
both languages, as the glossary does; "Open" is only the status of a case not yet notified."""

from __future__ import annotations

import pytest

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.glossary import CASE_GROUP, CASE_STATUS
from inspector_app.ui.cases.status_tabs import TABS
from inspector_app.ui.i18n import enum_label, install_translator, tr
from inspector_app.ui.merchants.table import COLUMNS
from inspector_app.ui.screens.dashboard import TILES


@pytest.mark.parametrize("lang,column", [("en", 0), ("zh_CN", 1)])
def test_active_cases_are_named_alike_everywhere(lang, column):
    assert install_translator(lang)
    tile = tr(dict(TILES)["cases_open_now"])
    active_tab = next(t for t in TABS if t.key == "active").title()
    merchants_column = tr(next(c.header for c in COLUMNS if c.sort_key == "open_cases"))
    assert tile == merchants_column == CASE_GROUP["active_cases"][column]
    assert active_tab == CASE_GROUP["active"][column]
    # Never the word of the "open" status, which means something else.
    assert enum_label(CaseStatus.OPEN) == CASE_STATUS["open"][column]
    assert enum_label(CaseStatus.OPEN) not in (tile, active_tab)
