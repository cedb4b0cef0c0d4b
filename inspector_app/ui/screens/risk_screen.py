"""The Risk screen: merchants ranked by risk with their factors, slowest work orders, import, export."""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain import clock
from inspector_app.services import risk as risk_service
from inspector_app.services import team_settings
from inspector_app.services.changes import Changes
from inspector_app.services.complaints import IMPORTERS, ImportResult, import_work_orders
from inspector_app.services.risk_export import export_ranking
from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.models.paged import PagedTableModel
from inspector_app.ui.models.table_view import PagedTableView
from inspector_app.ui.ops import run_op
from inspector_app.ui.screens import ScreenEnv
from inspector_app.ui.screens.risk_tables import RISK_COLUMNS, SLOW_COLUMNS, RiskModel, RowsSource
from inspector_app.ui.settings import EXPORT_SAVE_DIR, IMPORT_OPEN_DIR
from inspector_app.ui.tasks import run_task

logger = logging.getLogger(__name__)

#: Entities whose change can move a merchant's risk.
RELOAD_ON = {
    changes.MERCHANT,
    changes.PURCHASE,
    changes.FINDING,
    changes.CASE,
    changes.SETTINGS,
    changes.DATABASE,
    changes.ACTOR,
}
#: Rejected rows listed in the import summary (the rest are counted).
SHOWN_ERRORS = 15


class RiskScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("risk_screen")
        self._stale = True
        self.source = RowsSource("merchant_id")
        self.model = RiskModel(
            self.source, RISK_COLUMNS, sort_key="score", sort_desc=True, parent=self
        )
        self.table = PagedTableView("risk", env.settings, self)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._merchant_chosen)
        self.slow_source = RowsSource("id")
        self.slow_model = PagedTableModel(
            self.slow_source, SLOW_COLUMNS, sort_key="hours", sort_desc=True, parent=self
        )
        self.slow_table = PagedTableView("risk_slowest", env.settings, self)
        self.slow_table.setModel(self.slow_model)

        self.candidates_check = QCheckBox(tr("Only new watch/elimination candidates"), self)
        self.candidates_check.setObjectName("candidates_check")
        self.candidates_check.toggled.connect(self._filter_changed)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh_button")
        self.refresh_button.clicked.connect(self.reload)
        self.import_button = QPushButton(tr("Import work orders…"), self)
        self.import_button.setObjectName("import_button")
        self.import_button.clicked.connect(self.import_file)
        self.export_button = QPushButton(tr("Export to Excel…"), self)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        # A longer translation wraps instead of widening the whole window.
        self.summary_label.setWordWrap(True)
        self.slow_label = QLabel(tr("Select a merchant to see its slowest work orders."), self)
        self.slow_label.setObjectName("slow_label")

        bar = QHBoxLayout()
        bar.addWidget(self.candidates_check)
        bar.addStretch(1)
        for b in (self.refresh_button, self.import_button, self.export_button):
            bar.addWidget(b)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.slow_label)
        lower_layout.addWidget(self.slow_table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        env.changes.changed.connect(self._on_changed)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def activate(self) -> None:
        self._update_buttons()
        if self._stale:
            self.reload()

    @Slot()
    def reload(self) -> None:
        self._stale = False
        self.summary_label.setText(tr("Computing the ranking…"))
        ctx = self.env.ctx
        run_task(partial(_ranking, ctx), self._show, name="risk ranking")

    def _show(self, result: tuple[list[risk_service.RiskRow], float, float]) -> None:
        rows, watch, eliminate = result
        self.source.rows = rows
        self.model.refresh()
        new = sum(r.is_new_candidate for r in rows)
        self.summary_label.setText(
            tr(
                "%1 merchants; %2 new candidates (watch at %3, eliminate at %4). Work orders "
                "applied in the last 180 days, durations of those finished in the last 30 days "
                "or still open; our purchases of the last 180 days."
            )
            .replace("%1", str(len(rows)))
            .replace("%2", str(new))
            .replace("%3", f"{watch:g}")
            .replace("%4", f"{eliminate:g}")
        )

    @Slot(str, list)
    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity not in RELOAD_ON:
            return
        if entity == changes.ACTOR:
            self._update_buttons()
        self._stale = True
        if self.isVisible():
            self.reload()

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.env.state.has_role(*IMPORTERS))

    @Slot(bool)
    def _filter_changed(self, only: bool) -> None:
        self.model.set_filters((lambda r: r.is_new_candidate) if only else None)

    @Slot(QModelIndex, QModelIndex)
    def _merchant_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_object(current.row())
        self.slow_label.setText(
            tr("Slowest work orders of %1 (hours to first handling):").replace("%1", row.name)
        )
        run_task(
            partial(risk_service.slowest_work_orders, self.env.ctx, row.merchant_id),
            self._show_slow,
            name="slowest work orders",
        )

    def _show_slow(self, rows: list[risk_service.SlowWorkOrder]) -> None:
        self.slow_source.rows = rows
        self.slow_model.refresh()

    # -- import and export ---------------------------------------------------------------

    @Slot()
    def import_file(self) -> None:
        start = self.env.settings.folder(IMPORT_OPEN_DIR)
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Import complaints and work orders"),
            str(start),
            tr("Work orders (*.csv *.xlsx);;All files (*)"),
        )
        if path:
            self.env.settings.remember_folder(IMPORT_OPEN_DIR, path)
            self.start_import(path)

    def start_import(self, path: str) -> None:
        # Work orders change the merchants' risk figures as well.
        run_op(self, self.env.ctx, partial(import_work_orders, self.env.ctx, path),
               on_success=self._imported, label=tr("Importing work orders…"), slow=True,
               also_changed=Changes.of(changes.MERCHANT))

    def _imported(self, result: ImportResult) -> None:
        text = (
            tr("%1: %2 rows, %3 added, %4 already imported, %5 rejected.")
            .replace("%1", result.file)
            .replace("%2", str(result.rows))
            .replace("%3", str(result.added))
            .replace("%4", str(result.duplicates))
            .replace("%5", str(result.error_count))
        )
        lines = [
            tr("Row %1: %2").replace("%1", str(e.row)).replace("%2", e.reason)
            for e in result.errors[:SHOWN_ERRORS]
        ]
        if result.refused:
            lines.append(tr("Nothing was imported: correct these rows and import the file again."))
        self.env.show_status(text)
        if lines:
            QMessageBox.warning(self, tr("Import"), text + "\n\n" + "\n".join(lines))

    @Slot()
    def export(self) -> None:
        folder = self.env.settings.folder(EXPORT_SAVE_DIR)
        default = folder / f"risk-{clock.today().isoformat()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export risk ranking"), str(default), tr("Excel workbook (*.xlsx)")
        )
        if path:
            self.env.settings.remember_folder(EXPORT_SAVE_DIR, path)
            self.start_export(path)

    def start_export(self, path: str) -> None:
        rows = self.source.ordered(self.model.filters, self.model.sort_key, self.model.sort_desc)
        run_task(
            partial(export_ranking, rows, path, force=True),  # the dialog asked
            lambda p: self.env.show_status(tr("Exported to %1").replace("%1", str(p))),
            progress=self,
            label=tr("Exporting…"),
            name="export risk ranking",
        )


def _ranking(ctx) -> tuple[list[risk_service.RiskRow], float, float]:
    """The ranking and the thresholds it was classified by (runs in a worker)."""
    rows = risk_service.ranking(ctx)
    return (
        rows,
        float(team_settings.get(ctx, "watch_threshold")),
        float(team_settings.get(ctx, "eliminate_threshold")),
    )
