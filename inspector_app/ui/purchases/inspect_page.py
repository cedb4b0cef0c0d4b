"""Inspecting one purchase: its facts, the verdict, findings with their editor, and photos."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector_app.domain.enums import PhotoRole
from inspector_app.domain.errors import InspectorError
from inspector_app.services import findings as finding_service
from inspector_app.services import purchases as purchase_service
from inspector_app.services.context import RECORDERS, SEES_PRIVATE
from inspector_app.services.purchases import PurchaseInfo
from inspector_app.ui import changes
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr
from inspector_app.ui.purchases.facts import PurchaseFacts
from inspector_app.ui.purchases.finding_editor import FindingEditor
from inspector_app.ui.purchases.findings_model import FindingListModel
from inspector_app.ui.purchases.form import PurchaseForm
from inspector_app.ui.purchases.list_page import delete_purchases
from inspector_app.ui.purchases.photo_slot import make_photo_panel
from inspector_app.ui.purchases.verdict_bar import VerdictBar
from inspector_app.ui.purchases.widgets import UndoBar, title_label

logger = logging.getLogger(__name__)

#: Entities whose change may alter what this page shows.
_WATCHED = {changes.PURCHASE, changes.FINDING, changes.CASE, changes.MERCHANT, changes.PRODUCT,
            changes.DATABASE, changes.ACTOR, changes.USER}


class PurchaseInspectPage(QWidget):
    """One purchase under inspection. Emits `back_requested` and `deleted(purchase_id)`."""

    back_requested = Signal()
    deleted = Signal(int)

    def __init__(self, env, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("purchase_inspect")
        self.purchase: PurchaseInfo | None = None
        self._stale = False
        self._build()
        env.changes.changed.connect(self._on_changed)

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.back_button = QPushButton(tr("← Purchases"), self)
        self.back_button.setObjectName("back_button")
        self.back_button.setToolTip(tr("Back to the purchases table (Alt+Left)"))
        self.back_button.setShortcut(QKeySequence("Alt+Left"))
        self.title = title_label("", self)
        self.title.setObjectName("purchase_title")
        self.deleted_label = QLabel(tr("In the waste basket"), self)
        self.deleted_label.setStyleSheet("color: #a50e0e; font-weight: bold;")
        self.restore_button = QPushButton(tr("Restore"), self)
        self.restore_button.setObjectName("restore_purchase_button")
        self.edit_button = QPushButton(tr("Edit purchase…"), self)
        self.edit_button.setObjectName("edit_purchase_button")
        self.delete_button = QPushButton(tr("Delete purchase"), self)
        self.delete_button.setObjectName("delete_purchase_button")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(10)
        top.addWidget(self.title, 1)
        top.addWidget(self.deleted_label)
        top.addWidget(self.restore_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)

        self.facts = PurchaseFacts(self)
        self.verdict = VerdictBar(self.env, self)

        self.findings_model = FindingListModel(self)
        self.findings_view = QTableView(self)
        self.findings_view.setObjectName("findings_table")
        self.findings_view.setModel(self.findings_model)
        self.findings_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings_view.verticalHeader().setVisible(False)
        self.findings_view.setAlternatingRowColors(True)
        self.findings_view.setColumnWidth(0, 80)
        self.findings_view.setColumnWidth(1, 190)
        self.findings_view.horizontalHeader().setStretchLastSection(True)
        self.findings_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.findings_label = QLabel(self)
        self.findings_label.setObjectName("findings_label")
        font = self.findings_label.font()
        font.setBold(True)
        self.findings_label.setFont(font)
        self.add_finding_button = QPushButton(tr("Add finding"), self)
        self.add_finding_button.setObjectName("add_finding_button")
        self.editor = FindingEditor(self.env, self)

        list_box = QWidget(self)
        list_layout = QVBoxLayout(list_box)
        list_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.findings_label, 1)
        head.addWidget(self.add_finding_button)
        list_layout.addLayout(head)
        list_layout.addWidget(self.findings_view)
        self.left_split = QSplitter(Qt.Orientation.Vertical, self)
        self.left_split.setObjectName("inspect_findings_split")
        self.left_split.addWidget(list_box)
        self.left_split.addWidget(self.editor)
        self.left_split.setStretchFactor(0, 1)
        self.left_split.setStretchFactor(1, 2)
        self.left_split.setChildrenCollapsible(False)

        self.purchase_photos = make_photo_panel(self.env, self)
        self.purchase_photos.setObjectName("purchase_photo_panel")
        self.finding_photos = make_photo_panel(self.env, self)
        self.finding_photos.setObjectName("finding_photo_panel")
        self.finding_photos_stack = QStackedWidget(self)
        hint = QLabel(tr("Select or save a finding to attach its photos."), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #6b7280;")
        self.finding_photos_stack.addWidget(hint)
        self.finding_photos_stack.addWidget(self.finding_photos)
        self.purchase_photos_box = self._box(tr("Photos of the parcel"), self.purchase_photos)
        self.finding_photos_box = self._box(tr("Photos of the selected finding"), self.finding_photos_stack)
        self.right_split = QSplitter(Qt.Orientation.Vertical, self)
        self.right_split.setObjectName("inspect_photos_split")
        self.right_split.addWidget(self.purchase_photos_box)
        self.right_split.addWidget(self.finding_photos_box)
        self.right_split.setChildrenCollapsible(False)

        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setObjectName("inspect_split")
        self.split.addWidget(self.left_split)
        self.split.addWidget(self.right_split)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        self.undo_bar = UndoBar(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.verdict)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.undo_bar)
        self.left_split.setSizes([230, 470])
        self.split.setSizes([720, 480])
        for s in (self.split, self.left_split, self.right_split):
            state = self.env.settings.splitter_state(s.objectName())
            if not state.isEmpty():
                s.restoreState(state)

        delete_finding = QAction(tr("Delete finding"), self.findings_view)
        delete_finding.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_finding.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_finding.triggered.connect(self._delete_current_finding)
        self.findings_view.addAction(delete_finding)

        self.back_button.clicked.connect(self._back)
        self.edit_button.clicked.connect(self.edit_purchase)
        self.delete_button.clicked.connect(self.delete_purchase)
        self.restore_button.clicked.connect(self.restore_purchase)
        self.add_finding_button.clicked.connect(self.new_finding)
        self.findings_view.selectionModel().currentRowChanged.connect(self._on_finding_row)
        self.editor.saved.connect(self._after_finding_saved)
        self.editor.delete_requested.connect(self.delete_finding)

    def _box(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(content)
        return box

    def save_state(self) -> None:
        for s in (self.split, self.left_split, self.right_split):
            self.env.settings.set_splitter_state(s.objectName(), s.saveState())

    # -- loading ---------------------------------------------------------------------------

    def open_purchase(self, purchase_id: int) -> bool:
        """Show this purchase (False, with a message, when it cannot be read)."""
        try:
            info = purchase_service.get_purchase(self.env.ctx, purchase_id)
        except InspectorError as exc:
            show_error(self, exc)
            return False
        self.undo_bar.dismiss()
        self._show(info, select_finding=None)
        self.findings_view.setFocus()
        return True

    def reload(self, select_finding: int | None = None) -> None:
        """Re-read the purchase and its findings, keeping (or choosing) the selected finding."""
        if self.purchase is None:
            return
        try:
            info = purchase_service.get_purchase(self.env.ctx, self.purchase.id)
        except InspectorError as exc:
            logger.info("Purchase %s vanished: %s", self.purchase.id, exc)
            self.back_requested.emit()
            return
        self._show(info, select_finding=select_finding or self.current_finding_id())

    def _show(self, info: PurchaseInfo, select_finding: int | None) -> None:
        self._stale = False
        self.purchase = info
        can_record = self.env.state.has_role(*RECORDERS) and not info.deleted
        heading = info.order_number or tr("Planned purchase")
        product = info.product_name or info.merchant_name
        self.title.setText(f"{heading} · {product}")
        self.deleted_label.setVisible(info.deleted)
        self.restore_button.setVisible(info.deleted and self.env.state.has_role(*RECORDERS))
        self.edit_button.setEnabled(can_record)
        self.delete_button.setEnabled(can_record)
        self.add_finding_button.setEnabled(can_record)
        self.facts.set_purchase(info, self.env.state.has_role(*SEES_PRIVATE))
        try:
            findings = finding_service.list_for_purchase(self.env.ctx, info.id)
        except InspectorError as exc:
            show_error(self, exc)
            findings = []
        self.verdict.set_purchase(info, [f.id for f in findings])
        self.findings_label.setText(tr("Findings (%1)").replace("%1", str(len(findings))))
        self.purchase_photos.set_owner(purchase_id=info.id, role=PhotoRole.EVIDENCE, read_only=not can_record)
        keep_editor = self.editor.dirty and self.editor.purchase_id == info.id
        if not keep_editor:
            self.editor.set_purchase(info.id, read_only=not can_record)
        self.findings_view.selectionModel().blockSignals(True)
        self.findings_model.set_findings(findings)
        self.findings_view.selectionModel().blockSignals(False)
        row = self.findings_model.row_of_id(select_finding) if select_finding else -1
        if row < 0 and findings and select_finding is None and not keep_editor:
            row = 0
        if row >= 0:
            self._select_row(row, load=not keep_editor)
        else:
            self._show_finding_photos(None)

    def current_finding_id(self) -> int | None:
        index = self.findings_view.currentIndex()
        return self.findings_model.finding(index.row()).id if index.isValid() else None

    def _select_row(self, row: int, load: bool = True) -> None:
        sel = self.findings_view.selectionModel()
        sel.blockSignals(True)
        sel.setCurrentIndex(
            self.findings_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        sel.blockSignals(False)
        finding = self.findings_model.finding(row)
        if load:
            self.editor.edit_finding(finding)
        self._show_finding_photos(finding.id)

    def _show_finding_photos(self, finding_id: int | None) -> None:
        if finding_id is None:
            self.finding_photos_stack.setCurrentIndex(0)
            return
        read_only = not (self.env.state.has_role(*RECORDERS) and self.purchase and not self.purchase.deleted)
        self.finding_photos.set_owner(finding_id=finding_id, role=PhotoRole.EVIDENCE, read_only=read_only)
        self.finding_photos_stack.setCurrentIndex(1)

    # -- findings --------------------------------------------------------------------------

    def _confirm_discard(self) -> bool:
        if not self.editor.dirty:
            return True
        answer = QMessageBox.question(
            self, tr("Unsaved finding"), tr("Discard the changes to this finding?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    @Slot()
    def _on_finding_row(self, current, previous) -> None:
        if not current.isValid():
            return
        if not self._confirm_discard():
            # Stay on the finding being edited.
            if previous.isValid():
                self._select_row(previous.row(), load=False)
            return
        self._select_row(current.row())

    @Slot()
    def new_finding(self) -> None:
        if not self._confirm_discard():
            return
        self.findings_view.clearSelection()
        self.findings_view.setCurrentIndex(self.findings_model.index(-1, -1))
        self.editor.edit_new()
        self._show_finding_photos(None)
        self.editor.title.setFocus()

    @Slot(int)
    def _after_finding_saved(self, finding_id: int) -> None:
        self.reload(select_finding=finding_id)

    @Slot()
    def _delete_current_finding(self) -> None:
        fid = self.current_finding_id()
        if fid is not None and self.add_finding_button.isEnabled():
            self.delete_finding(fid)

    @Slot(int)
    def delete_finding(self, finding_id: int) -> None:
        row = self.findings_model.row_of_id(finding_id)
        title = self.findings_model.finding(row).title if row >= 0 else str(finding_id)
        answer = QMessageBox.question(
            self, tr("Delete finding"),
            tr("Delete the finding “%1”?\n\nYou can undo this.").replace("%1", title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            finding_service.delete_finding(self.env.ctx, finding_id)
        except InspectorError as exc:
            self.editor.errors.show_exception(exc)
            return
        self.editor.edit_new()
        changes.notify(changes.FINDING, [finding_id])
        self.undo_bar.offer(tr("Deleted the finding “%1”.").replace("%1", title), lambda: self._restore_finding(finding_id))

    def _restore_finding(self, finding_id: int) -> None:
        try:
            finding_service.restore_finding(self.env.ctx, finding_id)
        except InspectorError as exc:
            show_error(self, exc)
            return
        self.reload(select_finding=finding_id)
        changes.notify(changes.FINDING, [finding_id])

    # -- the purchase ----------------------------------------------------------------------

    @Slot()
    def edit_purchase(self) -> None:
        if self.purchase is None:
            return
        form = PurchaseForm(self.env, self.purchase, self)
        accepted = form.exec()
        form.deleteLater()
        if accepted:
            self.reload()

    @Slot()
    def delete_purchase(self) -> None:
        if self.purchase is None:
            return
        answer = QMessageBox.question(
            self, tr("Delete purchases"),
            tr("Delete purchase %1?").replace("%1", self.purchase.order_number or self.purchase.product_name)
            + "\n\n" + tr("They move to the waste basket; you can undo this."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and delete_purchases(self, self.env, [self.purchase.id]):
            self.deleted.emit(self.purchase.id)

    @Slot()
    def restore_purchase(self) -> None:
        if self.purchase is None:
            return
        try:
            purchase_service.restore_purchase(self.env.ctx, self.purchase.id)
        except InspectorError as exc:
            show_error(self, exc)
            return
        changes.notify(changes.PURCHASE, [self.purchase.id])
        self.reload()

    @Slot()
    def _back(self) -> None:
        if self._confirm_discard():
            self.editor.revert()
            self.back_requested.emit()

    @Slot(str, list)
    def _on_changed(self, entity: str, ids: list) -> None:
        if self.purchase is None or entity not in _WATCHED:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def activate(self) -> None:
        if self._stale:
            self.reload()
