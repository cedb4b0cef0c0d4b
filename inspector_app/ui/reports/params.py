"""The parameters of each report kind: one page of fields per kind, turned into a ReportRequest."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import CaseStatus
from inspector_app.ui.dates import from_qdate
from inspector_app.ui.first_start import field_error_label
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.reports import kinds
from inspector_app.ui.reports.kinds import ReportRequest
from inspector_app.ui.reports.pickers import CasePicker, ShopPicker

logger = logging.getLogger(__name__)

#: Months offered by the month chooser, newest first.
MONTHS_OFFERED = 36
#: Years offered by the year chooser, newest first.
YEARS_OFFERED = 10


def _form(page: QWidget) -> QFormLayout:
    form = QFormLayout(page)
    form.setContentsMargins(0, 0, 0, 0)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class _Page(QWidget):
    changed = Signal()

    def request(self, kind: str) -> ReportRequest | None:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.focusNextChild()

    def clear_errors(self) -> None:
        for label in self.findChildren(QLabel, "field_error"):
            _show(label, "")

    def _edited(self, *_args: object) -> None:
        """A parameter changed: its old error goes, and the panel hears of it."""
        self.clear_errors()
        self.changed.emit()


def _set_buddy(form: QFormLayout, row: int, buddy: QWidget) -> None:
    """Make the label of `row` focus `buddy` on its mnemonic (Alt+C for "&Case:")."""
    item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
    label = item.widget() if item is not None else None
    if isinstance(label, QLabel):
        label.setBuddy(buddy)


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = field_error_label(parent)
    label.setObjectName("field_error")
    label.setProperty("field", name)
    return label


class CasePage(_Page):
    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = CasePicker(env, self)
        self.error = _error_label(self, "case")
        form = _form(self)
        form.addRow(tr("&Case:"), self.picker)
        form.addRow("", self.error)
        _set_buddy(form, 0, self.picker.edit)
        self.picker.selection_changed.connect(self._edited)

    def request(self, kind: str) -> ReportRequest | None:
        if not self.picker.case_number:
            _show(self.error, tr("Choose a case: type part of its number and pick it from the list."))
            return None
        return ReportRequest(kind, case_number=self.picker.case_number)

    def focus_first(self) -> None:
        self.picker.setFocus()


class MerchantPage(_Page):
    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = ShopPicker(env, self, name="merchant_shop_picker")
        self.error = _error_label(self, "merchant")
        form = _form(self)
        form.addRow(tr("&Merchant:"), self.picker)
        form.addRow("", self.error)
        _set_buddy(form, 0, self.picker.edit)
        self.picker.selection_changed.connect(self._edited)

    def request(self, kind: str) -> ReportRequest | None:
        if not self.picker.shop_id:
            _show(self.error, tr("Choose a merchant: type part of its name or shop id and pick it."))
            return None
        return ReportRequest(kind, shop_id=self.picker.shop_id)

    def focus_first(self) -> None:
        self.picker.setFocus()


def month_label(year: int, month: int) -> str:
    # The format is translatable ("yyyy年M月" in Chinese).
    return QLocale().toString(QDate(year, month, 1), tr("MMMM yyyy"))


class MonthPage(_Page):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        today = today or clock.today()
        self.combo = QComboBox(self)
        self.combo.setObjectName("month_combo")
        y, m = today.year, today.month
        for _ in range(MONTHS_OFFERED):
            self.combo.addItem(month_label(y, m), f"{y:04d}-{m:02d}")
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        # The last complete month is what is usually reported.
        self.combo.setCurrentIndex(1)
        form = _form(self)
        form.addRow(tr("M&onth:"), self.combo)
        _set_buddy(form, 0, self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_period(self, period: str) -> bool:
        index = self.combo.findData(period)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        return index >= 0

    def request(self, kind: str) -> ReportRequest | None:
        return ReportRequest(kind, period=self.combo.currentData())

    def focus_first(self) -> None:
        self.combo.setFocus()


class YearPage(_Page):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        today = today or clock.today()
        self.combo = QComboBox(self)
        self.combo.setObjectName("year_combo")
        for y in range(today.year, today.year - YEARS_OFFERED, -1):
            self.combo.addItem(str(y), f"{y:04d}")
        form = _form(self)
        form.addRow(tr("&Year:"), self.combo)
        _set_buddy(form, 0, self.combo)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def request(self, kind: str) -> ReportRequest | None:
        return ReportRequest(kind, period=self.combo.currentData())

    def focus_first(self) -> None:
        self.combo.setFocus()


#: Period presets of the findings workbook.
ALL_DATES, THIS_MONTH, LAST_MONTH, THIS_YEAR, LAST_YEAR, CUSTOM = range(6)


def preset_range(preset: int, today: date) -> tuple[date | None, date | None]:
    first = today.replace(day=1)
    if preset == THIS_MONTH:
        return first, today
    if preset == LAST_MONTH:
        end = first - timedelta(days=1)
        return end.replace(day=1), end
    if preset == THIS_YEAR:
        return date(today.year, 1, 1), today
    if preset == LAST_YEAR:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


class FindingsPage(_Page):
    def __init__(self, env, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or clock.today()
        self.preset = QComboBox(self)
        self.preset.setObjectName("period_combo")
        for text in (tr("All dates"), tr("This month"), tr("Last month"), tr("This year"),
                     tr("Last year"), tr("Custom range")):
            self.preset.addItem(text)
        self.since_edit = self._date_edit("since_edit")
        self.until_edit = self._date_edit("until_edit")
        self.since_edit.setDate(QDate(self.today.year, self.today.month, 1))
        self.until_edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.range_error = _error_label(self, "range")
        self.picker = ShopPicker(env, self, name="findings_shop_picker",
                                 placeholder=tr("All merchants (type to choose one)"))
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItem(tr("Any case status"), None)
        for st in CaseStatus:
            self.status_combo.addItem(enum_label(st), st.value)

        self.merchant_error = _error_label(self, "merchant")
        self.dates_row = QWidget(self)
        dates = QHBoxLayout(self.dates_row)
        dates.setContentsMargins(0, 0, 0, 0)
        dates.addWidget(self.since_edit, 1)
        dates.addWidget(QLabel(tr("to"), self.dates_row))
        dates.addWidget(self.until_edit, 1)
        form = _form(self)
        form.addRow(tr("&Recorded:"), self.preset)
        form.addRow("", self.dates_row)
        form.addRow("", self.range_error)
        form.addRow(tr("&Merchant:"), self.picker)
        form.addRow("", self.merchant_error)
        form.addRow(tr("Case &status:"), self.status_combo)
        for row, buddy in ((0, self.preset), (3, self.picker.edit), (5, self.status_combo)):
            _set_buddy(form, row, buddy)

        self.preset.currentIndexChanged.connect(self._on_preset)
        for signal in (self.since_edit.dateChanged, self.until_edit.dateChanged,
                       self.picker.selection_changed, self.status_combo.currentIndexChanged):
            signal.connect(self._edited)
        self._on_preset(ALL_DATES)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _on_preset(self, preset: int) -> None:
        custom = preset == CUSTOM
        for edit in (self.since_edit, self.until_edit):
            edit.setEnabled(custom)
        if not custom:
            since, until = preset_range(preset, self.today)
            for edit, value in ((self.since_edit, since), (self.until_edit, until)):
                if value is not None:
                    edit.blockSignals(True)
                    edit.setDate(QDate(value.year, value.month, value.day))
                    edit.blockSignals(False)
        self.dates_row.setVisible(preset != ALL_DATES)
        self.clear_errors()
        self.changed.emit()

    def dates(self) -> tuple[date | None, date | None]:
        if self.preset.currentIndex() != CUSTOM:
            return preset_range(self.preset.currentIndex(), self.today)
        return from_qdate(self.since_edit.date()), from_qdate(self.until_edit.date())

    def request(self, kind: str) -> ReportRequest | None:
        since, until = self.dates()
        if since and until and since > until:
            _show(self.range_error, tr("The start date is after the end date."))
            return None
        if self.picker.text().strip() and not self.picker.shop_id:
            _show(self.merchant_error,
                  tr("Pick the merchant from the list, or clear the field for all merchants."))
            return None
        status = self.status_combo.currentData()
        return ReportRequest(
            kind, shop_id=self.picker.shop_id, since=since, until=until,
            status=CaseStatus(status) if status else None,
        )

    def focus_first(self) -> None:
        self.preset.setFocus()


class NoPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(tr("This document needs no choices."), self)
        label.setObjectName("no_choices_label")
        form = _form(self)
        form.addRow(label)

    def request(self, kind: str) -> ReportRequest | None:
        return ReportRequest(kind)


class ParameterPanel(QStackedWidget):
    """One page of fields per kind of parameters; `request()` is None while a field is missing."""

    changed = Signal()

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_parameters")
        self.pages: dict[str, _Page] = {
            kinds.CASE_PAGE: CasePage(env, self),
            kinds.MERCHANT_PAGE: MerchantPage(env, self),
            kinds.MONTH_PAGE: MonthPage(self),
            kinds.YEAR_PAGE: YearPage(self),
            kinds.FINDINGS_PAGE: FindingsPage(env, self),
            kinds.NO_PAGE: NoPage(self),
        }
        for page in self.pages.values():
            self.addWidget(page)
            page.changed.connect(self.changed)
        self.kind = kinds.NOTICE_CASE
        self.set_kind(self.kind)

    def set_kind(self, kind: str) -> None:
        self.kind = kind
        self.setCurrentWidget(self.pages[kinds.KINDS[kind].page])
        self.current_page().clear_errors()

    def current_page(self) -> _Page:
        return self.pages[kinds.KINDS[self.kind].page]

    def request(self) -> ReportRequest | None:
        """The chosen report, or None after showing what is missing next to the field."""
        page = self.current_page()
        page.clear_errors()
        req = page.request(self.kind)
        if req is None:
            page.focus_first()
        return req

    def focus_first(self) -> None:
        self.current_page().focus_first()

    def sizeHint(self):  # noqa: N802 - Qt override: as tall as the current page, not the tallest
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()
