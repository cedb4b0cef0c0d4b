"""The Purchases screen: the purchases table and, opened from it, the inspection of one purchase."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.purchases.form import PurchaseForm
from inspector_app.ui.purchases.inspect_page import PurchaseInspectPage
from inspector_app.ui.purchases.list_page import PurchaseListPage, count_text, restore_purchases
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: Entities whose change may alter the purchases table.
_TABLE_ENTITIES = {changes.PURCHASE, changes.FINDING, changes.MERCHANT, changes.PRODUCT,
                   changes.USER, changes.DATABASE, changes.ACTOR, changes.CASE}


class PurchasesScreen(QWidget):
    """A stack of two pages: the table (search, filters, sort) and one purchase's inspection."""

    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("purchases_screen")
        self.list_page = PurchaseListPage(env, self)
        self.inspect_page = PurchaseInspectPage(env, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.inspect_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._table_stale = False
        self.list_page.open_requested.connect(self.open_item)
        self.list_page.new_requested.connect(self.new_purchase)
        self.inspect_page.back_requested.connect(self.show_list)
        self.inspect_page.deleted.connect(self._on_deleted_from_page)
        env.changes.changed.connect(self._on_changed)

    # -- hooks the main window calls -------------------------------------------------------

    def activate(self) -> None:
        if self._table_stale:
            self._table_stale = False
            self.list_page.refresh()
        if self.stack.currentWidget() is self.inspect_page:
            self.inspect_page.activate()

    def may_leave(self) -> bool:
        """Before another screen or quitting: ask about a finding with unsaved edits."""
        page = self.inspect_page
        if self.stack.currentWidget() is not page or not page.editor.dirty:
            return True
        if not page.findings.confirm_discard():
            return False
        page.editor.revert()
        return True

    def show_period(self, first: date, last: date) -> None:
        """The purchases ordered from `first` to `last` (from a dashboard tile)."""
        self.show_list()
        bar = self.list_page.filter_bar
        bar.clear()
        bar.since.set_value(first)
        bar.until.set_value(last)
        bar.changed.emit()

    def focus_search(self) -> None:
        self.show_list()
        self.list_page.filter_bar.search.setFocus()
        self.list_page.filter_bar.search.selectAll()

    @Slot()
    def new_purchase(self) -> None:
        """The purchase form; a saved purchase opens for inspection."""
        form = PurchaseForm(self.env, None, self)
        accepted = form.exec()
        saved = form.saved
        form.deleteLater()
        if accepted and saved is not None:
            self.env.show_status(tr("Saved purchase %1").replace("%1", saved.order_number or str(saved.id)))
            self.open_item(saved.id)

    @Slot(int)
    def open_item(self, item_id: int) -> None:
        if self.inspect_page.open_purchase(int(item_id)):
            self.stack.setCurrentWidget(self.inspect_page)

    def save_state(self) -> None:
        self.list_page.table.save_layout()
        self.inspect_page.save_state()

    # -- pages -----------------------------------------------------------------------------

    @Slot()
    def show_list(self) -> None:
        """Back to the table, on the row of the purchase that was open (if it is fetched)."""
        came_from = self.inspect_page.purchase.id if self.inspect_page.purchase else None
        self.stack.setCurrentWidget(self.list_page)
        self.activate()
        if came_from is not None:
            self.list_page.select_id(came_from)
        self.list_page.table.setFocus()

    @Slot(int)
    def _on_deleted_from_page(self, purchase_id: int) -> None:
        self.show_list()
        self.list_page.undo_bar.offer(
            tr("Deleted: %1.").replace("%1", count_text(1)),
            lambda: restore_purchases(self, self.env, [purchase_id]),
        )

    @Slot(str, list)
    def _on_changed(self, entity: str, ids: list) -> None:
        if entity in (changes.ACTOR, changes.USER):
            self.list_page.apply_role()
        if entity not in _TABLE_ENTITIES:
            return
        if self.isVisible() and self.stack.currentWidget() is self.list_page:
            self.env.changes.reload_once(self.list_page.refresh)
        else:
            self._table_stale = True
