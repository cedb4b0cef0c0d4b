"""A line above a record's editor when that record waits for a sync conflict to be settled:
an icon, the word, what happened, and a button that opens the Conflicts dialog on it
(docs/sync.md, "Conflicts"). Hidden on a database that is no laptop copy."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from inspector_app.ui.i18n import tr
from inspector_app.ui.sync.marks import conflict_icon, conflict_tooltip, conflict_word

logger = logging.getLogger(__name__)


class ConflictBanner(QFrame):
    def __init__(self, env, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.table = table
        self.record_id: int | None = None
        self.setObjectName("conflict_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel(self)
        icon.setPixmap(conflict_icon().pixmap(20, 20))
        self.label = QLabel(self)
        self.label.setObjectName("conflict_banner_text")
        self.label.setWordWrap(True)
        self.label.setText(tr("<b>%1</b>: %2").replace("%1", conflict_word()).replace(
            "%2", conflict_tooltip()))
        self.button = QPushButton(tr("Choose which to keep…"), self)
        self.button.setObjectName("conflict_banner_open")
        self.button.clicked.connect(self.open_conflicts)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        row.addWidget(icon)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def show_for(self, record_id: int | None) -> None:
        """Shown when `record_id` has an open conflict (one small query, on a copy only)."""
        from inspector_app.services.sync.conflicts import conflicted_ids

        self.record_id = record_id
        marked = False
        state = getattr(self.env, "state", None)
        if record_id is not None and getattr(state, "replica", None) is not None:
            try:
                marked = record_id in conflicted_ids(self.env.ctx, self.table, [record_id])
            except Exception:  # noqa: BLE001 - a help only; the editor must still open
                logger.warning("conflict of %s %s not read", self.table, record_id,
                               exc_info=True)
        self.setVisible(marked)

    @Slot()
    def open_conflicts(self) -> None:
        from inspector_app.ui.sync.conflicts_dialog import ConflictsDialog

        dialog = ConflictsDialog(self.env.state, self.window(), table=self.table,
                                 record_id=self.record_id)
        dialog.exec()  # each resolution is an op: the screens showing it refresh themselves
        self.show_for(self.record_id)
