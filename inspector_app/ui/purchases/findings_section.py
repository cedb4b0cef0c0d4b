"""The findings half of the inspection page: the list of a purchase's findings and the editor."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.services import findings as finding_service
from inspector_app.services.findings import FindingInfo
from inspector_app.ui.fit import fit_column
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op
from inspector_app.ui.purchases.finding_editor import FindingEditor
from inspector_app.ui.purchases.findings_model import FindingListModel
from inspector_app.ui.purchases.widgets import UndoBar

logger = logging.getLogger(__name__)


class FindingsSection(QSplitter):
    """List above, editor below. Emits `finding_selected(id or None)` when the editor switches
    finding, and `reload_requested(id to select or None)` after it changed findings."""

    finding_selected = Signal(object)
    reload_requested = Signal(object)

    def __init__(self, env, undo_bar: UndoBar, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.env = env
        self.undo_bar = undo_bar
        self.setObjectName("inspect_findings_split")
        self.purchase_id: int | None = None
        self.model = FindingListModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("findings_table")
        self.view.setTabKeyNavigation(False)  # Tab leaves the table
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        fit_column(self.view, 0, 80)
        fit_column(self.view, 1, 190)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.label = QLabel(self)
        self.label.setObjectName("findings_label")
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.add_button = QPushButton(tr("Add finding"), self)
        self.add_button.setObjectName("add_finding_button")
        self.editor = FindingEditor(env, self)

        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.label, 1)
        head.addWidget(self.add_button)
        list_layout.addLayout(head)
        list_layout.addWidget(self.view)
        self.addWidget(list_box)
        self.addWidget(self.editor)
        self.setChildrenCollapsible(False)
        self.setSizes([230, 470])
        QWidget.setTabOrder(self.add_button, self.view)
        QWidget.setTabOrder(self.view, self.editor.category)

        delete = QAction(tr("Delete finding"), self.view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self._delete_current)
        self.view.addAction(delete)
        self.add_button.clicked.connect(self.new_finding)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        self.editor.saved.connect(lambda fid: self.reload_requested.emit(fid))
        self.editor.delete_requested.connect(self.delete_finding)

    # -- showing ---------------------------------------------------------------------------

    def show_findings(
        self, purchase_id: int, findings: Sequence[FindingInfo], *, read_only: bool, select: int | None
    ) -> None:
        """Show these findings; select `select` (else keep unsaved edits, else the first)."""
        keep_editor = self.editor.dirty and self.editor.purchase_id == purchase_id
        self.purchase_id = purchase_id
        self.add_button.setEnabled(not read_only)
        self.label.setText(tr("Findings (%1)").replace("%1", str(len(findings))))
        if not keep_editor:
            self.editor.set_purchase(purchase_id, read_only=read_only)
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        from inspector_app.ui.sync.marks import conflicted_of

        self.model.set_findings(findings, conflicted_of(self.env, [f.id for f in findings]))
        selection.blockSignals(False)
        row = self.model.row_of_id(select) if select else -1
        if row < 0 and findings and select is None and not keep_editor:
            row = 0
        if row >= 0:
            self.select_row(row, load=not keep_editor)
        else:
            self.finding_selected.emit(None)

    def current_finding_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.finding(index.row()).id if index.isValid() else None

    def finding_ids(self) -> list[int]:
        return [f.id for f in self.model.findings()]

    def select_row(self, row: int, load: bool = True) -> None:
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        selection.blockSignals(False)
        finding = self.model.finding(row)
        if load:
            self.editor.edit_finding(finding)
        self.finding_selected.emit(finding.id)

    def confirm_discard(self) -> bool:
        """True when there are no unsaved edits, or the user lets them go."""
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self, tr("Unsaved finding"), tr("Discard the changes to this finding?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @Slot(QModelIndex, QModelIndex)
    def _on_row(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if not self.confirm_discard():
            if previous.isValid():  # stay on the finding being edited
                self.select_row(previous.row(), load=False)
            return
        self.select_row(current.row())

    # -- changing --------------------------------------------------------------------------

    @Slot()
    def new_finding(self) -> None:
        if not self.confirm_discard():
            return
        self.view.clearSelection()
        self.view.setCurrentIndex(QModelIndex())
        self.editor.edit_new()
        self.finding_selected.emit(None)
        self.editor.title.setFocus()

    @Slot()
    def _delete_current(self) -> None:
        fid = self.current_finding_id()
        if fid is not None and self.add_button.isEnabled():
            self.delete_finding(fid)

    @Slot(int)
    def delete_finding(self, finding_id: int) -> None:
        """Ask, soft-delete, and offer Undo in the page's undo bar."""
        row = self.model.row_of_id(finding_id)
        title = self.model.finding(row).title if row >= 0 else str(finding_id)
        answer = QMessageBox.question(
            self, tr("Delete finding"),
            tr("Delete the finding “%1”?\n\nYou can undo this.").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def deleted(_result: object) -> None:
            self.editor.edit_new()
            self.reload_requested.emit(None)
            self.undo_bar.offer(
                tr("Deleted the finding “%1”.").replace("%1", title), lambda: self._restore(finding_id)
            )

        run_op(self, self.env.ctx, lambda: finding_service.delete_finding(self.env.ctx, finding_id),
               on_success=deleted, on_failure=self.editor.errors.show_exception)

    def _restore(self, finding_id: int) -> None:
        run_op(self, self.env.ctx, lambda: finding_service.restore_finding(self.env.ctx, finding_id),
               on_success=lambda _r: self.reload_requested.emit(finding_id))
