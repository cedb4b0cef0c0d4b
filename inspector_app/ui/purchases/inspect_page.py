"""Inspecting one purchase: its facts, the verdict, findings with their editor, and photos."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
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
from inspector_app.ui.ops import run_op
from inspector_app.ui.photos import PhotoPanel
from inspector_app.ui.purchases.facts import PurchaseFacts
from inspector_app.ui.purchases.findings_section import FindingsSection
from inspector_app.ui.purchases.form import PurchaseForm
from inspector_app.ui.purchases.list_page import delete_purchases
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
        # A long product name (or a longer language) wraps instead of widening the window.
        self.title.setWordWrap(True)
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

        self.undo_bar = UndoBar(self)
        self.findings = FindingsSection(self.env, self.undo_bar, self)
        self.editor = self.findings.editor

        self.purchase_photos = PhotoPanel(self.env, self)
        self.purchase_photos.setObjectName("purchase_photo_panel")
        self.finding_photos = PhotoPanel(self.env, self)
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
        self.split.addWidget(self.findings)
        self.split.addWidget(self.right_split)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.verdict)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.undo_bar)
        self.split.setSizes([720, 480])
        for s in (self.split, self.findings, self.right_split):
            state = self.env.settings.splitter_state(s.objectName())
            if not state.isEmpty():
                s.restoreState(state)

        self.back_button.clicked.connect(self._back)
        self.edit_button.clicked.connect(self.edit_purchase)
        self.delete_button.clicked.connect(self.delete_purchase)
        self.restore_button.clicked.connect(self.restore_purchase)
        self.findings.finding_selected.connect(self._show_finding_photos)
        self.findings.reload_requested.connect(lambda fid: self.reload(select_finding=fid))

    def _box(self, title: str, content: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        QVBoxLayout(box).addWidget(content)
        return box

    def save_state(self) -> None:
        for s in (self.split, self.findings, self.right_split):
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
        self.findings.view.setFocus()
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
        self.facts.set_purchase(info, self.env.state.has_role(*SEES_PRIVATE))
        try:
            findings = finding_service.list_for_purchase(self.env.ctx, info.id)
        except InspectorError as exc:
            show_error(self, exc)
            findings = []
        self.verdict.set_purchase(info, [f.id for f in findings])
        self.purchase_photos.set_owner(purchase_id=info.id, role=PhotoRole.EVIDENCE, read_only=not can_record)
        self.findings.show_findings(info.id, findings, read_only=not can_record, select=select_finding)

    def current_finding_id(self) -> int | None:
        return self.findings.current_finding_id()

    def _show_finding_photos(self, finding_id: int | None) -> None:
        if finding_id is None:
            self.finding_photos_stack.setCurrentIndex(0)
            self.finding_photos.clear()
            return
        read_only = not (self.env.state.has_role(*RECORDERS) and self.purchase and not self.purchase.deleted)
        self.finding_photos.set_owner(finding_id=finding_id, role=PhotoRole.EVIDENCE, read_only=read_only)
        self.finding_photos_stack.setCurrentIndex(1)

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
            + "\n\n" + tr("It moves to the waste basket; you can undo this."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            purchase_id = self.purchase.id
            delete_purchases(self, self.env, [purchase_id], lambda _ids: self.deleted.emit(purchase_id))

    @Slot()
    def restore_purchase(self) -> None:
        if self.purchase is None:
            return
        purchase_id = self.purchase.id
        run_op(self, self.env.ctx, lambda: purchase_service.restore_purchase(self.env.ctx, purchase_id),
               on_success=lambda _r: self.reload())

    @Slot()
    def _back(self) -> None:
        if self.findings.confirm_discard():
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
