"""PhotoGridView: the thumbnail grid (a QListView in icon mode) that accepts dropped photos."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMimeData, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from inspector_app.ui.photos.importer import has_importable

logger = logging.getLogger(__name__)

#: Room under a thumbnail for its caption (two lines of text).
CAPTION_LINES = 2


class PhotoGridView(QListView):
    """Thumbnails in a wrapping grid; emits `dropped(mime)` for files or images dropped on it."""

    dropped = Signal(QMimeData)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_grid")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setWordWrap(True)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSpacing(6)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.accepting_drops = True
        self.empty_text = ""
        self._drag_over = False
        self.set_icon_edge(128)

    def set_icon_edge(self, edge: int) -> None:
        """Thumbnails fit edge x edge*3/4; the grid cell leaves room for two caption lines."""
        self.setIconSize(QSize(edge, edge * 3 // 4))
        line = self.fontMetrics().lineSpacing()
        self.setGridSize(QSize(edge + 16, edge * 3 // 4 + CAPTION_LINES * line + 14))

    # -- drops -------------------------------------------------------------------------

    def _wants(self, mime: QMimeData | None) -> bool:
        return self.accepting_drops and mime is not None and has_importable(mime)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._wants(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self._set_drag_over(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._wants(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event) -> None:  # noqa: N802
        self._set_drag_over(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self._set_drag_over(False)
        mime = event.mimeData()
        if not self._wants(mime):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(mime)

    def _set_drag_over(self, on: bool) -> None:
        self._drag_over = on
        self.viewport().update()

    # -- painting ----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        empty = model is None or model.rowCount() == 0
        if not (self._drag_over or (empty and self.empty_text)):
            return
        p = QPainter(self.viewport())
        rect = self.viewport().rect()
        if self._drag_over:
            highlight = self.palette().color(QPalette.ColorRole.Highlight)
            p.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
            fill = QColor(highlight)
            fill.setAlpha(30)
            p.setBrush(fill)
            p.drawRoundedRect(rect.adjusted(3, 3, -3, -3), 6, 6)
        if empty and self.empty_text:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(
                QRect(rect.adjusted(12, 12, -12, -12)),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        p.end()
