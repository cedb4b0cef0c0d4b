"""The Merchants screen: the scorecard table beside the selected merchant's page."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import MerchantStatus
from inspector_app.services import browse
from inspector_app.ui import changes
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.merchants.actions import CorrectionActions
from inspector_app.ui.merchants.page import MerchantPage
from inspector_app.ui.merchants.table import COLUMNS, MerchantSource
from inspector_app.ui.models import PagedTableModel, PagedTableView
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

_WATCHED = {changes.MERCHANT, changes.PURCHASE, changes.FINDING, changes.CASE, changes.DATABASE,
            changes.ACTOR}


class MerchantsScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("merchants_screen")
        self._stale = False

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(tr("Search name, shop ID or category (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItem(tr("All statuses"), None)
        for st in MerchantStatus:
            self.status_combo.addItem(enum_label(st), st.value)
        self.key_check = QCheckBox(tr("Key merchants"), self)
        self.key_check.setObjectName("key_only")
        self.findings_check = QCheckBox(tr("With findings"), self)
        self.findings_check.setObjectName("with_findings")
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("count_label")

        bar = QHBoxLayout()
        bar.addWidget(self.search_edit, 2)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.key_check)
        bar.addWidget(self.findings_check)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        self.edit_button = QToolButton(self)
        self.edit_button.setObjectName("merchant_edit_button")
        self.edit_button.setText(tr("&Edit"))
        self.edit_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addWidget(self.edit_button)

        self.model = PagedTableModel(MerchantSource(lambda: self.env.ctx), COLUMNS,
                                     filters=browse.MerchantFilter(), sort_key="findings",
                                     sort_desc=True, parent=self)
        self.view = PagedTableView("merchants", env.settings, self)
        self.view.setModel(self.model)
        self.view.activated_id.connect(self._show)
        self.view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self._show(self.model.row_id(cur.row())) if cur.isValid() else None)
        # Edit, merge, delete (ui/merchants/actions.py): the Edit button's menu, the table's
        # context menu and their shortcuts (F2, Ctrl+M, Delete) while this screen has focus.
        self.corrections = CorrectionActions("merchant", lambda: self.env.ctx,
                                             self.view.selected_ids, self)
        menu = QMenu(self.edit_button)
        menu.setToolTipsVisible(True)
        menu.addActions(self.corrections.actions)
        menu.addSeparator()
        self.products_action = menu.addAction(tr("&Products…"))
        self.products_action.setObjectName("products_action")
        self.products_action.triggered.connect(self.show_products)
        self.edit_button.setMenu(menu)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.addActions(self.corrections.actions)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.corrections.update())
        self.page = MerchantPage(env, self)
        self.page.open_case.connect(lambda case_id: self.env.navigate("cases", case_id))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("merchants_splitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        state = env.settings.splitter_state("merchants")
        if state.isEmpty() or not self.splitter.restoreState(state):
            self.splitter.setSizes([820, 580])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.status_combo.currentIndexChanged.connect(self.apply_filters)
        self.key_check.toggled.connect(self.apply_filters)
        self.findings_check.toggled.connect(self.apply_filters)
        env.changes.changed.connect(self._on_changed)
        self._update_count()

    # -- hooks ---------------------------------------------------------------------------

    def show_with_findings(self) -> None:
        """The merchants with findings (from a dashboard tile)."""
        self.findings_check.setChecked(True)  # toggled -> apply_filters

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def activate(self) -> None:
        if self._stale:
            self._refresh()

    def open_item(self, merchant_id: int) -> None:
        self._show(merchant_id)

    def save_state(self) -> None:
        self.env.settings.set_splitter_state("merchants", self.splitter.saveState())
        self.view.save_layout()

    # -- behaviour -----------------------------------------------------------------------

    def filters(self) -> browse.MerchantFilter:
        return browse.MerchantFilter(
            text=self.search_edit.text(), status=self.status_combo.currentData(),
            key_only=self.key_check.isChecked(), with_findings_only=self.findings_check.isChecked(),
        )

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.total
        # %Ln, not %n: tr() fills the count with the locale's digit grouping ("1,234").
        self.count_label.setText(tr("%Ln merchant(s)", "", n))

    def show_products(self) -> None:
        from inspector_app.ui.merchants.products_dialog import ProductsDialog

        ProductsDialog(self.env, self).exec()

    def _show(self, merchant_id: int) -> None:
        self.page.show_merchant(merchant_id)

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in _WATCHED:
            return
        if self.isVisible():
            self._refresh()
        else:
            self._stale = True

    def _refresh(self) -> None:
        self._stale = False
        self.model.refresh()
        self._update_count()
        self.corrections.update()
        if self.page.info is not None:
            from inspector_app.domain.errors import NotFound
            from inspector_app.services import merchants

            try:  # merged away or deleted meanwhile: nothing to show
                merchants.get_merchant(self.env.ctx, self.page.info.id)
            except NotFound:
                self.page.show_merchant(None)
            else:
                self.page.show_merchant(self.page.info.id)
        else:
            self.page._update_controls()
