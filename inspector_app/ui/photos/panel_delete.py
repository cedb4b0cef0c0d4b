"""PanelDeleter: a PhotoPanel's Delete (asks first, soft delete) and its Undo (restore)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from inspector_app.domain.errors import InspectorError
from inspector_app.services import photos as photo_service
from inspector_app.ui import changes
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr

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
        done: list[int] = []
        try:
            for photo_id in ids:
                photo_service.delete_photo(panel.env.ctx, photo_id)
                done.append(photo_id)
        except InspectorError as exc:
            show_error(panel, exc)
        if not done:
            return
        self.last_deleted = done
        panel.reload()
        text = (
            tr("Photo deleted.")
            if len(done) == 1
            else tr("%1 photos deleted.").replace("%1", str(len(done)))
        )
        panel.message_bar.show_message(text, tr("Undo"), self.undo)
        panel.env.show_status(text)
        changes.notify(changes.PHOTO, done)
        panel.photos_changed.emit()

    def undo(self) -> None:
        """Restore the photos deleted last."""
        panel = self.panel
        ids, self.last_deleted = self.last_deleted, []
        restored: list[int] = []
        try:
            for photo_id in ids:
                photo_service.restore_photo(panel.env.ctx, photo_id)
                restored.append(photo_id)
        except InspectorError as exc:
            show_error(panel, exc)
        if not restored:
            return
        panel.reload()
        panel.view.selectionModel().clearSelection()
        for photo_id in restored:
            panel.select_photo(photo_id)
        panel.message_bar.show_message(
            tr("Photo restored.")
            if len(restored) == 1
            else tr("%1 photos restored.").replace("%1", str(len(restored)))
        )
        changes.notify(changes.PHOTO, restored)
        panel.photos_changed.emit()
