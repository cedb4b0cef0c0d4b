"""The case page's findings: a small table (severity, category, title, order) and their photos."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services.findings import FindingInfo
from inspector_app.ui.findings.columns import SEVERITY_COLOURS
from inspector_app.ui.fit import fit_column
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.models import ID_ROLE, ROW_ROLE

logger = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

_HEADERS = (QT_TR_NOOP("Severity"), QT_TR_NOOP("Category"), QT_TR_NOOP("Title"), QT_TR_NOOP("Order"))


class CaseFindingsModel(QAbstractTableModel):
    """The findings of one case (a handful; held in memory)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[FindingInfo] = []

    def set_findings(self, rows: list[FindingInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def finding(self, row: int) -> FindingInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        f = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (enum_label(f.severity), enum_label(f.category), f.title, f.order_number)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f.description or f.title if col == 2 else values[col]
            return values[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return SEVERITY_COLOURS.get(f.severity.value)
        if role == ID_ROLE:
            return f.id
        if role == ROW_ROLE:
            return f
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADERS):
            return tr(_HEADERS[section])
        return None


class CaseFindingsTab(QWidget):
    """The findings table; the photos of the chosen finding below it (in `photo_slot`)."""

    #: A finding was chosen (its id), so the photo area can follow it.
    finding_chosen = Signal(int)
    #: Enter or double-click on a finding: open its purchase (purchase id).
    open_purchase = Signal(int)

    def __init__(self, photo_slot: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseFindingsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("case_findings_table")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The title says what is wrong: it takes the room the others leave (they are kept
        # narrow and elide, with the full text as tooltip).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 70), (1, 110), (3, 90)):
            fit_column(self.table, col, width)
        self.table.setToolTip(tr("Enter or double-click opens the finding's purchase"))
        self.photo_slot = photo_slot
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("case_findings_splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(photo_slot)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)

    def set_findings(self, rows: list[FindingInfo]) -> None:
        self.model.set_findings(rows)
        if rows:
            self.table.selectRow(0)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.finding_chosen.emit(self.model.finding(current.row()).id)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_purchase.emit(self.model.finding(index.row()).purchase_id)
