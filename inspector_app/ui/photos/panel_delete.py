"""PanelDeleter: a PhotoPanel's Delete (asks first, soft delete) and its Undo (restore)."""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from inspector_app.services import bulk, waste_basket
from inspector_app.ui.i18n import tr
from inspector_app.ui.ops import SLOW_SELECTION, run_op

if TYPE_CHECKING:
    from inspector_app.ui.photos.panel import PhotoPanel

logger = logging.getLogger(__name__)


class PanelDeleter(QObject):
    """Deletes the panel's selected photos and keeps their ids for one Undo."""

    def __init__(self, panel: PhotoPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.last_deleted: list[int] = []

    def forget(self) -> None:
        self.last_deleted = []

    def delete_selected(self) -> None:
        panel = self.panel
        ids = panel.selected_ids()
        if not ids or not panel.editable:
            return
        question = (
            tr("Delete this photo?")
            if len(ids) == 1
            else tr("Delete these %1 photos?").replace("%1", str(len(ids)))
        )
        answer = QMessageBox.question(
            panel,
            tr("Delete photos"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def deleted(done: list[int]) -> None:
            self.last_deleted = done
            panel.reload()
            text = (
                tr("Photo deleted.")
                if len(done) == 1
                else tr("%1 photos deleted.").replace("%1", str(len(done)))
            )
            panel.message_bar.show_message(text, tr("Undo"), self.undo)
            panel.env.show_status(text)
            panel.photos_changed.emit()

        # One transaction: a photo the role may not delete refuses the whole selection.
        run_op(panel, panel.env.ctx, partial(bulk.delete_steps, panel.env.ctx, "photo", ids),
               label=tr("Deleting photos…"), on_success=deleted,
               slow=len(ids) > SLOW_SELECTION, cancellable=True)

    def undo(self) -> None:
        """Restore the photos deleted last (one transaction)."""
        panel = self.panel
        ids, self.last_deleted = self.last_deleted, []

        def restored(result: waste_basket.RestoreResult) -> None:
            back = result.ids("photo")
            panel.reload()
            panel.view.selectionModel().clearSelection()
            for photo_id in back:
                panel.select_photo(photo_id)
            panel.message_bar.show_message(
                tr("Photo restored.")
                if len(back) == 1
                else tr("%1 photos restored.").replace("%1", str(len(back)))
            )
            panel.photos_changed.emit()

        run_op(panel, panel.env.ctx,
               lambda: waste_basket.restore_items(panel.env.ctx, [("photo", i) for i in ids]),
               on_success=restored)
