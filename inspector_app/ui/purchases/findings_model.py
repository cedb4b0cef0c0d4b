"""The small table model of one purchase's findings (a purchase has a handful, loaded at once)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from inspector_app.services.findings import FindingInfo
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr
from inspector_app.ui.models import ID_ROLE, ROW_ROLE, SORT_ROLE

logger = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex

#: (header, attribute) of each column.
FINDING_COLUMNS = (
    (QT_TR_NOOP("Severity"), "severity"),
    (QT_TR_NOOP("Category"), "category"),
    (QT_TR_NOOP("Title"), "title"),
)
#: Text colours of the severities, so the critical ones stand out.
SEVERITY_COLOURS = {"critical": "#b3261e", "major": "#8a5a00"}


class FindingListModel(QAbstractTableModel):
    """Rows are FindingInfo objects; set_findings replaces them (after every change)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[FindingInfo] = []
        #: Ids of the findings waiting for a sync conflict to be settled (docs/sync.md).
        self._conflicted: frozenset[int] = frozenset()

    def set_findings(self, findings: Sequence[FindingInfo],
                     conflicted: frozenset[int] = frozenset()) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self._conflicted = conflicted
        self.endResetModel()

    def findings(self) -> list[FindingInfo]:
        return list(self._rows)

    def finding(self, row: int) -> FindingInfo:
        return self._rows[row]

    def row_of_id(self, finding_id: int) -> int:
        for i, f in enumerate(self._rows):
            if f.id == finding_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FINDING_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        value = getattr(f, FINDING_COLUMNS[index.column()][1])
        if index.column() == 2 and f.id in self._conflicted:
            from inspector_app.ui.sync.marks import mark_for

            marked = mark_for(role, value)
            if marked is not None:
                return marked
        if role == Qt.ItemDataRole.DisplayRole:
            return enum_label(value) if index.column() < 2 else value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return f.description or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            colour = SEVERITY_COLOURS.get(f.severity.value)
            return QColor(colour) if colour else None
        if role == ID_ROLE:
            return f.id
        if role == SORT_ROLE:
            return getattr(value, "value", value)
        if role == ROW_ROLE:
            return f
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(FINDING_COLUMNS):
            return tr(FINDING_COLUMNS[section][0])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
