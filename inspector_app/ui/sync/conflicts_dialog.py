"""The conflicts of a laptop copy: each record edited here and on the server, both texts
side by side, and Keep mine / Keep theirs (services/sync/conflicts.py)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


def _text(row: dict, keys: list[str]) -> str:
    return "\n\n".join(f"{k}:\n{row.get(k) if row.get(k) is not None else ''}" for k in keys)


def _uid_of(state, table: str | None, record_id: int | None) -> str | None:
    if table is None or record_id is None:
        return None
    from sqlalchemy import text

    from inspector_app.services.sync.conflicts import MARKED_TABLES

    if table not in MARKED_TABLES:
        return None
    with state.ctx.db.engine.connect() as conn:
        return conn.execute(text(f"SELECT uid FROM {table} WHERE id = :i"),
                            {"i": record_id}).scalar()


class ConflictsDialog(QDialog):
    def __init__(self, state, parent: QWidget | None = None, *, table: str | None = None,
                 record_id: int | None = None) -> None:
        super().__init__(parent)
        self.state = state
        #: The record to show first (opened from its editor's conflict line).
        self._focus_uid = _uid_of(state, table, record_id)
        self.setObjectName("sync_conflicts")
        self.setWindowTitle(tr("Sync conflicts"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr(
            "These records were changed on this laptop and on the server. Nothing was lost: "
            "choose which version to keep."), self))
        self.list = QListWidget(self)
        self.list.setObjectName("conflict_list")
        layout.addWidget(self.list, 1)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Mine (this laptop)"), self), 0, 0)
        grid.addWidget(QLabel(tr("Theirs (the server, shown now)"), self), 0, 1)
        self.mine = QPlainTextEdit(self)
        self.mine.setObjectName("conflict_mine")
        self.theirs = QPlainTextEdit(self)
        self.theirs.setObjectName("conflict_theirs")
        for edit in (self.mine, self.theirs):
            edit.setReadOnly(True)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        layout.addLayout(grid, 2)
        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(tr("Keep &mine"), self)
        self.keep_mine.setObjectName("keep_mine")
        self.keep_theirs = QPushButton(tr("Keep &theirs"), self)
        self.keep_theirs.setObjectName("keep_theirs")
        buttons.addButton(self.keep_mine, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.keep_theirs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.keep_mine.clicked.connect(lambda: self._resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        self.list.currentRowChanged.connect(self._show)
        self._conflicts: list = []
        self.reload()

    def reload(self) -> None:
        from inspector_app.services.sync.conflicts import list_conflicts

        self._conflicts = list_conflicts(self.state.ctx)
        self.list.clear()
        for c in self._conflicts:
            self.list.addItem(QListWidgetItem(c.label))
        if self._conflicts:
            first = next((i for i, c in enumerate(self._conflicts)
                          if c.uid == self._focus_uid), 0)
            self.list.setCurrentRow(first)
        else:
            self._show(-1)

    @Slot(int)
    def _show(self, row: int) -> None:
        has = 0 <= row < len(self._conflicts)
        self.keep_mine.setEnabled(has)
        self.keep_theirs.setEnabled(has)
        if not has:
            self.mine.setPlainText("")
            self.theirs.setPlainText("")
            return
        c = self._conflicts[row]
        keys = c.differences() or sorted(c.mine)
        self.mine.setPlainText(_text(c.mine, keys))
        self.theirs.setPlainText(_text(c.theirs, keys))

    def _resolve(self, keep: str) -> None:
        from inspector_app.services.sync.conflicts import resolve

        row = self.list.currentRow()
        if not 0 <= row < len(self._conflicts):
            return
        c = self._conflicts[row]
        # Nothing changed when refused; run_op shows why and broadcasts what did change.
        run_op(self, self.state.ctx, lambda: resolve(self.state.ctx, c.id, keep),
               on_success=lambda _r: self.reload())
