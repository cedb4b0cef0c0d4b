"""The search field and filters above the purchases table; they become a PurchaseFilter."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import PurchaseStatus, Verdict
from inspector_app.domain.errors import InspectorError
from inspector_app.services import users as user_service
from inspector_app.services.browse import PurchaseFilter
from inspector_app.ui.dates import from_qdate, to_qdate
from inspector_app.ui.fit import FlowLayout
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.purchases.pickers import merchant_picker

logger = logging.getLogger(__name__)

#: Milliseconds of typing pause before the search runs.
SEARCH_DEBOUNCE_MS = 250


class OptionalDate(QWidget):
    """A checkbox ("From", "To") that switches a date bound on, and the date."""

    changed = Signal()

    def __init__(self, name: str, text: str, initial: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.check = QCheckBox(text, self)
        self.check.setObjectName(f"{name}_set")
        self.edit = QDateEdit(initial, self)
        self.edit.setObjectName(f"{name}_edit")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(self._date_changed)

    def _date_changed(self, _date: object) -> None:
        if self.check.isChecked():  # an unchecked date filters nothing: nothing changed
            self.changed.emit()

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(to_qdate(value))
        self.check.setChecked(value is not None)


class PurchaseFilterBar(QWidget):
    """Search text (debounced) and filters; `changed` fires when the filter to apply changed."""

    changed = Signal()

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("purchase_filters")
        self.search = QLineEdit(self)
        self.search.setObjectName("purchase_search")
        self.search.setPlaceholderText(tr("Search order number, merchant, shop id, product or brand  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply_now)

        self.status = QComboBox(self)
        self.status.setObjectName("status_filter")
        self.status.addItem(tr("Any status"), None)
        for st in PurchaseStatus:
            self.status.addItem(enum_label(st), st.value)
        self.verdict = QComboBox(self)
        self.verdict.setObjectName("verdict_filter")
        self.verdict.addItem(tr("Any verdict"), None)
        for v in Verdict:
            self.verdict.addItem(enum_label(v), v.value)
        self.merchant = merchant_picker(env, self, name="merchant_filter")
        self.merchant.edit.setPlaceholderText(tr("Any merchant"))
        self.merchant.setMinimumWidth(200)
        self.inspector = QComboBox(self)
        self.inspector.setObjectName("inspector_filter")
        self.inspector.setMinimumContentsLength(12)
        self.reload_inspectors()
        today = to_qdate(clock.today())
        self.since = OptionalDate("since_filter", tr("From"), today.addMonths(-1), self)
        self.until = OptionalDate("until_filter", tr("To"), today, self)
        self.clear_button = QPushButton(tr("Clear filters"), self)
        self.clear_button.setObjectName("clear_filters")

        # Wraps onto a second line on a narrow window instead of widening it.
        row = FlowLayout(self, spacing=8)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Filters:"), self))
        row.addWidget(self.status)
        row.addWidget(self.verdict)
        row.addWidget(self.merchant)
        row.addWidget(self.inspector)
        row.addWidget(self.since)
        row.addWidget(self.until)
        row.addWidget(self.clear_button)

        for combo in (self.status, self.verdict, self.inspector):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.merchant.selection_changed.connect(lambda _id: self.changed.emit())
        self.since.changed.connect(self.changed)
        self.until.changed.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    def reload_inspectors(self) -> None:
        from inspector_app.services.context import SEES_PRIVATE

        # Who inspected is private: no inspector filter for roles that may not see it.
        private = self.env.state.has_role(*SEES_PRIVATE)
        self.inspector.setVisible(private)
        if not private:
            self.inspector.clear()
            return
        current = self.inspector.currentData()
        self.inspector.blockSignals(True)
        self.inspector.clear()
        self.inspector.addItem(tr("Any inspector"), None)
        try:
            people = user_service.list_users(self.env.ctx, include_inactive=True)
        except InspectorError:
            people = []
        for actor in people:
            self.inspector.addItem(actor.display_name, actor.id)
        self.inspector.setCurrentIndex(max(0, self.inspector.findData(current)))
        self.inspector.blockSignals(False)

    @Slot()
    def apply_now(self) -> None:
        """Run the search at once (Enter in the field)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def filters(self) -> PurchaseFilter:
        return PurchaseFilter(
            text=self.search.text(),
            status=self.status.currentData(),
            verdict=self.verdict.currentData(),
            merchant_id=self.merchant.selected_id,
            inspector_id=self.inspector.currentData(),
            since=self.since.value(),
            until=self.until.value(),
        )

    def is_filtered(self) -> bool:
        f = self.filters()
        return bool(f.text.strip() or f.status or f.verdict or f.merchant_id or f.inspector_id or f.since or f.until)

    @Slot()
    def clear(self) -> None:
        """Back to every purchase (one re-query)."""
        widgets = (self.search, self.status, self.verdict, self.inspector, self.merchant, self.since, self.until)
        for w in widgets:
            w.blockSignals(True)
        try:
            self.search.clear()
            self.status.setCurrentIndex(0)
            self.verdict.setCurrentIndex(0)
            self.inspector.setCurrentIndex(0)
            self.merchant.set_choice(None)
            self.since.set_value(None)
            self.until.set_value(None)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._debounce.stop()
        self.changed.emit()
