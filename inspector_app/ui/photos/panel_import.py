"""PanelImporter: what a PhotoPanel does to add photos (file dialog, paste, drop, the import task)."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from inspector_app.domain.errors import InspectorError
from inspector_app.ui.errors import show_error
from inspector_app.ui.i18n import tr
from inspector_app.ui.photos import importer
from inspector_app.ui.settings import PHOTO_ADD_DIR
from inspector_app.ui.tasks import Task

if TYPE_CHECKING:
    from inspector_app.ui.photos.panel import PhotoPanel

logger = logging.getLogger(__name__)

class PanelImporter(QObject):
    """Runs one import at a time for its panel; `finished(ImportOutcome)` when one ends."""

    finished = Signal(object)

    def __init__(self, panel: PhotoPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.task: Task | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and not self.task.is_done

    def _say(self, text: str) -> None:
        self.panel.message_bar.show_message(text)

    def choose_files(self) -> None:
        if not self.panel.editable:
            return
        settings = self.panel.env.settings
        paths, _filter = QFileDialog.getOpenFileNames(
            self.panel,
            tr("Add photos"),
            str(settings.folder(PHOTO_ADD_DIR)),
            importer.file_dialog_filter(),
        )
        if paths:
            settings.remember_folder(PHOTO_ADD_DIR, paths[0])
            self.add_files(paths)

    def paste(self) -> bool:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not importer.has_importable(mime):
            self._say(tr("The clipboard holds no image or photo files."))
            return False
        return self.add_from_mime(mime)

    def add_from_mime(self, mime: QMimeData) -> bool:
        if not self.panel.editable:
            return False
        files = importer.files_from_mime(mime)
        if files:
            return self.add_files(files) is not None
        if mime.hasUrls() and any(u.isLocalFile() for u in mime.urls()):
            self._say(tr("No photo files were found in what was dropped."))
            return False
        try:
            path = importer.image_from_mime(mime, importer.temp_folder(self.panel.env.ctx))
        except OSError as exc:
            self._say(tr("The image could not be saved for import: %1").replace("%1", str(exc)))
            return False
        if path is None:
            return False
        folder = path.parent
        task = self.add_files([path], cleanup=lambda: shutil.rmtree(folder, ignore_errors=True))
        return task is not None

    def add_files(
        self, paths: Iterable[str | Path], cleanup: Callable[[], None] | None = None
    ) -> Task | None:
        panel = self.panel
        if not panel.editable:
            return None
        if self.busy:
            self._say(tr("Wait for the running import to finish."))
            return None
        files = importer.expand_paths(paths)
        if not files:
            self._say(tr("No photo files were found in what was dropped."))
            return None
        try:
            self.task = importer.start_import(
                panel.env.ctx,
                files,
                panel.owner(),
                panel.role,
                parent=panel,
                on_finished=self._done,
                cleanup=cleanup,
            )
        except InspectorError as exc:
            if cleanup is not None:
                cleanup()
            show_error(panel, exc)
            return None
        return self.task

    def _done(self, outcome: importer.ImportOutcome) -> None:
        panel = self.panel
        panel.reload()
        stored = [r.photo_id for r in outcome.stored if r.photo_id is not None]
        if stored:
            panel.photos_changed.emit()
            panel.select_photo(stored[-1])
        self._say(outcome.summary())
        panel.env.show_status(outcome.summary())
        self.finished.emit(outcome)
        if outcome.rejected or outcome.flagged:
            importer.show_summary(panel, outcome)
