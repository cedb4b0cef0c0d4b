"""The cases table: columns, days left or overdue, and overdue rows marked by icon, text and colour."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.workflow import is_final
from inspector_app.services import browse
from inspector_app.services.browse import CaseRow
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models import RIGHT, Column, PagedTableModel, ServiceSource, enum_formatter

logger = logging.getLogger(__name__)

#: Text colour of an overdue row's due-date cells (the icon and the words say it too).
OVERDUE_COLOUR = QColor("#b42318")
#: Background tint of an overdue row.
OVERDUE_TINT = QColor(253, 236, 234)


def days_left_text(due: date | None, overdue: bool, active: bool, today: date | None = None) -> str:
    """ "3 days left", "due today", "2 days overdue"; "" for finished cases or no due date."""
    if due is None or not active:
        return ""
    days = (due - (today or date.today())).days
    if overdue or days < 0:
        return tr("%n d overdue", None, -days)
    if days == 0:
        return tr("Due today")
    return tr("%n d left", None, days)


def hours_text(hours: float | None) -> str:
    if hours is None:
        return ""
    if hours < 48:
        return tr("%n h", None, int(hours))
    return tr("%1 d %2 h").replace("%1", str(int(hours // 24))).replace("%2", str(int(hours % 24)))


CASE_COLUMNS = [
    Column("case_number", QT_TR_NOOP("Case"), sort_key="case_number", width=128),
    Column("merchant", QT_TR_NOOP("Merchant"), sort_key="merchant", width=130, tooltip=str),
    Column("status", QT_TR_NOOP("Status"), sort_key="status", formatter=enum_formatter(CaseStatus), width=135),
    Column("days_left", QT_TR_NOOP("Days left"), field="due_date", sort_key="due_date", width=105),
    Column("due_date", QT_TR_NOOP("Due"), sort_key="due_date", width=88),
    Column("hours_since_notice", QT_TR_NOOP("Since notice"), sort_key="notified_at", align=RIGHT,
           formatter=hours_text, width=90),
    Column("finding_count", QT_TR_NOOP("Findings"), sort_key="finding_count", align=RIGHT, width=65),
    Column("assignee", QT_TR_NOOP("Assignee"), sort_key="assignee", width=120),
    Column("created_at", QT_TR_NOOP("Opened"), sort_key="created_at", width=120),
]


def is_active(row: CaseRow) -> bool:
    return not is_final(CaseStatus(row.status))


class CasesModel(PagedTableModel):
    """Cases from services.browse; overdue ones carry a warning icon, words and a red tint."""

    def __init__(self, get_ctx, parent=None) -> None:
        super().__init__(
            ServiceSource(get_ctx, browse.count_cases, browse.fetch_cases),
            CASE_COLUMNS,
            filters=browse.CaseFilter(active_only=True),
            sort_key="due_date",
            sort_desc=False,
            parent=parent,
        )
        self._due_cols = {self.column_index("due_date"), self.column_index("days_left")}
        self._days_col = self.column_index("days_left")
        self._first_col = 0
        self._icon: QIcon | None = None

    def overdue_icon(self) -> QIcon:
        if self._icon is None:
            self._icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._icon

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row: CaseRow = self._rows[index.row()]
        col = index.column()
        if col == self._days_col and role == Qt.ItemDataRole.DisplayRole:
            return days_left_text(row.due_date, row.overdue, is_active(row))
        if row.overdue:
            if role == Qt.ItemDataRole.DecorationRole and col == self._first_col:
                return self.overdue_icon()
            if role == Qt.ItemDataRole.ForegroundRole and col in self._due_cols:
                return OVERDUE_COLOUR
            if role == Qt.ItemDataRole.BackgroundRole:
                return OVERDUE_TINT
            if role == Qt.ItemDataRole.ToolTipRole and col in (self._first_col, *self._due_cols):
                return tr("Overdue: the due date has passed and the case is still open")
        return super().data(index, role)
