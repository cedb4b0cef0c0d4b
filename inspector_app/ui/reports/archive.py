"""The archive of generated reports: what was issued when, with the figures it stated."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspector_app.services import reporting
from inspector_app.ui.i18n import QT_TR_NOOP, tr
from inspector_app.ui.models import CallableSource, Column, PagedTableModel, PagedTableView

logger = logging.getLogger(__name__)

#: Archive kinds (ReportArchive.kind) and their labels.
NOTICE_KIND = reporting.NOTICE
#: reports.quality_report.MONTHLY / ANNUAL (not imported: that module loads ReportLab).
MONTHLY_KIND = "monthly"
ANNUAL_KIND = "annual"
#: Kinds that can be reproduced from their archived figures.
REPRODUCIBLE = (MONTHLY_KIND, ANNUAL_KIND)


def kind_label(kind: str) -> str:
    return {
        NOTICE_KIND: tr("Rectification notice"),
        MONTHLY_KIND: tr("Monthly quality report"),
        ANNUAL_KIND: tr("Annual quality report"),
    }.get(kind, kind)


def period_label(period: str) -> str:
    if period.startswith("merchant:"):
        return tr("Active cases of %1").replace("%1", period.partition(":")[2])
    return period


def stated(row: reporting.ArchivedReport) -> str:
    """A short summary of what an archived report stated."""
    figures: dict[str, Any] = row.figures or {}
    if "figures" in figures:
        f = figures["figures"] or {}
        n = QLocale()
        return (
            tr("%1 purchases, %2 findings, %3 problem products")
            .replace("%1", n.toString(int(f.get("purchases") or 0)))
            .replace("%2", n.toString(int(f.get("findings") or 0)))
            .replace("%3", n.toString(int(f.get("problem_products") or 0)))
        )
    if "notice_number" in figures:
        cases = figures.get("cases") or {}
        return (
            tr("Notice %1").replace("%1", str(figures["notice_number"]))
            + "; " + tr("%n case(s)", None, len(cases))
        )
    return ""


@dataclass(frozen=True)
class ArchiveRow:
    id: int
    kind: str
    period: str
    created_at: datetime
    file_name: str
    stated: str


COLUMNS = [
    Column("kind", QT_TR_NOOP("Report"), formatter=kind_label, width=160),
    Column("period", QT_TR_NOOP("Period or case"), formatter=period_label, width=100),
    Column("created_at", QT_TR_NOOP("Generated"), width=120),
    Column("stated", QT_TR_NOOP("Stated"), width=340, tooltip=str),
    Column("file_name", QT_TR_NOOP("File"), width=200, tooltip=str),
]


class _ArchiveSource(CallableSource):
    """The archive list read once per refresh (it holds a few rows a month)."""

    def __init__(self, get_ctx) -> None:
        self._get_ctx = get_ctx
        self._rows: list[ArchiveRow] = []
        super().__init__(self._count, self._fetch)

    def _count(self, kind: str | None) -> int:
        self._rows = [
            ArchiveRow(r.id, r.kind, r.period, r.created_at, r.file_name, stated(r))
            for r in reporting.list_archive(self._get_ctx(), kind or None)
        ]
        return len(self._rows)

    def _fetch(self, _kind, _sort, _desc, offset: int, limit: int):
        return self._rows[offset : offset + limit]


class ArchivePanel(QWidget):
    """The archived reports, newest first; Reproduce writes a quality report as it was issued."""

    #: The archive id to reproduce.
    reproduce_requested = Signal(int)

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("report_archive")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("archive_kind_combo")
        self.kind_combo.addItem(tr("All reports"), "")
        for kind in (MONTHLY_KIND, ANNUAL_KIND, NOTICE_KIND):
            self.kind_combo.addItem(kind_label(kind), kind)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("archive_count")
        self.reproduce_button = QPushButton(tr("&Reproduce…"), self)
        self.reproduce_button.setObjectName("reproduce_button")
        self.reproduce_button.setToolTip(
            tr("Write the selected quality report again exactly as it was issued, from the "
               "figures archived with it")
        )
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.setObjectName("archive_refresh")

        self.model = PagedTableModel(_ArchiveSource(lambda: self.env.ctx), COLUMNS, filters="",
                                     parent=self)
        self.view = PagedTableView("report_archive", env.settings, self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)
        self.view.setSelectionMode(PagedTableView.SelectionMode.SingleSelection)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Show:"), self))
        bar.addWidget(self.kind_combo)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.reproduce_button)
        note = QLabel(
            tr("Every notice and quality report is archived with the figures it stated, so a "
               "report already sent can be written again exactly, even after later edits."),
            self,
        )
        note.setWordWrap(True)
        note.setObjectName("archive_note")
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.reproduce_button.clicked.connect(self._reproduce)
        self.view.activated_id.connect(lambda _id: self._reproduce())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._after_reset)
        self._after_reset()

    def refresh(self) -> None:
        self.model.set_filters(self.kind_combo.currentData() or "")

    def current(self) -> ArchiveRow | None:
        index = self.view.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def select_id(self, archive_id: int) -> bool:
        row = self.model.row_of_id(archive_id)
        if row >= 0:
            self.view.selectRow(row)
        return row >= 0

    def _after_reset(self) -> None:
        if self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        self.reproduce_button.setEnabled(row is not None and row.kind in REPRODUCIBLE)
        self.count_label.setText(tr("%n report(s)", None, self.model.total))

    def _reproduce(self) -> None:
        row = self.current()
        if row is not None and row.kind in REPRODUCIBLE:
            self.reproduce_requested.emit(row.id)
