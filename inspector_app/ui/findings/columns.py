"""The columns of the findings table and the model over services.browse findings."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from inspector_app.domain.enums import FindingCategory, Severity
from inspector_app.services import browse
from inspector_app.ui.i18n import QT_TR_NOOP
from inspector_app.ui.models import Column, PagedTableModel, ServiceSource, enum_formatter

logger = logging.getLogger(__name__)

#: Text colour per severity (the label says it too; colour only helps the eye).
SEVERITY_COLOURS = {
    Severity.CRITICAL.value: QColor("#b42318"),
    Severity.MAJOR.value: QColor("#b54708"),
}

FINDING_COLUMNS = [
    Column("created_at", QT_TR_NOOP("Recorded"), sort_key="created_at", width=118),
    Column("order_number", QT_TR_NOOP("Order"), sort_key="order_number", width=165),
    Column("merchant", QT_TR_NOOP("Merchant"), sort_key="merchant", width=140, tooltip=str),
    Column("product", QT_TR_NOOP("Product"), sort_key="product", width=150, tooltip=str),
    Column(
        "category", QT_TR_NOOP("Category"), sort_key="category",
        formatter=enum_formatter(FindingCategory), width=150,
    ),
    Column(
        "severity", QT_TR_NOOP("Severity"), sort_key="severity",
        formatter=enum_formatter(Severity), width=70,
    ),
    Column("title", QT_TR_NOOP("Title"), sort_key="title", width=255, tooltip=str),
    Column("case_number", QT_TR_NOOP("Open case"), sort_key="case_number", width=100),
]


#: What the source answers for "how many rows": unknown, so the model pages until a page
#: comes back short. Counting a million findings takes seconds; the view counts in a task.
UNKNOWN_TOTAL = 2**53


class DeferredCountSource(ServiceSource):
    """Pages of findings at once; the exact count is left to a background task."""

    def count(self, filters) -> int:
        return UNKNOWN_TOTAL


class FindingsModel(PagedTableModel):
    """Findings across all purchases; severity shown in colour as well as by name."""

    def __init__(self, get_ctx, parent=None) -> None:
        super().__init__(
            DeferredCountSource(get_ctx, browse.count_findings, browse.fetch_findings),
            FINDING_COLUMNS,
            filters=browse.FindingFilter(),
            sort_key="created_at",
            sort_desc=True,
            parent=parent,
        )
        self._severity_col = self.column_index("severity")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self._severity_col:
            if index.row() < self.rowCount():
                return SEVERITY_COLOURS.get(self.row_object(index.row()).severity)
            return None
        return super().data(index, role)
