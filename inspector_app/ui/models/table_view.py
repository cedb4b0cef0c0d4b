"""A QTableView set up for paged models: SQL sorting, fixed column widths, remembered layout."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from inspector_app.ui.fit import fit_column
from inspector_app.ui.models.columns import ID_ROLE
from inspector_app.ui.models.paged import PagedTableModel
from inspector_app.ui.settings import AppSettings

logger = logging.getLogger(__name__)

#: Row height that fits one line of CJK text with some air.
ROW_HEIGHT = 26


class PagedTableView(QTableView):
    """Rows selectable as a whole, sortable by header click (the model re-queries SQL).

    Column widths come from the columns' `width` (never resizeColumnsToContents on a big
    model); the header layout is saved per `table_name` when the settings are given.
    Emits `activated_id(id)` on double-click or Enter. A re-query (after a change the
    operation runner announced, a new sort) keeps the selected rows, the current row and the
    scroll position where those rows are still among the ones fetched.
    """

    activated_id = Signal(int)

    def __init__(
        self,
        table_name: str,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.table_name = table_name
        self.setObjectName(f"table_{table_name}")
        self._settings = settings
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab moves on to the next widget (arrows move within the table): a keyboard path.
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.activated.connect(self._on_activated)
        self._kept: tuple[list[int], int | None, int] | None = None

    def setModel(self, model: PagedTableModel) -> None:  # type: ignore[override]
        super().setModel(model)
        for i, col in enumerate(model.columns):
            # Room for the header's text and the sort arrow, in any language; a column never
            # grows past twice its planned width (the header then elides, with a tooltip).
            fit_column(self, i, col.width)
        header = self.horizontalHeader()
        if not self.restore_layout():
            # No saved layout: show the model's own order (or none).
            keys = [c.sort_key for c in model.columns]
            section = keys.index(model.sort_key) if model.sort_key in keys else -1
            desc = model.sort_desc
            header.setSortIndicator(
                section, Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder
            )
        # Enabling sorting sorts by the indicator; the model skips a query it already has.
        self.setSortingEnabled(True)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)

    def _remember_selection(self) -> None:
        if self.selectionModel() is None:
            return
        self._kept = (self.selected_ids(), self.current_id(), self.verticalScrollBar().value())

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, None
        if kept is None:
            return
        ids, current_id, scroll = kept
        model, sel = self.model(), self.selectionModel()
        wanted = set(ids)
        selection = QItemSelection()
        current = QModelIndex()
        last = model.columnCount() - 1
        for row in range(model.rowCount()) if wanted or current_id is not None else ():
            row_id = model.index(row, 0).data(ID_ROLE)
            if row_id in wanted:
                selection.select(model.index(row, 0), model.index(row, last))
            if row_id == current_id:
                current = model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        if not selection.isEmpty():
            sel.select(selection, flags.ClearAndSelect | flags.Rows)
        if current.isValid():
            sel.setCurrentIndex(current, flags.NoUpdate)
        if scroll:
            # The scroll range follows the new rows once the view has laid them out.
            QTimer.singleShot(0, self, lambda: self._scroll_to(scroll))

    def _scroll_to(self, value: int) -> None:
        if shiboken6.isValid(self):
            self.verticalScrollBar().setValue(value)

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, top to bottom."""
        model = self.model()
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [model.index(r, 0).data(ID_ROLE) for r in rows]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def save_layout(self) -> None:
        if self._settings is not None:
            self._settings.set_column_layout(self.table_name, self.horizontalHeader().saveState())

    def restore_layout(self) -> bool:
        """Restore the saved header layout; False when there is none (or it is unreadable)."""
        if self._settings is None:
            return False
        state = self._settings.column_layout(self.table_name)
        if state.isEmpty():
            return False
        if not self.horizontalHeader().restoreState(state):
            logger.info("Ignoring an unreadable column layout for %s", self.table_name)
            return False
        return True

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_layout()
        super().hideEvent(event)

    def _on_activated(self, index: QModelIndex) -> None:
        row_id = index.data(ID_ROLE)
        if row_id is not None:
            self.activated_id.emit(int(row_id))
