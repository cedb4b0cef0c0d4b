"""The Findings screen: every finding across purchases, to review and open rectification cases."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QVBoxLayout, QWidget

from inspector_app.ui.findings.view import FindingsView
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)


class FindingsScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("findings_screen")
        self.view = FindingsView(env, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def activate(self) -> None:
        self.view.activate()

    def show_behind(self, *args, **kw) -> None:
        """The findings behind a Dashboard chart's bar (FindingsView.show_behind)."""
        self.view.show_behind(*args, **kw)

    def focus_search(self) -> None:
        self.view.filter_bar.search.setFocus()
        self.view.filter_bar.search.selectAll()

    def save_state(self) -> None:
        self.view.table.save_layout()
