"""AnnotationScene: the photo and its shapes in a QGraphicsScene, with the drawing tools and undo.

Tools: SELECT (pick, move, resize by the selected shape's handles; the view pans when the
press hits no shape), ARROW, RECT, ELLIPSE (press, drag, release) and TEXT (click, then type
the text). Every finished change (a shape drawn, moved, resized, recoloured, deleted, a text
edited, an undo) emits `shapes_edited(shapes)` once with the whole list in the
photos.annotate JSON format; the viewer stores it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPixmap, QTransform
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from inspector_app.photos.annotate import DEFAULT_COLOR, MAX_TEXT
from inspector_app.ui.i18n import tr
from inspector_app.ui.keys import multiline_text
from inspector_app.ui.photos.handles import sync_handles
from inspector_app.ui.photos.shapes import AnnotationItem, TextItem, TwoPointItem, item_from_shape

logger = logging.getLogger(__name__)

SELECT, ARROW, RECT, ELLIPSE, TEXT = "select", "arrow", "rect", "ellipse", "text"
#: The tools, in toolbar order.
TOOLS = (SELECT, ARROW, RECT, ELLIPSE, TEXT)
#: A drag shorter than this fraction of the longer edge is a click, not a shape.
MIN_DRAG = 0.004
#: Undo steps kept per photo.
UNDO_DEPTH = 50


class AnnotationScene(QGraphicsScene):
    """One photo (scene rect = its displayed size in pixels) and the shapes drawn over it."""

    shapes_edited = Signal(list)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.photo_item = QGraphicsPixmapItem()
        self.photo_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.photo_item.setZValue(-1)
        self.addItem(self.photo_item)
        self.size = QSizeF(1, 1)
        self.tool = SELECT
        self.color = DEFAULT_COLOR
        self.editable = True
        self.annotations_visible = True
        self._drawing: TwoPointItem | None = None
        self._committed: list[dict] = []
        self._undo: list[list[dict]] = []
        self.selectionChanged.connect(self._sync_handles)

    # -- the photo ---------------------------------------------------------------------

    def set_photo_size(self, width: int, height: int) -> None:
        """Start on a new photo: its displayed size; shapes, undo and the pixmap are cleared."""
        self._drop_shapes()
        self._drawing = None
        self._undo.clear()
        self._committed = []
        self.size = QSizeF(max(1, width), max(1, height))
        self.photo_item.setPixmap(QPixmap())
        self.setSceneRect(QRectF(QPointF(0, 0), self.size))

    def set_pixmap(self, pixmap: QPixmap) -> None:
        """Show `pixmap` stretched over the photo's rect (a thumbnail first, then full size)."""
        self.photo_item.setPixmap(pixmap)
        if not pixmap.isNull():
            self.photo_item.setTransform(
                QTransform.fromScale(
                    self.size.width() / pixmap.width(), self.size.height() / pixmap.height()
                )
            )

    # -- shapes ------------------------------------------------------------------------

    def shape_items(self) -> list[AnnotationItem]:
        items = [
            i for i in self.items(Qt.SortOrder.AscendingOrder) if isinstance(i, AnnotationItem)
        ]
        return sorted(items, key=lambda i: i.zValue())

    def shapes(self) -> list[dict]:
        """The shapes as stored (photos.annotate format), in drawing order."""
        return [i.to_shape() for i in self.shape_items() if i is not self._drawing]

    def load_shapes(self, shapes: list[dict]) -> None:
        """Show these (validated) shapes as the saved state; the undo history is kept."""
        self._drop_shapes()
        for z, shape in enumerate(shapes):
            self._add(item_from_shape(shape, self.size), z)
        self._committed = self.shapes()

    def _add(self, item: AnnotationItem, z: float | None = None) -> None:
        item.setZValue(z if z is not None else len(self.shape_items()))
        item.set_editable(self.editable and self.tool == SELECT)
        item.setVisible(self.annotations_visible)
        self.addItem(item)

    def _sync_handles(self) -> None:
        editing = self.editable and self.tool == SELECT and self.annotations_visible
        sync_handles(self.shape_items(), editing)

    def _drop_shapes(self) -> None:
        for item in self.shape_items():
            self.removeItem(item)

    def _commit(self) -> None:
        """Record the change for undo and tell the viewer, if anything really changed."""
        now = self.shapes()
        if now == self._committed:
            return
        self._undo.append(self._committed)
        del self._undo[:-UNDO_DEPTH]
        self._committed = now
        self.shapes_edited.emit(now)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        if not self._undo or not self.editable:
            return
        previous = self._undo.pop()
        self.load_shapes(previous)
        self.shapes_edited.emit(previous)

    def revert(self) -> None:
        """Back to the last committed state without a signal (a save was refused)."""
        if self._undo:
            self.load_shapes(self._undo.pop())

    def delete_selected(self) -> int:
        chosen = [i for i in self.selectedItems() if isinstance(i, AnnotationItem)]
        if not chosen or not self.editable:
            return 0
        for item in chosen:
            self.removeItem(item)
        self._commit()
        return len(chosen)

    def set_color(self, color: str) -> None:
        """The colour of new shapes; selected shapes take it too."""
        self.color = QColor(color).name()
        chosen = [i for i in self.selectedItems() if isinstance(i, AnnotationItem)]
        if chosen and self.editable:
            for item in chosen:
                item.set_color(self.color)
            self._commit()

    def set_tool(self, tool: str) -> None:
        self.tool = tool
        if tool != SELECT:
            self.clearSelection()
        for item in self.shape_items():
            item.set_editable(self.editable and tool == SELECT)

    def set_editable(self, on: bool) -> None:
        self.editable = on
        self.set_tool(self.tool if on else SELECT)

    def set_annotations_visible(self, on: bool) -> None:
        self.annotations_visible = on
        for item in self.shape_items():
            item.setVisible(on)
            if not on:
                item.setSelected(False)

    # -- drawing -----------------------------------------------------------------------

    def _clamped(self, p: QPointF) -> QPointF:
        return QPointF(
            min(max(p.x(), 0.0), self.size.width()), min(max(p.y(), 0.0), self.size.height())
        )

    def _inside(self, p: QPointF) -> bool:
        return self.sceneRect().contains(p)

    def _drawing_allowed(self, event: QGraphicsSceneMouseEvent) -> bool:
        return (
            self.editable
            and self.annotations_visible
            and self.tool != SELECT
            and event.button() == Qt.MouseButton.LeftButton
            and self._inside(event.scenePos())
        )

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 - Qt override
        if not self._drawing_allowed(event):
            super().mousePressEvent(event)
            return
        event.accept()
        p = event.scenePos()
        if self.tool == TEXT:
            QTimer.singleShot(0, self, lambda: self.ask_text_at(p))
            return
        self._drawing = TwoPointItem(self.tool, self.size, p, p, self.color)
        self._add(self._drawing)
        self._drawing.set_editable(False)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drawing is not None:
            self._drawing.set_end(self._clamped(event.scenePos()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        if self._drawing is not None:
            item, self._drawing = self._drawing, None
            item.set_end(self._clamped(event.scenePos()))
            if item.length() < MIN_DRAG * max(self.size.width(), self.size.height()):
                self.removeItem(item)  # a click, not a shape
            else:
                item.set_editable(self.editable and self.tool == SELECT)
                self._commit()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self.tool == SELECT and self.editable:
            self._commit()  # a move ends here

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), QTransform())
        if self.tool == SELECT and self.editable and isinstance(item, TextItem):
            event.accept()
            QTimer.singleShot(0, self, lambda: self.edit_text(item))
            return
        super().mouseDoubleClickEvent(event)

    # -- text --------------------------------------------------------------------------

    def _ask(self, text: str = "") -> str | None:
        view = self.views()[0] if self.views() else None
        value, ok = multiline_text(
            view, tr("Text annotation"), tr("Text shown on the photo:"), text
        )
        value = value.strip()[:MAX_TEXT] if ok else ""
        return value or None

    def ask_text_at(self, p: QPointF) -> TextItem | None:
        """Ask for a text and place it with its top-left corner at `p`."""
        text = self._ask()
        if text is None:
            return None
        item = TextItem(self.size, self._clamped(p), text, self.color)
        self._add(item)
        self._commit()
        return item

    def edit_text(self, item: TextItem) -> None:
        text = self._ask(item.text)
        if text is not None and item.scene() is self:
            item.set_text(text)
            self._commit()
