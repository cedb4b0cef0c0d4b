"""A table model over a paged SQL source: rows fetched on demand, sorting done by re-querying
(in a background task when asked to). Columns, roles and sources are in `columns.py`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    Signal,
)

from inspector_app.ui.i18n import tr
from inspector_app.ui.models.columns import (
    ID_ROLE,
    PAGE_SIZE,
    ROW_ROLE,
    SORT_ROLE,
    Column,
    Filters,
    PageSource,
    _Index,
)
from inspector_app.ui.tasks import run_task

logger = logging.getLogger(__name__)


class PagedTableModel(QAbstractTableModel):
    """Rows come from a PageSource a page at a time; filters and sorting re-query it.

    The model keeps only the rows fetched so far; views call `canFetchMore`/`fetchMore` as
    they scroll. Use `set_filters`, `sort` and `refresh` to re-query; never wrap it in a
    QSortFilterProxyModel (that would pull every row into memory).

    With `background=True`, `set_filters` and `set_sort` query on a task worker: the old
    rows stay on show (no more pages are fetched meanwhile), `busy_changed` tells the
    screen, and only the latest request's result replaces them.
    """

    #: A background reload started (True) or the latest one finished or failed (False).
    busy_changed = Signal(bool)

    def __init__(
        self,
        source: PageSource,
        columns: Sequence[Column],
        *,
        filters: Filters = None,
        sort_key: str | None = None,
        sort_desc: bool = False,
        page_size: int = PAGE_SIZE,
        background: bool = False,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._columns = list(columns)
        self._filters = filters
        self._sort_key = sort_key
        self._sort_desc = sort_desc
        self._page_size = page_size
        self._rows: list[Any] = []
        self._total = 0
        self._loaded = False
        self._announcing = False
        self._background = background
        self._on_error: Callable[[BaseException], None] | None = None
        # Bumped by every reload: a background result of an older request is dropped.
        self._generation = 0
        self._busy = False
        # The query the shown rows answer, to go back to when a background reload fails.
        self._applied: tuple[Filters, str | None, bool] = (filters, sort_key, sort_desc)

    def set_background(
        self, background: bool, on_error: Callable[[BaseException], None] | None = None
    ) -> None:
        """Run `set_filters`/`set_sort` queries off the GUI thread; `on_error` shows failures."""
        self._background = background
        self._on_error = on_error

    @property
    def busy(self) -> bool:
        """A background reload is running; the rows shown are the previous query's."""
        return self._busy

    # -- queries -------------------------------------------------------------------------

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def filters(self) -> Filters:
        return self._filters

    @property
    def total(self) -> int:
        """How many rows match (fetched or not)."""
        self._ensure_loaded()
        return self._total

    @property
    def sort_key(self) -> str | None:
        """The sort last asked for (a background reload may not have shown it yet)."""
        return self._sort_key

    @property
    def applied(self) -> tuple[Filters, str | None, bool]:
        """(filters, sort_key, sort_desc) of the query whose rows are shown now."""
        return self._applied

    @property
    def sort_desc(self) -> bool:
        return self._sort_desc

    def column_index(self, key: str) -> int:
        for i, col in enumerate(self._columns):
            if col.key == key:
                return i
        raise KeyError(key)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def row_id(self, row: int) -> int:
        return self._source.row_id(self._rows[row])

    def row_of_id(self, row_id: int) -> int:
        """The row holding `row_id` among the rows fetched so far, else -1."""
        for i, r in enumerate(self._rows):
            if self._source.row_id(r) == row_id:
                return i
        return -1

    # -- re-querying ---------------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        self._filters = filters
        self._requery()

    def set_sort(self, sort_key: str | None, desc: bool = False) -> None:
        self._sort_key, self._sort_desc = sort_key, desc
        self._requery()

    def _requery(self) -> None:
        # The very first load stays synchronous (a screen configures the model in __init__).
        if self._background and self._loaded:
            self._reload_in_background(self._page_size)
        else:
            self._reload(self._page_size)

    def refresh(self) -> None:
        """Re-query after a change, keeping as many rows as were fetched (scroll position)."""
        self._reload(max(self._page_size, len(self._rows)))

    def _reload(self, limit: int) -> None:
        self._generation += 1  # a background reload still running is superseded
        with self._changing():
            self.beginResetModel()
            try:
                self._total = int(self._source.count(self._filters))
                limit = min(limit, self._total)
                self._rows = list(self._fetch(0, limit)) if limit else []
                self._loaded = True
                self._applied = (self._filters, self._sort_key, self._sort_desc)
            finally:
                self.endResetModel()
        self._set_busy(False)

    def _reload_in_background(self, limit: int) -> None:
        self._generation += 1
        generation = self._generation
        source, query = self._source, (self._filters, self._sort_key, self._sort_desc)

        def load() -> tuple[int, list[Any]]:
            total = int(source.count(query[0]))
            n = min(limit, total)
            return total, list(source.fetch(*query, 0, n)) if n else []

        self._set_busy(True)
        run_task(
            load,
            lambda result, g=generation, q=query: self._apply(g, q, result),
            lambda exc, g=generation: self._background_failed(g, exc),
            name="reload table",
        )

    def _current(self, generation: int) -> bool:
        # The model may be gone (screen closed) or a newer request may have been made.
        return shiboken6.isValid(self) and generation == self._generation

    def _apply(self, generation: int, query: tuple, result: tuple[int, list[Any]]) -> None:
        if not self._current(generation):
            return
        with self._changing():
            self.beginResetModel()
            self._total, self._rows = result
            self._loaded, self._applied = True, query
            self.endResetModel()
        self._set_busy(False)

    def _background_failed(self, generation: int, exc: BaseException) -> None:
        if not self._current(generation):
            logger.info("A superseded table reload failed: %s", exc)
            return
        # The old rows stay: go back to their query so paging and re-sorting match them.
        self._filters, self._sort_key, self._sort_desc = self._applied
        self._set_busy(False)
        if self._on_error is not None:
            self._on_error(exc)
        else:
            from inspector_app.ui.errors import show_error

            show_error(None, exc)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @contextmanager
    def _changing(self) -> Iterator[None]:
        # Listeners of the change signals (Qt's model tester among them) may ask for more
        # rows while a reset or insert is being announced; a nested insert would break
        # their bookkeeping, so the next page waits until the view asks again.
        self._announcing = True
        try:
            yield
        finally:
            self._announcing = False

    def _fetch(self, offset: int, limit: int) -> Sequence[Any]:
        return self._source.fetch(self._filters, self._sort_key, self._sort_desc, offset, limit)

    def _ensure_loaded(self) -> None:
        # The first page is fetched on first use, not in __init__, so a screen can configure
        # filters and sort before any query runs.
        if not self._loaded:
            self._loaded = True
            self._total = int(self._source.count(self._filters))
            self._rows = list(self._fetch(0, min(self._page_size, self._total)))
            self._applied = (self._filters, self._sort_key, self._sort_desc)

    # -- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        self._ensure_loaded()
        return len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        # While busy the shown rows belong to the previous query: no pages of the new one.
        if parent.isValid() or self._announcing or self._busy:
            return False
        self._ensure_loaded()
        return len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore(parent):
            return
        start = len(self._rows)
        page = list(self._fetch(start, min(self._page_size, self._total - start)))
        if not page:
            # The data shrank underneath us: stop asking for more.
            self._total = start
            return
        with self._changing():
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.formatter(col.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(col.value(row))
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground is not None:
            return col.foreground(col.value(row))
        if role == Qt.ItemDataRole.DecorationRole and col.decoration is not None:
            return col.decoration(col.value(row))
        if role == ID_ROLE:
            return self._source.row_id(row)
        if role == SORT_ROLE:
            value = col.value(row)
            return value.value if isinstance(value, Enum) else value
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        col = self._columns[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            # The tooltip: the whole header where a narrow column elides it.
            return tr(col.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(col.align.value)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in SQL order; columns without a sort key are ignored."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort_key
        if key is None:
            return
        desc = order == Qt.SortOrder.DescendingOrder
        if key == self._sort_key and desc == self._sort_desc and self._loaded:
            return
        self.set_sort(key, desc)
