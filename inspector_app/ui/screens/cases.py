"""The Cases screen: rectification cases by status on the left, the chosen case's page on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from inspector_app.domain.errors import InspectorError
from inspector_app.services.browse.cases import count_due_soon
from inspector_app.ui import changes
from inspector_app.ui.cases.case_page import CasePage
from inspector_app.ui.cases.list_panel import CasesListPanel
from inspector_app.ui.i18n import tr
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: Entities whose changes can alter the cases or the case page.
_WATCHED = {
    changes.CASE, changes.FINDING, changes.MERCHANT, changes.USER, changes.PURCHASE,
    changes.DATABASE, changes.ACTOR, changes.SETTINGS,
}


class CasesScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("cases_screen")
        self._stale = False
        self.list = CasesListPanel(env, self)
        self.page = CasePage(env, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("cases_splitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        if not self.splitter.restoreState(env.settings.splitter_state("cases")):
            self.splitter.setSizes([640, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.list.case_chosen.connect(lambda case_id: self.page.load(case_id or None))
        self.list.table.activated_id.connect(lambda _id: self.page.tabs.setFocus())
        env.changes.changed.connect(self._on_changed)

    def activate(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        self.announce_due_soon()

    def announce_due_soon(self) -> None:
        """Say in the status bar how many cases are due soon (all of them, whatever the filters)."""
        try:
            soon = count_due_soon(self.env.ctx)
        except InspectorError as exc:
            logger.info("Counting the cases due soon failed: %s", exc)
            return
        if soon.cases:
            self.env.show_status(
                tr("%n case(s) due within %1 day(s): see the Due soon tab", None, soon.cases)
                .replace("%1", str(soon.warning_days))
            )

    def show_filter(self, key: str) -> None:
        """Every case of one status tab (from a dashboard tile): other filters cleared."""
        self.list.search.clear()
        self.list.merchant.clear_choice()
        self.list.tabs.select(key)
        self.list.apply_filters()
        self.list.table.setFocus()

    def focus_search(self) -> None:
        self.list.search.setFocus()
        self.list.search.selectAll()

    def open_item(self, case_id: int) -> None:
        """Show this case (from another screen, e.g. after opening it on Findings)."""
        if not self.list.select_id(case_id, emit=False):
            self.list.table.clearSelection()
        self.page.load(case_id)

    def save_state(self) -> None:
        self.env.settings.set_splitter_state("cases", self.splitter.saveState())
        self.list.table.save_layout()

    def refresh(self, findings: bool = True) -> None:
        self.list.refresh()
        self.page.reload(findings=findings)

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in _WATCHED:
            return
        if self.isVisible():
            # A case's own moves leave its findings as they were; other changes may not.
            self.refresh(findings=entity != changes.CASE)
        else:
            self._stale = True
