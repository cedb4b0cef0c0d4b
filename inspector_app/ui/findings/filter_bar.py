"""The findings filter bar: search, category, severity, merchant, date range, "not in a case"."""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import FindingCategory, Severity
from inspector_app.services.browse import FindingFilter
from inspector_app.ui.findings.filter_widgets import OptionalDateEdit, SearchField
from inspector_app.ui.findings.merchant_picker import MerchantPicker
from inspector_app.ui.i18n import enum_label, tr

logger = logging.getLogger(__name__)


def enum_combo(parent: QWidget, all_label: str, values, name: str) -> QComboBox:
    """A combo box with "all" (data None) followed by the translated enum values."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.addItem(all_label, None)
    for v in values:
        combo.addItem(enum_label(v), v.value)
    return combo


class FindingsFilterBar(QWidget):
    """Emits `filters_changed()` whenever a control changes; `filters()` builds the query."""

    filters_changed = Signal()

    def __init__(self, get_ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchField(tr("Search title, description and observed… (Ctrl+F)"), self)
        self.search.setObjectName("findings_search")
        self.category = enum_combo(self, tr("All categories"), FindingCategory, "category_filter")
        self.category.setToolTip(tr("Category"))
        self.severity = enum_combo(self, tr("All severities"), Severity, "severity_filter")
        self.severity.setToolTip(tr("Severity"))
        self.merchant = MerchantPicker(get_ctx, self)
        self.merchant.setMinimumWidth(200)
        self.since = OptionalDateEdit(tr("Recorded on or after"), self)
        self.since.setObjectName("since_filter")
        self.until = OptionalDateEdit(tr("Recorded on or before"), self)
        self.until.setObjectName("until_filter")
        self.without_case = QCheckBox(tr("Not yet in a case"), self)
        self.without_case.setObjectName("without_case_filter")
        self.without_case.setToolTip(tr("Only findings that no active rectification case covers"))
        # Set by the Dashboard's charts: the findings of a month as its figures count them
        # (on purchases ordered that month); a click removes it.
        self.bought: tuple[date, date] | None = None
        self.bought_button = QPushButton("", self)
        self.bought_button.setObjectName("bought_filter")
        self.bought_button.setToolTip(tr("Findings on purchases ordered in this period, as the "
                                         "Dashboard counts them. Click to remove this filter."))
        self.bought_button.clicked.connect(self.clear_bought)
        self.bought_button.hide()

        # Two rows: what to look for, then how to narrow it; the view adds its actions and
        # count to the ends of these rows.
        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.search, 3)
        self.top_row.addWidget(self.merchant, 2)
        self.filter_row = QHBoxLayout()
        self.filter_row.addWidget(self.category)
        self.filter_row.addWidget(self.severity)
        from_label = QLabel(tr("From:"), self)
        from_label.setBuddy(self.since)
        self.filter_row.addWidget(from_label)
        self.filter_row.addWidget(self.since)
        to_label = QLabel(tr("To:"), self)
        to_label.setBuddy(self.until)
        self.filter_row.addWidget(to_label)
        self.filter_row.addWidget(self.until)
        self.filter_row.addWidget(self.without_case)
        self.filter_row.addWidget(self.bought_button)
        self.filter_row.addStretch(1)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.addLayout(self.top_row)
        rows.addLayout(self.filter_row)

        self.search.search_changed.connect(self._emit)
        self.category.currentIndexChanged.connect(self._emit)
        self.severity.currentIndexChanged.connect(self._emit)
        self.merchant.merchant_changed.connect(self._emit)
        self.since.dateChanged.connect(self._emit)
        self.until.dateChanged.connect(self._emit)
        self.without_case.toggled.connect(self._emit)

    def filters(self) -> FindingFilter:
        return FindingFilter(
            text=self.search.text().strip(),
            category=self.category.currentData(),
            severity=self.severity.currentData(),
            merchant_id=self.merchant.merchant_id or None,
            since=self.since.value(),
            until=self.until.value(),
            without_open_case=self.without_case.isChecked(),
            bought_since=self.bought[0] if self.bought else None,
            bought_until=self.bought[1] if self.bought else None,
        )

    def set_bought(self, since: date, until: date, label: str) -> None:
        """Only findings on purchases ordered in [since, until] (emits no signal)."""
        self.bought = (since, until)
        self.bought_button.setText(tr("Bought in %1 ✕").replace("%1", label))
        self.bought_button.show()

    @Slot()
    def clear_bought(self) -> None:
        if self.bought is not None:
            self.bought = None
            self.bought_button.hide()
            self._emit()

    @Slot()
    def _emit(self, *_args) -> None:
        self.filters_changed.emit()
