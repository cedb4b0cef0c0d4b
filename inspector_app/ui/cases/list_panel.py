"""The cases list: search, merchant filter, status tabs with counts, and the table."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector_app.domain.errors import InspectorError
from inspector_app.services.browse import CaseFilter
from inspector_app.ui.cases.model import CasesModel
from inspector_app.ui.cases.status_tabs import StatusTabs
from inspector_app.ui.empty_state import EmptyState
from inspector_app.ui.errors import show_error
from inspector_app.ui.findings.filter_widgets import SearchField
from inspector_app.ui.findings.merchant_picker import MerchantPicker
from inspector_app.ui.i18n import tr
from inspector_app.ui.models import ID_ROLE, PagedTableView

logger = logging.getLogger(__name__)


class CasesListPanel(QWidget):
    """Emits `case_chosen(id)` when the current row changes (0: none)."""

    case_chosen = Signal(int)

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self._quiet = False
        get_ctx = lambda: env.ctx  # noqa: E731 - the current user's context, taken fresh
        self._get_ctx = get_ctx
        self.search = SearchField(tr("Search case number, merchant, summary… (Ctrl+F)"), self)
        self.search.setObjectName("cases_search")
        self.merchant = MerchantPicker(get_ctx, self)
        self.merchant.setMinimumWidth(180)
        self.tabs = StatusTabs(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("cases_count_label")
        self.empty = EmptyState("cases_empty", tr(
            "No cases yet. A rectification case is opened from findings: on the Findings "
            "screen, select findings of one merchant and choose Open rectification case (Ctrl+Shift+R)."), self)
        self.empty.add_button("findings", tr("Go to Findings"), lambda: env.navigate("findings"))
        self.model = CasesModel(get_ctx, self)
        self.table = PagedTableView("cases", env.settings, self)
        self.table.setModel(self.model)
        self.table.setToolTip(tr(
            "Overdue cases are marked red with a warning sign and the days overdue; "
            "cases due soon amber with a clock and the days left"
        ))

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.merchant, 2)
        tabs_row = QHBoxLayout()
        tabs_row.addWidget(self.tabs, 1)
        tabs_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 6, 8)
        layout.addLayout(top)
        layout.addLayout(tabs_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

        self.search.search_changed.connect(self.apply_filters)
        self.merchant.merchant_changed.connect(self.apply_filters)
        self.tabs.tab_changed.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(self._after_reset)
        self.apply_filters()

    def base_filter(self) -> CaseFilter:
        """Search and merchant; the status tab is applied on top."""
        return CaseFilter(text=self.search.text().strip(), merchant_id=self.merchant.merchant_id or None)

    def filters(self) -> CaseFilter:
        return self.tabs.current_tab().apply(self.base_filter())

    @Slot()
    def apply_filters(self, *_args) -> None:
        try:
            self.model.set_filters(self.filters())
            self.tabs.update_counts(self._get_ctx, self.base_filter())
        except InspectorError as exc:
            show_error(self, exc)
        self._update_empty()

    def refresh(self) -> None:
        current = self.table.current_id()
        self.model.refresh()
        self.tabs.update_counts(self._get_ctx, self.base_filter())
        self._update_empty()
        if current is not None:
            self.select_id(current, emit=False)

    def select_id(self, case_id: int, emit: bool = True) -> bool:
        row = self.model.row_of_id(case_id)
        if row < 0:
            return False
        self._quiet = not emit
        try:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        finally:
            self._quiet = False
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_empty(self) -> None:
        """No case at all (not merely none under the search): say where cases come from."""
        base = self.base_filter()
        self.empty.setVisible(self.tabs.counts.get("all") == 0 and not base.text and not base.merchant_id)

    def _after_reset(self) -> None:
        self.count_label.setText(tr("%n case(s)", None, self.model.total))

    def _on_current(self, current, _previous) -> None:
        if not self._quiet:
            self.case_chosen.emit(int(current.data(ID_ROLE)) if current.isValid() else 0)
