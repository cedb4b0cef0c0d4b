"""The cases table: columns, days left, and overdue or due-soon rows marked by icon, words and colour."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt

from inspector_app.domain.deadlines import Deadline
from inspector_app.domain.enums import CaseStatus
from inspector_app.domain.workflow import is_final
from inspector_app.services import browse
from inspector_app.services.browse import CaseRow
from inspector_app.ui.cases.marks import (
    DUE_SOON_COLOUR,
    DUE_SOON_TINT,
    OVERDUE_COLOUR,
    OVERDUE_TINT,
    days_left_text,
    deadline_icon,
    deadline_tooltip,
)
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models import RIGHT, Column, PagedTableModel, enum_formatter

logger = logging.getLogger(__name__)


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


def row_deadline(row: CaseRow) -> Deadline:
    """The row's standing as services.browse worked it out (domain/deadlines.py, in SQL's terms)."""
    if row.overdue:
        return Deadline.OVERDUE
    if row.due_soon:
        return Deadline.DUE_SOON
    if row.due_date is None or not is_active(row):
        return Deadline.NONE
    return Deadline.ON_TRACK


#: Text and background colours of the marked rows.
_COLOURS = {
    Deadline.OVERDUE: (OVERDUE_COLOUR, OVERDUE_TINT),
    Deadline.DUE_SOON: (DUE_SOON_COLOUR, DUE_SOON_TINT),
}


class CasesModel(PagedTableModel):
    """Cases from services.browse; overdue and due-soon ones carry an icon, words, a tooltip
    and a tint (red for overdue, amber for due soon), so colour is never the only signal."""

    def __init__(self, get_ctx, parent=None, *, columns=None, filters=None,
                 sort_key: str = "due_date", sort_desc: bool = False) -> None:
        from inspector_app.ui.sync.marks import MarkingServiceSource

        # Cases waiting for a sync conflict are marked by their number (docs/sync.md).
        source = MarkingServiceSource(get_ctx, browse.count_cases, browse.fetch_cases,
                                      table="rectification_cases")
        self.conflicts = source.conflicts
        super().__init__(
            source,
            CASE_COLUMNS if columns is None else columns,
            filters=browse.CaseFilter(active_only=True) if filters is None else filters,
            sort_key=sort_key,
            sort_desc=sort_desc,
            parent=parent,
        )
        keys = [c.key for c in self.columns]
        self._due_cols = {i for i, k in enumerate(keys) if k in ("due_date", "days_left")}
        self._days_col = keys.index("days_left") if "days_left" in keys else -1
        self._first_col = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        from inspector_app.ui.sync.marks import marked_data

        marked = marked_data(self, self.conflicts, self._first_col, index, role)
        if marked is not None:
            return marked
        row: CaseRow = self._rows[index.row()]
        col = index.column()
        state = row_deadline(row)
        if col == self._days_col and role == Qt.ItemDataRole.DisplayRole:
            return days_left_text(row.due_date, state)
        if state in _COLOURS:
            if role == Qt.ItemDataRole.DecorationRole and col == self._first_col:
                return deadline_icon(state)
            if role == Qt.ItemDataRole.ForegroundRole and col in self._due_cols:
                return _COLOURS[state][0]
            if role == Qt.ItemDataRole.BackgroundRole:
                return _COLOURS[state][1]
            if role == Qt.ItemDataRole.ToolTipRole and col in (self._first_col, *self._due_cols):
                return deadline_tooltip(row.due_date, state)
        return super().data(index, role)
