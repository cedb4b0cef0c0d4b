"""The purchases table page: search, filters, sortable paged table, count, new/open/delete."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import Role
from inspector_app.services import browse, bulk, waste_basket
from inspector_app.services.context import RECORDERS, SEES_PRIVATE
from inspector_app.ui.empty_state import EmptyState, load_demo_data
from inspector_app.ui.i18n import tr
from inspector_app.ui.models import PagedTableView
from inspector_app.ui.ops import SLOW_SELECTION, Op, run_op
from inspector_app.ui.purchases.columns import PRIVATE_COLUMNS, PURCHASE_COLUMNS
from inspector_app.ui.purchases.filter_bar import PurchaseFilterBar
from inspector_app.ui.purchases.widgets import UndoBar, title_label
from inspector_app.ui.sync.marks import ConflictMarkedModel, MarkingServiceSource

logger = logging.getLogger(__name__)


class PurchaseSource(MarkingServiceSource):
    """browse.fetch/count_purchases as a page source.

    PagedTableModel._ensure_loaded asks for a page of 0 rows on an empty result, which the
    browse queries refuse (ValidationError inside rowCount crashes Qt): answer [] here.
    """

    def __init__(self, get_ctx) -> None:
        # A purchase waiting for a sync conflict is marked by its order number (docs/sync.md).
        super().__init__(get_ctx, browse.count_purchases, browse.fetch_purchases,
                         table="purchases")

    def fetch(self, filters, sort_key, sort_desc, offset, limit):
        return super().fetch(filters, sort_key, sort_desc, offset, limit) if limit > 0 else []


def count_text(n: int) -> str:
    """ "1,234 purchases" in the current locale."""
    if n == 1:
        return tr("1 purchase")
    return tr("%1 purchases").replace("%1", QLocale().toString(n))


class PurchaseListPage(QWidget):
    """The table of all purchases; emits `open_requested(id)` and `new_requested()`."""

    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("purchase_list")
        self.filter_bar = PurchaseFilterBar(env, self)
        self.model = ConflictMarkedModel(
            PurchaseSource(lambda: env.ctx),
            PURCHASE_COLUMNS,
            mark_column="order_number",
            filters=self.filter_bar.filters(),
            sort_key="ordered_at",
            sort_desc=True,
            parent=self,
        )
        self.table = PagedTableView("purchases", env.settings, self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Purchases"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("purchase_count")
        self.new_button = QPushButton(tr("New purchase…"), self)
        self.new_button.setObjectName("new_purchase_button")
        self.new_button.setToolTip(tr("Log a new mystery purchase (Ctrl+N)"))
        self.open_button = QPushButton(tr("Open", "action"), self)
        self.open_button.setToolTip(tr("Inspect the selected purchase (Enter)"))
        self.open_button.setObjectName("open_purchase_button")
        self.delete_button = QPushButton(tr("Delete"), self)
        self.delete_button.setObjectName("delete_purchase_button")
        self.delete_button.setToolTip(tr("Move the selected purchases to the waste basket (Delete)"))
        self.undo_bar = UndoBar(self)
        self.empty = EmptyState("purchases_empty", tr(
            "No purchases yet. Log your first mystery purchase with New purchase (Ctrl+N); "
            "the Sampling plan screen can suggest what to buy. To look around first, load "
            "the demo data (administrators)."), self)
        self.empty.add_button("new", tr("New purchase…"), self.new_requested.emit)
        self.empty.add_button("demo", tr("Load demo data…"), self.load_demo)

        top = QHBoxLayout()
        top.addWidget(title_label(tr("Purchases"), self))
        top.addSpacing(16)
        top.addWidget(self.filter_bar.search, 1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.open_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.undo_bar)
        QWidget.setTabOrder(self.filter_bar.search, self.filter_bar.status)
        QWidget.setTabOrder(self.filter_bar.clear_button, self.table)

        self.delete_action = QAction(tr("Delete"), self.table)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)

        self.filter_bar.changed.connect(self.apply_filters)
        self.table.activated_id.connect(self.open_requested)
        self.open_button.clicked.connect(self._open_current)
        self.new_button.clicked.connect(self.new_requested)
        self.delete_button.clicked.connect(self.delete_selected)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        # Re-queries (filter, sort, refresh) run in SQL on this thread: show that we are busy.
        self.model.modelAboutToBeReset.connect(
            lambda: QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        )
        self.model.modelReset.connect(QApplication.restoreOverrideCursor)
        self.apply_role()
        self._update_count()

    # -- data ------------------------------------------------------------------------------

    @Slot()
    def apply_filters(self) -> None:
        self.model.set_filters(self.filter_bar.filters())

    def refresh(self) -> None:
        self.model.refresh()

    @Slot()
    def _update_count(self) -> None:
        total = self.model.total
        text = count_text(total)
        if self.filter_bar.is_filtered():
            text = tr("%1 (filtered)").replace("%1", text)
        self.count_label.setText(text)
        # No purchase at all (not merely none matching): say what to do first.
        self.empty.setVisible(total == 0 and not self.filter_bar.is_filtered())

    @Slot()
    def load_demo(self) -> None:
        load_demo_data(self, self.env.ctx)

    @Slot()
    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has and self.env.state.has_role(*RECORDERS))

    def apply_role(self) -> None:
        """Show private columns and write buttons only to roles that may use them."""
        private = self.env.state.has_role(*SEES_PRIVATE)
        for key in PRIVATE_COLUMNS:
            self.table.setColumnHidden(self.model.column_index(key), not private)
        self.new_button.setEnabled(self.env.state.has_role(*RECORDERS))
        self.empty.buttons["new"].setEnabled(self.env.state.has_role(*RECORDERS))
        self.empty.buttons["demo"].setEnabled(self.env.state.has_role(Role.ADMIN))
        self.filter_bar.reload_inspectors()
        self._update_buttons()

    def select_id(self, purchase_id: int) -> bool:
        """Make the row of this purchase current (only among the rows fetched so far)."""
        row = self.model.row_of_id(purchase_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    # -- actions ---------------------------------------------------------------------------

    @Slot()
    def _open_current(self) -> None:
        row_id = self.table.current_id()
        ids = self.table.selected_ids()
        if ids and row_id not in ids:
            row_id = ids[0]
        if row_id is not None:
            self.open_requested.emit(int(row_id))

    @Slot()
    def delete_selected(self) -> None:
        """Ask, soft-delete the selected purchases and offer Undo."""
        ids = self.table.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            row = self.model.row_object(self.model.row_of_id(ids[0]))
            what = row.order_number or row.product or tr("this purchase")
            question = tr("Delete purchase %1?").replace("%1", what)
            question += "\n\n" + tr("It moves to the waste basket; you can undo this.")
        else:
            question = tr("Delete %1 purchases?").replace("%1", QLocale().toString(len(ids)))
            question += "\n\n" + tr("They move to the waste basket; you can undo this.")
        answer = QMessageBox.question(
            self, tr("Delete purchases"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def deleted(done: list[int]) -> None:
            message = count_text(len(done))
            self.undo_bar.offer(
                tr("Deleted: %1.").replace("%1", message), lambda: restore_purchases(self, self.env, done)
            )
            self.env.show_status(tr("Deleted %1 — Undo is offered below the table.").replace("%1", message))

        delete_purchases(self, self.env, ids, deleted)


def delete_purchases(parent: QWidget, env, ids: list[int], on_deleted: Callable[[list[int]], None]) -> Op:
    """Soft-delete purchases in one transaction (any refusal deletes none); `on_deleted`
    gets the ids. A long selection shows progress and can be cancelled."""
    return run_op(
        parent, env.ctx, partial(bulk.delete_steps, env.ctx, "purchase", ids),
        label=tr("Deleting purchases…"), on_success=on_deleted,
        slow=len(ids) > SLOW_SELECTION, cancellable=True,
    )


def restore_purchases(parent: QWidget, env, ids: list[int]) -> None:
    """Undo of a delete (one transaction)."""

    def restored(result: waste_basket.RestoreResult) -> None:
        env.show_status(tr("Restored %1.").replace("%1", count_text(len(result.ids("purchase")))))

    run_op(parent, env.ctx, lambda: waste_basket.restore_items(env.ctx, [("purchase", i) for i in ids]),
           on_success=restored)
