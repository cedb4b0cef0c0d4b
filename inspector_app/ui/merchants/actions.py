"""Edit, merge and delete for a list of merchants or products: the actions (with their
shortcuts, in the list's context menu and the screen's Edit button), enabled as the
services answer (services/merging.py edit_reason / merge_reason) with the reason as tooltip.

Every write goes through the operation runner (ui/ops.py), which tells the screens what
changed (docs/architecture.md, "Writes from the user interface").
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector_app.domain.errors import ConflictError, InspectorError
from inspector_app.services import catalog, merchants, merging
from inspector_app.services.context import Context
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import run_op

logger = logging.getLogger(__name__)


class CorrectionActions(QObject):
    """The three actions for `kind` ("merchant" or "product") over a selection.

    `selected()` gives the selected ids, top to bottom; `label_of(id)` how to name one.
    """

    def __init__(self, kind: str, get_ctx: Callable[[], Context],
                 selected: Callable[[], list[int]], widget: QWidget) -> None:
        super().__init__(widget)
        self.kind, self.get_ctx, self.selected, self.widget = kind, get_ctx, selected, widget
        merchant = kind == merging.MERCHANT
        self.edit_action = self._action(
            tr("&Edit merchant…") if merchant else tr("&Edit product…"), "F2", self.edit,
            "edit_action")
        self.merge_action = self._action(
            tr("&Merge duplicates…"), "Ctrl+M", self.merge, "merge_action")
        self.delete_action = self._action(
            tr("&Delete merchant…") if merchant else tr("&Delete product…"),
            QKeySequence(QKeySequence.StandardKey.Delete), self.delete, "delete_action")
        self.actions = [self.edit_action, self.merge_action, self.delete_action]
        self.update()

    def _action(self, text: str, keys, slot, name: str) -> QAction:
        action = QAction(text, self.widget)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.widget.addAction(action)
        return action

    # -- what may be done ----------------------------------------------------------------

    def update(self) -> None:
        """Enable each action for the selection and the acting user; say why not."""
        ctx = self.get_ctx()
        n = len(self.selected())
        why = merging.edit_reason(ctx, self.kind)
        why_merge = merging.merge_reason(ctx, self.kind)
        one = tr("Select one row first.")
        self._set(self.edit_action, why or (one if n != 1 else None))
        self._set(self.delete_action, why or (one if n != 1 else None))
        self._set(self.merge_action, why_merge or (
            tr("Select two or more rows to merge (Ctrl+click or Shift+arrows).") if n < 2
            else None))

    @staticmethod
    def _set(action: QAction, reason: str | None) -> None:
        action.setEnabled(reason is None)
        action.setToolTip(reason or action.text().replace("&", ""))
        action.setStatusTip(reason or "")

    # -- doing it ------------------------------------------------------------------------

    def edit(self) -> None:
        ids = self.selected()
        if len(ids) != 1 or not self.edit_action.isEnabled():
            return
        from inspector_app.ui.merchants.edit_dialog import MerchantEditDialog, ProductEditDialog

        ctx = self.get_ctx()
        try:
            if self.kind == merging.MERCHANT:
                dialog: MerchantEditDialog | ProductEditDialog = MerchantEditDialog(
                    ctx, merchants.get_merchant(ctx, ids[0]), self.widget)
            else:
                dialog = ProductEditDialog(ctx, catalog.get_product(ctx, ids[0]), self.widget)
        except InspectorError as exc:
            show_error(self.widget, exc)
            return
        if dialog.exec() and dialog.saved:
            self._changed(ids)

    def merge(self) -> None:
        ids = self.selected()
        if len(ids) < 2 or not self.merge_action.isEnabled():
            return
        from inspector_app.ui.merchants.merge_dialog import MergeDialog

        ctx = self.get_ctx()
        try:
            rows = [(i, self._label(ctx, i)) for i in ids]
        except InspectorError as exc:
            show_error(self.widget, exc)
            return
        dialog = MergeDialog(ctx, self.kind, rows, self.widget)
        if dialog.exec() and dialog.merged is not None:
            self._changed(ids)

    def delete(self) -> None:
        ids = self.selected()
        if len(ids) != 1 or not self.delete_action.isEnabled():
            return
        ctx = self.get_ctx()
        try:
            name = self._label(ctx, ids[0])
        except InspectorError as exc:
            show_error(self.widget, exc)
            return
        answer = QMessageBox.question(
            self.widget, tr("Delete"),
            tr("Move %1 to Deleted items? It can be restored from there.").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row_id = ids[0]
        delete_fn = (merging.delete_merchant_unused if self.kind == merging.MERCHANT
                     else merging.delete_product_unused)

        def refused(exc: InspectorError) -> None:
            if not isinstance(exc, ConflictError):
                show_error(self.widget, exc)
                return
            box = QMessageBox(QMessageBox.Icon.Information, tr("Not deleted"), str(exc),
                              QMessageBox.StandardButton.Close, self.widget)
            box.setObjectName("delete_refused")
            box.setInformativeText(tr(
                "Select it together with the one to keep and choose Merge duplicates… "
                "(Ctrl+M)."))
            box.exec()

        run_op(self.widget, ctx, lambda: delete_fn(ctx, row_id),
               on_success=lambda _r: self._changed(ids), on_failure=refused)

    def _label(self, ctx: Context, row_id: int) -> str:
        if self.kind == merging.MERCHANT:
            m = merchants.get_merchant(ctx, row_id)
            return f"{m.name} ({m.shop_id})"
        p = catalog.get_product(ctx, row_id)
        return f"{p.name} ({p.brand})" if p.brand else p.name

    def _changed(self, _ids: list[int]) -> None:
        """After a change: the operation runner (ui/ops.py) has told every screen what the
        unit of work changed (merchants, their purchases and cases); this menu follows the
        new selection's state."""
        self.update()
