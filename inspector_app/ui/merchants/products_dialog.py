"""The products (styles) with their brand: find one, edit, merge duplicates, delete.

Opened from the Merchants screen (Edit > Products…); the actions are the merchants' ones
(ui/merchants/actions.py) for kind "product".
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.money import format_cents
from inspector_app.services import catalog, merging
from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.keys import let_tab_leave
from inspector_app.ui.merchants.actions import CorrectionActions
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: Products listed at most (narrow the search for more).
LIMIT = 500


class ProductsDialog(QDialog):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("products_dialog")
        self.setWindowTitle(tr("Products"))
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("product_search")
        self.search_edit.setPlaceholderText(tr("Search name, brand or listing ID"))
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel("", self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("products_table")
        self.table.setHorizontalHeaderLabels(
            [tr("Product"), tr("Brand"), tr("Category"), tr("Listing ID"), tr("List price")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 240)
        let_tab_leave(self.table)
        self.corrections = CorrectionActions(merging.PRODUCT, lambda: self.env.ctx,
                                         self.selected_ids, self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions(self.corrections.actions)
        buttons_row = QHBoxLayout()
        for action in self.corrections.actions:
            button = QPushButton(action.text(), self)
            button.setObjectName(f"{action.objectName()}_button")
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: (
                b.setEnabled(a.isEnabled()), b.setToolTip(a.toolTip())))
            button.setEnabled(action.isEnabled())
            button.setToolTip(action.toolTip())
            button.setAutoDefault(False)
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons_row.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons_row)
        self.resize(820, 520)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.table.itemSelectionChanged.connect(self.corrections.update)
        env.changes.changed.connect(self._on_changed)
        self.refresh()
        self.search_edit.setFocus()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        items = [self.table.item(r, 0) for r in rows]
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None]

    def refresh(self) -> None:
        rows = catalog.search_products(self.env.ctx, self.search_edit.text(), limit=LIMIT)
        self.table.setRowCount(len(rows))
        for r, p in enumerate(rows):
            price = "" if p.list_price_cents is None else format_cents(p.list_price_cents)
            for c, text in enumerate((p.name, p.brand, p.category, p.listing_id or "", price)):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(r, c, item)
        self.count_label.setText(tr("%Ln product(s)", "", len(rows)))
        self.corrections.update()

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in (changes.PRODUCT, changes.ACTOR, changes.DATABASE):
            self.refresh()
