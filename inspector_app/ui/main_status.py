"""The main window's status bar: where the data lives, who acts, and passing messages."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from inspector_app.services.context import Actor
from inspector_app.ui.i18n import enum_label, tr

if TYPE_CHECKING:
    from inspector_app.ui.cases.case_menu import CaseMenu
    from inspector_app.ui.state import AppState

    _Window = QMainWindow
else:
    _Window = object

logger = logging.getLogger(__name__)

#: Milliseconds a status-bar message stays.
STATUS_MS = 6000


class MainStatusBar(_Window):
    """The status bar of the MainWindow it is mixed into."""

    state: AppState
    case_menu: CaseMenu

    def _build_status_bar(self) -> None:
        self.db_label = QLabel(self)
        self.db_label.setObjectName("status_database")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("status_user")
        # The database label gives way to temporary messages; the user stays visible.
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self._update_status()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def _update_status(self) -> None:
        ctx = self.state.ctx
        self.db_label.setText(tr("Database: %1").replace("%1", ctx.db.describe()))
        self.db_label.setToolTip(tr("Data folder: %1").replace("%1", str(ctx.paths.root)))
        actor = self.state.actor
        if actor is None:
            self.user_label.setText(tr("No user chosen"))
        else:
            self.user_label.setText(
                tr("User: %1 (%2)").replace("%1", actor.display_name).replace("%2", enum_label(actor.role))
            )

    @Slot(object)
    def _on_actor_changed(self, _actor: Actor | None) -> None:
        self._update_status()
        self.case_menu.refresh()
