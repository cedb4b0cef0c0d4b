"""The columns of the findings table and the model over services.browse findings."""

from __future__ import annotations

import logging
from array import array

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from inspector_app.domain.enums import FindingCategory, Severity
from inspector_app.services import browse
from inspector_app.ui.i18n import QT_TR_NOOP
from inspector_app.ui.models import Column, PagedTableModel, ServiceSource, enum_formatter
from inspector_app.ui.models.columns import PAGE_SIZE
from inspector_app.ui.tasks import run_task

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


class FindingsSource(DeferredCountSource):
    """Findings pages; a full-text search sorted by a column keeps its sorted id list.

    Such a search must sort every match for each page (0.1-0.5 s for a common word at a
    million findings). Once its first page is shown, `load_ids` (on a worker) sorts the
    ids of all matches once; later pages are rows read by id from that list. `invalidate`
    drops the list (the data changed); so does any other search or sort.
    """

    def __init__(self, get_ctx) -> None:
        super().__init__(get_ctx, browse.count_findings, browse.fetch_findings)
        self._ids: tuple[tuple, array] | None = None
        self._generation = 0
        from inspector_app.ui.sync.marks import ConflictMarks

        #: Findings of the fetched pages that wait for a sync conflict to be settled.
        self.conflicts = ConflictMarks("findings")

    @staticmethod
    def query_key(filters, sort_key, sort_desc) -> tuple:
        return (repr(filters), sort_key, bool(sort_desc))

    def pages_by_id(self, filters, sort_key) -> bool:
        return browse.search_pages_by_id(self.get_ctx(), filters, sort_key)

    def has_ids(self, key: tuple) -> bool:
        kept = self._ids
        return kept is not None and kept[0] == key

    def load_ids(self, filters, sort_key, sort_desc):
        """A function for a worker thread: (generation, key, sorted ids of every match)."""
        ctx, generation = self.get_ctx(), self._generation
        key = self.query_key(filters, sort_key, sort_desc)

        def load() -> tuple[int, tuple, array]:
            ids = browse.sorted_finding_ids(ctx, filters, sort=sort_key, desc=sort_desc)
            return generation, key, array("q", ids)

        return load

    def keep_ids(self, result: tuple[int, tuple, array]) -> None:
        generation, key, ids = result
        if generation == self._generation:  # not invalidated meanwhile
            self._ids = (key, ids)

    def invalidate(self) -> None:
        self._generation += 1
        self._ids = None

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        rows = self._fetch_page(filters, sort_key, sort_desc, offset, limit)
        self.conflicts.note_page(self.get_ctx(), rows, self.row_id)
        return rows

    def _fetch_page(self, filters, sort_key, sort_desc, offset, limit):
        kept = self._ids
        if kept is not None and kept[0] == self.query_key(filters, sort_key, sort_desc):
            ids = list(kept[1][max(0, offset):max(0, offset) + limit])
            return browse.fetch_findings_by_id(self.get_ctx(), ids, deleted=filters.deleted)
        return super().fetch(filters, sort_key, sort_desc, offset, limit)


class FindingsModel(PagedTableModel):
    """Findings across all purchases; severity shown in colour as well as by name."""

    def __init__(self, get_ctx, parent=None, *, page_size: int = PAGE_SIZE) -> None:
        self.findings_source = FindingsSource(get_ctx)
        super().__init__(
            self.findings_source,
            FINDING_COLUMNS,
            filters=browse.FindingFilter(),
            sort_key="created_at",
            sort_desc=True,
            page_size=page_size,
            parent=parent,
        )
        self._severity_col = self.column_index("severity")
        self._title_col = self.column_index("title")
        self.modelReset.connect(self._keep_sorted_ids)

    def refresh(self) -> None:
        self.findings_source.invalidate()  # the data changed: sort the matches again
        super().refresh()

    def _keep_sorted_ids(self) -> None:
        """After a sorted search's first page: its whole id list, sorted on a worker."""
        source = self.findings_source
        filters, sort_key, sort_desc = self.applied
        if not isinstance(filters, browse.FindingFilter) or not source.pages_by_id(
            filters, sort_key
        ):
            return
        if source.has_ids(source.query_key(filters, sort_key, sort_desc)):
            return
        def keep(result: tuple[int, tuple, array]) -> None:
            if shiboken6.isValid(self):
                source.keep_ids(result)

        run_task(
            source.load_ids(filters, sort_key, sort_desc),
            keep,
            lambda exc: logger.warning("Sorting the search's findings failed: %s", exc),
            name="sort search results",
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (index.isValid() and index.column() == self._title_col
                and index.row() < len(self._rows)):
            row = self._rows[index.row()]
            marked = self.findings_source.conflicts.data(row.id, role, row.title)
            if marked is not None:
                return marked
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self._severity_col:
            if index.row() < self.rowCount():
                return SEVERITY_COLOURS.get(self.row_object(index.row()).severity)
            return None
        return super().data(index, role)
