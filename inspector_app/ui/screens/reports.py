"""The Reports screen: choose a report, preview, save or print it; imports; the report archive."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QWidget

from inspector_app.ui import changes
from inspector_app.ui.i18n import tr
from inspector_app.ui.pdf_print import printing_available
from inspector_app.ui.reports import kinds
from inspector_app.ui.reports.actions import ReportActions
from inspector_app.ui.reports.archive import ArchivePanel
from inspector_app.ui.reports.files import FolderMemory
from inspector_app.ui.reports.imports import ImportActions
from inspector_app.ui.reports.panel import ReportChooser
from inspector_app.ui.reports.preview import PreviewPane
from inspector_app.ui.screens import ScreenEnv

logger = logging.getLogger(__name__)

#: Changes after which a preview may no longer match the data.
_DATA = {changes.PURCHASE, changes.FINDING, changes.PHOTO, changes.MERCHANT, changes.PRODUCT,
         changes.CASE, changes.SETTINGS, changes.DATABASE}


class ReportsScreen(QWidget):
    def __init__(self, env: ScreenEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("reports_screen")
        self.memory = FolderMemory(env.settings)
        self.chooser = ReportChooser(env, self)
        self.preview = PreviewPane(self)
        self.archive = ArchivePanel(env, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reports_tabs")
        self.tabs.addTab(self.preview, tr("Preview"))
        self.tabs.addTab(self.archive, tr("Archived reports"))
        layout = QHBoxLayout(self)
        layout.addWidget(self.chooser)
        layout.addWidget(self.tabs, 1)

        self.report_actions = ReportActions(env, self, self.preview, self.memory)
        self.imports = ImportActions(env, self, self.memory)
        c = self.chooser
        c.preview_button.clicked.connect(self.preview_report)
        c.save_button.clicked.connect(self.save_report)
        c.print_button.clicked.connect(self.print_report)
        c.folder_button.clicked.connect(self.report_actions.open_folder)
        c.import_responses_button.clicked.connect(lambda: self.imports.import_responses())
        c.import_records_button.clicked.connect(lambda: self.imports.import_records())
        c.template_button.clicked.connect(
            lambda: self.report_actions.save_request(kinds.ReportRequest(kinds.TEMPLATE)))
        c.kind_changed.connect(self._on_kind)
        c.params.changed.connect(self.report_actions.forget_preview)
        self.report_actions.saved.connect(self._on_saved)
        self.report_actions.archived.connect(self.archive.refresh)
        self.archive.reproduce_requested.connect(self._reproduce)
        env.changes.changed.connect(self._on_changed)
        for keys, slot in ((QKeySequence.StandardKey.Save, self.save_report),
                           (QKeySequence.StandardKey.Print, self.print_report),
                           (QKeySequence("Ctrl+Return"), self.preview_report)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # Without QtPrintSupport there is no print dialog at all: no button either.
        c.print_button.setVisible(printing_available())
        c.folder_button.setEnabled(False)
        self._on_kind(c.kind)

    # -- hooks -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.chooser.params.focus_first()

    def activate(self) -> None:
        self.archive.refresh()

    def save_state(self) -> None:
        self.archive.view.save_layout()

    # -- behaviour -------------------------------------------------------------------------

    def _request(self) -> kinds.ReportRequest | None:
        return self.chooser.params.request()

    def preview_report(self) -> None:
        req = self._request()
        if req is not None:
            self.tabs.setCurrentWidget(self.preview)
            self.report_actions.preview_request(req)

    def save_report(self) -> None:
        req = self._request()
        if req is not None:
            self.report_actions.save_request(req)

    def print_report(self) -> None:
        if not self.chooser.print_button.isEnabled():
            return
        req = self._request()
        if req is not None:
            self.tabs.setCurrentWidget(self.preview)
            self.report_actions.print_request(req)

    def _reproduce(self, archive_id: int) -> None:
        row = self.archive.current()
        period = row.period if row is not None and row.id == archive_id else str(archive_id)
        self.report_actions.reproduce(archive_id, period)

    def _on_kind(self, kind: str) -> None:
        spec = kinds.KINDS[kind]
        can_print = spec.is_pdf and self.report_actions.can_print()
        self.chooser.print_button.setEnabled(can_print)
        if spec.is_pdf and not can_print:
            self.chooser.print_button.setToolTip(
                tr("Printing is not available: this installation lacks Qt's print support."))
        self.report_actions.forget_preview()
        if not spec.is_pdf:
            self.preview.show_message(
                tr("Workbooks have no preview here: save the workbook and open it in your "
                   "spreadsheet program."),
                tr(spec.title),
            )
        else:
            self.preview.show_message(
                tr("Make your choices on the left and press Preview to see the report here."),
                tr(spec.title),
            )

    def _on_saved(self, path: Path) -> None:
        self.chooser.folder_button.setEnabled(True)
        self.chooser.show_saved(tr("Saved: %1").replace("%1", str(path)))

    def _on_changed(self, entity: str, _ids: list) -> None:
        if entity in _DATA:
            self.report_actions.data_changed()
        if entity == changes.DATABASE:
            self.archive.refresh()
