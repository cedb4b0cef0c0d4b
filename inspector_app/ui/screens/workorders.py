"""The Work orders screen: after-sales work orders filtered by merchant, type, kind and late
stage; open ones running late; the longest of the statistics window; export to Excel."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.domain.enums import WorkOrderKind, WorkOrderStage
from inspector_app.reports.workorders_xlsx import export_work_orders
from inspector_app.services import workorders
from inspector_app.ui import changes
from inspector_app.ui.fit import FlowLayout, shrinkable_combo
from inspector_app.ui.i18n import enum_label, tr
from inspector_app.ui.models import PagedTableModel, PagedTableView
from inspector_app.ui.screens import ScreenEnv
from inspector_app.ui.settings import EXPORT_SAVE_DIR
from inspector_app.ui.tasks import run_task
from inspector_app.ui.workorders.table import COLUMNS, WorkOrderQuery, WorkOrderSource

logger = logging.getLogger(__name__)

#: Entities whose change may alter the table.
_WATCHED = {changes.WORK_ORDER, changes.MERCHANT, changes.SETTINGS, changes.DATABASE,
            changes.ACTOR}
#: Rows exported at most (the table's own filters apply), read this many at a time.
EXPORT_LIMIT = 100_000
PAGE = 10_000


class WorkOrdersScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("workorders_screen")
        self._stale = False

        self.merchant_edit = QLineEdit(self)
        self.merchant_edit.setObjectName("merchant_edit")
        self.merchant_edit.setPlaceholderText(tr("Shop ID"))
        self.merchant_edit.setClearButtonEnabled(True)
        self.type_edit = QLineEdit(self)
        self.type_edit.setObjectName("type_edit")
        self.type_edit.setPlaceholderText(tr("Type"))
        self.type_edit.setClearButtonEnabled(True)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        self.kind_combo.addItem(tr("All kinds"), None)
        for kind in WorkOrderKind:
            self.kind_combo.addItem(enum_label(kind), kind.value)
        self.stage_combo = QComboBox(self)
        self.stage_combo.setObjectName("stage_combo")
        self.stage_combo.addItem(tr("All stages"), None)
        for stage in WorkOrderStage:
            self.stage_combo.addItem(enum_label(stage), stage.value)
        self.late_check = QCheckBox(tr("Running late", "after-sales term"), self)
        self.late_check.setObjectName("late_check")
        self.window_check = QCheckBox(tr("Statistics window", "after-sales term"), self)
        self.window_check.setObjectName("window_check")
        self.window_check.setToolTip(tr(
            "Work orders closed in the last 30 days and applied for in the last 180 days"))
        self.longest_check = QCheckBox(tr("Longest work orders", "after-sales term"), self)
        self.longest_check.setObjectName("longest_check")
        self.longest_check.setToolTip(tr(
            "The 100 after-sales work orders of the statistics window with the longest service "
            "duration, platform-wide or for the shop ID given"))
        self.export_button = QPushButton(tr("Export to Excel…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export)
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("count_label")

        # The filters wrap onto a second line on a small screen (docs/architecture.md,
        # "Small screens").
        bar_box = QWidget(self)
        bar = FlowLayout(bar_box, spacing=8)
        for w in (self.merchant_edit, self.type_edit, self.kind_combo, self.stage_combo,
                  self.late_check, self.window_check, self.longest_check, self.count_label,
                  self.export_button):
            w.setParent(bar_box)
            bar.addWidget(w)
        for combo in (self.kind_combo, self.stage_combo):
            shrinkable_combo(combo)

        self.model = PagedTableModel(WorkOrderSource(lambda: self.env.ctx), COLUMNS,
                                     filters=WorkOrderQuery(), sort_key="applied_at",
                                     sort_desc=True, parent=self)
        # A late-stage filter over a million work orders counts for most of a second: later
        # re-queries run in a task while the old rows stay on show (the first load does not).
        self.model.set_background(True, on_error=self._reload_failed)
        self.model.busy_changed.connect(self._busy)
        self.view = PagedTableView("workorders", env.settings, self)
        self.view.setModel(self.model)
        self.legend = QLabel(tr(
            "Service duration: hours from the application to the merchant's first handling "
            "(first review for cancelled or rejected work orders); '+' still counting."), self)
        self.legend.setObjectName("legend_label")
        self.legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(bar_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        for edit in (self.merchant_edit, self.type_edit):
            edit.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.kind_combo, self.stage_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        for check in (self.late_check, self.window_check, self.longest_check):
            check.toggled.connect(self.apply_filters)
        env.changes.changed.connect(self._on_changed)
        self._update_count()

    # -- hooks ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.merchant_edit.setFocus()
        self.merchant_edit.selectAll()

    def activate(self) -> None:
        if self._stale:
            self._stale = False
            self.model.refresh()
            self._update_count()

    def save_state(self) -> None:
        self.view.save_layout()

    # -- behaviour -----------------------------------------------------------------------

    def query(self) -> WorkOrderQuery:
        longest = self.longest_check.isChecked()
        return WorkOrderQuery(
            workorders.WorkOrderFilter(
                merchant=self.merchant_edit.text().strip() or None,
                type=self.type_edit.text().strip() or None,
                kind=None if longest else self.kind_combo.currentData(),
                stage=None if longest else self.stage_combo.currentData(),
                late=self.late_check.isChecked() and not longest,
                window=self.window_check.isChecked() or longest,
            ),
            longest=longest,
        )

    @Slot()
    def apply_filters(self) -> None:
        longest = self.longest_check.isChecked()
        for w in (self.kind_combo, self.stage_combo, self.late_check):
            w.setEnabled(not longest)
        self.model.set_filters(self.query())
        self._update_count()

    def _update_count(self) -> None:
        if self.model.busy:
            self.count_label.setText(tr("Counting…"))
            return
        self.count_label.setText(tr("%Ln work order(s)", "", self.model.total))

    def _busy(self, _busy: bool) -> None:
        self._update_count()

    def _reload_failed(self, exc: BaseException) -> None:
        from inspector_app.ui.errors import show_error

        self._update_count()
        show_error(self, exc)

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in _WATCHED:
            return
        if self.isVisible():
            self.model.refresh()
            self._update_count()
        else:
            self._stale = True

    # -- export --------------------------------------------------------------------------

    @Slot()
    def export(self) -> None:
        folder = self.env.settings.folder(EXPORT_SAVE_DIR)
        default = folder / f"work-orders-{clock.today().isoformat()}-内部.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export work orders"), str(default), tr("Excel workbook (*.xlsx)"))
        if path:
            self.env.settings.remember_folder(EXPORT_SAVE_DIR, path)
            self.start_export(path)

    def start_export(self, path: str) -> None:
        """Export what the table shows (all matching rows, in its order) to `path`."""
        query, sort_key, desc = self.model.applied
        source = WorkOrderSource(lambda: self.env.ctx)

        def job():
            rows: list = []
            while len(rows) < EXPORT_LIMIT:
                page = source.fetch(query, sort_key, desc, len(rows), PAGE)
                rows += page
                if len(page) < PAGE:
                    break
            return (yield from export_work_orders(rows, path, force=True))  # the dialog asked

        run_task(
            job,
            lambda p: self.env.show_status(tr("Exported to %1").replace("%1", str(p))),
            progress=self,
            label=tr("Exporting work orders…"),
            name="export work orders",
        )

