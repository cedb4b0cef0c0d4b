"""The case's whole event history: when (local time), who, what, from → to, note."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from inspector_app.domain.enums import CaseStatus
from inspector_app.services.cases import EventInfo
from inspector_app.ui.i18n import QT_TR_NOOP, enum_label, tr

logger = logging.getLogger(__name__)

_Index = QModelIndex | QPersistentModelIndex
_HEADERS = (QT_TR_NOOP("When"), QT_TR_NOOP("Who"), QT_TR_NOOP("What"), QT_TR_NOOP("Status"), QT_TR_NOOP("Note"))


def _kind_label(kind: str) -> str:
    """An event kind as services.cases records it, translated ("opened" is an event here,
    not the cases table's "Opened" date column: 开立 vs 开立日期)."""
    return {
        "opened": tr("Opened", "case event"),
        "status": tr("Status change"),
        "response": tr("Response recorded"),
        "edit": tr("Edited"),
    }.get(kind, kind)


def _status(value: str | None) -> str:
    if not value:
        return ""
    try:
        return enum_label(CaseStatus(value))
    except ValueError:
        return value


def status_move(e: EventInfo) -> str:
    if e.from_status and e.to_status:
        return f"{_status(e.from_status)} → {_status(e.to_status)}"
    return _status(e.to_status or e.from_status)


class EventsModel(QAbstractTableModel):
    """A case's events, oldest first (a case has tens of them: held in memory)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._events: list[EventInfo] = []

    def set_events(self, events) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._events):
            return None
        e = self._events[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 4:
                return e.note
            if role == Qt.ItemDataRole.ToolTipRole:
                return None
            return (
                e.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                e.actor,
                _kind_label(e.kind),
                status_move(e),
            )[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(_HEADERS):
            return tr(_HEADERS[section])
        return None


class HistoryView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table
        self.setObjectName("case_history")
        self.model_ = EventsModel(self)
        self.setModel(self.model_)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 112), (1, 90), (2, 125), (3, 170)):
            self.setColumnWidth(col, width)

    def set_events(self, events) -> None:
        self.model_.set_events(events)
        if events:
            self.scrollToBottom()
